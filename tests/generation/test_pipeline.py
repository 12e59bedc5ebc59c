import json

from rubricrl.generation import RefineConfig, grade_pairs, refine_rubric
from rubricrl.judges import FakeJudge
from rubricrl.rubric import Criterion, Rubric


def met_if(keyword_by_criterion):
    """A scripted judge: criterion met iff its keyword occurs in the response."""

    def answer(call):
        user = call.messages[-1]["content"]
        cid = user.split("CRITERION ")[-1].split(":")[0]
        response = user.split("RESPONSE:")[1].split("CRITERION ")[0]
        return json.dumps({"evidence": "", "met": keyword_by_criterion[cid] in response})

    return answer


RUBRIC = Rubric(
    id="r",
    criteria=[
        Criterion(id="always", description="Is written in text."),
        Criterion(id="src", description="Cites a source."),
        Criterion(id="src2", description="Mentions where facts come from."),
        Criterion(id="polite", description="Is polite."),
    ],
)
KEYS = {"always": " ", "src": "source", "src2": "source", "polite": "please"}
SAMPLES = [("q", t) for t in ["a source here", "please no", "please, a source", "plain text"]]


async def test_refine_drops_flat_and_redundant_then_reweights():
    judge = FakeJudge(script=met_if(KEYS))
    result = await refine_rubric(judge, RUBRIC, SAMPLES)
    assert [c.id for c in result.rubric.criteria] == ["src", "polite"]
    assert [s.step for s in result.steps] == [
        "drop_nondiscriminating",
        "drop_redundant",
        "reweight_correlation",
    ]
    versions = [r.version for r in result.versions]
    assert versions == ["2", "3"]
    assert result.rubric.provenance.parent_version == "2"


async def test_refine_with_pairs_fits_preference_weights():
    judge = FakeJudge(script=met_if(KEYS))
    pairs = [
        ("q", "see source", "plain"),
        ("q", "a source, please", "please"),
        ("q", "source", "x y"),
    ]
    result = await refine_rubric(judge, RUBRIC, SAMPLES, pairs=pairs, config=RefineConfig(l2=0.5))
    assert result.steps[-1].step == "reweight_preferences"
    weights = {c.id: c.weight for c in result.rubric.criteria}
    assert weights["src"] > weights["polite"]
    chosen, rejected = await grade_pairs(judge, result.rubric, pairs)
    assert all(c.value > r.value for c, r in zip(chosen, rejected, strict=True))
