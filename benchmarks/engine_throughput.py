"""Throughput of the HTTP judge path: ScoringEngine + OpenAIJudge vs autorubric, same server.

The fake OpenAI-compatible server (``rubricrl.testing``) runs as a subprocess on 127.0.0.1 with a
fixed per-request latency (default 50 ms), so the client is measured, not a model. Phases, all in
one run against the same server URL:

1. per_criterion, no cache: sustained judge calls/s and client CPU per call (this process's
   CPU time / calls; the server's CPU is in another process and reported separately).
2. per_criterion with an SQLite cache (populates it), then cache-hit passes over the same items
   with a fresh engine each: gradings/s when every criterion is a hit.
3. one_call, no cache: tokens sent per grading, compared with per_criterion (usage counts come
   from the server and are approximate: characters / 4).
4. autorubric (PyPI ``autorubric==1.6.1``, LiteLLM inside) grading the same items with the same
   5 criteria through the same server, one call per criterion, time-boxed: if it cannot finish
   the workload within ``--autorubric-budget-s`` the largest finished fraction is reported and
   the full time is extrapolated with a label saying so.

Writes ``benchmarks/results/engine_throughput.json``.

    PYTHONPATH=src python benchmarks/engine_throughput.py [--items 2000] [--latency-ms 50]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from rubricrl.judges import OpenAIJudge
from rubricrl.rubric import Criterion, Rubric, Tier
from rubricrl.scoring import EngineConfig, GradingItem, ScoringEngine
from rubricrl.testing import FakeServerConfig, FakeServerProcess

RESULTS = Path(__file__).parent / "results" / "engine_throughput.json"
TARGETS = {
    "judge_calls_per_s": (">=", 800.0),
    "client_cpu_ms_per_call": ("<=", 1.0),
    "cache_hit_gradings_per_s": (">=", 20_000.0),
    "speedup_vs_autorubric": (">=", 5.0),
}
TIERS = [
    Tier(score=0, description="Missing or wrong."),
    Tier(score=1, description="Partly there."),
    Tier(score=2, description="Mostly there."),
    Tier(score=3, description="Fully there."),
]
CRITERIA = [
    ("accuracy", "The facts stated are correct.", "tiered"),
    ("completeness", "Every part of the question is answered.", "tiered"),
    ("clarity", "The answer is easy to follow and well organised.", "binary"),
    ("tone", "The tone is respectful and suits the question.", "binary"),
    ("no_padding", "There is no filler or repetition.", "binary"),
]


def make_rubric() -> Rubric:
    criteria = [
        Criterion(id=cid, description=text, kind=kind, tiers=TIERS if kind == "tiered" else [])
        for cid, text, kind in CRITERIA
    ]
    return Rubric(id="bench", description="Answer quality for open questions.", criteria=criteria)


def make_items(count: int, rubric: Rubric, tag: str) -> list[GradingItem]:
    """Deterministic prompts (~200 chars) and responses (~1,200 chars)."""
    sentence = "The committee reviewed the proposal, weighed its costs and risks, and agreed. "
    return [
        GradingItem(
            id=f"{tag}-{index}",
            prompt=f"Question {index} ({tag}): explain the decision and its reasons. " * 3,
            response=f"Answer {index}. " + sentence * 15,
            rubric=rubric,
        )
        for index in range(count)
    ]


def machine_info() -> dict[str, Any]:
    cpu_model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        for line in cpuinfo:
            if line.startswith("model name"):
                cpu_model = line.split(":", 1)[1].strip()
                break
    versions = {}
    for package in ("aiohttp", "pydantic", "autorubric", "litellm", "openai", "httpx"):
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "cpu_model": cpu_model,
        "cpus": os.cpu_count(),
        "sched_affinity_cpus": len(os.sched_getaffinity(0)),
        "load_average_at_start": os.getloadavg(),
        "packages": versions,
    }


def process_cpu_s(pid: int) -> float:
    """utime + stime of a process and its live children (server workers)."""
    total = 0.0
    for target in [pid, *_children(pid)]:
        try:
            fields = Path(f"/proc/{target}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def _children(pid: int) -> list[int]:
    try:
        text = Path(f"/proc/{pid}/task/{pid}/children").read_text()
    except OSError:
        return []
    return [int(part) for part in text.split()]


async def timed(
    work: Callable[[], Awaitable[Any]], server: FakeServerProcess
) -> tuple[Any, dict[str, float]]:
    server_cpu0 = process_cpu_s(server.pid)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    result = await work()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    return result, {
        "wall_s": wall,
        "client_cpu_s": cpu,
        "server_cpu_s": process_cpu_s(server.pid) - server_cpu0,
    }


async def run_engine(
    url: str, items: list[GradingItem], mode: str, concurrency: int, cache_path: str | None
) -> tuple[list[Any], Any]:
    judge = OpenAIJudge("bench-judge", url, max_concurrency=concurrency, timeout_s=60)
    config = EngineConfig(
        mode=mode,  # type: ignore[arg-type]
        concurrency=concurrency,
        timeout_s=60,
        cache_path=cache_path,
    )
    async with ScoringEngine(judge, config) as engine:
        rewards = await engine.grade_batch(items)
    if engine.cache is not None:
        engine.cache.close()
    return rewards, engine.stats


def engine_phase(
    rewards: list[Any], stats: Any, timing: dict[str, float], items: int
) -> dict[str, Any]:
    calls = stats.judge_calls
    return {
        "items": items,
        "judge_calls": calls,
        "rewards_none": sum(reward.value is None for reward in rewards),
        "wall_s": round(timing["wall_s"], 3),
        "judge_calls_per_s": round(calls / timing["wall_s"], 1) if calls else None,
        "gradings_per_s": round(items / timing["wall_s"], 1),
        "client_cpu_s": round(timing["client_cpu_s"], 3),
        "client_cpu_ms_per_call": round(1000 * timing["client_cpu_s"] / calls, 4)
        if calls
        else None,
        "client_cpu_ms_per_grading": round(1000 * timing["client_cpu_s"] / items, 4),
        # What one fully available core would sustain at this CPU cost (an upper bound, not a
        # measured rate: the wall rates above are what this run saw on a shared machine).
        "cpu_bound_calls_per_s": round(calls / timing["client_cpu_s"], 1) if calls else None,
        "cpu_bound_gradings_per_s": round(items / timing["client_cpu_s"], 1),
        "load_average_1min_after": round(os.getloadavg()[0], 2),
        "server_cpu_s": round(timing["server_cpu_s"], 3),
        "server_cpu_ms_per_call": round(1000 * timing["server_cpu_s"] / calls, 4)
        if calls
        else None,
        "prompt_tokens_per_grading": round(stats.prompt_tokens / items, 1),
        "completion_tokens_per_grading": round(stats.completion_tokens / items, 1),
        "cache_hits": stats.cache_hits,
        "retries": stats.retries,
        "abstain_reasons": dict(stats.abstain_reasons),
    }


async def measure_ours(
    server: FakeServerProcess, rubric: Rubric, args: argparse.Namespace, workdir: Path
) -> dict[str, Any]:
    url, concurrency = server.url, args.concurrency
    await run_engine(url, make_items(100, rubric, "warmup"), "per_criterion", concurrency, None)
    items = make_items(args.items, rubric, "main")
    results: dict[str, Any] = {}

    async def per_criterion() -> Any:
        return await run_engine(url, items, "per_criterion", concurrency, None)

    (rewards, stats), timing = await timed(per_criterion, server)
    results["per_criterion"] = engine_phase(rewards, stats, timing, len(items))

    cache_path = str(workdir / "cache.sqlite")

    async def populate() -> Any:
        return await run_engine(url, items, "per_criterion", concurrency, cache_path)

    (rewards, stats), timing = await timed(populate, server)
    results["per_criterion_populating_cache"] = engine_phase(rewards, stats, timing, len(items))
    results["cache_hit"] = await measure_cache_hits(server, items, concurrency, cache_path, args)

    async def one_call() -> Any:
        return await run_engine(url, items, "one_call", concurrency, None)

    (rewards, stats), timing = await timed(one_call, server)
    results["one_call"] = engine_phase(rewards, stats, timing, len(items))
    return results


async def measure_cache_hits(
    server: FakeServerProcess,
    items: list[GradingItem],
    concurrency: int,
    cache_path: str,
    args: argparse.Namespace,
) -> dict[str, Any]:
    passes = []
    for _ in range(args.cache_passes):

        async def cached() -> Any:
            return await run_engine(server.url, items, "per_criterion", concurrency, cache_path)

        (rewards, stats), timing = await timed(cached, server)
        passes.append(engine_phase(rewards, stats, timing, len(items)))
    rates = [phase["gradings_per_s"] for phase in passes]
    return {
        "passes": passes,
        "gradings_per_s_median": statistics.median(rates),
        "cpu_bound_gradings_per_s_median": statistics.median(
            phase["cpu_bound_gradings_per_s"] for phase in passes
        ),
        "all_hits": all(phase["judge_calls"] == 0 for phase in passes),
        "criterion_hits_per_pass": passes[0]["cache_hits"],
    }


async def measure_autorubric(
    server: FakeServerProcess, items: list[GradingItem], args: argparse.Namespace
) -> dict[str, Any]:
    """Drive autorubric's CriterionGrader (one LiteLLM call per criterion) at the same server."""
    os.environ.setdefault("LITELLM_LOCAL_MODEL_COST_MAP", "True")  # no network fetch at import
    try:
        from autorubric import LLMConfig
        from autorubric import Rubric as ARubric
        from autorubric.graders import CriterionGrader
    except ImportError as error:
        return {"skipped": f"autorubric not installed: {error}"}
    # The fake server answers CriterionJudgment's enum [MET, UNMET, CANNOT_ASSESS] with its
    # first option under the "reject" policy: MET, a real verdict (approve would pick
    # CANNOT_ASSESS, which autorubric excludes from scoring).
    config = LLMConfig(
        model="openai/policy:reject",
        api_base=server.url,
        api_key="unused",
        temperature=0.0,
        max_tokens=160,
        max_retries=3,
        timeout=60,
        max_parallel_requests=args.concurrency,
    )
    grader = CriterionGrader(judge_model_config=config)
    rubric = ARubric.from_dict([{"weight": 1.0, "requirement": text} for _, text, _ in CRITERIA])

    async def grade(chunk: list[GradingItem]) -> list[Any]:
        return list(
            await asyncio.gather(
                *(
                    rubric.grade(to_grade=item.response, grader=grader, query=item.prompt)
                    for item in chunk
                )
            )
        )

    await grade(make_items(20, items[0].rubric, "ar-warmup"))
    done: list[Any] = []
    server_cpu0 = process_cpu_s(server.pid)
    wall0, cpu0 = time.perf_counter(), time.process_time()
    chunk_size = max(1, args.autorubric_chunk)
    for start in range(0, len(items), chunk_size):
        if time.perf_counter() - wall0 > args.autorubric_budget_s:
            break
        done += await grade(items[start : start + chunk_size])
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    calls = len(done) * len(CRITERIA)
    finished = len(done) == len(items)
    return {
        "items_graded": len(done),
        "items_requested": len(items),
        "finished_whole_workload": finished,
        "judge_calls": calls,
        "scores_none": sum(result.score is None for result in done),
        "wall_s": round(wall, 3),
        "judge_calls_per_s": round(calls / wall, 1),
        "gradings_per_s": round(len(done) / wall, 1),
        "client_cpu_ms_per_call": round(1000 * cpu / calls, 4),
        "cpu_bound_calls_per_s": round(calls / cpu, 1),
        "load_average_1min_after": round(os.getloadavg()[0], 2),
        "server_cpu_ms_per_call": round(
            1000 * (process_cpu_s(server.pid) - server_cpu0) / calls, 4
        ),
        "full_workload_wall_s": round(wall, 1) if finished else None,
        "extrapolated_full_workload_wall_s": None
        if finished
        else round(wall * len(items) / max(1, len(done)), 1),
        "note": "measured on the whole workload"
        if finished
        else (
            "EXTRAPOLATED: only the first items_graded items finished within the time box; "
            "rates are measured on them, the full-workload time is a linear extrapolation"
        ),
    }


def verdicts(summary: dict[str, Any]) -> dict[str, Any]:
    measured = {
        "judge_calls_per_s": summary["ours"]["per_criterion"]["judge_calls_per_s"],
        "client_cpu_ms_per_call": summary["ours"]["per_criterion"]["client_cpu_ms_per_call"],
        "cache_hit_gradings_per_s": summary["ours"]["cache_hit"]["gradings_per_s_median"],
        "speedup_vs_autorubric": summary.get("ratio_ours_over_autorubric_calls_per_s"),
    }
    out = {}
    for name, (op, target) in TARGETS.items():
        value = measured[name]
        met = None if value is None else (value >= target if op == ">=" else value <= target)
        out[name] = {"target": f"{op} {target:g}", "measured": value, "met": met}
    return out


async def main_async(args: argparse.Namespace) -> dict[str, Any]:
    rubric = make_rubric()
    server_config = FakeServerConfig(
        latency_ms=args.latency_ms, workers=args.server_workers, policy="approve"
    )
    summary: dict[str, Any] = {
        "benchmark": "engine_throughput",
        "started_utc": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": machine_info(),
        "parameters": {
            "items": args.items,
            "criteria_per_item": len(CRITERIA),
            "latency_ms": args.latency_ms,
            "concurrency": args.concurrency,
            "server_workers": args.server_workers,
            "cache_passes": args.cache_passes,
            "autorubric_budget_s": args.autorubric_budget_s,
            "autorubric_chunk_items": args.autorubric_chunk,
            "client": "ScoringEngine + OpenAIJudge (one aiohttp session)",
            "server": "rubricrl.testing fake_openai_server subprocess on 127.0.0.1",
        },
    }
    with tempfile.TemporaryDirectory() as tmp, FakeServerProcess(server_config) as server:
        summary["ours"] = await measure_ours(server, rubric, args, Path(tmp))
        if not args.skip_autorubric:
            items = make_items(args.items, rubric, "main")
            summary["autorubric"] = await measure_autorubric(server, items, args)
        summary["server_stats"] = server.get("/stats")
    summary["machine"]["load_average_at_end"] = os.getloadavg()
    ours = summary["ours"]
    per, one = ours["per_criterion"], ours["one_call"]
    summary["tokens_per_grading"] = {
        "per_criterion_prompt": per["prompt_tokens_per_grading"],
        "one_call_prompt": one["prompt_tokens_per_grading"],
        "per_criterion_over_one_call": round(
            per["prompt_tokens_per_grading"] / one["prompt_tokens_per_grading"], 2
        ),
        "note": "server usage counts = characters / 4 (approximate)",
    }
    other = summary.get("autorubric", {})
    if other.get("judge_calls_per_s"):
        summary["ratio_ours_over_autorubric_calls_per_s"] = round(
            per["judge_calls_per_s"] / other["judge_calls_per_s"], 2
        )
        summary["ratio_autorubric_over_ours_client_cpu_per_call"] = round(
            other["client_cpu_ms_per_call"] / per["client_cpu_ms_per_call"], 2
        )
    summary["targets"] = verdicts(summary)
    return summary


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=2000)
    parser.add_argument("--latency-ms", type=float, default=50.0)
    parser.add_argument("--concurrency", type=int, default=256)
    parser.add_argument("--server-workers", type=int, default=1)
    parser.add_argument("--cache-passes", type=int, default=5)
    parser.add_argument("--autorubric-budget-s", type=float, default=180.0)
    parser.add_argument("--autorubric-chunk", type=int, default=100)
    parser.add_argument("--skip-autorubric", action="store_true")
    parser.add_argument("--output", type=Path, default=RESULTS)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    summary = asyncio.run(main_async(args))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(summary, indent=2) + "\n")
    ours = summary["ours"]
    brief = {
        "targets": summary["targets"],
        "cpu_bound_calls_per_s": ours["per_criterion"]["cpu_bound_calls_per_s"],
        "cpu_bound_cache_hit_gradings_per_s": ours["cache_hit"]["cpu_bound_gradings_per_s_median"],
        "tokens_per_grading": summary["tokens_per_grading"],
        "load_average": [
            summary["machine"]["load_average_at_start"],
            summary["machine"]["load_average_at_end"],
        ],
    }
    print(json.dumps(brief, indent=2))


if __name__ == "__main__":
    main()
