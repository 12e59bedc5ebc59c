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


# ----------------------------------------------------------------------------- defense
@app.command("audit")
def audit_command(
    rubric: Annotated[Path, typer.Option("--rubric", help="Rubric file to audit.")],
    judge: JudgeOption = "local",
    prompt: Annotated[str | None, typer.Option(help="Prompt of a single case.")] = None,
    reference: Annotated[str | None, typer.Option(help="A good answer to --prompt.")] = None,
    weak: Annotated[str | None, typer.Option(help="An honest weak answer to --prompt.")] = None,
    cases: Annotated[
        Path | None, typer.Option(help="JSONL cases: prompt, reference, weak (optional).")
    ] = None,
    families: Annotated[
        str | None, typer.Option(help="Comma-separated attack families (default: all).")
    ] = None,
    audited: Annotated[str, typer.Option(help="Verdict on: defended | judge.")] = "defended",
    mode: Annotated[str, typer.Option(help="per_criterion | one_call")] = "per_criterion",
    json_out: Annotated[Path | None, typer.Option("--json", help="Write the report here.")] = None,
) -> None:
    """Probe a rubric + judge with an attack suite; exit 0 = pass, 1 = gameable, 2 = bad input."""
    from rubricrl.defense import (
        ATTACK_FAMILIES,
        AuditCase,
        AuditConfig,
        format_report,
        read_audit_cases,
        run_audit,
    )

    try:
        loaded = load_rubric(rubric)
        if cases is not None:
            audit_cases = read_audit_cases(cases)
        elif prompt and reference:
            extra = {"weak": weak} if weak else {}
            audit_cases = [AuditCase(prompt=prompt, reference=reference, **extra)]
        else:
            fail("give --prompt and --reference, or --cases FILE", 2)
        chosen = tuple(f.strip() for f in families.split(",")) if families else ATTACK_FAMILIES
        config = AuditConfig(
            families=chosen,
            audited=audited,
            engine=EngineConfig(mode=mode),  # type: ignore[arg-type]
        )
        unknown = sorted(set(chosen) - set(ATTACK_FAMILIES))
        if unknown:
            fail(f"unknown attack families {unknown}; valid: {', '.join(ATTACK_FAMILIES)}", 2)
        report = run_audit(resolve_judge(judge), loaded, audit_cases, config)
    except ValidationError as error:
        fail(format_validation_error(error), 2)
    except (RubricError, JudgeSpecError, JudgeError, ValueError) as error:
        fail(str(error), 2)
    typer.echo(format_report(report))
    if json_out is not None:
        json_out.write_text(report.model_dump_json(indent=2), encoding="utf-8")
    raise typer.Exit(0 if report.passed else 1)


def main() -> None:
    """Entry point of the ``rubricrl`` script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
