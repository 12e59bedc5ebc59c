"""``rubricrl demo``: the main job on the embedded defaults, offline.

This first version grades shipped example responses (good answers beside generic, sycophantic
and "master key" ones) with the embedded judge and the shipped writing rubric, writes the graded
rows and a summary, and returns them for display. The small embedded judge is at chance on human
preferences (ENVIRONMENT.md): the demo shows the machinery, not evidence of reward quality.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from rubricrl.judges import Judge
from rubricrl.rubric import Rubric
from rubricrl.scoring import EngineConfig, GradingItem, ScoringEngine, grade_rows


@dataclass
class DemoResult:
    """What the demo produced: rows written, where, and run statistics."""

    output_dir: Path
    rows: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)


def demo_items(rubric: Rubric, limit: int | None = None) -> list[GradingItem]:
    """The shipped demo prompts and responses as grading items."""
    text = (resources.files("rubricrl.evaluation") / "assets" / "demo_rows.jsonl").read_text(
        encoding="utf-8"
    )
    rows = [json.loads(line) for line in text.splitlines() if line.strip()]
    items = [
        GradingItem(id=row["id"], prompt=row["prompt"], response=row["response"], rubric=rubric)
        for row in rows
    ]
    return items[:limit] if limit else items


async def run_demo(
    judge: Judge,
    rubric: Rubric,
    output_dir: Path,
    *,
    quick: bool = False,
    on_row: Any = None,
) -> DemoResult:
    """Grade the demo items into ``output_dir/graded.jsonl`` (resumable) and summarize.

    Args:
        judge: The judge to grade with (the CLI passes the embedded default).
        rubric: The rubric to grade against.
        output_dir: Where rows and the summary are written.
        quick: Grade only a few items (for CI).
        on_row: Optional callback per finished row (progress).

    Returns:
        DemoResult with the rows in file order and the engine statistics.
    """
    output_dir.mkdir(parents=True, exist_ok=True)
    graded = output_dir / "graded.jsonl"
    items = demo_items(rubric, limit=2 if quick else None)
    config = EngineConfig(concurrency=4, cache_path=str(output_dir / "cache.sqlite"))
    async with ScoringEngine(judge, config) as engine:
        await grade_rows(items, graded, engine, resume=True, on_row=on_row)
        stats = engine.stats.summary()
    rows = [json.loads(line) for line in graded.read_text(encoding="utf-8").splitlines()]
    (output_dir / "summary.json").write_text(json.dumps(stats, indent=2), encoding="utf-8")
    return DemoResult(output_dir=output_dir, rows=rows, stats=stats)
