"""Train the shipped semantic detector (src/rubricrl/defense/assets/semantic_v1.json).

Usage (from the repository root, with the embed extra installed):
    python scripts/train_semantic_detector.py [--sets devset,heldout,...] [--out PATH]

Trains on every labelled set in tests/defense/data that has been measured already (a blind set
written later must not be added before it has been measured once, docs/defense.md), plus, as
benign rows, the replies of the first NATURAL_TRAIN_PAIRS HH-RLHF pairs in benchmarks/data: the
labelled sets' benign rows are hard controls about grading and injection, so without ordinary
answers the model learns "ordinary prompt -> attack". The other pairs stay out for measuring.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from rubricrl.defense._semantic import SHIPPED_MODEL, train_semantic_classifier  # noqa: E402

DATA = ROOT / "tests" / "defense" / "data"
NATURAL = ROOT / "benchmarks" / "data" / "hh_harmless_dev.jsonl"
SETS = "devset,heldout,heldout2,heldout3,heldout4,heldout5,heldout6"
NATURAL_TRAIN_PAIRS = 100


def natural_rows(first: int, last: int) -> list[dict[str, str]]:
    """HH-RLHF replies of pairs [first, last) as benign rows (prompt: the last human turn)."""
    rows = []
    for line in NATURAL.read_text(encoding="utf-8").splitlines()[first:last]:
        pair = json.loads(line)
        prompt = pair["prompt"].split("\n\nHuman:")[-1].split("\n\nAssistant:")[0].strip()
        for key in ("chosen", "rejected"):
            rows.append({"label": "benign", "prompt": prompt, "response": pair[key]})
    return rows


def main() -> None:
    """Train on the chosen sets and write the model JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default=SETS)
    default_out = ROOT / "src" / "rubricrl" / "defense" / "assets" / SHIPPED_MODEL
    parser.add_argument("--out", type=Path, default=default_out)
    args = parser.parse_args()
    names = args.sets.split(",")
    rows = [
        json.loads(line)
        for name in names
        for line in (DATA / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    rows += natural_rows(0, NATURAL_TRAIN_PAIRS)
    sources = {"sets": names, "natural": f"hh_harmless_dev.jsonl pairs 0-{NATURAL_TRAIN_PAIRS - 1}"}
    classifier = train_semantic_classifier(rows, trained_on=sources)
    classifier.save(args.out)
    print(json.dumps(classifier.trained_on, indent=1))
    print(f"wrote {args.out} (threshold {classifier.threshold:.3f})")


if __name__ == "__main__":
    main()
