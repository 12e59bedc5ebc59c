"""Tests of the TRL reward adapter (rubricrl.rewards.trl)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from rubricrl.judges import FakeJudge
from rubricrl.rewards.trl import RubricReward, completion_text, prompt_text, with_criteria
from rubricrl.rubric import Criterion, Flag, Rubric, VerifierSpec
from rubricrl.scoring import GradingItem
from rubricrl.verifiers import VerifierResult, verifier, verifier_names

if "test_trl_undecided" not in verifier_names():

    @verifier("test_trl_undecided")
    def _undecided(response: str, *, prompt: str = "") -> VerifierResult:
        return VerifierResult(None, "cannot tell")

    @verifier("test_trl_short")
    def _short(response: str, *, prompt: str = "", max_words: int = 3) -> VerifierResult:
        return VerifierResult(1.0 if len(response.split()) <= max_words else 0.0, "words")


POLITE = Rubric(id="polite", criteria=[Criterion(id="polite", description="Is polite.")])
UNDECIDED = Rubric(
    id="undecided",
    criteria=[
        Criterion(
            id="u",
            description="Undecidable.",
            kind="verifier",
            verifier=VerifierSpec(name="test_trl_undecided"),
        )
    ],
)
SHORT = Criterion(
    id="short",
    description="Short.",
    kind="verifier",
    verifier=VerifierSpec(name="test_trl_short", args={"max_words": 3}),
)


class CountingJudge(FakeJudge):
    """A fake judge that counts closes (one judge per reward object)."""

    def __init__(self, policy: Any = "approve") -> None:
        super().__init__(policy)
        self.closes = 0

    async def aclose(self) -> None:
        self.closes += 1


def test_plain_format_returns_one_value_per_completion() -> None:
    with RubricReward("fake:approve", default_rubric=POLITE) as reward:
        assert reward(prompts=["a", "b"], completions=["x", "y"]) == [1.0, 1.0]


def test_conversational_format_uses_user_turns_and_assistant_text() -> None:
    seen: list[GradingItem] = []
    with RubricReward("fake:reject", default_rubric=POLITE) as reward:
        original = reward.grade

        def spy(items: Any) -> Any:
            seen.extend(items)
            return original(items)

        reward.grade = spy  # type: ignore[method-assign]
        prompts = [[{"role": "system", "content": "S"}, {"role": "user", "content": "Q"}]]
        completions = [[{"role": "assistant", "content": "A"}]]
        assert reward(prompts=prompts, completions=completions) == [0.0]
    assert (seen[0].prompt, seen[0].response) == ("Q", "A")


def test_abstained_sample_is_none_not_a_number() -> None:
    with RubricReward("fake:approve", default_rubric=UNDECIDED) as reward:
        assert reward(prompts=["p"], completions=["c"]) == [None]
        assert reward.last_metrics["rubric/abstain_rate"] == 1.0
        assert "rubric/value_mean" not in reward.last_metrics


def test_row_rubric_by_id_inline_dict_and_json_text() -> None:
    inline = {"id": "inline", "criteria": [{"id": "c", "description": "C."}]}
    with RubricReward("fake:approve", rubrics=[POLITE, UNDECIDED]) as reward:
        values = reward(
            prompts=["p"] * 4,
            completions=["c"] * 4,
            rubric=["polite", "undecided", inline, json.dumps(inline)],
        )
    assert values == [1.0, None, 1.0, 1.0]


def test_unknown_rubric_id_is_a_clear_error() -> None:
    with RubricReward("fake:approve", rubrics=[POLITE]) as reward:
        with pytest.raises(ValueError, match="unknown rubric 'nope'; known: polite"):
            reward(prompts=["p"], completions=["c"], rubric=["nope"])


def test_missing_rubric_without_default_is_an_error() -> None:
    with RubricReward("fake:approve") as reward:
        with pytest.raises(ValueError, match="no default_rubric"):
            reward(prompts=["p"], completions=["c"])


def test_extra_verifier_criteria_join_every_rubric() -> None:
    with RubricReward("fake:approve", default_rubric=POLITE, extra_criteria=[SHORT]) as reward:
        values = reward(prompts=["p", "p"], completions=["two words", "far too many words here"])
        assert values == [1.0, 0.5]
        assert reward.last_metrics["rubric/criteria/short"] == 0.5
        assert reward.last_metrics["rubric/criteria/polite"] == 1.0


def test_metrics_go_to_log_metric_with_flag_rates() -> None:
    def flagger(item: GradingItem) -> list[Flag]:
        return [Flag(name="padding", evidence="x")] if "pad" in item.response else []

    logged: dict[str, float] = {}
    reward = RubricReward("fake:approve", default_rubric=POLITE, flaggers=[flagger], name="r")
    try:
        reward(
            prompts=["p", "p"],
            completions=["pad pad", "ok"],
            log_metric=logged.__setitem__,
            trainer_state=object(),
            completion_ids=[[1], [2]],
        )
    finally:
        reward.close()
    assert logged["r/flags/padding"] == 0.5
    assert logged["r/flagged_rate"] == 0.5
    assert logged["r/abstain_rate"] == 0.0
    assert logged["r/criteria/polite"] == 1.0


def test_one_judge_and_engine_live_across_calls() -> None:
    judge = CountingJudge()
    reward = RubricReward(judge, default_rubric=POLITE)
    reward(prompts=["p"], completions=["c"])
    engine = reward._engine
    reward(prompts=["p"], completions=["c"])
    assert reward._engine is engine and engine is not None and engine.judge is judge
    reward.close()
    reward.close()
    assert judge.closes == 1


def test_name_attribute_for_trainer_logs() -> None:
    assert RubricReward("fake:approve", name="writing").__name__ == "writing"


def test_text_helpers() -> None:
    assert prompt_text([{"role": "system", "content": "only system"}]) == "only system"
    assert completion_text("plain") == "plain"


def test_with_criteria_keeps_existing_ids() -> None:
    same = Criterion(id="polite", description="Other.")
    assert with_criteria(POLITE, [same]) is POLITE
