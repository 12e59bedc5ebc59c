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


def _grade_ray(
    input: Path,
    output: Path,
    rubrics: dict[str, Any],
    judge: str,
    config: EngineConfig,
    resume: bool,
    actors: int,
) -> dict[str, Any]:
    try:
        from rubricrl.rewards.ray import grade_dataset_ray
    except ImportError as error:
        fail(f"--ray needs the ray extra ({error.name} is missing)", 2)
    import ray.exceptions

    if not judge.startswith("local"):
        resolve_judge(judge)  # a bad spec fails here, before Ray starts (cheap: no connection)
    try:
        summary = grade_dataset_ray(
            input, output, rubrics, judge=judge, engine=config, resume=resume, actors=actors
        )
    except ray.exceptions.RayError as error:
        last = str(error).strip().splitlines()[-1] if str(error).strip() else type(error).__name__
        fail(f"ray job failed: {last}; finished rows are kept in {output}, rerun with --resume")
    return {"written": summary.written, "skipped": summary.skipped}


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
    use_ray: Annotated[
        bool, typer.Option("--ray", help="Score on Ray (JSONL or Parquet input).")
    ] = False,
    ray_actors: Annotated[int, typer.Option(min=1, help="Ray actors (with --ray).")] = 2,
) -> None:
    """Grade responses against rubrics; rows out: id, reward (float|null), criteria, flags."""
    try:
        rubrics = load_rubrics(rubric)
        default = next(iter(rubrics)) if len(rubrics) == 1 else None
        config = EngineConfig(
            mode=mode,  # type: ignore[arg-type]
            concurrency=concurrency,
            timeout_s=timeout_s,
            rate_limit_per_s=rate_limit,
            budget_requests=budget_requests,
            budget_tokens=budget_tokens,
            cache_path=str(cache) if cache else None,
        )
        if use_ray:
            summary = _grade_ray(input, output, rubrics, judge, config, resume, ray_actors)
        else:
            items = read_items(input, rubrics, default)
            engine = ScoringEngine(resolve_judge(judge), config)
            summary = asyncio.run(_grade_async(items, output, engine, resume))
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except (RubricError, InputError, JudgeSpecError) as error:
        fail(str(error), 2)
    except (JudgeError, BudgetExceeded) as error:
        fail(f"{error}; finished rows are kept in {output}, rerun with --resume", 1)
    typer.echo(json.dumps(summary))


# ----------------------------------------------------------------------------- serve
def _serve_config(config_file: Path | None, overrides: dict[str, Any]) -> Any:
    import yaml

    from rubricrl.rewards import ServeConfig

    data: dict[str, Any] = {}
    if config_file is not None:
        if not config_file.is_file():
            raise InputError(f"{config_file}: no such config file")
        loaded = yaml.safe_load(config_file.read_text(encoding="utf-8")) or {}
        if not isinstance(loaded, dict):
            raise InputError(f"{config_file}: a serve config must be a mapping")
        data = loaded
    data.update({key: value for key, value in overrides.items() if value is not None})
    return ServeConfig.model_validate(data)


@app.command()
def serve(
    rubric: Annotated[
        list[Path] | None, typer.Option("--rubric", help="Rubric bank: files or directories.")
    ] = None,
    judge: Annotated[str | None, typer.Option("--judge", help="Judge spec (see grade).")] = None,
    host: Annotated[str | None, typer.Option(help="Interface (default 127.0.0.1).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default 8080; 0 = any).")] = None,
    config: Annotated[
        Path | None, typer.Option("--config", help="YAML/JSON file of ServeConfig fields.")
    ] = None,
    max_samples: Annotated[int | None, typer.Option(help="Samples per request.")] = None,
    max_body_bytes: Annotated[int | None, typer.Option(help="Request body cap.")] = None,
    max_inflight: Annotated[int | None, typer.Option(help="Samples in flight (503).")] = None,
    shutdown_deadline: Annotated[float | None, typer.Option(help="Seconds on SIGTERM.")] = None,
    journal: Annotated[Path | None, typer.Option(help="Where unfinished work goes.")] = None,
    openrlhf_rubric: Annotated[str | None, typer.Option(help="Default OpenRLHF rubric.")] = None,
) -> None:
    """Serve rewards over HTTP (auth token from $RUBRICRL_SERVE_TOKEN)."""
    try:
        from rubricrl.rewards.server import serve as run_server
    except ImportError as error:
        fail(f"rubricrl serve needs the serve extra ({error.name} is missing)", 2)
    overrides = {
        "rubric_dir": rubric or None,
        "judge": judge,
        "host": host,
        "port": port,
        "max_samples": max_samples,
        "max_body_bytes": max_body_bytes,
        "max_inflight_samples": max_inflight,
        "shutdown_deadline_s": shutdown_deadline,
        "journal_path": journal,
        "openrlhf_rubric": openrlhf_rubric,
    }
    try:
        run_server(_serve_config(config, overrides))
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except (RubricError, InputError, JudgeSpecError) as error:
        fail(str(error), 2)


def main() -> None:
    """Entry point of the ``rubricrl`` script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
