"""Pure aggregation functions: criterion scores in, one reward out.

Notation (docs/aggregation.md has the full text): s_i in [0, 1] is criterion i's score, w_i its
weight (negative = pitfall), S the set of scored non-veto criteria, P_S = sum of w_i > 0 over S.

1. veto      any veto criterion with s_v < t_v  ->  R = veto_value (other veto outcomes ignored);
             else any unscored veto criterion   ->  R = None (we cannot know the constraint holds).
2. coverage  c = sum_{i in S} |w_i| / sum_i |w_i|; c < min_coverage -> R = None.
3. base      weighted:   N = sum_{i in S} w_i s_i
             saturation: N = sum_{i in S} w_i f(s_i) for w_i > 0 (pitfalls stay linear), with
                         f(s) = (1 - exp(-k s)) / (1 - exp(-k)), concave, f(0)=0, f(1)=1.
             D = P_S (no positive weight scored -> R = None).
4. interact  for each declared pair (a, b, gamma) with both scored: N += gamma * g(s_a, s_b),
             g = min ("both needed") or product ("synergy"); D += gamma when gamma > 0, so the
             maximum stays 1 and a conflict (gamma < 0) can only subtract.
5. clip      R = clip(N / D, 0, 1).
6. shaping   power: R ** p; piecewise: linear interpolation through monotone knots.

Every function here is pure: no I/O, clock, randomness or globals beyond the registry.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from rubricrl._registry import lookup, register
from rubricrl.rubric import CriterionScore, Rubric, Shaping

BaseCombiner = Callable[[list[tuple[float, float]], float], tuple[float, float]]


@dataclass(frozen=True)
class AggregateResult:
    """The outcome of aggregation; ``value`` None means abstain, with a reason."""

    value: float | None
    coverage: float = 1.0
    vetoed_by: tuple[str, ...] = ()
    abstain_reason: str | None = None
    components: dict[str, float] = field(default_factory=dict)


def saturate(score: float, k: float) -> float:
    """Concave saturation map f(s) = (1 - e^(-k s)) / (1 - e^(-k)).

    >>> round(saturate(0.5, 3.0), 4)
    0.8176
    """
    return (1.0 - math.exp(-k * score)) / (1.0 - math.exp(-k))


@register("aggregator", "weighted")
def weighted(pairs: list[tuple[float, float]], k: float = 0.0) -> tuple[float, float]:
    """Weighted sum: N = sum w_i s_i, D = sum of positive w_i.

    Args:
        pairs: (weight, score) of each scored non-veto criterion.
        k: Unused; present so every base combiner has one signature.

    Returns:
        (numerator, denominator).

    >>> weighted([(2.0, 1.0), (1.0, 0.5), (-1.0, 1.0)])
    (1.5, 3.0)
    """
    numerator = sum(w * s for w, s in pairs)
    return numerator, sum(w for w, _ in pairs if w > 0)


@register("aggregator", "saturation")
def saturation(pairs: list[tuple[float, float]], k: float = 3.0) -> tuple[float, float]:
    """Saturating sum: positive weights see f(s) (see :func:`saturate`), pitfalls stay linear.

    >>> n, d = saturation([(1.0, 0.5), (1.0, 0.5)], k=3.0)
    >>> round(n / d, 4)
    0.8176
    """
    numerator = sum(w * (saturate(s, k) if w > 0 else s) for w, s in pairs)
    return numerator, sum(w for w, _ in pairs if w > 0)


@register("shaping", "power")
def shape_power(value: float, shaping: Shaping) -> float:
    """R ** p: p > 1 stretches the high region, p < 1 the low one.

    >>> shape_power(0.5, Shaping(kind="power", p=2.0))
    0.25
    """
    return float(value**shaping.p)


@register("shaping", "piecewise")
def shape_piecewise(value: float, shaping: Shaping) -> float:
    """Linear interpolation through monotone knots from (0, 0) to (1, 1).

    >>> knots = [(0, 0), (0.5, 0.2), (1, 1)]
    >>> round(shape_piecewise(0.75, Shaping(kind="piecewise", knots=knots)), 6)
    0.6
    """
    knots = shaping.knots
    for (x0, y0), (x1, y1) in zip(knots, knots[1:], strict=False):
        if value <= x1:
            return y0 + (y1 - y0) * (value - x0) / (x1 - x0)
    return knots[-1][1]


def _veto_outcome(rubric: Rubric, scores: Mapping[str, float | None]) -> AggregateResult | None:
    fired, unscored = [], []
    for criterion in rubric.criteria:
        if not criterion.veto:
            continue
        threshold = criterion.veto_threshold
        if threshold is None:
            threshold = rubric.aggregation.veto_threshold
        score = scores.get(criterion.id)
        if score is None:
            unscored.append(criterion.id)
        elif score < threshold:
            fired.append(criterion.id)
    if fired:
        return AggregateResult(rubric.aggregation.veto_value, vetoed_by=tuple(fired))
    if unscored:
        return AggregateResult(None, abstain_reason=f"veto_unscored:{','.join(unscored)}")
    return None


def _coverage(rubric: Rubric, scores: Mapping[str, float | None]) -> float:
    weighted_criteria = [c for c in rubric.criteria if not c.veto and c.weight != 0]
    total = sum(abs(c.weight) for c in weighted_criteria)
    if total == 0:
        return 1.0
    scored = sum(abs(c.weight) for c in weighted_criteria if scores.get(c.id) is not None)
    return scored / total


def _interactions(rubric: Rubric, scores: Mapping[str, float | None]) -> tuple[float, float]:
    numerator = denominator = 0.0
    for pair in rubric.aggregation.interactions:
        score_a, score_b = scores.get(pair.a), scores.get(pair.b)
        if score_a is None or score_b is None:
            continue
        joint = min(score_a, score_b) if pair.kind == "min" else score_a * score_b
        numerator += pair.gamma * joint
        denominator += max(pair.gamma, 0.0)
    return numerator, denominator


def scores_by_id(criterion_scores: Iterable[CriterionScore]) -> dict[str, float | None]:
    """Map criterion id to its normalised score (None when unscored)."""
    return {cs.id: cs.score for cs in criterion_scores}


def aggregate(
    rubric: Rubric, scores: Mapping[str, float | None] | Iterable[CriterionScore]
) -> AggregateResult:
    """Aggregate criterion scores into one reward with the rubric's configured rule.

    Args:
        rubric: The rubric; its ``aggregation`` block selects the rule.
        scores: Criterion id -> score in [0, 1] (None = unscored), or CriterionScore records.
            A criterion missing from ``scores`` counts as unscored.

    Returns:
        AggregateResult; ``value`` is None (abstain) when a veto is unscored or coverage is low.

    >>> from rubricrl.rubric import Criterion
    >>> r = Rubric(id="r", criteria=[Criterion(id="a", description="A", weight=2),
    ...                              Criterion(id="b", description="B", weight=1)])
    >>> aggregate(r, {"a": 1.0, "b": 0.0}).value
    0.6666666666666666
    """
    score_map = scores if isinstance(scores, Mapping) else scores_by_id(scores)
    config = rubric.aggregation
    veto = _veto_outcome(rubric, score_map)
    if veto is not None:
        return veto
    coverage = _coverage(rubric, score_map)
    if coverage < config.min_coverage:
        return AggregateResult(None, coverage, abstain_reason=f"low_coverage:{coverage:.2f}")
    pairs = [
        (c.weight, s)
        for c in rubric.criteria
        if not c.veto and c.weight != 0 and (s := score_map.get(c.id)) is not None
    ]
    combiner: BaseCombiner = lookup("aggregator", config.method)
    numerator, denominator = combiner(pairs, config.saturation_k)
    if denominator <= 0:
        return AggregateResult(None, coverage, abstain_reason="no_positive_weight_scored")
    extra_numerator, extra_denominator = _interactions(rubric, score_map)
    raw = (numerator + extra_numerator) / (denominator + extra_denominator)
    value = min(1.0, max(0.0, raw))
    if config.shaping is not None:
        shaper: Callable[[float, Shaping], float] = lookup("shaping", config.shaping.kind)
        value = min(1.0, max(0.0, shaper(value, config.shaping)))
    return AggregateResult(value, coverage, components={"raw": raw})
