"""Tests of the batch metrics behind the TRL adapter (rubricrl.rewards._trl_metrics)."""

from rubricrl.rewards._trl_metrics import criterion_means, flag_rates, reward_metrics
from rubricrl.rubric import CriterionScore, Flag, Reward


def test_criterion_means_skip_unscored() -> None:
    rewards = [
        Reward(value=1.0, criteria=[CriterionScore(id="a", score=1.0)]),
        Reward(value=None, criteria=[CriterionScore(id="a", score=None, status="error")]),
        Reward(value=0.0, criteria=[CriterionScore(id="a", score=0.0)]),
    ]
    assert criterion_means(rewards) == {"a": 0.5}


def test_flag_rates_count_samples_not_flags() -> None:
    twice = Reward(value=0.0, flags=[Flag(name="x"), Flag(name="x")])
    assert flag_rates([twice, Reward(value=1.0)]) == {"x": 0.5}


def test_reward_metrics_rates() -> None:
    vetoed = Reward(value=0.0, vetoed_by=["safety"], coverage=0.5)
    metrics = reward_metrics([vetoed, Reward(value=None, coverage=0.0)], "r")
    assert metrics["r/veto_rate"] == 0.5
    assert metrics["r/abstain_rate"] == 0.5
    assert metrics["r/coverage"] == 0.25
    assert reward_metrics([], "r") == {}
