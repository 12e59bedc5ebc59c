import json

import pytest
from pydantic import ValidationError

from rubricrl.rubric import CriterionScore, Reward


def test_unscored_has_no_number() -> None:
    score = CriterionScore.unscored("c", "timeout", "x" * 5000, status="error")
    assert score.score is None and score.status == "error" and len(score.detail or "") == 2000


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -0.1, 1.5])
def test_scores_are_finite_and_bounded(bad: float) -> None:
    with pytest.raises(ValidationError):
        CriterionScore(id="c", score=bad)


def test_none_reward_serializes_as_null() -> None:
    data = json.loads(Reward(value=None, abstain_reason="veto_unscored:v").model_dump_json())
    assert data["value"] is None and data["abstain_reason"] == "veto_unscored:v"
