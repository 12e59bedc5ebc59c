"""Stage datasets: prompts with their rubric column, from IFEval rows, JSONL or inline rows."""

from __future__ import annotations

import hashlib
import importlib
import json
from pathlib import Path
from typing import Any

from rubricrl.training._recipe import DatasetSpec, Recipe, RecipeError

PromptRecord = dict[str, Any]


def in_heldout(prompt: str, fraction: float) -> bool:
    """Deterministic split: the prompt's hash decides, so train and held-out never overlap.

    >>> in_heldout("a prompt", 0.999999), in_heldout("a prompt", 0.000001)
    (True, False)
    """
    digest = hashlib.sha256(prompt.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") / 2**64 < fraction


def _ifeval_records(spec: DatasetSpec) -> list[PromptRecord]:
    verifiers = importlib.import_module("rubricrl.verifiers")
    make_rubric = getattr(verifiers, "ifeval_rubric", None)
    load_rows = getattr(verifiers, "load_ifeval_rows", None)
    if make_rubric is None or load_rows is None:
        raise RecipeError("ifeval datasets need rubricrl.verifiers.ifeval_rubric (not available)")
    try:
        rows = load_rows()
    except FileNotFoundError as error:
        raise RecipeError(str(error)) from None
    records = []
    for row in rows:
        rubric = make_rubric(row)
        if spec.supported_only and _has_unsupported(rubric.criteria):
            continue
        records.append({"prompt": str(row["prompt"]), "rubric": rubric.canonical_json()})
    return records


def _has_unsupported(criteria: Any) -> bool:
    return any(c.verifier is not None and c.verifier.name == "ifeval_unsupported" for c in criteria)


def _jsonl_records(path: Path) -> list[PromptRecord]:
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError:
                raise RecipeError(f"{path}:{number}: not JSON") from None
            if not isinstance(row, dict) or not isinstance(row.get("prompt"), str):
                raise RecipeError(f"{path}:{number}: a row needs a string 'prompt'")
            records.append({"prompt": row["prompt"], "rubric": _rubric_cell(row.get("rubric"))})
    return records


def _rubric_cell(value: Any) -> str | None:
    """Rubric column as text (an id, or an inline rubric as JSON), so Arrow sees one type."""
    if value is None or isinstance(value, str):
        return value
    return json.dumps(value, sort_keys=True)


def load_records(spec: DatasetSpec, recipe: Recipe) -> list[PromptRecord]:
    """The rows of one dataset spec: ``{"prompt": str, "rubric": str | None}``.

    Raises:
        RecipeError: If the source cannot be read.

    >>> from rubricrl.training._recipe import recipe_from_data
    >>> data = {"source": "inline", "prompts": [{"prompt": "Hi", "rubric": "polite"}]}
    >>> recipe = recipe_from_data({"name": "r", "stages": [{"name": "s", "datasets": [data],
    ...     "rewards": [{}]}]})
    >>> load_records(recipe.stages[0].datasets[0], recipe)
    [{'prompt': 'Hi', 'rubric': 'polite'}]
    """
    if spec.source == "ifeval":
        records = _ifeval_records(spec)
    elif spec.source == "jsonl":
        assert spec.path is not None  # checked by DatasetSpec
        records = _jsonl_records(recipe.path(spec.path))
    else:
        records = [
            {"prompt": row.prompt, "rubric": _rubric_cell(row.rubric)} for row in spec.prompts
        ]
    if spec.split != "all":
        want = spec.split == "heldout"
        records = [r for r in records if in_heldout(r["prompt"], spec.heldout_fraction) == want]
    return records[: spec.limit] if spec.limit else records


def stage_records(specs: tuple[DatasetSpec, ...], recipe: Recipe) -> list[PromptRecord]:
    """All rows of a stage's datasets, in order.

    Raises:
        RecipeError: If a source is unreadable or the result is empty.
    """
    records = [record for spec in specs for record in load_records(spec, recipe)]
    if not records:
        raise RecipeError("a stage's datasets produced no prompts")
    return records


def as_conversation(records: list[PromptRecord]) -> list[PromptRecord]:
    """TRL's conversational format: ``prompt`` as a list of chat messages.

    >>> as_conversation([{"prompt": "Hi", "rubric": None}])[0]["prompt"]
    [{'role': 'user', 'content': 'Hi'}]
    """
    return [{**r, "prompt": [{"role": "user", "content": r["prompt"]}]} for r in records]
