"""Held-out evaluation summaries (rubricrl.training._evaluate)."""

from rubricrl.rubric import CriterionScore, Reward
from rubricrl.training import passed, summarize


def reward(*scores: float | None) -> Reward:
    criteria = [CriterionScore(id=f"c{i}", score=s) for i, s in enumerate(scores)]
    values = [s for s in scores if s is not None]
    return Reward(value=sum(values) / len(values) if values else None, criteria=criteria)


def test_passed_is_three_valued() -> None:
    assert passed(reward(1.0, 1.0)) is True
    assert passed(reward(1.0, 0.0)) is False
    assert passed(reward(1.0, None)) is None


def test_summary_pass_rate_counts_only_decided_prompts() -> None:
    result = summarize("ifeval", "pass_rate", [reward(1.0), reward(0.0), reward(None)], 2.0)
    assert result.pass_rate == 0.5 and result.value == 0.5
    assert result.reward_mean == 0.5
    assert round(result.abstain_rate, 6) == round(1 / 3, 6)
    assert result.prompts == 3
