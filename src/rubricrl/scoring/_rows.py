"""JSONL rows in and out, with a journal that makes ``rubricrl grade`` resumable.

The output file is the journal: each finished row is appended as one line and flushed, so a run
killed at any moment leaves only whole rows plus at most one partial last line. ``--resume``
truncates that partial line, skips every id already written, and grades the rest: no row is
graded twice into the output and none is lost. (The criterion cache, when enabled, also spares
judge calls for items that were in flight when the run died.)
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rubricrl.rubric import Reward, Rubric
from rubricrl.scoring._config import GradingItem
from rubricrl.scoring._engine import ScoringEngine

MAX_LINE_BYTES = 8 * 1024 * 1024
FSYNC_EVERY = 256


class InputError(ValueError):
    """Bad input rows; the message is one line naming the file and line."""


def reward_row(item_id: str, reward: Reward) -> dict[str, Any]:
    """The stable output row of DESIGN.md: id, reward, criteria, flags, rubric_hash, judge, ...

    >>> reward_row("a", Reward(value=None, abstain_reason="low_coverage:0.50"))["reward"] is None
    True
    """
    data = reward.model_dump(mode="json")
    return {
        "id": item_id,
        "reward": data.pop("value"),
        "criteria": data.pop("criteria"),
        "flags": data.pop("flags"),
        "rubric_hash": data.pop("rubric_hash"),
        "judge": data.pop("judge"),
        **data,
    }


def _as_text(value: Any, field: str, where: str) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(m, dict) and "content" in m for m in value):
        return "\n".join(f"{m.get('role', 'user')}: {m['content']}" for m in value)
    raise InputError(f"{where}: '{field}' must be a string or a list of chat messages")


def iter_json_lines(
    path: Path, max_line_bytes: int = MAX_LINE_BYTES
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Yield ``(line number, object)`` per non-blank JSONL line; bad lines are InputErrors."""
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path}:{number}"
            if len(raw) > max_line_bytes:
                raise InputError(f"{where}: line longer than {max_line_bytes} bytes")
            if not raw.strip():
                continue
            try:
                row = json.loads(raw.decode("utf-8"))
            except (UnicodeDecodeError, json.JSONDecodeError) as error:
                raise InputError(f"{where}: not valid JSON ({error})") from None
            if not isinstance(row, dict):
                raise InputError(f"{where}: each line must be a JSON object")
            yield number, row


def read_items(
    path: Path, rubrics: dict[str, Rubric], default_rubric: str | None
) -> list[GradingItem]:
    """Read and validate every input row before any grading starts.

    Raises:
        InputError: On the first bad row (missing field, duplicate id, unknown rubric).
    """
    if not path.is_file():
        raise InputError(f"{path}: no such input file")
    items, seen = [], set()
    for number, row in iter_json_lines(path):
        where = f"{path}:{number}"
        item_id = row.get("id")
        if not isinstance(item_id, str | int) or isinstance(item_id, bool) or item_id == "":
            raise InputError(f"{where}: 'id' must be a non-empty string or integer")
        item_id = str(item_id)
        if item_id in seen:
            raise InputError(f"{where}: duplicate id {item_id!r}")
        seen.add(item_id)
        for field in ("prompt", "response"):
            if field not in row:
                raise InputError(f"{where}: missing '{field}'")
        rubric_id = row.get("rubric", default_rubric)
        if rubric_id not in rubrics:
            known = ", ".join(sorted(rubrics)) or "none"
            raise InputError(f"{where}: unknown rubric {rubric_id!r} (loaded: {known})")
        items.append(
            GradingItem(
                id=item_id,
                prompt=_as_text(row["prompt"], "prompt", where),
                response=_as_text(row["response"], "response", where),
                rubric=rubrics[str(rubric_id)],
            )
        )
    return items


def finished_ids(path: Path) -> set[str]:
    """Ids already in an output journal; a partial (unterminated) last line is cut off."""
    if not path.exists():
        return set()
    data = path.read_bytes()
    cut = data.rfind(b"\n") + 1
    if cut != len(data):
        with path.open("r+b") as handle:
            handle.truncate(cut)
    done = set()
    for line in data[:cut].splitlines():
        if line.strip():
            try:
                done.add(str(json.loads(line)["id"]))
            except (ValueError, KeyError, TypeError):
                raise InputError(f"{path}: existing output has a corrupt row") from None
    return done


@dataclass
class RowRunSummary:
    """Counts of a ``grade_rows`` run."""

    total: int
    skipped: int
    written: int


async def grade_rows(
    items: list[GradingItem],
    output_path: Path,
    engine: ScoringEngine,
    *,
    resume: bool = False,
    on_row: Callable[[dict[str, Any]], None] | None = None,
) -> RowRunSummary:
    """Grade items into an append-only JSONL journal (see module docstring).

    Raises:
        InputError: If the output exists and ``resume`` is False (nothing is overwritten).
    """
    if output_path.exists() and output_path.stat().st_size > 0 and not resume:
        raise InputError(f"{output_path}: exists; pass --resume to continue it or remove it")
    done = finished_ids(output_path) if resume else set()
    todo = [item for item in items if item.id not in done]
    output_path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with output_path.open("a", encoding="utf-8") as handle:
        async for item, reward in engine.grade_stream(todo):
            row = reward_row(item.id, reward)
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
            handle.flush()
            written += 1
            if written % FSYNC_EVERY == 0:
                os.fsync(handle.fileno())
            if on_row is not None:
                on_row(row)
        os.fsync(handle.fileno())
    return RowRunSummary(total=len(items), skipped=len(items) - len(todo), written=written)
