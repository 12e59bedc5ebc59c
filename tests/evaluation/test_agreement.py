import json
from pathlib import Path

from rubricrl.evaluation import PreferencePair, evaluate_pairs, load_pairs
from rubricrl.judges import FakeJudge, JudgeCall
from rubricrl.rubric import Rubric

from ..conftest import REPO

PAIRS = [
    PreferencePair(id=str(i), prompt="Q", chosen=f"good {i}", rejected=f"bad {i}") for i in range(4)
]


def _oracle(call: JudgeCall) -> str:
    """Prefers any text containing 'good'; answers each schema kind."""
    user = call.messages[-1]["content"]
    props = call.schema["properties"]
    if "better" in props:
        first = user.index("RESPONSE A:")
        second = user.index("RESPONSE B:")
        a_good = "good" in user[first:second]
        return json.dumps({"better": "A" if a_good else "B"})
    good = "good" in user.split("RESPONSE:")[1]
    if "score" in props:
        return json.dumps({"evidence": "", "score": 9 if good else 2})
    key = "tier" if "tier" in props else "met"
    value = (2 if good else 0) if key == "tier" else good
    return json.dumps({"evidence": "", key: value})


async def test_oracle_judge_agrees_everywhere(simple_rubric: Rubric) -> None:
    report = await evaluate_pairs(PAIRS, simple_rubric, FakeJudge(script=_oracle))
    assert report.methods["holistic"].accuracy == 1.0
    assert report.methods["pairwise"].accuracy == 1.0
    assert report.position_consistency == 1.0
    assert report.per_criterion["correct"]["accuracy"] == 1.0


async def test_slot_biased_judge_is_inconsistent(simple_rubric: Rubric) -> None:
    report = await evaluate_pairs(PAIRS, simple_rubric, FakeJudge("approve"), methods=["pairwise"])
    # "approve" always answers the last enum value ("B"), whatever the order: a pure slot bias.
    assert report.position_consistency == 0.0
    assert report.methods["pairwise"].tie_rate == 1.0


async def test_failing_judge_abstains(simple_rubric: Rubric) -> None:
    report = await evaluate_pairs(PAIRS, simple_rubric, FakeJudge(script=lambda c: "nonsense"))
    for stats in report.methods.values():
        assert stats.accuracy is None and stats.abstain_rate == 1.0


def test_load_shared_pairs() -> None:
    path = REPO.parent / "shared" / "data" / "pairs" / "hh_harmless_dev.jsonl"
    if not path.exists():  # the shared folder sits beside the checkout in this workplace
        path = Path(__file__).parent / "pairs_sample.jsonl"
    pairs = load_pairs(path, limit=5)
    assert len(pairs) == 5 and all(p.chosen and p.rejected for p in pairs)
