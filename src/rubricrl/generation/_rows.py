"""Generation from JSONL rows (what ``rubricrl generate`` runs), writing YAML and rejections.

Rows in: ``{"id", "prompt", "reference"?}`` (instance), ``{"id", "prompt", "chosen",
"rejected"}`` (contrastive; ``chosen``/``rejected`` may be strings or lists), or any rows with a
``prompt`` (task: one rubric from a sample of them, optionally only rows whose ``tag`` matches).
Accepted rubrics go to ``OUT/<id>/<version>.yaml``; every rejection goes to
``OUT/rejections.jsonl`` with its reason code.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from rubricrl.generation._generate import (
    GenerationConfig,
    GenerationResult,
    generate_contrastive_rubric,
    generate_instance_rubric,
    generate_task_rubric,
    safe_id,
)
from rubricrl.judges import Judge
from rubricrl.rubric import dump_rubric_yaml

Mode = Literal["instance", "contrastive", "task"]
MAX_ROWS = 100_000


class GenerationInputError(ValueError):
    """Unusable input rows; the message is one line naming the file and line."""


class GenerationSummary(BaseModel):
    """Counts of one generation run."""

    model_config = ConfigDict(frozen=True)

    accepted: int
    rejected: int
    reasons: dict[str, int]
    prompt_tokens: int
    completion_tokens: int


def read_rows(path: Path, mode: Mode, tag: str | None = None) -> list[dict[str, Any]]:
    """Read and check JSONL rows for ``mode``.

    Raises:
        GenerationInputError: On unreadable files, bad JSON or missing fields.
    """
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise GenerationInputError(f"{path}: cannot read ({error})") from None
    rows = []
    for number, line in enumerate(lines[:MAX_ROWS], start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as error:
            raise GenerationInputError(f"{path}:{number}: not JSON ({error.msg})") from None
        _check_row(row, mode, f"{path}:{number}")
        if tag is None or mode != "task" or row.get("tag") == tag:
            rows.append(row)
    if not rows:
        raise GenerationInputError(f"{path}: no usable rows")
    return rows


def _check_row(row: Any, mode: Mode, where: str) -> None:
    if not isinstance(row, dict) or not isinstance(row.get("prompt"), str):
        raise GenerationInputError(f"{where}: a row is an object with a string 'prompt'")
    if mode == "contrastive" and not (row.get("chosen") and row.get("rejected")):
        raise GenerationInputError(f"{where}: contrastive rows need 'chosen' and 'rejected'")


def _texts(value: Any) -> list[str]:
    return [value] if isinstance(value, str) else [str(item) for item in value]


async def _one(judge: Judge, row: dict[str, Any], mode: Mode, config: GenerationConfig) -> Any:
    rubric_id = safe_id(f"gen-{mode}-{row['id']}") if row.get("id") is not None else None
    if mode == "contrastive":
        return await generate_contrastive_rubric(
            judge,
            row["prompt"],
            _texts(row["chosen"]),
            _texts(row["rejected"]),
            rubric_id=rubric_id,
            config=config,
        )
    return await generate_instance_rubric(
        judge, row["prompt"], reference=row.get("reference"), rubric_id=rubric_id, config=config
    )


async def generate_rows(
    judge: Judge,
    rows: Sequence[dict[str, Any]],
    mode: Mode,
    *,
    task: str | None = None,
    config: GenerationConfig | None = None,
) -> list[tuple[str, GenerationResult]]:
    """Generate one rubric per row (instance, contrastive) or one for all rows (task).

    Returns:
        ``(row id, result)`` pairs in input order (``task`` gives one pair).
    """
    config = config or GenerationConfig()
    if mode == "task":
        name = task or "task"
        result = await generate_task_rubric(judge, name, [r["prompt"] for r in rows], config=config)
        return [(name, result)]
    semaphore = asyncio.Semaphore(max(1, judge.max_concurrency))

    async def bounded(row: dict[str, Any]) -> GenerationResult:
        async with semaphore:
            result: GenerationResult = await _one(judge, row, mode, config)
            return result

    results = await asyncio.gather(*(bounded(row) for row in rows))
    pairs = zip(rows, results, strict=True)
    return [(str(row.get("id", index)), r) for index, (row, r) in enumerate(pairs)]


def write_results(results: Sequence[tuple[str, GenerationResult]], out: Path) -> GenerationSummary:
    """Write accepted rubrics as YAML and rejections as JSONL under ``out``."""
    out.mkdir(parents=True, exist_ok=True)
    reasons: dict[str, int] = {}
    accepted = 0
    with (out / "rejections.jsonl").open("w", encoding="utf-8") as rejections:
        for row_id, result in results:
            if result.rubric is None:
                reason = result.reason or "unknown"
                reasons[reason] = reasons.get(reason, 0) + 1
                record = {"id": row_id, "reason": reason, "detail": result.detail}
                rejections.write(json.dumps(record) + "\n")
                continue
            folder = out / result.rubric.id
            folder.mkdir(exist_ok=True)
            (folder / f"{result.rubric.version}.yaml").write_text(
                dump_rubric_yaml(result.rubric), encoding="utf-8"
            )
            accepted += 1
    return GenerationSummary(
        accepted=accepted,
        rejected=sum(reasons.values()),
        reasons=reasons,
        prompt_tokens=sum(r.prompt_tokens for _, r in results),
        completion_tokens=sum(r.completion_tokens for _, r in results),
    )
