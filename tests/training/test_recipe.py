"""Recipe validation: bad recipes give one-line errors (rubricrl.training._recipe)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rubricrl.training import RecipeError, load_recipe, recipe_from_data

ROOT = Path(__file__).resolve().parents[2]


def minimal(**stage: Any) -> dict[str, Any]:
    base = {
        "name": "s",
        "datasets": [{"source": "inline", "prompts": [{"prompt": "Hi"}]}],
        "rewards": [{"judge": "fake:approve"}],
    }
    return {"name": "r", "stages": [{**base, **stage}]}


def error_of(data: Any, base_dir: Path = ROOT) -> str:
    with pytest.raises(RecipeError) as caught:
        recipe_from_data(data, base_dir=base_dir)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_minimal_recipe_has_defaults() -> None:
    recipe = recipe_from_data(minimal())
    assert recipe.stages[0].grpo.use_vllm is False and recipe.stages[0].grpo.bf16 is False


@pytest.mark.parametrize("path", sorted((ROOT / "recipes").glob("*.yaml")), ids=lambda p: p.name)
def test_shipped_recipes_validate(path: Path) -> None:
    assert load_recipe(path).stages


def test_unknown_field() -> None:
    assert "stages[0].grpoo: Extra inputs are not permitted" in error_of(minimal(grpoo={}))


def test_batch_not_divisible_by_generations() -> None:
    message = error_of(minimal(grpo={"per_device_train_batch_size": 6, "num_generations": 4}))
    assert "divisible by num_generations (4)" in message


def test_duplicate_stage_names() -> None:
    data = minimal()
    data["stages"] = data["stages"] * 2
    assert "duplicate stage name 's'" in error_of(data)


def test_missing_rubric_file(tmp_path: Path) -> None:
    message = error_of(minimal(rewards=[{"rubrics": ["nope.yaml"]}]), tmp_path)
    assert message.endswith("file not found: nope.yaml")


def test_dataset_source_fields() -> None:
    assert "needs 'path'" in error_of(minimal(datasets=[{"source": "jsonl"}]))
    assert "needs 'prompts'" in error_of(minimal(datasets=[{"source": "inline"}]))


def test_seesaw_needs_known_skills() -> None:
    data = {**minimal(), "seesaw": {"skills": ["ifeval", "writing"]}}
    assert "are not evaluations" in error_of(data)


def test_not_a_mapping() -> None:
    assert "must be a mapping" in error_of(["x"])


def test_bad_yaml_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n")
    with pytest.raises(RecipeError, match="not valid YAML"):
        load_recipe(bad)
    with pytest.raises(RecipeError, match="cannot read recipe"):
        load_recipe(tmp_path / "missing.yaml")


def test_paths_resolve_against_the_recipe_folder(tmp_path: Path) -> None:
    (tmp_path / "rows.jsonl").write_text('{"prompt": "Hi"}\n')
    recipe_file = tmp_path / "r.yaml"
    recipe_file.write_text(
        yaml.safe_dump(minimal(datasets=[{"source": "jsonl", "path": "rows.jsonl"}]))
    )
    recipe = load_recipe(recipe_file)
    assert recipe.path("rows.jsonl") == tmp_path / "rows.jsonl"
    assert recipe.run_dir == tmp_path / "runs" / "r"
