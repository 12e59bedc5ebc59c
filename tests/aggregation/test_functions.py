import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rubricrl.aggregation import aggregate, saturate
from rubricrl.rubric import AggregationConfig, Criterion, Interaction, Rubric, Shaping


def _rubric(*criteria: Criterion, **aggregation: object) -> Rubric:
    return Rubric(id="r", criteria=list(criteria), aggregation=AggregationConfig(**aggregation))


A = Criterion(id="a", description="A", weight=3)
B = Criterion(id="b", description="B", weight=1)
PIT = Criterion(id="pit", description="pitfall", weight=-2)
VETO = Criterion(id="v", description="must hold", veto=True)


def test_weighted_hand_values() -> None:
    # (3*0.5 + 1*1 - 2*1) / (3 + 1) = 0.5 / 4
    assert aggregate(_rubric(A, B, PIT), {"a": 0.5, "b": 1.0, "pit": 1.0}).value == 0.125


def test_weighted_clips_at_zero() -> None:
    assert aggregate(_rubric(A, B, PIT), {"a": 0.0, "b": 0.0, "pit": 1.0}).value == 0.0


def test_veto_fires_and_overrides() -> None:
    result = aggregate(_rubric(A, VETO, veto_value=0.1), {"a": 1.0, "v": 0.0})
    assert result.value == 0.1 and result.vetoed_by == ("v",)


def test_veto_threshold_per_criterion() -> None:
    strict = Criterion(id="v", description="x", veto=True, veto_threshold=0.9)
    assert aggregate(_rubric(A, strict), {"a": 1.0, "v": 0.8}).vetoed_by == ("v",)
    assert aggregate(_rubric(A, strict), {"a": 1.0, "v": 0.95}).value == 1.0


def test_unscored_veto_abstains_unless_another_veto_fired() -> None:
    other = Criterion(id="w", description="y", veto=True)
    assert aggregate(_rubric(A, VETO), {"a": 1.0, "v": None}).value is None
    assert aggregate(_rubric(A, VETO, other), {"a": 1.0, "v": None, "w": 0.0}).value == 0.0


def test_abstain_renormalizes_above_coverage() -> None:
    c = Criterion(id="c", description="C", weight=1)
    # weights 3,1,1 ; b unscored -> coverage 4/5 = 0.8 >= 0.8 ; (3*1 + 1*0)/4
    result = aggregate(_rubric(A, B, c), {"a": 1.0, "b": None, "c": 0.0})
    assert result.value == 0.75 and math.isclose(result.coverage, 0.8)


def test_abstain_below_coverage_gives_none_never_zero() -> None:
    result = aggregate(_rubric(A, B), {"a": None, "b": 1.0})
    assert result.value is None and result.abstain_reason == "low_coverage:0.25"


def test_missing_criterion_counts_as_unscored() -> None:
    assert aggregate(_rubric(A, B), {"b": 1.0}).value is None


def test_saturation_hand_value() -> None:
    k = 3.0
    expected = (3 * saturate(0.5, k) + 1 * saturate(1.0, k)) / 4
    result = aggregate(_rubric(A, B, method="saturation", saturation_k=k), {"a": 0.5, "b": 1.0})
    assert math.isclose(result.value or -1, expected)
    assert math.isclose(saturate(0.5, 3.0), (1 - math.exp(-1.5)) / (1 - math.exp(-3)))


def test_saturation_prefers_balance() -> None:
    rubric = _rubric(
        Criterion(id="a", description="A"), Criterion(id="b", description="B"), method="saturation"
    )
    balanced = aggregate(rubric, {"a": 0.5, "b": 0.5}).value or 0
    lopsided = aggregate(rubric, {"a": 1.0, "b": 0.0}).value or 0
    assert balanced > lopsided


def test_interaction_min_hand_value() -> None:
    rubric = _rubric(A, B, interactions=[Interaction(a="a", b="b", gamma=2.0, kind="min")])
    # N = 3*1 + 1*0.5 + 2*min(1, .5) = 4.5 ; D = 3 + 1 + 2 = 6
    assert aggregate(rubric, {"a": 1.0, "b": 0.5}).value == 0.75


def test_interaction_conflict_product() -> None:
    rubric = _rubric(A, B, interactions=[Interaction(a="a", b="b", gamma=-1.0, kind="product")])
    # N = 3 + 1 - 1*1*1 = 3 ; D = 4
    assert aggregate(rubric, {"a": 1.0, "b": 1.0}).value == 0.75


def test_shaping_power_and_piecewise() -> None:
    power = _rubric(A, shaping=Shaping(kind="power", p=2))
    assert aggregate(power, {"a": 0.5}).value == 0.25
    knots = Shaping(kind="piecewise", knots=[(0, 0), (0.5, 0.1), (1, 1)])
    assert math.isclose(aggregate(_rubric(A, shaping=knots), {"a": 0.75}).value or -1, 0.55)


def test_only_pitfalls_scored_abstains() -> None:
    rubric = _rubric(A, PIT, min_coverage=0.0)
    assert aggregate(rubric, {"a": None, "pit": 1.0}).abstain_reason == "no_positive_weight_scored"


scores = st.floats(min_value=0, max_value=1, allow_nan=False)
methods = st.sampled_from(["weighted", "saturation"])


@given(scores, scores, scores, methods)
def test_bounded_in_unit_interval(a: float, b: float, p: float, method: str) -> None:
    value = aggregate(_rubric(A, B, PIT, method=method), {"a": a, "b": b, "pit": p}).value
    assert value is not None and 0.0 <= value <= 1.0


@given(scores, scores, st.floats(min_value=0, max_value=0.5), methods)
def test_monotone_in_positive_criterion(a: float, b: float, delta: float, method: str) -> None:
    rubric = _rubric(A, B, method=method)
    low = aggregate(rubric, {"a": a, "b": b}).value or 0
    high = aggregate(rubric, {"a": min(1.0, a + delta), "b": b}).value or 0
    assert high >= low - 1e-12


@given(scores, scores)
def test_order_invariant(a: float, b: float) -> None:
    forward = aggregate(_rubric(A, B), {"a": a, "b": b}).value
    backward = aggregate(_rubric(B, A), {"b": b, "a": a}).value
    assert forward is not None and backward is not None and math.isclose(forward, backward)


@pytest.mark.parametrize("method", ["weighted", "saturation"])
def test_all_max_scores_give_one(method: str) -> None:
    rubric = _rubric(A, B, PIT, method=method, interactions=[Interaction(a="a", b="b", gamma=1.0)])
    assert math.isclose(aggregate(rubric, {"a": 1, "b": 1, "pit": 0}).value or 0, 1.0)
