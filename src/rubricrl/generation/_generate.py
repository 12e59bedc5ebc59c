"""LLM rubric generation: instance, contrastive (OpenRubrics-style) and task-level rubrics.

Every call goes through the :class:`~rubricrl.judges.Judge` protocol with a JSON Schema
(structured output). A reply that does not parse, or that does not convert into a valid rubric,
is retried once with a message naming the problem; a second failure is a rejection with a
reason code, never a silently repaired rubric.
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.generation._prompts import (
    GENERATION_TEMPLATE_VERSION,
    Messages,
    contrastive_messages,
    instance_messages,
    retry_message,
    task_messages,
)
from rubricrl.generation._schema import GenerationError, rubric_from_reply, rubric_schema
from rubricrl.judges import Judge, JudgeCall, JudgeError, ReplyError, parse_json_object
from rubricrl.rubric import Rubric

_ID_SAFE = re.compile(r"[^A-Za-z0-9_.:-]+")


class GenerationConfig(BaseModel):
    """Settings shared by the generators."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    max_criteria: int = Field(default=6, ge=1, le=16, description="Criterion slots offered.")
    tiered: bool = Field(default=False, description="Ask for poor/fair/good tiers.")
    max_tokens: int = Field(default=1200, ge=64, description="Reply token limit per call.")
    attempts: int = Field(default=2, ge=1, le=3, description="Calls per rubric (1 retry).")
    temperature: float = Field(default=0.0, ge=0, le=2)
    max_input_chars: int = Field(
        default=6000, ge=100, description="Each prompt/response is cut to this many characters."
    )


class GenerationResult(BaseModel):
    """A generated rubric, or the reason none was accepted; with the cost and the raw replies."""

    model_config = ConfigDict(frozen=True)

    rubric: Rubric | None = None
    reason: str | None = Field(default=None, description="Reason code of the rejection.")
    detail: str | None = None
    attempts: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    replies: list[str] = Field(default_factory=list, description="Raw replies (truncated).")

    @property
    def ok(self) -> bool:
        """Whether a rubric was accepted."""
        return self.rubric is not None


def rubric_id_for(kind: str, text: str) -> str:
    """A stable id from the kind and a hash of the source text, e.g. ``gen-instance-1a2b...``."""
    return f"gen-{kind}-{hashlib.sha256(text.encode('utf-8')).hexdigest()[:16]}"


def safe_id(text: str) -> str:
    """Coerce free text into an identifier (``[A-Za-z0-9_.:-]``, at most 100 characters)."""
    cleaned = _ID_SAFE.sub("-", text).strip("-.:_")[:100]
    return cleaned or "rubric"


async def _ask(
    judge: Judge, messages: Messages, header: dict[str, Any], config: GenerationConfig
) -> GenerationResult:
    schema = rubric_schema(config.max_criteria, config.tiered)
    replies: list[str] = []
    tokens = [0, 0]
    reason, detail = "judge_error", ""
    for attempt in range(1, config.attempts + 1):
        call = JudgeCall(
            messages=messages,
            schema=schema,
            schema_name="generated_rubric",
            max_tokens=config.max_tokens,
            temperature=config.temperature,
        )
        try:
            reply = await judge.complete(call)
        except JudgeError as error:
            reason, detail = f"judge_error:{error.reason}", str(error)
            continue
        replies.append(reply.text[:4000])
        tokens = [tokens[0] + reply.prompt_tokens, tokens[1] + reply.completion_tokens]
        try:
            rubric = rubric_from_reply(parse_json_object(reply.text), header, config.tiered)
        except (ReplyError, GenerationError) as error:
            reason, detail = error.reason, str(error)
            messages = (
                *messages,
                {"role": "assistant", "content": reply.text[:4000]},
                retry_message(detail),
            )
            continue
        return GenerationResult(
            rubric=rubric,
            attempts=attempt,
            prompt_tokens=tokens[0],
            completion_tokens=tokens[1],
            replies=replies,
        )
    return GenerationResult(
        reason=reason,
        detail=detail[:500],
        attempts=config.attempts,
        prompt_tokens=tokens[0],
        completion_tokens=tokens[1],
        replies=replies,
    )


def _header(
    rubric_id: str, granularity: str, judge: Judge, note: str, **extra: Any
) -> dict[str, Any]:
    return {
        "id": rubric_id,
        "granularity": granularity,
        "provenance": {
            "source": "llm",
            "note": f"{note}; judge={judge.id}; templates={GENERATION_TEMPLATE_VERSION}",
        },
        **{key: value for key, value in extra.items() if value is not None},
    }


async def generate_instance_rubric(
    judge: Judge,
    prompt: str,
    *,
    reference: str | None = None,
    rubric_id: str | None = None,
    prompt_id: str | None = None,
    tags: Sequence[str] = (),
    config: GenerationConfig | None = None,
) -> GenerationResult:
    """Generate an instance rubric for one prompt (and a reference answer, when given).

    Args:
        judge: Any judge; its reply must follow the generated-rubric schema.
        prompt: The prompt the rubric is for.
        reference: An optional good answer that shows what must be covered.
        rubric_id: The id; defaults to a hash of the prompt.
        prompt_id: The prompt's id; defaults to the rubric id.
        tags: Tags stored on the rubric.
        config: Generation settings.

    Returns:
        The accepted rubric, or the reason it was rejected after the retry.

    >>> import asyncio, json
    >>> from rubricrl.judges import FakeJudge
    >>> reply = json.dumps({"description": "", "criteria": {"c1": {
    ...     "description": "Names the capital, Paris.", "importance": "essential"}}})
    >>> asyncio.run(generate_instance_rubric(FakeJudge(script=[reply]), "Capital of France?",
    ...     config=GenerationConfig(max_criteria=1))).rubric.criteria[0].weight
    3.0
    """
    config = config or GenerationConfig()
    rubric_id = rubric_id or rubric_id_for("instance", prompt + (reference or ""))
    cut = config.max_input_chars
    messages = instance_messages(
        prompt[:cut], reference[:cut] if reference else None, config.max_criteria, config.tiered
    )
    note = "instance rubric" + (" with reference answer" if reference else "")
    header = _header(
        rubric_id, "instance", judge, note, prompt_id=prompt_id or rubric_id, tags=list(tags)
    )
    return await _ask(judge, messages, header, config)


async def generate_contrastive_rubric(
    judge: Judge,
    prompt: str,
    better: Sequence[str],
    worse: Sequence[str],
    *,
    rubric_id: str | None = None,
    prompt_id: str | None = None,
    tags: Sequence[str] = (),
    config: GenerationConfig | None = None,
) -> GenerationResult:
    """Generate an instance rubric from preferred and worse responses (contrastive generation).

    Pass one pair (``better=[chosen]``, ``worse=[rejected]``) or a group ranked into two sets.

    Raises:
        ValueError: If either set is empty.
    """
    if not better or not worse:
        raise ValueError("contrastive generation needs at least one better and one worse response")
    config = config or GenerationConfig()
    rubric_id = rubric_id or rubric_id_for("contrastive", prompt)
    cut = config.max_input_chars
    messages = contrastive_messages(
        prompt[:cut],
        [text[:cut] for text in better],
        [text[:cut] for text in worse],
        config.max_criteria,
        config.tiered,
    )
    note = f"contrastive rubric from {len(better)} preferred and {len(worse)} worse responses"
    header = _header(
        rubric_id, "instance", judge, note, prompt_id=prompt_id or rubric_id, tags=list(tags)
    )
    return await _ask(judge, messages, header, config)


async def generate_task_rubric(
    judge: Judge,
    task: str,
    prompts: Sequence[str],
    *,
    sample_size: int = 8,
    seed: int = 0,
    rubric_id: str | None = None,
    config: GenerationConfig | None = None,
) -> GenerationResult:
    """Generate one task-level rubric from a seeded sample of the task's prompts.

    Raises:
        ValueError: If ``prompts`` is empty.
    """
    if not prompts:
        raise ValueError("task-level generation needs at least one prompt")
    config = config or GenerationConfig()
    sample = random.Random(seed).sample(list(prompts), min(sample_size, len(prompts)))
    cut = min(config.max_input_chars, 1500)
    messages = task_messages(task, [p[:cut] for p in sample], config.max_criteria, config.tiered)
    note = f"task rubric from {len(sample)} of {len(prompts)} prompts (seed {seed})"
    header = _header(
        rubric_id or safe_id(f"gen-task-{task}"), "task", judge, note, task=task, tags=[task]
    )
    return await _ask(judge, messages, header, config)
