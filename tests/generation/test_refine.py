import numpy as np
import pytest

from rubricrl.generation import (
    drop_nondiscriminating,
    drop_redundant,
    new_version,
    next_version,
    reweight_correlation,
    reweight_preferences,
    score_matrix,
)
from rubricrl.rubric import (
    AggregationConfig,
    Criterion,
    CriterionScore,
    Interaction,
    Provenance,
    Reward,
    Rubric,
)

NAN = np.nan


def rubric(*descriptions, source="human", **kw):
    criteria = [Criterion(id=f"c{i}", description=d) for i, d in enumerate(descriptions, 1)]
    return Rubric(id="r", criteria=criteria, provenance=Provenance(source=source), **kw)


def test_next_version_and_provenance_of_new_version():
    base = rubric("Is polite.", "Cites a source.")
    child = new_version(base, base.criteria[:1], "demo", "why")
    assert next_version("9") == "10" and next_version("v1") == "v1.1"
    assert child.version == "2" and child.provenance.source == "hybrid"
    assert child.provenance.parent_hash == base.content_hash
    assert child.provenance.note == "refine:demo why"
    assert rubric("x x x", source="llm").provenance.source == "llm"


def test_new_version_drops_interactions_of_removed_criteria():
    base = rubric(
        "Is polite.",
        "Cites a source.",
        aggregation=AggregationConfig(interactions=[Interaction(a="c1", b="c2", gamma=0.5)]),
    )
    assert new_version(base, base.criteria[:1], "s", "").aggregation.interactions == ()


def test_score_matrix_maps_ids_and_keeps_unscored_missing():
    base = rubric("Is polite.", "Cites a source.")
    rewards = [
        Reward(
            value=0.5,
            criteria=[
                CriterionScore(id="c2", score=1.0),
                CriterionScore.unscored("c1", "parse_failure"),
            ],
        ),
        Reward(value=None, criteria=[]),
    ]
    matrix = score_matrix(base, rewards)
    assert np.isnan(matrix[0, 0]) and matrix[0, 1] == 1.0 and np.isnan(matrix[1]).all()


def test_drop_nondiscriminating_keeps_veto_and_sparse_criteria():
    base = Rubric(
        id="r",
        criteria=[
            Criterion(id="flat", description="Always true thing."),
            Criterion(id="vary", description="Sometimes true."),
            Criterion(id="rare", description="Seldom scored."),
            Criterion(id="safe", description="No harm.", veto=True),
        ],
    )
    scores = np.array([[1, 0, NAN, 1], [1, 1, NAN, 1], [1, 0, 1, 1]], dtype=float)
    step = drop_nondiscriminating(base, scores, min_std=0.05)
    assert step.changed and [c.id for c in step.rubric.criteria] == ["vary", "rare", "safe"]
    assert "dropped ['flat']" in step.rubric.provenance.note


def test_drop_never_leaves_rubric_without_positive_criterion():
    base = rubric("Is polite.")
    step = drop_nondiscriminating(base, np.array([[1.0], [1.0]]))
    assert not step.changed and step.rubric is base and "no positive" in step.detail


def test_drop_redundant_by_correlation_and_by_text():
    base = rubric(
        "Is polite to the user.", "Greets the user politely.", "Cites a source.", "Cites a source!"
    )
    scores = np.array([[1, 1, 0, 0], [0, 0, 1, 1], [1, 1, 1, 0], [0, 0, 0, 1]], dtype=float)
    step = drop_redundant(base, scores, max_correlation=0.95, max_similarity=0.95)
    assert [c.id for c in step.rubric.criteria] == ["c1", "c3"]
    assert "c2~c1 (r=1.00)" in step.detail and "c4~c3 (cos=" in step.detail


def test_reweight_correlation_and_preferences_make_versions():
    base = rubric("Is polite.", "Greets politely.", "Cites a source.")
    scores = np.array([[1, 1, 0], [0, 0, 1], [1, 1, 1], [0, 0, 0]], dtype=float)
    step = reweight_correlation(base, scores)
    assert step.changed and [c.weight for c in step.rubric.criteria] == [0.75, 0.75, 1.5]
    chosen = np.array([[1, 0, 1], [1, 1, 1], [0, 0, 1]], dtype=float)
    rejected = np.array([[0, 0, 0], [1, 1, 0], [0, 1, 0]], dtype=float)
    pref = reweight_preferences(base, chosen, rejected, l2=0.5)
    weights = [c.weight for c in pref.rubric.criteria]
    assert weights[2] == max(weights) and sum(w for w in weights if w > 0) == pytest.approx(3.0)
    assert "bradley-terry" in pref.rubric.provenance.note


def test_reweight_that_kills_every_positive_weight_is_refused():
    base = rubric("Is polite.")
    step = reweight_preferences(base, np.array([[0.0]]), np.array([[1.0]]), l2=0.1)
    assert not step.changed and "no positive" in step.detail
