"""Rollouts: sample k responses per prompt into a resumable JSONL journal.

Each output row is one sample: ``{"id": "{prompt_id}#{sample_index}", "prompt_id",
"sample_index", "prompt", "response", "task", "rubric", "policy", "params", "seed",
"prompt_tokens", "completion_tokens", "finish_reason"}``; the ``id`` form lets graded rows
(``rubricrl grade`` keeps ids) map back to their prompt. Rows are appended and flushed as they
finish, so a killed run leaves whole rows plus at most one partial line; a resumed run cuts
that line, keeps every finished sample and generates only the missing sample indices. A sample
that fails is reported in the summary (reason counts), never written as an empty response.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.data._policies import Generation, Policy, PolicyError, SamplingParams, sample_seed
from rubricrl.data._rows import DataError, PromptRow, iter_jsonl
from rubricrl.scoring import InputError, backoff_delay_s, finished_ids

SAMPLE_ID_SEP = "#"


class RolloutConfig(BaseModel):
    """How many samples, how fast, how persistent."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    samples: int = Field(default=4, ge=1, le=1024, description="k responses per prompt.")
    params: SamplingParams = Field(default_factory=SamplingParams)
    concurrency: int = Field(default=8, ge=1, le=4096, description="Calls in flight.")
    max_attempts: int = Field(default=3, ge=1, le=10, description="Tries per call.")
    backoff_base_s: float = Field(default=0.5, ge=0, le=60)


@dataclass
class RolloutSummary:
    """What a rollout run did; throughput counts only samples generated in this run."""

    prompts: int
    samples_wanted: int
    skipped: int = 0
    written: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    elapsed_s: float = 0.0
    failures: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready summary with samples/s and completion tokens/s."""
        elapsed = max(self.elapsed_s, 1e-9)
        return {
            "prompts": self.prompts,
            "samples_wanted": self.samples_wanted,
            "skipped": self.skipped,
            "written": self.written,
            "failed": sum(self.failures.values()),
            "failures": dict(self.failures),
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "elapsed_s": round(self.elapsed_s, 3),
            "samples_per_s": round(self.written / elapsed, 3),
            "tokens_per_s": round(self.completion_tokens / elapsed, 3),
        }


def sample_id(prompt_id: str, sample_index: int) -> str:
    """The rollout row id.

    >>> sample_id("ifeval-1000", 3)
    'ifeval-1000#3'
    """
    return f"{prompt_id}{SAMPLE_ID_SEP}{sample_index}"


def split_sample_id(row_id: str) -> tuple[str, int]:
    """Invert :func:`sample_id` (the prompt id may itself contain ``#``).

    >>> split_sample_id("a#b#2")
    ('a#b', 2)
    """
    prompt_id, sep, index = row_id.rpartition(SAMPLE_ID_SEP)
    if not sep or not index.isdigit():
        raise DataError(f"id {row_id!r} is not of the form PROMPT_ID#SAMPLE_INDEX")
    return prompt_id, int(index)


def rollout_row(
    row: PromptRow, index: int, generation: Generation, policy_id: str, params: SamplingParams
) -> dict[str, Any]:
    """One output row (see the module docstring)."""
    rubric = row.rubric if isinstance(row.rubric, str) else (row.rubric or {}).get("id")
    return {
        "id": sample_id(row.id, index),
        "prompt_id": row.id,
        "sample_index": index,
        "prompt": row.prompt,
        "response": generation.text,
        "task": row.task,
        "rubric": rubric,
        "policy": policy_id,
        "params": params.model_dump(),
        "seed": generation.seed,
        "prompt_tokens": generation.prompt_tokens,
        "completion_tokens": generation.completion_tokens,
        "finish_reason": generation.finish_reason,
    }


@dataclass(frozen=True)
class _Unit:
    row: PromptRow
    indices: tuple[int, ...]


def _plan(rows: Sequence[PromptRow], k: int, done: set[str], batch_n: bool) -> list[_Unit]:
    units: list[_Unit] = []
    for row in rows:
        missing = tuple(i for i in range(k) if sample_id(row.id, i) not in done)
        if not missing:
            continue
        if batch_n:
            units.extend(_Unit(row, run) for run in _contiguous_runs(missing))
        else:
            units.extend(_Unit(row, (i,)) for i in missing)
    return units


def _contiguous_runs(indices: tuple[int, ...]) -> list[tuple[int, ...]]:
    runs: list[list[int]] = []
    for index in indices:
        if runs and runs[-1][-1] == index - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return [tuple(run) for run in runs]


async def _generate(
    policy: Policy, unit: _Unit, config: RolloutConfig
) -> list[tuple[int, Generation]]:
    seed = sample_seed(config.params.seed, unit.row.id, unit.indices[0])
    attempt = 1
    while True:
        try:
            generations = await policy.generate(
                unit.row.messages, config.params, len(unit.indices), seed
            )
            return list(zip(unit.indices, generations, strict=True))
        except PolicyError as error:
            if not error.retryable or attempt >= config.max_attempts:
                raise
        await asyncio.sleep(backoff_delay_s(attempt, config.backoff_base_s, 30.0, None))
        attempt += 1


async def run_rollout(
    rows: Sequence[PromptRow],
    policy: Policy,
    output_path: Path,
    config: RolloutConfig,
    *,
    resume: bool = False,
    on_sample: Callable[[dict[str, Any]], None] | None = None,
) -> RolloutSummary:
    """Sample ``config.samples`` responses per prompt into ``output_path`` (a JSONL journal).

    Args:
        rows: Prompts (unique ids).
        policy: Where samples come from (see :func:`resolve_policy`).
        output_path: JSONL journal; appended to and flushed per sample.
        config: Samples per prompt, sampling params, concurrency, retries.
        resume: Continue an existing journal (otherwise an existing file is an error).
        on_sample: Called with each written row (progress bars).

    Returns:
        Counts, token totals, throughput and failure reasons.

    Raises:
        DataError: The output exists and ``resume`` is False, or it is corrupt.

    >>> import asyncio, tempfile, pathlib
    >>> from rubricrl.data import FakePolicy
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "r.jsonl"
    >>> rows = [PromptRow(id="p", prompt="Say hi.")]
    >>> asyncio.run(run_rollout(rows, FakePolicy(), out, RolloutConfig(samples=2))).written
    2
    """
    if output_path.exists() and output_path.stat().st_size > 0 and not resume:
        raise DataError(f"{output_path}: exists; pass --resume to continue it or remove it")
    try:
        done = finished_ids(output_path) if resume else set()
    except InputError as error:
        raise DataError(str(error)) from None
    units = _plan(rows, config.samples, done, policy.supports_n)
    summary = RolloutSummary(prompts=len(rows), samples_wanted=len(rows) * config.samples)
    summary.skipped = summary.samples_wanted - sum(len(u.indices) for u in units)
    output_path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with output_path.open("a", encoding="utf-8") as handle:
        writer = _Writer(handle, policy.id, config.params, summary, on_sample)
        await _run_units(units, policy, config, writer)
        os.fsync(handle.fileno())
    summary.elapsed_s = time.perf_counter() - started
    return summary


class _Writer:
    def __init__(
        self,
        handle: Any,
        policy_id: str,
        params: SamplingParams,
        summary: RolloutSummary,
        on_sample: Callable[[dict[str, Any]], None] | None,
    ) -> None:
        self.handle, self.policy_id, self.params = handle, policy_id, params
        self.summary, self.on_sample = summary, on_sample

    def write(self, unit: _Unit, results: list[tuple[int, Generation]]) -> None:
        for index, generation in results:
            row = rollout_row(unit.row, index, generation, self.policy_id, self.params)
            self.handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            self.handle.flush()
            self.summary.written += 1
            self.summary.prompt_tokens += generation.prompt_tokens
            self.summary.completion_tokens += generation.completion_tokens
            if self.on_sample is not None:
                self.on_sample(row)

    def fail(self, unit: _Unit, reason: str) -> None:
        self.summary.failures[reason] += len(unit.indices)


async def _run_units(
    units: list[_Unit], policy: Policy, config: RolloutConfig, writer: _Writer
) -> None:
    limit = asyncio.Semaphore(max(1, min(config.concurrency, policy.max_concurrency)))

    async def one(unit: _Unit) -> None:
        async with limit:
            try:
                results = await _generate(policy, unit, config)
            except PolicyError as error:
                writer.fail(unit, error.reason)
                return
        writer.write(unit, results)

    await asyncio.gather(*(one(unit) for unit in units))


def read_rollouts(path: Path) -> list[dict[str, Any]]:
    """Read rollout rows (JSONL) and check each has a ``PROMPT_ID#INDEX`` id and a response.

    Raises:
        DataError: On a malformed row.
    """
    rows = []
    for where, row in iter_jsonl(path):
        if not isinstance(row.get("id"), str) or not isinstance(row.get("response"), str):
            raise DataError(f"{where}: a rollout row needs string 'id' and 'response'")
        split_sample_id(row["id"])
        rows.append(row)
    return rows
