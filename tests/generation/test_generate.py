import asyncio
import re

import pytest

from rubricrl.generation import (
    GenerationConfig,
    generate_contrastive_rubric,
    generate_instance_rubric,
    generate_task_rubric,
)
from rubricrl.judges import FakeJudge, JudgeError

from .helpers import reply

GOOD = reply(("Names Paris as the capital.", "essential"), ("Invents a population.", "pitfall"))


async def test_instance_rubric_from_scripted_judge():
    judge = FakeJudge(script=[GOOD])
    result = await generate_instance_rubric(judge, "Capital of France?", reference="Paris.")
    assert result.ok and result.attempts == 1
    rubric = result.rubric
    assert rubric.granularity == "instance" and rubric.prompt_id == rubric.id
    assert rubric.provenance.source == "llm" and "reference" in rubric.provenance.note
    assert [c.weight for c in rubric.criteria] == [3.0, -2.0]
    call = judge.calls[0]
    assert call.schema_name == "generated_rubric" and "Paris." in call.messages[1]["content"]


@pytest.mark.parametrize("policy", ["approve", "reject", "random"])
async def test_schema_driven_fake_replies_are_rejected_with_reason(policy):
    result = await generate_instance_rubric(FakeJudge(policy), "Capital of France?")
    assert not result.ok
    assert result.reason in {"empty_description", "no_criteria"}
    assert result.attempts == 2 and len(result.replies) == 2


async def test_retry_once_names_the_problem_then_accepts():
    judge = FakeJudge(script=["not json", GOOD])
    result = await generate_instance_rubric(judge, "Q?")
    assert result.ok and result.attempts == 2
    retry = judge.calls[1].messages
    assert retry[-2]["role"] == "assistant" and "parse_failure" in retry[-1]["content"]


async def test_judge_errors_become_rejections():
    judge = FakeJudge(script=[JudgeError("timeout", retryable=True)] * 2)
    result = await generate_instance_rubric(judge, "Q?")
    assert result.reason == "judge_error:timeout" and result.rubric is None


async def test_contrastive_rubric_shows_both_sets():
    judge = FakeJudge(script=[GOOD])
    result = await generate_contrastive_rubric(judge, "Q?", ["better answer"], ["worse answer"])
    assert result.ok and "1 preferred and 1 worse" in result.rubric.provenance.note
    content = judge.calls[0].messages[1]["content"]
    assert "better answer" in content and "worse answer" in content
    with pytest.raises(ValueError):
        await generate_contrastive_rubric(judge, "Q?", [], ["x"])


async def test_task_rubric_samples_prompts_deterministically():
    prompts = [f"prompt number {i}" for i in range(20)]
    judge = FakeJudge(script=[GOOD, GOOD])
    first = await generate_task_rubric(judge, "advice", prompts, sample_size=3, seed=1)
    second = await generate_task_rubric(judge, "advice", prompts, sample_size=3, seed=1)
    assert first.rubric.granularity == "task" and first.rubric.task == "advice"

    def unfenced(call):
        return re.sub(r"DATA-[0-9a-f]+", "F", call.messages[1]["content"])

    assert unfenced(judge.calls[0]) == unfenced(judge.calls[1])
    assert "3 of 20 prompts" in first.rubric.provenance.note
    assert first.rubric == second.rubric


async def test_tiered_generation_schema_and_config_limits():
    judge = FakeJudge("approve")
    await generate_instance_rubric(
        judge, "Q?", config=GenerationConfig(max_criteria=2, tiered=True)
    )
    slots = judge.calls[0].schema["properties"]["criteria"]["properties"]
    assert list(slots) == ["c1", "c2"] and "tiers" in slots["c1"]["properties"]


def test_generation_runs_concurrently_with_one_judge():
    judge = FakeJudge(script=lambda call: GOOD)

    async def many():
        return await asyncio.gather(*(generate_instance_rubric(judge, f"Q{i}?") for i in range(20)))

    results = asyncio.run(many())
    assert len({r.rubric.id for r in results}) == 20
