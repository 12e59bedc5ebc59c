"""Statistics for judge agreement: pairwise accuracy with bootstrap intervals, ties, abstains."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel


class PairwiseStats(BaseModel):
    """Agreement of a scorer with human preferences over (chosen, rejected) pairs.

    ``accuracy`` counts a tie as half right and is computed over pairs where both rewards exist;
    abstained pairs are excluded and reported separately, never counted as wrong or right.
    """

    n: int
    n_scored: int
    wins: int
    losses: int
    ties: int
    accuracy: float | None
    ci_low: float | None
    ci_high: float | None
    tie_rate: float | None
    abstain_rate: float


def _outcomes(chosen: Sequence[float | None], rejected: Sequence[float | None]) -> np.ndarray:
    values = [
        1.0 if c > r else 0.0 if c < r else 0.5
        for c, r in zip(chosen, rejected, strict=True)
        if c is not None and r is not None
    ]
    return np.asarray(values, dtype=float)


def bootstrap_ci(
    outcomes: np.ndarray, level: float = 0.95, resamples: int = 2000, seed: int = 0
) -> tuple[float, float]:
    """Percentile bootstrap interval of the mean of ``outcomes``.

    >>> bootstrap_ci(np.ones(10))
    (1.0, 1.0)
    """
    rng = np.random.default_rng(seed)
    samples = rng.choice(outcomes, size=(resamples, len(outcomes)), replace=True).mean(axis=1)
    alpha = (1.0 - level) / 2
    low, high = np.quantile(samples, [alpha, 1.0 - alpha])
    return float(low), float(high)


def pairwise_stats(
    chosen: Sequence[float | None], rejected: Sequence[float | None], seed: int = 0
) -> PairwiseStats:
    """Accuracy, tie rate, abstain rate and a 95% bootstrap interval.

    Args:
        chosen: Reward of the human-preferred response per pair (None = abstained).
        rejected: Reward of the other response per pair.
        seed: Bootstrap seed.

    Returns:
        PairwiseStats; accuracy fields are None when no pair could be scored.

    >>> s = pairwise_stats([0.9, 0.5, None, 0.2], [0.1, 0.5, 0.3, 0.8])
    >>> (s.wins, s.ties, s.losses, s.accuracy, s.abstain_rate)
    (1, 1, 1, 0.5, 0.25)
    """
    outcomes = _outcomes(chosen, rejected)
    n = len(chosen)
    scored = len(outcomes)
    if scored == 0:
        return PairwiseStats(
            n=n,
            n_scored=0,
            wins=0,
            losses=0,
            ties=0,
            accuracy=None,
            ci_low=None,
            ci_high=None,
            tie_rate=None,
            abstain_rate=1.0 if n else 0.0,
        )
    low, high = bootstrap_ci(outcomes, seed=seed)
    return PairwiseStats(
        n=n,
        n_scored=scored,
        wins=int((outcomes == 1.0).sum()),
        losses=int((outcomes == 0.0).sum()),
        ties=int((outcomes == 0.5).sum()),
        accuracy=float(outcomes.mean()),
        ci_low=low,
        ci_high=high,
        tie_rate=float((outcomes == 0.5).mean()),
        abstain_rate=(n - scored) / n,
    )
