"""Data cards: every produced dataset carries a small JSON + Markdown description.

A card records where the rows came from (sources with licences as stated), how many rows there
are per tag, the thresholds of every step that produced them, the rubric versions (id and
content hash) they reference, and sha256 hashes of the input files, so a dataset can be traced
and reproduced.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.data._importers import SourceInfo, file_sha256
from rubricrl.data._rows import PromptRow
from rubricrl.rubric import RubricError


class CardStep(BaseModel):
    """One step that produced the dataset (import, rollout, filter, tag, dedup, ...)."""

    model_config = ConfigDict(extra="forbid")

    name: str
    params: dict[str, Any] = Field(default_factory=dict)
    result: dict[str, Any] = Field(default_factory=dict)


class DataCard(BaseModel):
    """The card of one dataset file."""

    model_config = ConfigDict(extra="forbid")

    name: str
    created: str = Field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    rows: int
    sources: list[SourceInfo] = Field(default_factory=list)
    licences: dict[str, str] = Field(default_factory=dict, description="Source -> licence.")
    tag_counts: dict[str, int] = Field(default_factory=dict)
    task_counts: dict[str, int] = Field(default_factory=dict)
    steps: list[CardStep] = Field(default_factory=list)
    rubrics: dict[str, str] = Field(default_factory=dict, description="Rubric id -> hash.")
    input_hashes: dict[str, str] = Field(default_factory=dict, description="File -> sha256.")
    rows_sha256: str = ""


def rows_digest(rows: Iterable[PromptRow]) -> str:
    """sha256 over the rows' canonical JSON, in order."""
    digest = hashlib.sha256()
    for row in rows:
        digest.update(row.model_dump_json().encode())
        digest.update(b"\n")
    return digest.hexdigest()


def _rubric_versions(rows: Sequence[PromptRow]) -> dict[str, str]:
    versions: dict[str, str] = {}
    for row in rows:
        if isinstance(row.rubric, str):
            versions.setdefault(row.rubric, "reference")
            continue
        try:
            rubric = row.inline_rubric()
        except RubricError:
            continue  # an invalid inline rubric is reported by validation, not the card
        if rubric is not None:
            versions[f"{rubric.id}@{rubric.version}"] = rubric.content_hash
    return dict(sorted(versions.items()))


def build_card(
    name: str,
    rows: Sequence[PromptRow],
    *,
    sources: Sequence[SourceInfo] = (),
    steps: Sequence[CardStep] = (),
    inputs: Sequence[Path] = (),
) -> DataCard:
    """Describe ``rows`` (see the module docstring).

    >>> card = build_card("demo", [PromptRow(id="a", prompt="x", tags=("task:qa",))])
    >>> card.tag_counts
    {'task:qa': 1}
    """
    tags = Counter(tag for row in rows for tag in row.tags)
    tasks = Counter(row.task or "-" for row in rows)
    return DataCard(
        name=name,
        rows=len(rows),
        sources=list(sources),
        licences={s.name: s.licence for s in sources},
        tag_counts=dict(sorted(tags.items())),
        task_counts=dict(sorted(tasks.items())),
        steps=list(steps),
        rubrics=_rubric_versions(rows),
        input_hashes={str(p): file_sha256(p) for p in inputs if p.is_file()},
        rows_sha256=rows_digest(rows),
    )


def card_markdown(card: DataCard) -> str:
    """The card as a short Markdown document."""
    lines = [f"# Data card: {card.name}", "", f"- rows: {card.rows}", f"- created: {card.created}"]
    lines += [f"- rows sha256: `{card.rows_sha256}`", "", "## Sources", ""]
    lines += ["| source | package | licence | rows |", "|---|---|---|---|"]
    for s in card.sources:
        lines.append(f"| {s.name} | {s.package}=={s.package_version} | {s.licence} | {s.rows} |")
    lines += ["", "Licence evidence:", ""]
    lines += [f"- {s.name}: {s.licence_evidence}" for s in card.sources]
    lines += ["", "## Steps", ""]
    for step in card.steps:
        lines.append(f"- **{step.name}** params `{json.dumps(step.params, sort_keys=True)}`")
        if step.result:
            lines.append(f"  result `{json.dumps(step.result, sort_keys=True)}`")
    lines += ["", "## Counts per task", "", "| task | rows |", "|---|---|"]
    lines += [f"| {task} | {count} |" for task, count in card.task_counts.items()]
    lines += ["", "## Counts per tag", "", "| tag | rows |", "|---|---|"]
    lines += [f"| {tag} | {count} |" for tag, count in card.tag_counts.items()]
    lines += ["", f"## Rubrics ({len(card.rubrics)})", "", "## Input hashes", ""]
    lines += [f"- `{path}`: `{sha}`" for path, sha in card.input_hashes.items()]
    return "\n".join(lines) + "\n"


def write_card(card: DataCard, data_path: Path) -> tuple[Path, Path]:
    """Write ``<data>.card.json`` and ``<data>.card.md`` next to the dataset file."""
    json_path = data_path.with_name(data_path.name + ".card.json")
    md_path = data_path.with_name(data_path.name + ".card.md")
    json_path.write_text(card.model_dump_json(indent=2) + "\n", encoding="utf-8")
    md_path.write_text(card_markdown(card), encoding="utf-8")
    return json_path, md_path


def read_card(data_path: Path) -> DataCard | None:
    """The card next to a dataset file, if any (used to carry sources through steps)."""
    json_path = data_path.with_name(data_path.name + ".card.json")
    if not json_path.is_file():
        return None
    return DataCard.model_validate_json(json_path.read_text(encoding="utf-8"))


def carry_card(
    input_path: Path, output_path: Path, rows: Sequence[PromptRow], step: CardStep
) -> DataCard:
    """Write the card of ``output_path``: the input's sources and steps plus ``step``.

    The input file's hash is recorded, so the chain of cards ties each output to its inputs.
    """
    previous = read_card(input_path)
    card = build_card(
        output_path.stem,
        rows,
        sources=previous.sources if previous else (),
        steps=[*(previous.steps if previous else []), step],
        inputs=[input_path],
    )
    if previous:
        card.input_hashes = {**previous.input_hashes, **card.input_hashes}
    write_card(card, output_path)
    return card
