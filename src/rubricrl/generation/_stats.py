"""Pure statistics for refinement: discrimination, redundancy and learned weights (numpy only).

Inputs are score matrices: rows are graded responses, columns are a rubric's criteria, entries
are normalised criterion scores in [0, 1] and NaN where a criterion was not scored. NaN lives
only inside these statistics (an unscored criterion is missing data, never a 0 or a 1); no
function here produces a reward.

- Discrimination: the standard deviation of a criterion's observed scores; a criterion that is
  (nearly) always met or never met cannot separate responses (RRD's "filter" step keeps only
  criteria whose scores vary).
- Redundancy: Pearson correlation on pairwise-complete rows; highly correlated pairs measure
  the same thing twice.
- Correlation-aware weights (our formula, after RRD's motivation that correlated criteria
  over-count one dimension): ``w_i' = w_i / (1 + sum_{j != i} max(r_ij, 0))`` over positive
  criteria, rescaled so the sum of positive weights is unchanged.
- Preference weights: a Bradley-Terry model ``P(a > b) = sigmoid(w . (s_a - s_b))`` fitted by
  Newton's method with an L2 penalty ``l2/2 * |w|^2``; a missing score contributes a zero
  difference.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Matrix = npt.NDArray[np.float64]


def discrimination(scores: Matrix) -> Matrix:
    """Per-criterion standard deviation over observed scores (NaN with fewer than 2).

    >>> discrimination(np.array([[1.0, 0.0], [1.0, 1.0]])).tolist()
    [0.0, 0.5]
    """
    result = np.full(scores.shape[1], np.nan)
    for column in range(scores.shape[1]):
        observed = scores[:, column][~np.isnan(scores[:, column])]
        if observed.size >= 2:
            result[column] = float(observed.std())
    return result


def met_rate(scores: Matrix) -> Matrix:
    """Per-criterion mean of observed scores (NaN when nothing was observed)."""
    result = np.full(scores.shape[1], np.nan)
    for column in range(scores.shape[1]):
        observed = scores[:, column][~np.isnan(scores[:, column])]
        if observed.size:
            result[column] = float(observed.mean())
    return result


def correlation(scores: Matrix) -> Matrix:
    """Pearson correlations on pairwise-complete rows; NaN where undefined (constant column).

    >>> float(correlation(np.array([[0.0, 0.0], [1.0, 1.0], [0.5, 0.5]]))[0, 1])
    1.0
    """
    size = scores.shape[1]
    result = np.full((size, size), np.nan)
    for i in range(size):
        for j in range(i, size):
            both = ~np.isnan(scores[:, i]) & ~np.isnan(scores[:, j])
            a, b = scores[both, i], scores[both, j]
            if a.size >= 3 and a.std() > 0 and b.std() > 0:
                value = float(np.clip(np.corrcoef(a, b)[0, 1], -1.0, 1.0))
                result[i, j] = result[j, i] = round(value, 12)
    return result


def correlated_pairs(scores: Matrix, threshold: float = 0.9) -> list[tuple[int, int, float]]:
    """Column pairs ``(i, j, r)`` with ``i < j`` and correlation ``r >= threshold``."""
    corr = correlation(scores)
    size = corr.shape[0]
    return [
        (i, j, float(corr[i, j]))
        for i in range(size)
        for j in range(i + 1, size)
        if not np.isnan(corr[i, j]) and corr[i, j] >= threshold
    ]


def similar_pairs(vectors: Matrix, threshold: float = 0.9) -> list[tuple[int, int, float]]:
    """Row pairs of unit vectors with cosine similarity ``>= threshold``."""
    cosine = vectors @ vectors.T
    size = cosine.shape[0]
    return [
        (i, j, float(cosine[i, j]))
        for i in range(size)
        for j in range(i + 1, size)
        if cosine[i, j] >= threshold
    ]


def correlation_aware_weights(weights: Matrix, scores: Matrix) -> Matrix:
    """Shrink the weights of positive criteria that correlate with other positive criteria.

    >>> scores = np.array([[0, 0, 1], [1, 1, 0], [1, 1, 1], [0, 0, 0]], dtype=float)
    >>> correlation_aware_weights(np.array([1.0, 1.0, 1.0]), scores).round(3).tolist()
    [0.75, 0.75, 1.5]
    """
    positive = weights > 0
    corr = np.nan_to_num(correlation(scores), nan=0.0)
    np.fill_diagonal(corr, 0.0)
    overlap = (np.clip(corr, 0.0, None) * positive[None, :]).sum(axis=1)
    adjusted = np.where(positive, weights / (1.0 + overlap), weights)
    total, new_total = weights[positive].sum(), adjusted[positive].sum()
    if new_total > 0:
        adjusted = np.where(positive, adjusted * total / new_total, adjusted)
    return np.asarray(adjusted, dtype=np.float64)


def fit_preference_weights(
    chosen: Matrix, rejected: Matrix, l2: float = 1.0, iterations: int = 50
) -> Matrix:
    """Bradley-Terry weights from paired score matrices (row k: chosen vs rejected of pair k).

    Args:
        chosen: Scores of the preferred responses, shape (pairs, criteria).
        rejected: Scores of the other responses, same shape.
        l2: Strength of the L2 penalty (> 0 keeps the problem well posed).
        iterations: Newton steps at most.

    Returns:
        One weight per criterion (may be negative: a criterion that marks worse responses).

    >>> c = np.array([[1.0, 0.0], [1.0, 1.0], [1.0, 0.0]])
    >>> r = np.array([[0.0, 0.0], [0.0, 1.0], [0.0, 1.0]])
    >>> w = fit_preference_weights(c, r, l2=0.1)
    >>> bool(w[0] > 0 > w[1])
    True
    """
    if chosen.shape != rejected.shape:
        raise ValueError("chosen and rejected score matrices must have the same shape")
    diff = np.nan_to_num(chosen - rejected, nan=0.0)
    weights = np.zeros(diff.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(diff @ weights)))
        gradient = diff.T @ (1.0 - p) - l2 * weights
        hessian = (diff.T * (p * (1.0 - p))) @ diff + l2 * np.eye(diff.shape[1])
        step = np.linalg.solve(hessian, gradient)
        weights = weights + step
        if float(np.abs(step).max(initial=0.0)) < 1e-9:
            break
    return weights


def pairwise_accuracy(chosen: Matrix, rejected: Matrix) -> tuple[float, int, int]:
    """(accuracy, ties, counted) of ``chosen > rejected``; NaN pairs are skipped, ties count 0.5.

    >>> pairwise_accuracy(np.array([0.9, 0.5, np.nan]), np.array([0.1, 0.5, 0.2]))
    (0.75, 1, 2)
    """
    valid = ~np.isnan(chosen) & ~np.isnan(rejected)
    counted = int(valid.sum())
    if counted == 0:
        return float("nan"), 0, 0
    wins = float((chosen[valid] > rejected[valid]).sum())
    ties = int((chosen[valid] == rejected[valid]).sum())
    return (wins + 0.5 * ties) / counted, ties, counted
