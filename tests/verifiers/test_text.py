from __future__ import annotations

import pytest

from rubricrl.verifiers._text import (
    bounded_score,
    check_bounds,
    compile_user_pattern,
    count_words,
    detect_language,
    safe_count_matches,
    same_language,
    split_paragraphs,
    split_sentences,
)


def test_count_words_unicode() -> None:
    assert count_words("") == 0
    assert count_words("naïve café — 3 ½") == 4  # ½ is a Unicode digit, so a word
    assert count_words("snake_case stays one") == 3


def test_split_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences("No end punctuation") == ["No end punctuation"]
    assert split_sentences('He said "Go." Then left.') == ['He said "Go.', "Then left."]
    assert split_sentences("Mr. and Mrs. Smith met Dr. Who at 3 p.m. today. Fine.") == [
        "Mr. and Mrs. Smith met Dr. Who at 3 p.m. today.",
        "Fine.",
    ]


def test_split_paragraphs_keeps_empty_chunks_for_callers() -> None:
    assert split_paragraphs("a\n\n\n\nb") == ["a", "b"]
    assert split_paragraphs("***a***", separator="***") == ["", "a", ""]


def test_bounds() -> None:
    assert bounded_score(5, 5, 5, partial=False) == (1.0, "count 5, wanted >= 5 and <= 5")
    assert bounded_score(0, None, 3, partial=True)[0] == 1.0
    assert bounded_score(0, 2, None, partial=True)[0] == 0.0
    assert bounded_score(6, None, 3, partial=True)[0] == 0.5
    assert bounded_score(1, None, 0, partial=True)[0] == 0.0
    with pytest.raises(ValueError, match="give min_x, max_x or both"):
        check_bounds("x", None, None)


def test_user_patterns_time_out_instead_of_hanging() -> None:
    compiled = compile_user_pattern(r"(\w+\s?)+$", ignore_case=False, multiline=False)
    assert safe_count_matches(compiled, "word " * 2_000 + "!") is None


def test_detect_language_and_codes() -> None:
    code, detail = detect_language(
        "Dies ist ein ganz normaler deutscher Satz über das Wetter.",
        min_letters=20,
        min_confidence=0.7,
    )
    assert code == "de", detail
    assert detect_language("12345 !!!", min_letters=1, min_confidence=0.7)[0] is None
    assert same_language("zh-cn", "ZH") and not same_language("en", "de")
