"""``rubricrl demo``: the whole job, offline, on the embedded defaults.

prompts (a small IFEval subset from the ``rubricrl.data`` importer) -> rollouts with the small
policy (embedded SmolLM2 through the data rollout step) -> grading (each prompt's IFEval verifier
criteria plus one judge criterion from the shipped writing rubric, the defense detectors as
flaggers) -> quantile-band filter -> a short stage-1 GRPO run (training's TRL runner) ->
held-out evaluation before and after (``evaluate_policy``) -> the HTML report (``write_report``)
and its numbers (``report.json``). Every step writes to ``output_dir`` and is resumed from there
where the underlying step supports it (rollout and grading journals, GRPO checkpoints, eval
journals). The small embedded model is a judge at chance on human preferences (ENVIRONMENT.md):
the demo exercises the machinery; its numbers are not evidence of reward quality.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.data import (
    FilterConfig,
    Policy,
    PromptRow,
    RolloutConfig,
    SamplingParams,
    filter_prompts,
    grading_items,
    import_prompts,
    prompt_stats,
    read_rollouts,
    rubric_for_row,
    run_rollout,
)
from rubricrl.defense import DefenseFlagger
from rubricrl.evaluation._policy_eval import PolicyEvalConfig, before_after, evaluate_policy
from rubricrl.evaluation._report import ReportData, read_jsonl, summarize_graded, write_report
from rubricrl.judges import Judge
from rubricrl.rubric import Rubric
from rubricrl.scoring import EngineConfig, ScoringEngine, grade_rows
from rubricrl.training import in_heldout

Progress = Callable[[str, int | None], Callable[[Any], None]]
"""``progress(step_name, total) -> advance(row)``: the CLI's rich progress bars."""


class PipelineConfig(BaseModel):
    """Sizes of the demo (the defaults are the full demo; :meth:`quick` is the CI setting)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    train_prompts: int = Field(default=12, ge=1)
    eval_prompts: int = Field(default=12, ge=1)
    samples: int = Field(default=4, ge=2, description="Rollouts per prompt (filter needs 2+).")
    max_tokens: int = Field(default=96, ge=1, description="Rollout and eval tokens.")
    judge_criteria: int = Field(default=1, ge=0, description="Writing-rubric judge criteria.")
    grpo_steps: int = Field(default=4, ge=1)
    grpo_batch: int = Field(default=4, ge=2)
    grpo_generations: int = Field(default=2, ge=2)
    grpo_completion_tokens: int = Field(default=48, ge=1)
    heldout_fraction: float = Field(default=0.2, gt=0, lt=1)
    torch_threads: int = Field(default=2, ge=1)
    seed: int = 0

    @classmethod
    def quick(cls) -> PipelineConfig:
        """A few prompts, samples, tokens and steps: minutes on a quiet 2-core machine."""
        return cls(
            train_prompts=3,
            eval_prompts=3,
            samples=2,
            max_tokens=32,
            grpo_steps=1,
            grpo_batch=2,
            grpo_completion_tokens=16,
        )


def demo_rubric(row: PromptRow, writing: Rubric, judge_criteria: int) -> Rubric:
    """A prompt's IFEval verifier rubric plus the first judge criteria of the writing rubric.

    >>> from rubricrl.rubric import shipped_rubric
    >>> row = PromptRow(id="p", prompt="x", verifier={
    ...     "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]})
    >>> [c.id for c in demo_rubric(row, shipped_rubric("writing_quality"), 1).criteria][-1]
    'addresses_request'
    """
    base = rubric_for_row(row)
    assert base is not None
    extra = [c for c in writing.criteria if c.verifier is None][:judge_criteria]
    return base.model_copy(update={"criteria": (*base.criteria, *extra)})


def split_prompts(config: PipelineConfig) -> tuple[list[PromptRow], list[PromptRow]]:
    """Training and held-out IFEval prompts (the split training's recipes use)."""
    rows, _ = import_prompts("ifeval")
    usable = [r for r in rows if _supported(r)]
    train = [r for r in usable if not in_heldout(r.text, config.heldout_fraction)]
    heldout = [r for r in usable if in_heldout(r.text, config.heldout_fraction)]
    return train[: config.train_prompts], heldout[: config.eval_prompts]


def _supported(row: PromptRow) -> bool:
    rubric = rubric_for_row(row)
    return rubric is not None and all(
        c.verifier is None or c.verifier.name != "ifeval_unsupported" for c in rubric.criteria
    )


def _noop(_: Any) -> None:
    return None


def _no_progress(_: str, __: int | None) -> Callable[[Any], None]:
    return _noop


async def _rollout_and_grade(
    train: list[PromptRow],
    rubrics: dict[str, Rubric],
    policy: Policy,
    judge: Judge,
    config: PipelineConfig,
    output_dir: Path,
    progress: Progress,
) -> list[dict[str, Any]]:
    journal = output_dir / "rollouts.jsonl"
    params = SamplingParams(temperature=0.8, max_tokens=config.max_tokens, seed=config.seed)
    rollout = RolloutConfig(samples=config.samples, params=params, concurrency=1)
    advance = progress("rollouts", len(train) * config.samples)
    await run_rollout(train, policy, journal, rollout, resume=True, on_sample=advance)
    samples = read_rollouts(journal)
    rows = [r.model_copy(update={"rubric": rubrics[r.id].model_dump(mode="json")}) for r in train]
    items = grading_items(rows, samples)
    engine_config = EngineConfig(
        mode="one_call", concurrency=1, cache_path=str(output_dir / "cache.sqlite")
    )
    advance = progress("grading", len(items))
    graded = output_dir / "graded.jsonl"
    async with ScoringEngine(judge, engine_config, flaggers=(DefenseFlagger(),)) as engine:
        await grade_rows(items, graded, engine, resume=True, on_row=advance)
    return read_jsonl(graded)


def _verifier_only(rubric: Rubric) -> dict[str, Any]:
    """Stage 1 trains on the verifier criteria only (as recipes/demo_cpu.yaml does)."""
    criteria = tuple(c for c in rubric.criteria if c.verifier is not None)
    return rubric.model_copy(update={"criteria": criteria}).model_dump(mode="json")


def _recipe(
    kept: list[PromptRow], rubrics: dict[str, Rubric], config: PipelineConfig, out: Path
) -> Any:
    from rubricrl.training import recipe_from_data

    prompts = [{"prompt": r.text, "rubric": _verifier_only(rubrics[r.id])} for r in kept]
    stage = {
        "name": "instruction_following",
        "datasets": [{"source": "inline", "prompts": prompts}],
        "rewards": [{"name": "ifeval", "judge": "local"}],  # never called: verifiers only
        "grpo": {
            "max_steps": config.grpo_steps,
            "learning_rate": 1.0e-5,
            "per_device_train_batch_size": config.grpo_batch,
            "num_generations": config.grpo_generations,
            "max_completion_length": config.grpo_completion_tokens,
            "save_steps": max(1, config.grpo_steps // 2),
            "seed": config.seed,
        },
    }
    data = {
        "name": "demo",
        "output_dir": str(out),
        "policy": {"model": "smollm2", "torch_threads": config.torch_threads},
        "stages": [stage],
    }
    return recipe_from_data(data, base_dir=out)


async def run_pipeline(
    output_dir: Path,
    *,
    policy: Policy,
    judge: Judge,
    writing_rubric: Rubric,
    config: PipelineConfig | None = None,
    progress: Progress | None = None,
    train_fn: Callable[[Any], dict[str, Any]] | None = None,
    eval_policy_fn: Callable[[str], Policy] | None = None,
) -> dict[str, Any]:
    """Run the whole demo into ``output_dir`` and return what ``demo.json`` records.

    Args:
        output_dir: Everything goes here (journals, filter report, run, evals, report).
        policy: The rollout policy (the CLI passes the embedded SmolLM2, ``local``).
        judge: Grades the writing criterion (the CLI passes the embedded judge).
        writing_rubric: Shipped rubric whose first judge criteria are added to every prompt.
        config: Sizes (default: the full demo).
        progress: Progress-bar factory (module attribute ``Progress``).
        train_fn: Replaces the GRPO run (tests): ``recipe -> {"base", "final", "log"}``.
        eval_policy_fn: Builds the policy evaluated before/after from a model spec (tests).

    Returns:
        ``{"report", "report_json", "filter", "training", "before", "after"}``.
    """
    config = config or PipelineConfig()
    progress = progress or _no_progress
    output_dir.mkdir(parents=True, exist_ok=True)
    train, heldout = split_prompts(config)
    rubrics = {r.id: demo_rubric(r, writing_rubric, config.judge_criteria) for r in train}
    graded = await _rollout_and_grade(train, rubrics, policy, judge, config, output_dir, progress)
    report = filter_prompts(prompt_stats(graded), FilterConfig())
    (output_dir / "filter.json").write_text(report.model_dump_json(indent=2), encoding="utf-8")
    kept = [r for r in train if r.id in set(report.kept)]
    fallback = not kept
    recipe = _recipe(kept or train, rubrics, config, output_dir / "runs")
    progress("GRPO training", None)
    training = (train_fn or _train)(recipe)
    make_policy = eval_policy_fn or _hf_policy
    eval_config = PolicyEvalConfig(
        limit=config.eval_prompts,
        heldout_fraction=1.0,
        max_tokens=config.max_tokens,
        seed=config.seed,
    )
    evals = {}
    for when in ("before", "after"):
        model = training["base"] if when == "before" else training["final"]
        advance = progress(f"eval {when}", len(heldout))
        evals[when] = await evaluate_policy(
            make_policy(model),
            output_dir / f"eval_{when}",
            eval_config,
            rows={"ifeval": heldout},
            on_sample=advance,
        )
    data = ReportData(
        title="rubricrl demo (embedded SmolLM2: exercises the machinery, not reward quality)",
        graded=summarize_graded(graded),
        training=training["log"],
        benchmarks=before_after(evals["before"], evals["after"]),
    )
    path = write_report(data, output_dir / "report.html")
    result = {
        "report": str(path),
        "report_json": str(path.with_suffix(".json")),
        "filter": {"kept": report.kept, "dropped": report.dropped, "fallback_all": fallback},
        "training": {k: v for k, v in training.items() if k != "log"},
        "report_benchmarks": data.benchmarks,
        "before": evals["before"],
        "after": evals["after"],
    }
    (output_dir / "demo.json").write_text(json.dumps(result, indent=2), encoding="utf-8")
    return result


def _hf_policy(model_dir: str) -> Policy:
    from rubricrl.data import resolve_policy

    return resolve_policy(f"hf:{model_dir}")


def _train(recipe: Any) -> dict[str, Any]:
    from rubricrl.training import resolve_policy, run_recipe

    base = resolve_policy(recipe.policy.model)
    summary = run_recipe(recipe, resume=True)
    stage = summary.stages[-1]
    log = read_jsonl(Path(stage.metrics_path)) if Path(stage.metrics_path).is_file() else []
    return {
        "base": str(base),
        "final": stage.final_dir,
        "steps": stage.global_step,
        "wall_s": summary.wall_s,
        "log": log,
    }
