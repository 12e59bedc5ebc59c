"""Batch statistics of rubric rewards, as flat ``name -> float`` metrics for trainer logs."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rubricrl.rubric import Reward


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def criterion_means(rewards: Sequence[Reward], limit: int = 64) -> dict[str, float]:
    """Mean score of each criterion over the samples where it was scored.

    Unscored criteria are left out of the mean (a failure is not a number). At most ``limit``
    criteria are reported (instance rubrics can have one id per prompt).

    >>> from rubricrl.rubric import CriterionScore
    >>> reward = Reward(value=1.0, criteria=[CriterionScore(id="a", score=1.0)])
    >>> criterion_means([reward, reward])
    {'a': 1.0}
    """
    scored: dict[str, list[float]] = defaultdict(list)
    for reward in rewards:
        for score in reward.criteria:
            if score.score is not None:
                scored[score.id].append(score.score)
    return {cid: _mean(values) for cid, values in list(scored.items())[:limit]}


def flag_rates(rewards: Sequence[Reward]) -> dict[str, float]:
    """Fraction of samples on which each flag (hacking detector or judge flag) fired.

    >>> from rubricrl.rubric import Flag
    >>> flagged = Reward(value=0.0, flags=[Flag(name="padding", evidence="x")])
    >>> flag_rates([flagged, Reward(value=1.0)])
    {'padding': 0.5}
    """
    if not rewards:
        return {}
    counts: dict[str, int] = defaultdict(int)
    for reward in rewards:
        for name in {flag.name for flag in reward.flags}:
            counts[name] += 1
    return {name: count / len(rewards) for name, count in sorted(counts.items())}


def reward_metrics(rewards: Sequence[Reward], prefix: str, limit: int = 64) -> dict[str, float]:
    """All batch metrics of one reward function, keyed ``{prefix}/...``.

    Keys: ``abstain_rate``, ``veto_rate``, ``flagged_rate`` (any flag), ``coverage``,
    ``value_mean`` (scored samples only; absent when all abstained), ``criteria/<id>`` and
    ``flags/<name>``.

    >>> metrics = reward_metrics([Reward(value=None), Reward(value=0.5)], "r")
    >>> metrics["r/abstain_rate"], metrics["r/value_mean"]
    (0.5, 0.5)
    """
    if not rewards:
        return {}
    values = [reward.value for reward in rewards if reward.value is not None]
    metrics = {
        f"{prefix}/abstain_rate": 1.0 - len(values) / len(rewards),
        f"{prefix}/veto_rate": _mean([1.0 if reward.vetoed_by else 0.0 for reward in rewards]),
        f"{prefix}/flagged_rate": _mean([1.0 if reward.flags else 0.0 for reward in rewards]),
        f"{prefix}/coverage": _mean([reward.coverage for reward in rewards]),
    }
    if values:
        metrics[f"{prefix}/value_mean"] = _mean(values)
    for cid, mean in criterion_means(rewards, limit).items():
        metrics[f"{prefix}/criteria/{cid}"] = mean
    for name, rate in flag_rates(rewards).items():
        metrics[f"{prefix}/flags/{name}"] = rate
    return metrics
