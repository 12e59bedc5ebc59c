import numpy as np
import pytest

from rubricrl.generation import (
    correlated_pairs,
    correlation,
    correlation_aware_weights,
    discrimination,
    fit_preference_weights,
    met_rate,
    pairwise_accuracy,
)

NAN = np.nan


def test_discrimination_and_met_rate_ignore_missing_scores():
    scores = np.array([[1, 0, NAN], [1, 1, NAN], [1, NAN, 0.5]], dtype=float)
    spread = discrimination(scores)
    assert spread[0] == 0 and spread[1] == pytest.approx(0.5) and np.isnan(spread[2])
    assert met_rate(scores).tolist()[:2] == [1.0, 0.5]


def test_correlation_pairwise_complete_and_constant_columns_undefined():
    scores = np.array([[0, 0, 1, 1], [1, 1, 1, 0], [1, 1, 1, 1], [0, NAN, 1, 0]], dtype=float)
    corr = correlation(scores)
    assert corr[0, 1] == pytest.approx(1.0) and np.isnan(corr[0, 2])
    assert correlated_pairs(scores, 0.9) == [(0, 1, pytest.approx(1.0))]


def test_correlation_aware_weights_keep_total_and_leave_pitfalls():
    scores = np.array([[0, 0, 1, 0], [1, 1, 0, 1], [1, 1, 1, 0], [0, 0, 0, 1]], dtype=float)
    weights = np.array([2.0, 2.0, 1.0, -1.0])
    adjusted = correlation_aware_weights(weights, scores)
    assert adjusted[3] == -1.0
    assert adjusted[:3].sum() == pytest.approx(5.0)
    assert adjusted[0] == adjusted[1] < 2.0 < adjusted[2] * 2


def test_preference_fit_recovers_signal_direction():
    rng = np.random.default_rng(0)
    chosen = rng.integers(0, 2, size=(200, 3)).astype(float)
    rejected = rng.integers(0, 2, size=(200, 3)).astype(float)
    true = np.array([2.0, 0.0, -1.0])
    margin = (chosen - rejected) @ true
    flip = margin < 0
    chosen[flip], rejected[flip] = rejected[flip].copy(), chosen[flip].copy()
    weights = fit_preference_weights(chosen, rejected, l2=0.5)
    assert weights[0] > abs(weights[1]) and weights[2] < 0
    strong = fit_preference_weights(chosen, rejected, l2=100.0)
    assert np.abs(strong).sum() < np.abs(weights).sum()


def test_preference_fit_treats_missing_as_no_difference_and_checks_shape():
    weights = fit_preference_weights(np.array([[NAN, 1.0]]), np.array([[0.0, 0.0]]))
    assert weights[0] == 0 and weights[1] > 0
    with pytest.raises(ValueError):
        fit_preference_weights(np.zeros((2, 2)), np.zeros((2, 3)))


def test_pairwise_accuracy_counts_ties_half_and_skips_missing():
    assert pairwise_accuracy(np.array([1.0, 0.2, 0.5]), np.array([0.0, 0.3, 0.5])) == (0.5, 1, 3)
    accuracy, _, counted = pairwise_accuracy(np.array([NAN]), np.array([1.0]))
    assert counted == 0 and np.isnan(accuracy)
