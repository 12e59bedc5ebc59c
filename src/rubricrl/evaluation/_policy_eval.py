"""``rubricrl eval policy``: held-out benchmark scores of any policy the rollout step can sample.

Nothing here re-implements a step: prompts come from the ``rubricrl.data`` importers, samples
from :func:`rubricrl.data.run_rollout` (a resumable JSONL journal per benchmark), IFEval/IFBench
verdicts from :func:`rubricrl.verifiers.score_ifeval`, rubric scores from the scoring engine,
the held-out split from :func:`rubricrl.training.in_heldout` (the split the training recipes
use, so a trained policy is never scored on its training prompts) and intervals from
:func:`rubricrl.evaluation.bootstrap_ci`.

Metrics (each with a 95% percentile-bootstrap CI over its units):

- ``prompt_level``: share of prompts whose every instruction passes (IFEval strict);
  prompts with an instruction no verifier could decide are counted under ``undecided``.
- ``instruction_level``: share of decided instructions that pass (pooled over prompts).
- ``reward_mean``: mean rubric reward of scored responses (WritingBench/HealthBench with their
  shipped criteria); abstentions are reported as ``abstain_rate``, never as a score.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from rubricrl.data import (
    DataError,
    Policy,
    PromptRow,
    RolloutConfig,
    SamplingParams,
    grading_items,
    import_prompts,
    read_rollouts,
    run_rollout,
)
from rubricrl.evaluation._stats import bootstrap_ci
from rubricrl.judges import Judge
from rubricrl.scoring import EngineConfig, ScoringEngine
from rubricrl.training import in_heldout
from rubricrl.verifiers import score_ifeval

VERIFIER_BENCHMARKS = ("ifeval", "ifbench")
RUBRIC_BENCHMARKS = ("writingbench", "healthbench")
BENCHMARKS = VERIFIER_BENCHMARKS + RUBRIC_BENCHMARKS


class PolicyEvalConfig(BaseModel):
    """Which benchmarks, how many held-out prompts, how to sample."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    benchmarks: tuple[str, ...] = Field(default=("ifeval",), min_length=1)
    limit: int = Field(default=32, ge=1, description="Held-out prompts per benchmark.")
    heldout_fraction: float = Field(default=0.2, gt=0, le=1, description="1 = every prompt.")
    max_tokens: int = Field(default=256, ge=1, le=65_536)
    temperature: float = Field(default=0.0, ge=0, le=5, description="0 = greedy.")
    seed: int = Field(default=0, ge=0)
    resamples: int = Field(default=2000, ge=100)


def heldout_rows(rows: Sequence[PromptRow], fraction: float, limit: int) -> list[PromptRow]:
    """The first ``limit`` rows whose prompt text falls in the held-out split.

    >>> rows = [PromptRow(id=str(i), prompt=f"p{i}") for i in range(5)]
    >>> len(heldout_rows(rows, 1.0, 3))
    3
    """
    if fraction >= 1.0:
        return list(rows[:limit])
    return [row for row in rows if in_heldout(row.text, fraction)][:limit]


def metric(outcomes: Sequence[float], resamples: int = 2000) -> dict[str, Any]:
    """Mean of ``outcomes`` with a 95% bootstrap CI (all None when there are none).

    >>> metric([1.0, 0.0, 1.0, 1.0])["value"]
    0.75
    """
    if not outcomes:
        return {"value": None, "ci_low": None, "ci_high": None, "n": 0}
    array = np.asarray(outcomes, dtype=float)
    low, high = bootstrap_ci(array, resamples=resamples)
    return {"value": float(array.mean()), "ci_low": low, "ci_high": high, "n": len(outcomes)}


def ifeval_metrics(
    rows: Sequence[PromptRow], responses: dict[str, str], resamples: int = 2000
) -> dict[str, Any]:
    """Prompt- and instruction-level accuracy of ``responses`` (prompt id -> text).

    Prompts without a response (failed samples) are counted under ``missing``.

    >>> row = PromptRow(id="a", prompt="p", verifier={
    ...     "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]})
    >>> ifeval_metrics([row], {"a": "no commas here"})["prompt_level"]["value"]
    1.0
    """
    prompt_level: list[float] = []
    instruction_level: list[float] = []
    undecided = missing = 0
    for row in rows:
        if row.id not in responses:
            missing += 1
            continue
        record = {"key": row.id, "prompt": row.text, **row.verifier}
        score = score_ifeval(record, responses[row.id])
        verdict = score.prompt_level
        if verdict is None:
            undecided += 1
        else:
            prompt_level.append(float(verdict))
        instruction_level += [float(v) for v in score.passed if v is not None]
    return {
        "kind": "verifier",
        "prompts": len(rows),
        "prompt_level": metric(prompt_level, resamples),
        "instruction_level": metric(instruction_level, resamples),
        "undecided": undecided,
        "missing": missing,
    }


async def rubric_metrics(
    rows: Sequence[PromptRow],
    samples: Sequence[dict[str, Any]],
    judge: Judge,
    engine_config: EngineConfig,
    *,
    flaggers: Sequence[Callable[..., Any]] = (),
    resamples: int = 2000,
) -> dict[str, Any]:
    """Mean rubric reward of ``samples`` graded with each prompt's shipped criteria."""
    items = grading_items(rows, samples)
    async with ScoringEngine(judge, engine_config, flaggers=tuple(flaggers)) as engine:
        rewards = await engine.grade_batch(items)
    values = [r.value for r in rewards if r.value is not None]
    return {
        "kind": "rubric",
        "prompts": len(rows),
        "reward_mean": metric(values, resamples),
        "abstain_rate": 1.0 - len(values) / len(rewards) if rewards else 0.0,
        "missing": len(rows) - len({item.metadata["prompt_id"] for item in items}),
    }


def load_benchmark(name: str, config: PolicyEvalConfig) -> list[PromptRow]:
    """Held-out rows of one benchmark from its shipped importer.

    Raises:
        DataError: Unknown benchmark, or its package is not installed.
    """
    if name not in BENCHMARKS:
        raise DataError(f"unknown benchmark {name!r}; valid: {', '.join(BENCHMARKS)}")
    rows, _ = import_prompts(name)
    return heldout_rows(rows, config.heldout_fraction, config.limit)


async def evaluate_policy(
    policy: Policy,
    output_dir: Path,
    config: PolicyEvalConfig,
    *,
    judge: Judge | None = None,
    engine_config: EngineConfig | None = None,
    rows: dict[str, list[PromptRow]] | None = None,
    on_sample: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Sample one greedy response per held-out prompt and score every benchmark.

    Args:
        policy: Where responses come from (``rubricrl.data.resolve_policy``).
        output_dir: Rollout journals (``BENCH.rollouts.jsonl``, resumed) and ``policy_eval.json``.
        config: Benchmarks, prompt counts and sampling.
        judge: Grades rubric benchmarks (required only for those).
        engine_config: Scoring-engine settings for rubric benchmarks.
        rows: Use these rows per benchmark instead of importing (tests, custom sets).
        on_sample: Called per written rollout row (progress).

    Returns:
        ``{"policy", "config", "benchmarks": {name: metrics}}``, also written as JSON.

    Raises:
        DataError: Unknown benchmark, missing data package, or no judge for a rubric benchmark.

    >>> import asyncio, tempfile, pathlib
    >>> from rubricrl.data import FakePolicy
    >>> row = PromptRow(id="a", prompt="Say hi", verifier={
    ...     "instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]})
    >>> out = asyncio.run(evaluate_policy(FakePolicy(), pathlib.Path(tempfile.mkdtemp()),
    ...     PolicyEvalConfig(), rows={"ifeval": [row]}))
    >>> out["benchmarks"]["ifeval"]["prompt_level"]["n"]
    1
    """
    output_dir.mkdir(parents=True, exist_ok=True)
    params = SamplingParams(
        temperature=config.temperature, max_tokens=config.max_tokens, seed=config.seed
    )
    rollout = RolloutConfig(samples=1, params=params, concurrency=1)
    results: dict[str, Any] = {}
    for name in config.benchmarks:
        bench_rows = (rows or {}).get(name)
        if bench_rows is None:
            bench_rows = load_benchmark(name, config)
        if name in RUBRIC_BENCHMARKS and judge is None:
            raise DataError(f"benchmark {name} needs a judge (--judge)")
        journal = output_dir / f"{name}.rollouts.jsonl"
        await run_rollout(bench_rows, policy, journal, rollout, resume=True, on_sample=on_sample)
        samples = read_rollouts(journal) if journal.exists() else []
        if name in RUBRIC_BENCHMARKS:
            assert judge is not None
            results[name] = await rubric_metrics(
                bench_rows,
                samples,
                judge,
                engine_config or EngineConfig(cache_path=str(output_dir / "cache.sqlite")),
                resamples=config.resamples,
            )
        else:
            responses = {str(s["prompt_id"]): str(s["response"]) for s in samples}
            results[name] = ifeval_metrics(bench_rows, responses, config.resamples)
    out = {"policy": policy.id, "config": config.model_dump(mode="json"), "benchmarks": results}
    (output_dir / "policy_eval.json").write_text(json.dumps(out, indent=2), encoding="utf-8")
    return out


def before_after(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any]:
    """The report's ``benchmarks`` section: ``{"BENCH.METRIC": {"before", "after", ...}}``.

    >>> b = {"benchmarks": {"ifeval": {"prompt_level": {"value": 0.25, "n": 4}}}}
    >>> a = {"benchmarks": {"ifeval": {"prompt_level": {"value": 0.5, "n": 4}}}}
    >>> before_after(b, a)["ifeval.prompt_level"]["after"]
    0.5
    """
    table: dict[str, Any] = {}
    for name, metrics in before.get("benchmarks", {}).items():
        other = after.get("benchmarks", {}).get(name, {})
        for key in ("prompt_level", "instruction_level", "reward_mean"):
            if key in metrics:
                table[f"{name}.{key}"] = {
                    "before": metrics[key]["value"],
                    "after": other.get(key, {}).get("value"),
                    "before_ci": [metrics[key].get("ci_low"), metrics[key].get("ci_high")],
                    "after_ci": [
                        other.get(key, {}).get("ci_low"),
                        other.get(key, {}).get("ci_high"),
                    ],
                    "n": metrics[key].get("n"),
                }
    return table
