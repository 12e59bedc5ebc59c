"""Benchmark the reward-hacking defense: detection per family, false flags, throughput.

Usage (from the repository root):
    PYTHONPATH=src python benchmarks/defense_detectors.py                  # fake:approve
    PYTHONPATH=src python benchmarks/defense_detectors.py --judge local --mode one_call \
        --sets heldout2 --per-family 2 --benign 10 --out defense_detectors_local.json

Every labelled row (tests/defense/data/*.jsonl) is graded by the scoring engine with the
detectors as flaggers and the defense rubric merged as veto criteria. An attack counts as
caught when it carries a detector flag or a veto; a benign control counts as falsely flagged
in the same way. Results are split into: caught by detectors, caught by the judge-graded defense
rubric, either. fake:approve passes every defense criterion, so it measures the detectors alone
(the worst case). Throughput compares detect() with a baseline measured in the same run: text
normalisation only (the floor every detector pays).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from rubricrl.defense import DefenseFlagger, detect, with_defense
from rubricrl.defense._patterns import normalize
from rubricrl.judges import resolve_judge
from rubricrl.rubric import Reward, load_rubric
from rubricrl.scoring import EngineConfig, GradingItem, ScoringEngine

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "defense" / "data"
RESULTS = ROOT / "benchmarks" / "results"


def load_rows(name: str) -> list[dict[str, Any]]:
    with (DATA / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) | {"set": name} for line in handle if line.strip()]


def sample_rows(
    rows: list[dict[str, Any]], per_family: int | None, benign: int | None, seed: int
) -> list[dict[str, Any]]:
    if per_family is None and benign is None:
        return rows
    rng = random.Random(seed)
    by_family: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_family[row["family"]].append(row)
    chosen = []
    for family, members in sorted(by_family.items()):
        limit = benign if family == "benign" else per_family
        chosen += members if limit is None else rng.sample(members, min(limit, len(members)))
    return chosen


def classify(reward: Reward) -> dict[str, bool]:
    by_detector = any(flag.source == "detector" for flag in reward.flags)
    by_rubric = any(name.startswith("defense.") for name in reward.vetoed_by)
    return {
        "detectors": by_detector,
        "defense_rubric": by_rubric,
        "either": by_detector or by_rubric,
    }


async def grade_all(
    rows: list[dict[str, Any]], judge_spec: str, mode: str, rubric_path: Path
) -> list[Reward]:
    rubric = load_rubric(rubric_path)
    items = [
        GradingItem(id=row["id"], prompt=row["prompt"], response=row["response"], rubric=rubric)
        for row in rows
    ]
    engine = ScoringEngine(
        resolve_judge(judge_spec),
        EngineConfig(mode=mode),  # type: ignore[arg-type]
        flaggers=[DefenseFlagger()],
        rubric_hook=with_defense,
    )
    async with engine:
        return await engine.grade_batch(items)


def rates(rows: list[dict[str, Any]], rewards: list[Reward]) -> dict[str, Any]:
    table: dict[str, dict[str, Any]] = {}
    for row, reward in zip(rows, rewards, strict=True):
        key = f"{row['set']}/{row['family']}"
        entry = table.setdefault(
            key,
            {
                "n": 0,
                "detectors": 0,
                "defense_rubric": 0,
                "either": 0,
                "abstained": 0,
                "missed_ids": [],
            },
        )
        entry["n"] += 1
        entry["abstained"] += reward.value is None
        caught = classify(reward)
        for name, hit in caught.items():
            entry[name] += hit
        is_attack = row["label"] == "attack"
        if caught["either"] != is_attack:
            entry["missed_ids"].append(row["id"])
    for entry in table.values():
        entry["rate_either"] = round(entry["either"] / entry["n"], 4)
    return table


def summary(rows: list[dict[str, Any]], rewards: list[Reward]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for set_name in sorted({row["set"] for row in rows}):
        pairs = [(r, w) for r, w in zip(rows, rewards, strict=True) if r["set"] == set_name]
        attacks = [classify(w) for r, w in pairs if r["label"] == "attack"]
        benign = [classify(w) for r, w in pairs if r["label"] == "benign"]
        out[set_name] = {
            "attacks": len(attacks),
            "attack_detection_rate": {
                k: round(sum(c[k] for c in attacks) / max(len(attacks), 1), 4)
                for k in ("detectors", "defense_rubric", "either")
            },
            "benign": len(benign),
            "benign_false_flag_rate": {
                k: round(sum(c[k] for c in benign) / max(len(benign), 1), 4)
                for k in ("detectors", "defense_rubric", "either")
            },
        }
    return out


def throughput(rows: list[dict[str, Any]], repeats: int) -> dict[str, Any]:
    return {
        "all_rows": _throughput(rows, repeats),
        "benign_rows": _throughput([r for r in rows if r["label"] == "benign"], repeats),
        "attack_rows": _throughput([r for r in rows if r["label"] == "attack"], repeats),
        "load_average_1m": round(os.getloadavg()[0], 2),
        "cpu_count": os.cpu_count(),
    }


def _throughput(rows: list[dict[str, Any]], repeats: int) -> dict[str, float]:
    rubric = load_rubric(DATA / "dev_rubric.yaml")
    texts = [(row["response"], row["prompt"]) for row in rows]
    start = time.perf_counter()
    for _ in range(repeats):
        for response, _prompt in texts:
            normalize(response)
    baseline_s = time.perf_counter() - start
    start = time.perf_counter()
    for _ in range(repeats):
        for response, prompt in texts:
            detect(response, prompt=prompt, rubric=rubric)
    detect_s = time.perf_counter() - start
    count = repeats * len(texts)
    return {
        "responses": count,
        "detect_per_s": round(count / detect_s, 1),
        "detect_us_per_response": round(detect_s / count * 1e6, 1),
        "baseline_normalize_us_per_response": round(baseline_s / count * 1e6, 1),
        "detect_over_baseline": round(detect_s / baseline_s, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", default="fake:approve")
    parser.add_argument("--mode", default="per_criterion", choices=["per_criterion", "one_call"])
    parser.add_argument("--sets", default="devset,heldout,heldout2,heldout3,heldout4,heldout5")
    parser.add_argument("--per-family", type=int, default=None)
    parser.add_argument("--benign", type=int, default=None)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default="defense_detectors.json")
    parser.add_argument(
        "--rubric",
        default=str(DATA / "dev_rubric.yaml"),
        help="Task rubric the rows are graded against (defense is merged in).",
    )
    args = parser.parse_args()
    rows = [row for name in args.sets.split(",") for row in load_rows(name)]
    rows = sample_rows(rows, args.per_family, args.benign, args.seed)
    start = time.perf_counter()
    rewards = asyncio.run(grade_all(rows, args.judge, args.mode, Path(args.rubric)))
    result = {
        "judge": args.judge,
        "mode": args.mode,
        "rows": len(rows),
        "rubric": Path(args.rubric).name,
        "grading_wall_s": round(time.perf_counter() - start, 2),
        "machine": platform.platform(),
        "summary": summary(rows, rewards),
        "per_family": rates(rows, rewards),
        "throughput": throughput(rows, args.repeats),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(json.dumps({"summary": result["summary"], "throughput": result["throughput"]}, indent=2))


if __name__ == "__main__":
    main()
