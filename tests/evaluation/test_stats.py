import numpy as np
import pytest

from rubricrl.evaluation import bootstrap_ci, pairwise_stats


def test_hand_counted_stats() -> None:
    stats = pairwise_stats([0.9, 0.8, 0.5, 0.1, None], [0.1, 0.2, 0.5, 0.9, 0.3])
    assert (stats.n, stats.n_scored, stats.wins, stats.losses, stats.ties) == (5, 4, 2, 1, 1)
    assert stats.accuracy == pytest.approx(2.5 / 4)
    assert stats.tie_rate == 0.25 and stats.abstain_rate == 0.2
    assert stats.ci_low is not None and stats.ci_high is not None
    assert stats.ci_low <= stats.accuracy <= stats.ci_high


def test_all_abstained_has_no_accuracy() -> None:
    stats = pairwise_stats([None, None], [0.1, None])
    assert stats.accuracy is None and stats.abstain_rate == 1.0


def test_bootstrap_ci_is_deterministic_and_narrows() -> None:
    outcomes = np.array([1.0, 0.0] * 10)
    assert bootstrap_ci(outcomes, seed=1) == bootstrap_ci(outcomes, seed=1)
    wide = bootstrap_ci(outcomes)
    narrow = bootstrap_ci(np.array([1.0, 0.0] * 500))
    assert (narrow[1] - narrow[0]) < (wide[1] - wide[0])
