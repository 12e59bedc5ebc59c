"""The verl/Ray backend: write a verl 0.9.1 GRPO config, data and rubric bank per stage, run it.

Each stage becomes one ``python -m verl.trainer.main_ppo`` run with rubricrl's reward-loop
manager (``rubricrl.rewards.verl.RubricRewardManager``). The stage's prompts are written as
verl parquet (``prompt`` as chat messages, ``extra_info.rubric`` naming a rubric of the bank);
inline/instance rubrics, the stage's verifier criteria and the defense veto are written into
that bank, so the reward manager sees exactly the rubrics the TRL runner would.

Resource layout (``recipe.verl``): ``nnodes x n_gpus_per_node`` GPUs in one Ray cluster; the
actor, rollout (vLLM/SGLang, ``rollout_tensor_parallel_size`` GPUs per engine) and reference
share every GPU (verl's hybrid engine); rubricrl's reward workers are CPU actors
(``reward.num_workers``) that call the judge server over HTTP.
"""

from __future__ import annotations

import importlib.util
import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict

from rubricrl.rubric import Rubric, dump_rubric_yaml
from rubricrl.training._datasets import stage_records
from rubricrl.training._recipe import Recipe, RecipeError, RewardSpec, Stage
from rubricrl.training._rewards import build_reward, defense_parts

logger = logging.getLogger(__name__)

VERL_MODULE = "verl.trainer.main_ppo"
REWARD_MODULE = "pkg://rubricrl.rewards.verl"


class VerlStagePlan(BaseModel):
    """Everything written for one stage, and the command that runs it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stage: str
    config_path: str
    train_file: str
    bank_dir: str
    command: list[str]
    output_dir: str


def verl_defaults_path() -> Path:
    """Verl's fully generated default PPO config (``_generated_ppo_trainer.yaml``).

    Raises:
        RecipeError: If verl is not installed.
    """
    spec = importlib.util.find_spec("verl")
    if spec is None or not spec.submodule_search_locations:
        raise RecipeError("the verl backend needs verl (pip install verl==0.9.1)")
    root = Path(next(iter(spec.submodule_search_locations)))
    return root / "trainer" / "config" / "_generated_ppo_trainer.yaml"


def _reward_spec(stage: Stage) -> RewardSpec:
    if len(stage.rewards) != 1:
        raise RecipeError(f"stage {stage.name!r}: the verl backend takes exactly one reward")
    return stage.rewards[0]


def prompts_per_step(stage: Stage, gpus: int) -> int:
    """Verl's ``data.train_batch_size`` (prompts per step) matching the TRL batch per device.

    >>> from rubricrl.training._recipe import GRPOSettings
    >>> stage = Stage(name="s", datasets=[{"source": "inline", "prompts": [{"prompt": "x"}]}],
    ...               rewards=[{}], grpo=GRPOSettings(per_device_train_batch_size=8))
    >>> prompts_per_step(stage, gpus=8)
    16
    """
    grpo = stage.grpo
    per_device = grpo.per_device_train_batch_size * grpo.gradient_accumulation_steps
    return max(1, per_device // grpo.num_generations) * gpus


def verl_overrides(
    recipe: Recipe, stage: Stage, model_dir: str, train_file: str, bank_dir: str, out_dir: str
) -> tuple[dict[str, Any], dict[str, Any]]:
    """(overrides of existing verl keys, new keys) for one stage, as dotted keys."""
    grpo, layout, spec = stage.grpo, recipe.verl, _reward_spec(stage)
    batch = prompts_per_step(stage, layout.nnodes * layout.n_gpus_per_node)
    existing: dict[str, Any] = {
        "algorithm.adv_estimator": "grpo",
        "algorithm.use_kl_in_reward": False,
        "data.train_files": train_file,
        "data.val_files": train_file,
        "data.prompt_key": "prompt",
        "data.train_batch_size": batch,
        "data.max_response_length": grpo.max_completion_length,
        "actor_rollout_ref.model.path": model_dir,
        "actor_rollout_ref.actor.optim.lr": grpo.learning_rate,
        "actor_rollout_ref.actor.ppo_mini_batch_size": batch,
        "actor_rollout_ref.actor.ppo_micro_batch_size_per_gpu": 1,
        "actor_rollout_ref.actor.use_kl_loss": grpo.beta > 0,
        "actor_rollout_ref.actor.kl_loss_coef": grpo.beta,
        "actor_rollout_ref.rollout.name": layout.rollout_name,
        "actor_rollout_ref.rollout.n": grpo.num_generations,
        "actor_rollout_ref.rollout.temperature": grpo.temperature,
        "actor_rollout_ref.rollout.tensor_model_parallel_size": layout.rollout_tensor_parallel_size,
        "actor_rollout_ref.rollout.gpu_memory_utilization": layout.gpu_memory_utilization,
        "actor_rollout_ref.rollout.log_prob_micro_batch_size_per_gpu": 1,
        "actor_rollout_ref.ref.log_prob_micro_batch_size_per_gpu": 1,
        "trainer.nnodes": layout.nnodes,
        "trainer.n_gpus_per_node": layout.n_gpus_per_node,
        "trainer.total_training_steps": grpo.max_steps,
        "trainer.save_freq": grpo.save_steps,
        "trainer.test_freq": -1,
        "trainer.val_before_train": False,
        "trainer.default_local_dir": out_dir,
        "trainer.resume_mode": "auto",
        "trainer.logger": ["console", "tensorboard"],
        "trainer.project_name": recipe.name,
        "trainer.experiment_name": stage.name,
        "reward.reward_manager.source": "importlib",
        "reward.reward_manager.name": "RubricRewardManager",
        "reward.reward_manager.module.path": REWARD_MODULE,
        **layout.overrides,
    }
    engine = spec.engine.model_dump(mode="json", exclude_defaults=True)
    kwargs = {"rubric": bank_dir, "judge": spec.judge, "judge_options": spec.judge_options}
    added = {"reward.reward_kwargs": {**kwargs, "engine": engine, "abstain_fill": 0.0}}
    return existing, added


def build_verl_config(existing: dict[str, Any], added: dict[str, Any]) -> Any:
    """Verl's default config with our values; an unknown existing key is a RecipeError.

    Raises:
        RecipeError: If verl is missing or a key is not part of verl's config.
    """
    from omegaconf import OmegaConf

    config = OmegaConf.load(verl_defaults_path())
    for key, value in existing.items():
        if not _has_key(config, key):
            raise RecipeError(f"verl config has no key {key!r} (verl.overrides)")
        OmegaConf.update(config, key, value, force_add=False)
    for key, value in added.items():
        OmegaConf.update(config, key, value, force_add=True)
    return config


def _has_key(config: Any, key: str) -> bool:
    """Whether a dotted key exists in an OmegaConf tree (mandatory ``???`` values count)."""
    from omegaconf import DictConfig

    node = config
    for part in key.split("."):
        if not isinstance(node, DictConfig) or part not in node.keys():
            return False
        node = node._get_node(part)
    return True


def _bank_rubric(rubric: Rubric, stage: Stage) -> Rubric:
    hook, flaggers = defense_parts(stage.defense)
    if flaggers:
        logger.warning("stage %s: verl reward manager runs no detectors (rubric only)", stage.name)
    return hook(rubric) if hook is not None else rubric


def write_stage_files(recipe: Recipe, stage: Stage, stage_dir: Path) -> tuple[Path, Path]:
    """Write the stage's rubric bank (one YAML per rubric) and verl parquet; return both paths."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    spec = _reward_spec(stage)
    reward = build_reward(spec, recipe)  # resolves rubric ids, inline rubrics and verifiers
    bank_dir, rows, written = stage_dir / "rubrics", [], set()
    bank_dir.mkdir(parents=True, exist_ok=True)
    for index, record in enumerate(stage_records(stage.datasets, recipe)):
        rubric = _bank_rubric(reward.rubric_for(record["rubric"]), stage)
        if rubric.id not in written:
            (bank_dir / f"{rubric.id}.yaml").write_text(dump_rubric_yaml(rubric), encoding="utf-8")
            written.add(rubric.id)
        rows.append(_verl_row(index, str(record["prompt"]), rubric.id))
    train_file = stage_dir / "train.parquet"
    pq.write_table(pa.Table.from_pylist(rows), train_file)
    return bank_dir, train_file


def _verl_row(index: int, prompt: str, rubric_id: str) -> dict[str, Any]:
    return {
        "data_source": "rubricrl",
        "prompt": [{"role": "user", "content": prompt}],
        "ability": "rubric",
        "reward_model": {"style": "rubric", "ground_truth": rubric_id},
        "extra_info": {"index": index, "prompt": prompt, "rubric": rubric_id},
    }


def plan_stage(recipe: Recipe, stage: Stage, model_dir: str) -> VerlStagePlan:
    """Write data, bank and ``verl_config.yaml`` for one stage; return the plan to run it.

    Raises:
        RecipeError: On a recipe verl cannot run or a verl key that does not exist.
    """
    from omegaconf import OmegaConf

    stage_dir = recipe.run_dir / "verl" / stage.name
    bank_dir, train_file = write_stage_files(recipe, stage, stage_dir)
    out_dir = stage_dir / "checkpoints"
    existing, added = verl_overrides(
        recipe, stage, model_dir, str(train_file), str(bank_dir), str(out_dir)
    )
    config_path = stage_dir / "verl_config.yaml"
    OmegaConf.save(build_verl_config(existing, added), config_path)
    command = [sys.executable, "-m", VERL_MODULE, f"--config-path={stage_dir}"]
    command.append("--config-name=verl_config")
    return VerlStagePlan(
        stage=stage.name,
        config_path=str(config_path),
        train_file=str(train_file),
        bank_dir=str(bank_dir),
        command=command,
        output_dir=str(out_dir),
    )


def verl_hf_checkpoint(output_dir: Path, step: int) -> Path:
    """Where verl saves the HF-format actor of a step (input of the next stage).

    >>> verl_hf_checkpoint(Path("out"), 5).as_posix()
    'out/global_step_5/actor/huggingface'
    """
    return output_dir / f"global_step_{step}" / "actor" / "huggingface"


def run_verl(recipe: Recipe, *, dry_run: bool = False) -> list[VerlStagePlan]:
    """Plan every stage and run them one after another with verl on Ray.

    Stage ``k+1`` starts from stage ``k``'s HF checkpoint; ``trainer.resume_mode=auto`` makes
    a rerun continue from verl's newest checkpoint. With ``dry_run`` (or without a GPU) only
    the files are written.

    Raises:
        RecipeError: If a stage cannot be planned, no GPU is present (without ``dry_run``)
            or a verl run fails.
    """
    from rubricrl.training._policy import resolve_policy

    model_dir = str(resolve_policy(recipe.policy.model))
    plans = []
    for stage in recipe.stages:
        plan = plan_stage(recipe, stage, model_dir)
        plans.append(plan)
        model_dir = str(verl_hf_checkpoint(Path(plan.output_dir), stage.grpo.max_steps))
    (recipe.run_dir / "verl" / "plan.json").write_text(
        json.dumps([p.model_dump() for p in plans], indent=2), encoding="utf-8"
    )
    if dry_run:
        return plans
    _require_gpu(recipe)
    for plan in plans:
        _launch(plan, recipe)
    return plans


def _require_gpu(recipe: Recipe) -> None:
    import torch

    if not torch.cuda.is_available():
        where = recipe.run_dir / "verl" / "plan.json"
        raise RecipeError(f"verl needs CUDA GPUs and none is visible; configs written ({where})")


def _launch(plan: VerlStagePlan, recipe: Recipe) -> None:
    env = dict(os.environ)
    if recipe.verl.ray_address:
        env["RAY_ADDRESS"] = recipe.verl.ray_address
    completed = subprocess.run(plan.command, env=env, check=False)
    if completed.returncode != 0:
        raise RecipeError(f"verl stage {plan.stage!r} failed (exit {completed.returncode})")


def load_plan(path: Path) -> list[VerlStagePlan]:
    """Read a ``plan.json`` written by :func:`run_verl`."""
    return [VerlStagePlan.model_validate(row) for row in json.loads(path.read_text())]
