"""The verl backend: config against verl's own defaults, data and bank (rubricrl.training._verl).

verl needs GPUs to train; on CPU we check everything up to the launch: the generated config
merges into verl 0.9.1's generated default config, the parquet rows and the rubric bank.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rubricrl.training import RecipeError, recipe_from_data, run_verl

pytest.importorskip("verl")
pytest.importorskip("omegaconf")
pq = pytest.importorskip("pyarrow.parquet")

INLINE = {"id": "inline1", "criteria": [{"id": "c", "description": "Names a color."}]}


def verl_recipe(tmp_path: Path, **changes: Any) -> Any:
    (tmp_path / "model").mkdir()
    (tmp_path / "model" / "config.json").write_text("{}")
    (tmp_path / "polite.yaml").write_text(
        "id: polite\ncriteria:\n  - id: polite\n    description: Is polite.\n"
    )
    stage = {
        "name": "s1",
        "datasets": [
            {
                "source": "inline",
                "prompts": [
                    {"prompt": "Say hello."},
                    {"prompt": "Name a color.", "rubric": INLINE},
                ],
            }
        ],
        "rewards": [
            {
                "rubrics": ["polite.yaml"],
                "default_rubric": "polite",
                "judge": "openai:m@http://127.0.0.1:9/v1",
                "verifiers": [{"id": "short", "verifier": {"name": "no_such_check"}}],
            }
        ],
        "grpo": {"max_steps": 7, "per_device_train_batch_size": 8, "num_generations": 4},
    }
    data = {
        "name": "v",
        "policy": {"model": str(tmp_path / "model")},
        "stages": [stage],
        "verl": {"nnodes": 2, "n_gpus_per_node": 8},
        **changes,
    }
    return recipe_from_data(data, base_dir=tmp_path)


def test_dry_run_writes_config_data_and_bank(tmp_path: Path) -> None:
    from omegaconf import OmegaConf

    plan = run_verl(verl_recipe(tmp_path), dry_run=True)[0]
    config = OmegaConf.load(plan.config_path)
    assert config.algorithm.adv_estimator == "grpo"
    assert config.trainer.nnodes == 2 and config.trainer.total_training_steps == 7
    assert config.data.train_batch_size == 32  # 2 prompts per GPU x 16 GPUs
    assert config.actor_rollout_ref.rollout.n == 4
    assert config.reward.reward_manager.module.path == "pkg://rubricrl.rewards.verl"
    assert config.reward.reward_kwargs.rubric == plan.bank_dir
    rows = pq.read_table(plan.train_file).to_pylist()
    assert [r["extra_info"]["rubric"] for r in rows] == ["polite", "inline1"]
    assert rows[1]["prompt"] == [{"role": "user", "content": "Name a color."}]
    bank = sorted(p.name for p in Path(plan.bank_dir).iterdir())
    assert bank == ["inline1.yaml", "polite.yaml"]
    assert "short" in (Path(plan.bank_dir) / "inline1.yaml").read_text()  # verifier criteria added
    assert (
        json.loads((tmp_path / "runs" / "v" / "verl" / "plan.json").read_text())[0]["stage"] == "s1"
    )


def test_unknown_verl_override_is_a_recipe_error(tmp_path: Path) -> None:
    recipe = verl_recipe(tmp_path, verl={"overrides": {"trainer.no_such_key": 1}})
    with pytest.raises(RecipeError, match="verl config has no key 'trainer.no_such_key'"):
        run_verl(recipe, dry_run=True)


def test_verl_takes_one_reward_per_stage(tmp_path: Path) -> None:
    recipe = verl_recipe(tmp_path)
    stage = recipe.stages[0]
    two = stage.model_copy(
        update={
            "rewards": (stage.rewards[0], stage.rewards[0].model_copy(update={"name": "other"}))
        }
    )
    with pytest.raises(RecipeError, match="exactly one reward"):
        run_verl(recipe.model_copy(update={"stages": (two,)}), dry_run=True)


def test_without_gpu_the_run_stops_with_a_clear_error(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("a GPU is present")
    with pytest.raises(RecipeError, match="verl needs CUDA GPUs"):
        run_verl(verl_recipe(tmp_path))
