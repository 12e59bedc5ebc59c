"""The ``rubricrl`` command line. Commands stay thin: parse, call one library function, print.

Bad input prints one line to stderr and exits with status 2 (usage) or 1 (runtime failure);
never a traceback.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, NoReturn

import typer

from rubricrl.rubric import RubricError, load_rubric, rubric_json_schema

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


def main() -> None:
    """Entry point of the ``rubricrl`` script."""
    try:
        app()
    except KeyboardInterrupt:
        typer.echo("interrupted", err=True)
        sys.exit(130)
