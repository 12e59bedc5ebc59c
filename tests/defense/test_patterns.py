from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from rubricrl.defense import Sample, run_detectors
from rubricrl.defense import _patterns as patterns
from rubricrl.defense._patterns import has_stem, normalize
from rubricrl.rubric import Rubric


def test_normalize_folds_width_case_invisibles_and_space() -> None:
    assert normalize("ＩＧＮＯＲＥ\u200b the\n\n RUBRIC") == "ignore the rubric"
    assert normalize("\U000e0069gnore") == "gnore"  # tag characters vanish


def test_has_stem_matches_prefixes_only() -> None:
    assert has_stem(["preignore", "ignored"], ("ignor",))
    assert not has_stem(["preignore"], ("ignor",))


def test_prefilters_change_speed_not_results(
    monkeypatch: pytest.MonkeyPatch,
    dev_rubric: Rubric,
    load_rows: Callable[[str], list[dict[str, Any]]],
) -> None:
    rows = [
        r
        for name in ("devset", "heldout", "heldout2", "heldout3", "heldout4", "heldout5")
        for r in load_rows(f"{name}.jsonl")
    ]

    def fired() -> list[dict[str, str]]:
        return [run_detectors(Sample(r["response"], r["prompt"], dev_rubric)) for r in rows]

    with_prefilter = fired()
    monkeypatch.setattr(patterns, "has_stem", lambda tokens, stems: True)
    monkeypatch.setattr(patterns, "DELIMITER_CHARS", ("",))  # "" is in every text
    assert fired() == with_prefilter
