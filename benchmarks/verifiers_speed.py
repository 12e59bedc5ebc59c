"""Speed of the builtin verifiers on a 1,000-word response, against a same-run baseline.

Every call gets a distinct response (a counter prefix), so caches never help. The baseline is
the cheapest possible check, a bare ``len(re.findall(r"\\w+", text))``, timed
in the same process; each verifier's cost is reported in microseconds per call and as a
multiple of that baseline (the multiple is what to compare across machines). Also times the
IFEval path: all 541 shipped rows scored strictly against one response each.

Run: python benchmarks/verifiers_speed.py   Writes benchmarks/results/verifiers_speed.json.
"""

from __future__ import annotations

import itertools
import json
import re
import timeit
from pathlib import Path
from typing import Any

from rubricrl.rubric import VerifierSpec
from rubricrl.verifiers import ifeval_data_path, load_ifeval_rows, run_verifier, score_ifeval

SPECS: dict[str, dict[str, Any]] = {
    "word_count": {"min_words": 100, "max_words": 2000},
    "sentence_count": {"min_sentences": 5},
    "paragraph_count": {"min_paragraphs": 2},
    "char_count": {"max_chars": 10_000},
    "keywords_present": {"keywords": ["lamp", "light", "desk", "zebra"]},
    "forbidden_words": {"words": ["revolutionary", "disruptive"]},
    "keyword_frequency": {"keyword": "light", "min_count": 2},
    "regex_match": {"pattern": r"\$\d+"},
    "valid_json": {},
    "bullet_count": {"min_bullets": 3},
    "highlighted_sections": {"min_highlights": 2},
    "placeholder_count": {"min_placeholders": 1},
    "postscript": {},
    "all_lowercase": {},
    "capital_word_frequency": {"max_count": 10},
    "no_commas": {},
    "response_language": {"language": "en"},
    "title_brackets": {},
    "two_responses": {},
}


def _response() -> str:
    sentence = "The Lumen desk lamp gives warm, even light for late reading and costs $49."
    body = "\n\n".join(" ".join([sentence] * 5) for _ in range(13))  # ~1,000 words
    return "<<Lumen>>\n\n* one\n* two\n* three\n\n*a* *b*\n\n" + body + "\n\nP.S. Thanks."


def _per_call_us(fn: Any, number: int) -> float:
    return min(timeit.repeat(fn, number=number, repeat=5)) / number * 1e6


def _cold_call(spec: VerifierSpec, text: str) -> Any:
    # A fresh prefix per call defeats the language-detection cache: this times a cold call.
    fresh = (f"{n} {text}" for n in itertools.count())
    return lambda: run_verifier(spec, "", next(fresh))


def main() -> None:
    """Time every verifier and the IFEval path; write JSON."""
    text = _response()
    baseline_us = _per_call_us(lambda: len(re.findall(r"\w+", text)), 200)
    verifiers = {}
    for name, args in SPECS.items():
        spec = VerifierSpec(name=name, args=args)
        assert run_verifier(spec, "", text).detail  # warm caches (langdetect profiles)
        us = _per_call_us(_cold_call(spec, text), 50)
        verifiers[name] = {"us_per_call": round(us, 1), "x_baseline": round(us / baseline_us, 2)}
    result: dict[str, Any] = {
        "response_words": len(re.findall(r"\w+", text)),
        "baseline_us_per_call": round(baseline_us, 1),
        "verifiers": verifiers,
    }
    if ifeval_data_path() is not None:
        rows = load_ifeval_rows()
        seconds = min(
            timeit.repeat(lambda: [score_ifeval(r, text) for r in rows], number=1, repeat=3)
        )
        result["ifeval_541_rows_strict_s_warm_cache"] = round(seconds, 3)
    out = Path(__file__).parent / "results" / "verifiers_speed.json"
    out.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
