from __future__ import annotations

from typing import Any

import pytest

from rubricrl.rubric import VerifierSpec
from rubricrl.verifiers import (
    all_lowercase,
    all_uppercase,
    capital_word_frequency,
    char_count,
    check_verifier_spec,
    forbidden_words,
    keyword_frequency,
    keywords_present,
    letter_frequency,
    no_commas,
    paragraph_count,
    paragraph_first_word,
    response_language,
    run_verifier,
    sentence_count,
    word_count,
)

HUGE = "word " * 200_000  # 1 MB of text: every check must stay linear


def _score(name: str, response: str, **args: Any) -> float | None:
    return run_verifier(VerifierSpec(name=name, args=args), "", response).score


# --- counts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("response", "args", "expected"),
    [
        ("one two three", {"min_words": 3, "max_words": 3}, 1.0),
        ("one two three", {"max_words": 2}, 0.0),
        ("one two three", {"min_words": 4}, 0.0),
        ("", {"min_words": 1}, 0.0),
        ("", {"max_words": 0}, 1.0),
        ("don't stop-me now", {"min_words": 5, "max_words": 5}, 1.0),  # \w+ runs: don t stop me now
        ("Привет мир, 你好", {"min_words": 3, "max_words": 3}, 1.0),
    ],
)
def test_word_count(response: str, args: dict[str, int], expected: float) -> None:
    assert word_count(response, **args).score == expected


def test_word_count_partial_credit_both_sides() -> None:
    assert word_count("a b c", min_words=4, partial=True).score == 0.75
    assert word_count("a b c d", max_words=2, partial=True).score == 0.5
    assert word_count("", min_words=4, partial=True).score == 0.0


def test_word_count_huge_input() -> None:
    assert word_count(HUGE, min_words=200_000).score == 1.0


def test_sentence_count_keeps_abbreviations_and_splits_cjk() -> None:
    assert (
        sentence_count("Dr. Smith arrived. He sat, e.g. on a chair.", max_sentences=2).score == 1.0
    )
    assert sentence_count("Hi! Who? Me. Yes…  ok", min_sentences=5, max_sentences=5).score == 1.0
    assert sentence_count("你好。我很好！", min_sentences=2, max_sentences=2).score == 1.0
    assert sentence_count("", max_sentences=0).score == 1.0
    assert sentence_count("One. Two. Three.", max_sentences=2, partial=True).score == pytest.approx(
        2 / 3
    )


def test_paragraph_count_blank_lines_and_separator() -> None:
    text = "First para.\n\nSecond para.\n  \nThird."
    assert paragraph_count(text, min_paragraphs=3, max_paragraphs=3).score == 1.0
    stars = "A\n***\nB\n***\nC"
    assert paragraph_count(stars, min_paragraphs=3, max_paragraphs=3, separator="***").score == 1.0
    broken = "A\n***\n\n***\nC"
    result = paragraph_count(broken, min_paragraphs=2, separator="***")
    assert result.score == 0.0 and "empty paragraph" in result.detail
    assert paragraph_count("***A***B***", min_paragraphs=2, separator="***").score == 1.0


def test_char_count() -> None:
    assert char_count("héllo wörld", min_chars=11, max_chars=11).score == 1.0
    assert char_count("a b  c", max_chars=3, ignore_whitespace=True).score == 1.0
    assert char_count("abcd", max_chars=2, partial=True).score == 0.5


def test_paragraph_first_word() -> None:
    text = 'Intro here.\n\n"Moreover, this."\n\nEnd.'
    assert paragraph_first_word(text, paragraph=2, first_word="moreover").score == 1.0
    assert (
        paragraph_first_word(text, paragraph=2, first_word="moreover", num_paragraphs=2).score
        == 0.0
    )
    assert paragraph_first_word(text, paragraph=4, first_word="x").score == 0.0
    assert paragraph_first_word("", paragraph=1, first_word="x").score == 0.0


# --- keywords -----------------------------------------------------------------------------


def test_keywords_present_partial_and_modes() -> None:
    text = "The Quick brown fox."
    assert keywords_present(text, keywords=["quick", "fox", "dog"]).score == pytest.approx(2 / 3)
    assert keywords_present(text, keywords=["quick", "dog"], partial=False).score == 0.0
    assert keywords_present(text, keywords=["cat", "dog", "fox"], mode="any").score == 1.0
    assert keywords_present(text, keywords=["quick"], case_sensitive=True).score == 0.0
    assert keywords_present(text, keywords=["bro"], whole_word=True).score == 0.0
    assert keywords_present(text, keywords=["bro"]).score == 1.0
    assert "missing: ['dog']" in keywords_present(text, keywords=["dog"]).detail


def test_keywords_are_literal_not_patterns() -> None:
    assert keywords_present("a+b=c", keywords=["a+b"]).score == 1.0
    assert keywords_present("aab", keywords=["a+b"]).score == 0.0
    assert keywords_present("café au lait", keywords=["CAFÉ"]).score == 1.0


def test_forbidden_words() -> None:
    assert forbidden_words("A category error.", words=["cat"]).score == 1.0
    assert forbidden_words("My Cat sleeps.", words=["cat"]).score == 0.0
    assert forbidden_words("My Cat sleeps.", words=["cat"], case_sensitive=True).score == 1.0
    assert (
        forbidden_words("cat and dog", words=["cat", "dog", "eel", "owl"], partial=True).score
        == 0.5
    )
    assert forbidden_words("", words=["x"]).score == 1.0


def test_keyword_and_letter_frequency() -> None:
    assert keyword_frequency("Tea? tea! TEAPOT", keyword="tea", min_count=3).score == 1.0
    assert (
        keyword_frequency("Tea? tea! TEAPOT", keyword="tea", min_count=3, whole_word=True).score
        == 0.0
    )
    assert keyword_frequency("x", keyword="tea", max_count=0).score == 1.0
    assert letter_frequency("Banana", letter="b", min_count=1, max_count=1).score == 1.0
    assert letter_frequency("Banana", letter="B", case_sensitive=True, min_count=1).score == 1.0
    assert letter_frequency("Banana", letter="n", max_count=1).score == 0.0
    assert letter_frequency("#tag #tag", letter="#", min_count=2).score == 1.0


# --- case, commas, language ---------------------------------------------------------------


def test_case_checks() -> None:
    assert all_lowercase("hello, world 42").score == 1.0
    assert all_lowercase("Hello").score == 0.0
    assert all_lowercase("").score == 0.0  # no cased letters: not "all lowercase"
    assert all_lowercase("123 !!").score == 0.0
    assert all_uppercase("ÉCOLE ET ÇA").score == 1.0
    assert all_uppercase("LOUD but not").score == 0.0


def test_case_with_language() -> None:
    english = "this is a plain english sentence written entirely in lowercase letters."
    assert all_lowercase(english, language="en").score == 1.0
    french = "ceci est une phrase écrite entièrement en minuscules et en français."
    assert all_lowercase(french, language="en").score == 0.0
    short = all_lowercase("ok sure", language="en")
    assert short.score is None and "letters" in short.detail
    assert all_uppercase("ok sure", language="en").score == 0.0  # case fails first: decidable


def test_capital_word_frequency() -> None:
    assert capital_word_frequency("NASA and ESA, I think.", min_count=3, max_count=3).score == 1.0
    assert capital_word_frequency("no caps", max_count=0).score == 1.0
    assert capital_word_frequency("", min_count=1).score == 0.0


def test_no_commas() -> None:
    assert no_commas("No commas at all.").score == 1.0
    assert no_commas("One, two").score == 0.0
    assert no_commas("你好，世界").score == 0.0
    assert no_commas("你好，世界", include_fullwidth=False).score == 1.0
    assert no_commas("").score == 1.0


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("The weather is lovely today and we are going to the park together.", "en", 1.0),
        ("Le temps est magnifique aujourd'hui et nous allons au parc ensemble.", "fr", 1.0),
        ("Le temps est magnifique aujourd'hui et nous allons au parc ensemble.", "en", 0.0),
        ("Сегодня прекрасная погода, и мы вместе идём в парк гулять.", "ru", 1.0),
        ("今天天气很好，我们一起去公园散步吧，大家都很开心。", "zh", 1.0),
    ],
)
def test_response_language(text: str, language: str, expected: float) -> None:
    assert response_language(text, language=language).score == expected


def test_response_language_is_undecidable_for_short_text() -> None:
    for text in ("", "Oui.", "ok 123 !!", "Hello there"):
        result = response_language(text, language="en")
        assert result.score is None, text
        assert "letters" in result.detail


# --- bad arguments ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        ("keywords_present", {"keywords": "word"}, "argument 'keywords'"),
        ("keywords_present", {"keywords": []}, "give 1 to 100 keywords"),
        ("keywords_present", {"keywords": ["a"], "mode": "some"}, "mode must be 'all' or 'any'"),
        ("keywords_present", {"keywords": ["  "]}, "non-blank"),
        ("forbidden_words", {"words": ["x" * 500]}, "at most 200"),
        ("keyword_frequency", {"keyword": "a"}, "give min_count, max_count or both"),
        ("letter_frequency", {"letter": "ab", "min_count": 1}, "one character"),
        ("response_language", {"language": "english"}, "ISO 639-1"),
        ("response_language", {}, "missing a required argument: 'language'"),
        ("paragraph_count", {"min_paragraphs": 1, "separator": " "}, "visible character"),
        ("paragraph_first_word", {"paragraph": 0, "first_word": "a"}, "paragraph must be >= 1"),
        ("sentence_count", {"min_sentences": 1.5}, "argument 'min_sentences'"),
        ("all_lowercase", {"language": 3}, "argument 'language'"),
    ],
)
def test_bad_args_fail_check_and_abstain_at_run(
    name: str, args: dict[str, Any], message: str
) -> None:
    with pytest.raises(ValueError, match="^verifier ") as caught:
        check_verifier_spec(VerifierSpec(name=name, args=args))
    assert message in str(caught.value)
    assert _score(name, "some response", **args) is None


def test_every_count_verifier_handles_huge_and_empty_input() -> None:
    specs: list[tuple[str, dict[str, Any]]] = [
        ("word_count", {"min_words": 1}),
        ("sentence_count", {"min_sentences": 1}),
        ("paragraph_count", {"min_paragraphs": 1}),
        ("char_count", {"min_chars": 1}),
        ("keywords_present", {"keywords": ["word", "zebra"]}),
        ("forbidden_words", {"words": ["zebra"]}),
        ("keyword_frequency", {"keyword": "word", "min_count": 1}),
        ("capital_word_frequency", {"max_count": 0}),
    ]
    for name, args in specs:
        assert _score(name, HUGE, **args) is not None, name
        assert _score(name, "", **args) is not None, name


def test_several_blank_lines_are_one_paragraph_break() -> None:
    text = "A.\n\n\n\nB.\n \n\t\nC."
    assert paragraph_count(text, min_paragraphs=3, max_paragraphs=3).score == 1.0
