"""The TRL runner: stages of GRPO with rubricrl rewards, checkpoints, resume, evals, seesaw guard.

Layout of a run (``recipe.run_dir``)::

    state.json                  finished stages and evaluated checkpoints (for resume)
    evals.jsonl                 every evaluation (baseline, after each stage, every N steps)
    events.jsonl                seesaw warnings and rollbacks
    <stage>/checkpoint-N/       TRL checkpoints (resume continues from the newest)
    <stage>/final/              the stage's policy (input of the next stage)
    <stage>/metrics.jsonl       trainer logs: reward, lengths, KL, per-criterion, abstain, flags
    <stage>/tensorboard/        the same as TensorBoard events
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.training._datasets import as_conversation, stage_records
from rubricrl.training._evaluate import EvalResult, evaluate
from rubricrl.training._logging import append_jsonl
from rubricrl.training._policy import resolve_policy
from rubricrl.training._recipe import Recipe, RecipeError, Stage
from rubricrl.training._rewards import build_reward
from rubricrl.training._seesaw import Checkpoint, best_checkpoint, detect_seesaw

logger = logging.getLogger(__name__)


class StageResult(BaseModel):
    """What one stage did."""

    model_config = ConfigDict(extra="forbid")

    name: str
    final_dir: str
    global_step: int
    resumed_from_step: int = 0
    wall_s: float = 0.0
    metrics_path: str = ""
    skipped: bool = Field(default=False, description="Already finished in a resumed run.")


class RunState(BaseModel):
    """Persistent progress of a run (``state.json``)."""

    model_config = ConfigDict(extra="forbid")

    stages: dict[str, StageResult] = Field(default_factory=dict)
    history: list[Checkpoint] = Field(default_factory=list)
    evals: list[dict[str, Any]] = Field(default_factory=list)


class RunSummary(BaseModel):
    """The result of :func:`run_recipe`."""

    model_config = ConfigDict(extra="forbid")

    recipe: str
    run_dir: str
    stages: list[StageResult]
    history: list[Checkpoint]
    evals: list[dict[str, Any]]
    wall_s: float


def _load_state(path: Path, resume: bool) -> RunState:
    if resume and path.is_file():
        return RunState.model_validate_json(path.read_text(encoding="utf-8"))
    return RunState()


def _save_state(path: Path, state: RunState) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.write_text(state.model_dump_json(indent=2), encoding="utf-8")
    partial.replace(path)


def last_checkpoint(stage_dir: Path) -> Path | None:
    """The newest ``checkpoint-N`` folder of a stage, if any.

    >>> last_checkpoint(Path("/nonexistent")) is None
    True
    """
    found = [p for p in stage_dir.glob("checkpoint-*") if p.name.split("-")[-1].isdigit()]
    return max(found, key=lambda p: int(p.name.split("-")[-1])) if found else None


def grpo_config(stage: Stage, output_dir: Path, reward_weights: list[float]) -> Any:
    """TRL ``GRPOConfig`` for a stage (vLLM and bf16 only where a GPU is present).

    Raises:
        RecipeError: If TRL rejects a field of ``grpo.extra``.
    """
    import torch
    from trl.trainer.grpo_config import GRPOConfig

    settings = stage.grpo
    gpu = torch.cuda.is_available()
    if (settings.use_vllm or settings.bf16) and not gpu:
        logger.warning("stage %s: no GPU, so use_vllm and bf16 are off", stage.name)
    fields = settings.model_dump(exclude={"extra", "use_vllm", "bf16"})
    try:
        return GRPOConfig(
            output_dir=str(output_dir),
            use_vllm=settings.use_vllm and gpu,
            bf16=settings.bf16 and gpu,
            use_cpu=not gpu,
            reward_weights=reward_weights,
            report_to="none",
            save_strategy="steps",
            gradient_checkpointing=False,
            **fields,
            **settings.extra,
        )
    except (TypeError, ValueError) as error:
        raise RecipeError(f"stage {stage.name!r}: GRPOConfig: {error}") from None


def train_stage(
    recipe: Recipe,
    stage: Stage,
    model_dir: Path,
    stage_dir: Path,
    *,
    resume: bool = False,
    callbacks: Sequence[Any] = (),
) -> StageResult:
    """Run GRPO for one stage and save the policy to ``stage_dir/final``.

    Raises:
        RecipeError: On a bad dataset, rubric, defense or GRPO setting.
    """
    from datasets import Dataset
    from trl.trainer.grpo_trainer import GRPOTrainer

    from rubricrl.training._logging import metrics_callback

    started = time.perf_counter()
    dataset = Dataset.from_list(as_conversation(stage_records(stage.datasets, recipe)))
    rewards: list[Any] = [build_reward(spec, recipe, stage.defense) for spec in stage.rewards]
    config = grpo_config(stage, stage_dir, [spec.weight for spec in stage.rewards])
    metrics = metrics_callback(stage_dir, stage.name)
    checkpoint = last_checkpoint(stage_dir) if resume else None
    try:
        trainer = GRPOTrainer(
            model=str(model_dir),
            reward_funcs=rewards,
            args=config,
            train_dataset=dataset,
            callbacks=[metrics, *callbacks],
        )
        trainer.train(resume_from_checkpoint=str(checkpoint) if checkpoint else None)
        final_dir = stage_dir / "final"
        trainer.save_model(str(final_dir))
    finally:
        for reward in rewards:
            reward.close()
    return StageResult(
        name=stage.name,
        final_dir=str(final_dir),
        global_step=trainer.state.global_step,
        resumed_from_step=int(checkpoint.name.split("-")[-1]) if checkpoint else 0,
        wall_s=round(time.perf_counter() - started, 2),
        metrics_path=str(metrics.logger.jsonl_path),
    )


class _Run:
    """One execution of a recipe: state, evaluations and the seesaw guard."""

    def __init__(self, recipe: Recipe, resume: bool) -> None:
        self.recipe = recipe
        self.run_dir = recipe.run_dir
        self.state_path = self.run_dir / "state.json"
        self.state = _load_state(self.state_path, resume)
        self.resume = resume
        guard = recipe.seesaw
        self.skills = tuple(guard.skills) if guard and guard.skills else ()

    def evaluate_all(self, stage: str, step: int, model_dir: Path) -> Checkpoint | None:
        if not self.recipe.evaluations:
            return None
        scores: dict[str, float | None] = {}
        for evaluation in self.recipe.evaluations:
            samples = self.run_dir / "samples" / f"{stage}-{step}-{evaluation.name}.jsonl"
            result: EvalResult = evaluate(evaluation, self.recipe, model_dir, samples)
            scores[evaluation.name] = result.value
            row = {"stage": stage, "step": step, "model": str(model_dir), **result.model_dump()}
            self.state.evals.append(row)
            append_jsonl(self.run_dir / "evals.jsonl", row)
        checkpoint = Checkpoint(stage=stage, step=step, path=str(model_dir), scores=scores)
        self.guard(checkpoint)
        self.state.history.append(checkpoint)
        _save_state(self.state_path, self.state)
        return checkpoint

    def guard(self, checkpoint: Checkpoint) -> None:
        guard = self.recipe.seesaw
        if guard is None or not self.state.history:
            return
        event = detect_seesaw(self.state.history[-1], checkpoint, guard.threshold, self.skills)
        if event is not None:
            logger.warning("seesaw: %s dropped while %s rose", event.dropped, event.rose)
            append_jsonl(self.run_dir / "events.jsonl", {"event": "seesaw", **event.model_dump()})

    def next_model(self, trained: Path) -> Path:
        """The policy the next stage starts from (the best checkpoint under rollback)."""
        guard = self.recipe.seesaw
        if guard is None or guard.action != "rollback" or not self.state.history:
            return trained
        best = best_checkpoint(self.state.history, self.skills)
        if best is None or Path(best.path) == trained:
            return trained
        logger.warning("seesaw guard: rolling back to %s (stage %s)", best.path, best.stage)
        row = {"event": "rollback", "to": best.path, "from": str(trained)}
        append_jsonl(self.run_dir / "events.jsonl", row)
        return Path(best.path)


def run_recipe(
    recipe: Recipe, *, resume: bool = False, callbacks: Sequence[Any] = ()
) -> RunSummary:
    """Run every stage of a recipe with TRL (CPU, or GPU with vLLM when present).

    Finished stages are skipped on ``resume``; an interrupted stage continues from its newest
    checkpoint at the same global step.

    Raises:
        RecipeError: On a recipe problem found while running (data, rubrics, settings).
    """
    started = time.perf_counter()
    run = _Run(recipe, resume)
    if recipe.policy.torch_threads is not None:
        import torch

        torch.set_num_threads(recipe.policy.torch_threads)
    model_dir = resolve_policy(recipe.policy.model)
    if not run.state.history:
        run.evaluate_all("base", 0, model_dir)
    results = []
    for stage in recipe.stages:
        done = run.state.stages.get(stage.name)
        if done is not None:
            results.append(done.model_copy(update={"skipped": True}))
            model_dir = run.next_model(Path(done.final_dir))
            continue
        stage_dir = run.run_dir / stage.name
        extra = [*callbacks, *_step_guard(run, stage)]
        result = train_stage(recipe, stage, model_dir, stage_dir, resume=resume, callbacks=extra)
        run.state.stages[stage.name] = result
        _save_state(run.state_path, run.state)
        run.evaluate_all(stage.name, result.global_step, Path(result.final_dir))
        results.append(result)
        model_dir = run.next_model(Path(result.final_dir))
    return RunSummary(
        recipe=recipe.name,
        run_dir=str(run.run_dir),
        stages=results,
        history=run.state.history,
        evals=run.state.evals,
        wall_s=round(time.perf_counter() - started, 2),
    )


def _step_guard(run: _Run, stage: Stage) -> list[Any]:
    guard = run.recipe.seesaw
    if guard is None or guard.every_steps is None or not run.recipe.evaluations:
        return []
    from transformers import TrainerCallback

    every = guard.every_steps
    stage_dir = run.run_dir / stage.name

    class StepEvaluation(TrainerCallback):
        def on_step_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            if state.global_step % every or state.global_step >= args.max_steps:
                return
            target = stage_dir / f"eval-step-{state.global_step}"
            kwargs["model"].save_pretrained(str(target))
            tokenizer = kwargs.get("processing_class")
            if tokenizer is not None:
                tokenizer.save_pretrained(str(target))
            run.evaluate_all(stage.name, state.global_step, target)

    return [StepEvaluation()]


def summary_json(summary: RunSummary) -> str:
    """The summary as indented JSON."""
    return json.dumps(summary.model_dump(mode="json"), indent=2)


def train_recipe(
    path: str | Path, *, backend: str = "trl", resume: bool = False, dry_run: bool = False
) -> str:
    """Load a recipe file and run it with a backend; returns a JSON summary (CLI entry).

    Raises:
        RecipeError: On a bad recipe or backend, or a failure the recipe explains.

    >>> try:
    ...     train_recipe("missing.yaml")
    ... except RecipeError as error:
    ...     print(str(error).split(":")[0])
    cannot read recipe missing.yaml
    """
    from rubricrl.training._recipe import load_recipe

    if backend not in ("trl", "verl"):
        raise RecipeError(f"unknown backend {backend!r}; valid: trl, verl")
    recipe = load_recipe(path)
    if backend == "verl":
        from rubricrl.training._verl import run_verl

        plans = run_verl(recipe, dry_run=dry_run)
        return json.dumps([plan.model_dump() for plan in plans], indent=2)
    if dry_run:
        return json.dumps({"recipe": recipe.name, "stages": [s.name for s in recipe.stages]})
    return summary_json(run_recipe(recipe, resume=resume))
