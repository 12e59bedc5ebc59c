"""The ``rubricrl`` command line. Commands stay thin: parse, call one library function, print.

Bad input prints one line to stderr and exits with status 2 (usage) or 1 (runtime failure);
never a traceback.
"""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer
from pydantic import ValidationError
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from rubricrl.judges import JudgeError, JudgeSpecError, resolve_judge
from rubricrl.rubric import (
    RubricError,
    format_validation_error,
    load_rubric,
    load_rubrics,
    rubric_json_schema,
)
from rubricrl.scoring import (
    BudgetExceeded,
    EngineConfig,
    GradingItem,
    InputError,
    ScoringEngine,
    grade_rows,
    read_items,
)

app = typer.Typer(
    name="rubricrl",
    help="Rubric-anchored rewards for RL on language models.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> NoReturn:
    """Print one line to stderr and exit non-zero."""
    typer.echo(f"error: {' '.join(message.split())}", err=True)
    raise typer.Exit(code)


# ----------------------------------------------------------------------------- rubrics
@app.command()
def validate(
    rubrics: Annotated[list[Path], typer.Argument(help="Rubric files (YAML or JSON).")],
) -> None:
    """Validate rubric files; print each id, version and content hash."""
    failed = 0
    for path in rubrics:
        try:
            rubric = load_rubric(path)
        except RubricError as error:
            typer.echo(f"error: {error}", err=True)
            failed += 1
            continue
        typer.echo(f"ok {path}: {rubric.id} v{rubric.version} {rubric.content_hash[:12]}")
    if failed:
        raise typer.Exit(1)


@app.command()
def schema() -> None:
    """Print the JSON Schema of the rubric format."""
    typer.echo(json.dumps(rubric_json_schema(), indent=2))


def progress_bar(console: Console | None = None) -> Progress:
    """The progress bar used by long-running commands."""
    return Progress(
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=console or Console(stderr=True),
        transient=False,
    )


async def _grade_async(
    items: list[GradingItem], output: Path, engine: ScoringEngine, resume: bool
) -> dict[str, Any]:
    async with engine:
        with progress_bar() as progress:
            task = progress.add_task("grading", total=len(items))
            summary = await grade_rows(
                items, output, engine, resume=resume, on_row=lambda _: progress.advance(task)
            )
    return {"written": summary.written, "skipped": summary.skipped, **engine.stats.summary()}


JudgeOption = Annotated[
    str, typer.Option("--judge", help="local | local:PATH.gguf | openai:MODEL@URL | fake:POLICY")
]


@app.command()
def grade(
    rubric: Annotated[list[Path], typer.Option("--rubric", help="Rubric file or directory.")],
    input: Annotated[Path, typer.Option("--input", help="JSONL rows: id, prompt, response.")],
    output: Annotated[Path, typer.Option("--output", help="JSONL output (journal).")],
    judge: JudgeOption = "local",
    mode: Annotated[str, typer.Option(help="per_criterion | one_call")] = "per_criterion",
    concurrency: Annotated[int, typer.Option(min=1, max=4096)] = 64,
    resume: Annotated[bool, typer.Option("--resume", help="Continue an interrupted run.")] = False,
    cache: Annotated[Path | None, typer.Option(help="SQLite grade cache file.")] = None,
    timeout_s: Annotated[float, typer.Option("--timeout", min=0.1)] = 120.0,
    rate_limit: Annotated[float | None, typer.Option(help="Judge calls per second.")] = None,
    budget_requests: Annotated[int | None, typer.Option(min=1)] = None,
    budget_tokens: Annotated[int | None, typer.Option(min=1)] = None,
) -> None:
    """Grade responses against rubrics; rows out: id, reward (float|null), criteria, flags."""
    try:
        rubrics = load_rubrics(rubric)
        default = next(iter(rubrics)) if len(rubrics) == 1 else None
        items = read_items(input, rubrics, default)
        config = EngineConfig(
            mode=mode,  # type: ignore[arg-type]
            concurrency=concurrency,
            timeout_s=timeout_s,
            rate_limit_per_s=rate_limit,
            budget_requests=budget_requests,
            budget_tokens=budget_tokens,
            cache_path=str(cache) if cache else None,
        )
        engine = ScoringEngine(resolve_judge(judge), config)
        summary = asyncio.run(_grade_async(items, output, engine, resume))
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except (RubricError, InputError, JudgeSpecError) as error:
        fail(str(error), 2)
    except (JudgeError, BudgetExceeded) as error:
        fail(f"{error}; finished rows are kept in {output}, rerun with --resume", 1)
    typer.echo(json.dumps(summary))


def main() -> None:
    """Entry point of the ``rubricrl`` script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
