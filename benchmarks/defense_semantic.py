"""Benchmark the learned ``semantic`` detector beside the rule detectors.

Usage (from the repository root, embed extra installed):
    PYTHONPATH=src python benchmarks/defense_semantic.py                      # leave-one-set-out
    PYTHONPATH=src python benchmarks/defense_semantic.py --blind heldout7     # + one blind set

1. Leave one set out: for each labelled set (each written by a different author), train on the
   others and test on it; report the classifier alone, the rules alone and their union. The rules
   were revised against sets up to held-out 5, so the union is only informative on later sets.
2. Blind: the shipped model (trained on --train-sets) with the rules on a set neither has seen.
   Every fold also trains on the replies of HH-RLHF pairs 0-99 as ordinary benign rows.
3. Natural text: the share of 200 real assistant replies (HH-RLHF harmless pairs 100-199,
   unlabelled, almost all honest, not trained on) flagged by the shipped model, the rules, either.
4. Speed: the semantic detector's time per reply against detect()'s rules in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

import numpy as np

from rubricrl.defense import detect, shipped_classifier, train_semantic_classifier
from rubricrl.rubric import Embedder, load_rubric, resolve_embedder

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "scripts"))
from train_semantic_detector import NATURAL_TRAIN_PAIRS, natural_rows  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "defense" / "data"
RESULTS = ROOT / "benchmarks" / "results"
TRAIN_SETS = "devset,heldout,heldout2,heldout3,heldout4,heldout5,heldout6"


class MemoEmbedder:
    """Wraps an embedder with a text -> vector memo, so the folds embed each text once."""

    def __init__(self, inner: Embedder) -> None:
        self.inner, self.id, self.dim = inner, inner.id, inner.dim
        self.memo: dict[str, np.ndarray] = {}

    def embed(self, texts: list[str]) -> Any:
        missing = list(dict.fromkeys(t for t in texts if t not in self.memo))
        if missing:
            self.memo.update(zip(missing, self.inner.embed(missing), strict=True))
        return np.stack([self.memo[t] for t in texts]) if texts else np.zeros((0, self.dim))


def load_rows(name: str) -> list[dict[str, Any]]:
    with (DATA / f"{name}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) | {"set": name} for line in handle if line.strip()]


def rule_hits(rows: list[dict[str, Any]]) -> list[bool]:
    rubric = load_rubric(DATA / "dev_rubric.yaml")
    return [bool(detect(r["response"], prompt=r["prompt"], rubric=rubric)) for r in rows]


def rates(rows: list[dict[str, Any]], hits: dict[str, list[bool]]) -> dict[str, Any]:
    attack = [r["label"] == "attack" for r in rows]
    out: dict[str, Any] = {"attacks": sum(attack), "benign": len(rows) - sum(attack)}
    for name, flags in hits.items():
        caught = [f for f, a in zip(flags, attack, strict=True) if a]
        false = [f for f, a in zip(flags, attack, strict=True) if not a]
        out[name] = {
            "attack_rate": round(sum(caught) / max(len(caught), 1), 4),
            "benign_rate": round(sum(false) / max(len(false), 1), 4),
        }
    families: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row, rule, learned in zip(rows, hits["rules"], hits["semantic"], strict=True):
        entry = families[row["family"]]
        entry[0] += 1
        entry[1] += rule
        entry[2] += learned
        entry[3] += rule or learned
    out["per_family"] = {
        family: {"n": n, "rules": r, "semantic": s, "union": u}
        for family, (n, r, s, u) in sorted(families.items())
    }
    out["missed_by_union"] = [
        row["id"]
        for row, rule, learned in zip(rows, hits["rules"], hits["semantic"], strict=True)
        if row["label"] == "attack" and not (rule or learned)
    ]
    return out


def evaluate(model: Any, rows: list[dict[str, Any]], rules: list[bool]) -> dict[str, Any]:
    probabilities = model.probabilities([r["response"] for r in rows], [r["prompt"] for r in rows])
    learned = [bool(p >= model.threshold) for p in probabilities]
    union = [a or b for a, b in zip(rules, learned, strict=True)]
    return rates(rows, {"rules": rules, "semantic": learned, "union": union})


def leave_one_set_out(embedder: MemoEmbedder, names: list[str]) -> dict[str, Any]:
    rows = {name: load_rows(name) for name in names}
    out = {}
    for test in names:
        train = [row for name in names if name != test for row in rows[name]]
        train += natural_rows(0, NATURAL_TRAIN_PAIRS)
        model = train_semantic_classifier(train, embedder_instance=embedder)
        out[test] = evaluate(model, rows[test], rule_hits(rows[test]))
        out[test]["threshold"] = round(model.threshold, 4)
        print(test, json.dumps({k: out[test][k] for k in ("rules", "semantic", "union")}))
    return out


def natural(embedder: MemoEmbedder) -> dict[str, Any]:
    held_out = natural_rows(NATURAL_TRAIN_PAIRS, 10_000)  # pairs the shipped model never saw
    replies = [row["response"] for row in held_out]
    prompts = [row["prompt"] for row in held_out]
    model = shipped_classifier()
    model.use_embedder(embedder)
    learned = model.probabilities(replies, prompts) >= model.threshold
    rules = np.array([bool(detect(r, prompt=p)) for r, p in zip(replies, prompts, strict=True)])
    return {
        "replies": len(replies),
        "rules": int(rules.sum()),
        "semantic": int(learned.sum()),
        "union": int((rules | learned).sum()),
        "semantic_examples": [replies[i][:160] for i in np.flatnonzero(learned)[:10]],
    }


def speed(rows: list[dict[str, Any]], embedder: Embedder) -> dict[str, Any]:
    model = shipped_classifier()
    model.use_embedder(embedder)  # the real embedder: no memo
    from rubricrl.defense._detectors import Sample

    samples = [Sample(r["response"], r["prompt"]) for r in rows]
    start = time.perf_counter()
    for sample in samples:
        detect(sample.response, prompt=sample.prompt)
    rules_s = time.perf_counter() - start
    model.detector(samples[0])  # warm-up: first call loads nothing more but fills caches
    start = time.perf_counter()
    for sample in samples:
        model.detector(sample)
    semantic_s = time.perf_counter() - start
    return {
        "replies": len(samples),
        "rules_ms_per_reply": round(rules_s / len(samples) * 1e3, 2),
        "semantic_ms_per_reply": round(semantic_s / len(samples) * 1e3, 2),
        "semantic_over_rules": round(semantic_s / rules_s, 1),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train-sets", default=TRAIN_SETS)
    parser.add_argument("--blind", default="", help="Sets measured once with the shipped model.")
    parser.add_argument("--out", default="defense_semantic.json")
    args = parser.parse_args()
    inner = resolve_embedder("minilm")
    embedder = MemoEmbedder(inner)
    names = args.train_sets.split(",")
    result: dict[str, Any] = {
        "machine": platform.platform(),
        "shipped_model": shipped_classifier().trained_on,
        "leave_one_set_out": leave_one_set_out(embedder, names),
    }
    model = shipped_classifier()
    model.use_embedder(embedder)
    result["blind"] = {}
    for name in filter(None, args.blind.split(",")):
        rows = load_rows(name)
        result["blind"][name] = evaluate(model, rows, rule_hits(rows))
        print("blind", name, json.dumps(result["blind"][name]))
    result["natural"] = natural(embedder)
    print("natural", json.dumps(result["natural"])[:400])
    result["speed"] = speed(load_rows("heldout6"), inner)
    print("speed", result["speed"])
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / args.out).write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
