"""Stage datasets (rubricrl.training._datasets)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rubricrl.training import (
    RecipeError,
    as_conversation,
    in_heldout,
    load_records,
    recipe_from_data,
    stage_records,
)


def recipe_with(dataset: dict, base_dir: Path) -> object:
    data = {"name": "r", "stages": [{"name": "s", "datasets": [dataset], "rewards": [{}]}]}
    return recipe_from_data(data, base_dir=base_dir)


def test_split_is_disjoint_and_complete() -> None:
    prompts = [f"prompt {i}" for i in range(200)]
    held = {p for p in prompts if in_heldout(p, 0.2)}
    assert 10 < len(held) < 70
    assert all(not in_heldout(p, 0.2) for p in set(prompts) - held)


def test_jsonl_rows_with_inline_rubrics(tmp_path: Path) -> None:
    rubric = {"id": "x", "criteria": [{"id": "c", "description": "C."}]}
    lines = [{"prompt": f"p{i}", "rubric": rubric} for i in range(30)]
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines))
    spec = {"source": "jsonl", "path": "rows.jsonl", "split": "train", "limit": 5}
    recipe = recipe_with(spec, tmp_path)
    records = load_records(recipe.stages[0].datasets[0], recipe)
    assert len(records) == 5
    assert json.loads(records[0]["rubric"])["id"] == "x"
    assert not any(in_heldout(r["prompt"], 0.2) for r in records)


def test_bad_jsonl_row(tmp_path: Path) -> None:
    (tmp_path / "rows.jsonl").write_text('{"prompt": 3}\n')
    recipe = recipe_with({"source": "jsonl", "path": "rows.jsonl"}, tmp_path)
    with pytest.raises(RecipeError, match="rows.jsonl:1: a row needs a string 'prompt'"):
        stage_records(recipe.stages[0].datasets, recipe)


def test_empty_stage_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "rows.jsonl").write_text("\n")
    recipe = recipe_with({"source": "jsonl", "path": "rows.jsonl"}, tmp_path)
    with pytest.raises(RecipeError, match="no prompts"):
        stage_records(recipe.stages[0].datasets, recipe)


def test_conversation_format() -> None:
    assert as_conversation([{"prompt": "Hi", "rubric": "r"}]) == [
        {"prompt": [{"role": "user", "content": "Hi"}], "rubric": "r"}
    ]
