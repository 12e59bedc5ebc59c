"""Batch scoring of a large JSONL or Parquet dataset on Ray (public entry point).

``ray.data`` reads the dataset in blocks and streams them through a pool of actors; each actor
holds ONE :class:`~rubricrl.scoring.ScoringEngine` (one pooled judge client, its own event loop)
built from the judge spec. The driver appends every finished row to the output JSONL journal,
exactly the rows ``rubricrl grade`` writes (:func:`~rubricrl.scoring.reward_row`), so a killed
run resumes with ``resume=True``: ids already in the output are filtered out before grading and
a partial last line is cut, so nothing is lost and nothing is written twice. Needs the ``ray``
extra (``ray[data]``, ``pyarrow``).
"""

from __future__ import annotations

import asyncio
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rubricrl.defense import defended_engine
from rubricrl.judges import resolve_judge
from rubricrl.rubric import Rubric
from rubricrl.scoring import (
    EngineConfig,
    GradingItem,
    InputError,
    RowRunSummary,
    finished_ids,
    reward_row,
)

__all__ = ["RayGrader", "grade_dataset_ray"]

FSYNC_EVERY = 256


def _text(value: Any, field: str, row_id: str) -> str:
    if isinstance(value, str):
        return value
    if value is not None and not isinstance(value, bytes):
        messages = list(value)
        if all(isinstance(m, dict) and "content" in m for m in messages):
            return "\n".join(f"{m.get('role', 'user')}: {m['content']}" for m in messages)
    raise InputError(f"row {row_id!r}: '{field}' must be a string or a list of chat messages")


class RayGrader:
    """The actor's callable: one engine per actor, grading one batch of rows at a time."""

    def __init__(
        self,
        rubrics: dict[str, dict[str, Any]],
        default_rubric: str | None,
        judge: str,
        judge_options: dict[str, Any],
        engine: dict[str, Any],
    ) -> None:
        """Build the rubrics, the judge (one pooled client) and the engine of this actor."""
        self.rubrics = {rid: Rubric.model_validate(data) for rid, data in rubrics.items()}
        self.default_rubric = default_rubric
        self.loop = asyncio.new_event_loop()
        config = EngineConfig.model_validate(engine)
        self.engine = defended_engine(resolve_judge(judge, **judge_options), config)

    def item(self, row: dict[str, Any]) -> GradingItem:
        """A grading item from one dataset row (same fields as ``rubricrl grade``)."""
        row_id = str(row["id"])
        rubric_id = row.get("rubric") or self.default_rubric
        if rubric_id not in self.rubrics:
            raise InputError(f"row {row_id!r}: unknown rubric {rubric_id!r}")
        return GradingItem(
            id=row_id,
            prompt=_text(row.get("prompt"), "prompt", row_id),
            response=_text(row.get("response"), "response", row_id),
            rubric=self.rubrics[str(rubric_id)],
        )

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        """Grade a batch (columns -> values); returns ids and JSON rows."""
        columns = list(batch)
        count = len(batch[columns[0]]) if columns else 0
        rows = [{name: batch[name][i] for name in columns} for i in range(count)]
        items = [self.item(row) for row in rows]
        rewards = self.loop.run_until_complete(self.engine.grade_batch(items))
        return {
            "id": [item.id for item in items],
            "row": [
                json.dumps(reward_row(item.id, reward), ensure_ascii=False)
                for item, reward in zip(items, rewards, strict=True)
            ],
        }


def _read(path: Path) -> Any:
    import ray.data

    if not path.exists():
        raise InputError(f"{path}: no such input file")
    if path.suffix.lower() == ".parquet" or path.is_dir():
        return ray.data.read_parquet(str(path))
    if path.suffix.lower() in (".jsonl", ".json"):
        return ray.data.read_json(str(path), lines=True)
    raise InputError(f"{path}: input must be .jsonl or .parquet")


def grade_dataset_ray(
    input_path: Path,
    output_path: Path,
    rubrics: dict[str, Rubric],
    *,
    judge: str,
    engine: EngineConfig | None = None,
    judge_options: dict[str, Any] | None = None,
    resume: bool = False,
    actors: int = 2,
    batch_size: int = 64,
    on_row: Callable[[dict[str, Any]], None] | None = None,
) -> RowRunSummary:
    """Grade a JSONL/Parquet dataset on Ray into a resumable JSONL journal.

    Uses the running Ray cluster if ``ray.init`` was called (or ``RAY_ADDRESS`` is set),
    otherwise starts a local one.

    Args:
        input_path: Rows with ``id``, ``prompt``, ``response`` (+ optional ``rubric`` id).
        output_path: The JSONL journal (rows as ``rubricrl grade`` writes them).
        rubrics: Rubrics by id; with exactly one, rows may omit ``rubric``.
        judge: Judge spec; each actor builds its own judge from it.
        engine: Engine settings for each actor.
        judge_options: Judge constructor options.
        resume: Continue an existing output (skip ids already written).
        actors: Actor pool size.
        batch_size: Rows per actor call.
        on_row: Called with each row after it is written.

    Returns:
        Counts: total rows, skipped (already done), written.

    Raises:
        InputError: On a missing/unsupported input, or an existing output without ``resume``.
    """
    import ray
    import ray.data

    if output_path.exists() and output_path.stat().st_size > 0 and not resume:
        raise InputError(f"{output_path}: exists; pass --resume to continue it or remove it")
    done = finished_ids(output_path) if resume else set()
    if not ray.is_initialized():
        ray.init(num_cpus=max(2, actors), include_dashboard=False, log_to_driver=False)
    ray.data.DataContext.get_current().enable_progress_bars = False
    dataset = _read(input_path)
    skipped = len(done)
    if done:
        dataset = dataset.filter(lambda row: str(row["id"]) not in done)
    default = next(iter(rubrics)) if len(rubrics) == 1 else None
    graded = dataset.map_batches(
        RayGrader,
        fn_constructor_kwargs={
            "rubrics": {rid: r.model_dump(mode="json") for rid, r in rubrics.items()},
            "default_rubric": default,
            "judge": judge,
            "judge_options": judge_options or {},
            "engine": (engine or EngineConfig()).model_dump(mode="json"),
        },
        batch_size=batch_size,
        batch_format="numpy",
        concurrency=actors,
        num_cpus=0.5,
    )
    written = _write_journal(graded, output_path, done, on_row)
    return RowRunSummary(total=skipped + written, skipped=skipped, written=written)


def _write_journal(
    graded: Any,
    output_path: Path,
    done: set[str],
    on_row: Callable[[dict[str, Any]], None] | None,
) -> int:
    output_path.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with output_path.open("a", encoding="utf-8") as handle:
        for batch in graded.iter_batches(batch_format="numpy", batch_size=None):
            for row_id, line in zip(batch["id"], batch["row"], strict=True):
                if str(row_id) in done:
                    continue  # a retried block may repeat rows: never write one twice
                done.add(str(row_id))
                handle.write(str(line) + "\n")
                written += 1
                if on_row is not None:
                    on_row(json.loads(str(line)))
            handle.flush()
            if written % FSYNC_EVERY < len(batch["id"]):
                os.fsync(handle.fileno())
        os.fsync(handle.fileno())
    return written
