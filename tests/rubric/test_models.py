import pytest
from pydantic import ValidationError

from rubricrl.rubric import AggregationConfig, Criterion, Rubric, Shaping, Tier


def _tiered(**kwargs: object) -> Criterion:
    base = dict(
        id="t",
        kind="tiered",
        description="d",
        tiers=[Tier(score=0, description="a"), Tier(score=2, description="b")],
    )
    base.update(kwargs)
    return Criterion(**base)  # type: ignore[arg-type]


def test_tier_normalization_maps_ends_to_0_and_1() -> None:
    criterion = _tiered(
        tiers=[
            Tier(score=1, description="x"),
            Tier(score=3, description="y"),
            Tier(score=5, description="z"),
        ]
    )
    assert [criterion.normalize(s) for s in (1, 3, 5)] == [0.0, 0.5, 1.0]


def test_tiers_must_increase() -> None:
    with pytest.raises(ValidationError, match="strictly increasing"):
        _tiered(tiers=[Tier(score=2, description="a"), Tier(score=1, description="b")])


def test_binary_criterion_cannot_have_tiers() -> None:
    with pytest.raises(ValidationError, match="only tiered"):
        Criterion(
            id="b",
            description="d",
            tiers=[Tier(score=0, description="a"), Tier(score=1, description="b")],
        )


def test_verifier_kind_requires_spec() -> None:
    with pytest.raises(ValidationError, match="go together"):
        Criterion(id="v", description="d", kind="verifier")


def test_nan_weight_rejected() -> None:
    with pytest.raises(ValidationError):
        Criterion(id="c", description="d", weight=float("nan"))


def test_duplicate_ids_rejected() -> None:
    with pytest.raises(ValidationError, match="duplicate criterion ids: a"):
        Rubric(
            id="r",
            criteria=[Criterion(id="a", description="x"), Criterion(id="a", description="y")],
        )


def test_template_syntax_rejected() -> None:
    with pytest.raises(ValidationError, match="template syntax"):
        Criterion(id="c", description="Give {{ score }} points")


def test_interaction_must_reference_criteria() -> None:
    with pytest.raises(ValidationError, match="unknown criterion 'zz'"):
        Rubric(
            id="r",
            criteria=[Criterion(id="a", description="x")],
            aggregation=AggregationConfig(interactions=[{"a": "a", "b": "zz", "gamma": 1}]),
        )


def test_rubric_needs_positive_or_veto_criterion() -> None:
    with pytest.raises(ValidationError, match="positive-weight or veto"):
        Rubric(id="r", criteria=[Criterion(id="a", description="x", weight=-1)])


def test_instance_rubric_needs_prompt_id() -> None:
    with pytest.raises(ValidationError, match="prompt_id"):
        Rubric(id="r", granularity="instance", criteria=[Criterion(id="a", description="x")])


def test_content_hash_is_stable_and_sensitive() -> None:
    a = Rubric(id="r", criteria=[Criterion(id="a", description="x")])
    b = Rubric(id="r", criteria=[Criterion(id="a", description="x")])
    c = Rubric(id="r", criteria=[Criterion(id="a", description="x", weight=2)])
    assert a.content_hash == b.content_hash
    assert a.content_hash != c.content_hash


def test_rubric_is_frozen() -> None:
    rubric = Rubric(id="r", criteria=[Criterion(id="a", description="x")])
    with pytest.raises(ValidationError):
        rubric.id = "other"  # type: ignore[misc]


def test_piecewise_knots_validated() -> None:
    with pytest.raises(ValidationError, match="start at"):
        Shaping(kind="piecewise", knots=[(0.1, 0), (1, 1)])
    with pytest.raises(ValidationError, match="increase"):
        Shaping(kind="piecewise", knots=[(0, 0), (0.5, 0.6), (0.4, 0.7), (1, 1)])


def test_model_copy_recomputes_the_content_hash() -> None:
    rubric = Rubric(id="r", criteria=[Criterion(id="a", description="x")])
    before = rubric.content_hash
    changed = rubric.model_copy(update={"defense": True})
    assert changed.content_hash != before
    assert changed.content_hash == Rubric.model_validate(changed.model_dump()).content_hash
