"""The TRL runner: one real GRPO step on CPU, checkpoint and resume, logs, CLI errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rubricrl.cli import app
from rubricrl.training import RecipeError, last_checkpoint, recipe_from_data, run_recipe

pytest.importorskip("trl")


def tiny_recipe(model: Path, out: Path, steps: int = 1, **extra: Any) -> Any:
    rubric = {"id": "r", "criteria": [{"id": "c", "description": "Is fine."}]}
    data = {
        "name": "tiny",
        "output_dir": str(out),
        "policy": {"model": str(model), "torch_threads": 1},
        "stages": [
            {
                "name": "one",
                "datasets": [
                    {
                        "source": "inline",
                        "prompts": [
                            {"prompt": "hello world", "rubric": rubric},
                            {"prompt": "the cat"},
                        ],
                    }
                ],
                "rewards": [
                    {"name": "fake", "judge": "fake:random", "rubrics": [], "default_rubric": None}
                ],
                "grpo": {
                    "max_steps": steps,
                    "per_device_train_batch_size": 4,
                    "num_generations": 2,
                    "max_completion_length": 4,
                    "save_steps": 1,
                },
            }
        ],
        **extra,
    }
    # rows without a rubric use the inline one's twin through an inline default
    data["stages"][0]["datasets"][0]["prompts"][1]["rubric"] = rubric
    return recipe_from_data(data)


def test_one_real_grpo_step_writes_logs_and_checkpoint(tiny_model: Path, tmp_path: Path) -> None:
    summary = run_recipe(tiny_recipe(tiny_model, tmp_path))
    stage = summary.stages[0]
    assert stage.global_step == 1
    assert (Path(stage.final_dir) / "config.json").is_file()
    rows = [json.loads(line) for line in Path(stage.metrics_path).read_text().splitlines()]
    first = rows[0]
    assert first["step"] == 1
    for key in ("reward", "completions/mean_length", "fake/abstain_rate", "fake/criteria/c"):
        assert key in first
    assert list((tmp_path / "tiny" / "one" / "tensorboard").glob("events.out.tfevents.*"))
    assert last_checkpoint(tmp_path / "tiny" / "one").name == "checkpoint-1"


class StopAt:
    """Simulates a crash after the checkpoint of ``step`` was written."""

    def __init__(self, step: int) -> None:
        self.step = step

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None

    def on_save(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
        if state.global_step == self.step:
            raise KeyboardInterrupt("simulated crash")


def test_resume_continues_from_the_same_step(tiny_model: Path, tmp_path: Path) -> None:
    recipe = tiny_recipe(tiny_model, tmp_path, steps=2)
    with pytest.raises(KeyboardInterrupt):
        run_recipe(recipe, callbacks=[StopAt(1)])
    assert last_checkpoint(tmp_path / "tiny" / "one").name == "checkpoint-1"
    summary = run_recipe(recipe, resume=True)
    stage = summary.stages[0]
    assert (stage.resumed_from_step, stage.global_step) == (1, 2)
    steps = [json.loads(line)["step"] for line in Path(stage.metrics_path).read_text().splitlines()]
    assert steps[:2] == [1, 2]  # step 1 from the first run, step 2 from the resumed one
    again = run_recipe(recipe, resume=True)
    assert again.stages[0].skipped and again.stages[0].global_step == 2


def test_bad_grpo_extra_is_a_recipe_error(tiny_model: Path, tmp_path: Path) -> None:
    recipe = tiny_recipe(tiny_model, tmp_path)
    stage = recipe.stages[0]
    bad = stage.model_copy(update={"grpo": stage.grpo.model_copy(update={"extra": {"nope": 1}})})
    with pytest.raises(RecipeError, match="GRPOConfig"):
        run_recipe(recipe.model_copy(update={"stages": (bad,)}))


def test_cli_train_bad_recipe_is_one_line(tmp_path: Path) -> None:
    bad = tmp_path / "r.yaml"
    bad.write_text("name: r\nstages: []\n")
    result = CliRunner().invoke(app, ["train", "--recipe", str(bad)])
    assert result.exit_code == 2
    assert result.output.startswith("error: ") and result.output.count("\n") == 1


def test_cli_train_unknown_backend(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["train", "--recipe", str(tmp_path / "x.yaml"), "--backend", "x"]
    )
    assert result.exit_code == 2 and "unknown backend" in result.output
