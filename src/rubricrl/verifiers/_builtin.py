"""Builtin verifiers about length, words, case and language (see ``_structure`` for formats).

Each is registered by name and used in a rubric as::

    - id: short
      kind: verifier
      description: At most 120 words.
      verifier: {name: word_count, args: {max_words: 120}}

Bounds are inclusive (``min_words: 100`` accepts 100). Scores are 1 (pass) or 0 (fail) unless
a docstring describes partial credit; ``None`` means the check cannot decide (e.g. language of
a two-word reply) and the criterion abstains.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rubricrl.verifiers._base import VerifierResult, verifier
from rubricrl.verifiers._text import (
    bounded_score,
    check_bounds,
    count_words,
    detect_language,
    same_language,
    split_paragraphs,
    split_sentences,
)

MAX_KEYWORDS = 100
MAX_KEYWORD_CHARS = 200


def _result(score: float, detail: str) -> VerifierResult:
    return VerifierResult(round(score, 6), detail)


@verifier("word_count")
def word_count(
    response: str,
    *,
    prompt: str = "",
    min_words: int | None = None,
    max_words: int | None = None,
    partial: bool = False,
) -> VerifierResult:
    """Check the number of words (runs of Unicode word characters) against inclusive bounds.

    Partial credit (``partial: true``): ``count / min_words`` below the minimum,
    ``max_words / count`` above the maximum.

    Args:
        response: The graded text.
        prompt: Unused.
        min_words: Inclusive minimum, or None.
        max_words: Inclusive maximum, or None.
        partial: Give partial credit for near misses.

    Returns:
        1.0 within bounds, else 0.0 (or the partial credit).

    >>> word_count("one two three", max_words=2).score
    0.0
    """
    check_bounds("words", min_words, max_words)
    return _result(*bounded_score(count_words(response), min_words, max_words, partial=partial))


@verifier("sentence_count")
def sentence_count(
    response: str,
    *,
    prompt: str = "",
    min_sentences: int | None = None,
    max_sentences: int | None = None,
    partial: bool = False,
) -> VerifierResult:
    """Check the number of sentences (split at . ! ? and CJK enders, abbreviations kept).

    Partial credit as in ``word_count``.

    Args:
        response: The graded text.
        prompt: Unused.
        min_sentences: Inclusive minimum, or None.
        max_sentences: Inclusive maximum, or None.
        partial: Give partial credit for near misses.

    Returns:
        1.0 within bounds, else 0.0 (or the partial credit).

    >>> sentence_count("Hi. Dr. Li is here!", min_sentences=2).score
    1.0
    """
    check_bounds("sentences", min_sentences, max_sentences)
    count = len(split_sentences(response))
    return _result(*bounded_score(count, min_sentences, max_sentences, partial=partial))


@verifier("paragraph_count")
def paragraph_count(
    response: str,
    *,
    prompt: str = "",
    min_paragraphs: int | None = None,
    max_paragraphs: int | None = None,
    separator: str | None = None,
    partial: bool = False,
) -> VerifierResult:
    r"""Check the number of paragraphs, split at blank lines or at a literal ``separator``.

    With a separator (e.g. ``***``), an empty paragraph between two separators scores 0
    (the structure is broken); empty text before the first or after the last one is ignored.
    Partial credit as in ``word_count``.

    Args:
        response: The graded text.
        prompt: Unused.
        min_paragraphs: Inclusive minimum, or None.
        max_paragraphs: Inclusive maximum, or None.
        separator: Literal separator; None means blank lines.
        partial: Give partial credit for near misses.

    Returns:
        1.0 within bounds, else 0.0 (or the partial credit).

    >>> paragraph_count("a\n\nb", min_paragraphs=2, max_paragraphs=2).score
    1.0
    """
    check_bounds("paragraphs", min_paragraphs, max_paragraphs)
    if separator is not None and not separator.strip():
        raise ValueError("separator must contain a visible character")
    chunks = split_paragraphs(response, separator)
    if any(not chunk for chunk in chunks[1:-1]):
        return _result(0.0, "an empty paragraph sits between two separators")
    count = sum(1 for chunk in chunks if chunk)
    return _result(*bounded_score(count, min_paragraphs, max_paragraphs, partial=partial))


@verifier("char_count")
def char_count(
    response: str,
    *,
    prompt: str = "",
    min_chars: int | None = None,
    max_chars: int | None = None,
    ignore_whitespace: bool = False,
    partial: bool = False,
) -> VerifierResult:
    """Check the number of characters (Unicode code points) against inclusive bounds.

    Partial credit as in ``word_count``.

    Args:
        response: The graded text.
        prompt: Unused.
        min_chars: Inclusive minimum, or None.
        max_chars: Inclusive maximum, or None.
        ignore_whitespace: Count only non-whitespace characters.
        partial: Give partial credit for near misses.

    Returns:
        1.0 within bounds, else 0.0 (or the partial credit).

    >>> char_count("héllo", max_chars=5).score
    1.0
    """
    check_bounds("chars", min_chars, max_chars)
    count = sum(1 for c in response if not c.isspace()) if ignore_whitespace else len(response)
    return _result(*bounded_score(count, min_chars, max_chars, partial=partial))


@verifier("paragraph_first_word")
def paragraph_first_word(
    response: str,
    *,
    prompt: str = "",
    paragraph: int,
    first_word: str,
    num_paragraphs: int | None = None,
) -> VerifierResult:
    r"""Check that paragraph number ``paragraph`` (1-based, blank-line separated) starts a word.

    The first word is compared case-insensitively after dropping leading quotes and anything
    from the first punctuation mark on. With ``num_paragraphs`` the paragraph count must match.

    Args:
        response: The graded text.
        prompt: Unused.
        paragraph: Which paragraph, counting from 1.
        first_word: The word it must start with.
        num_paragraphs: Exact number of paragraphs required, or None.

    Returns:
        1.0 when the word (and count) match, else 0.0.

    >>> paragraph_first_word("Hi.\n\nSo, yes.", paragraph=2, first_word="so").score
    1.0
    """
    if paragraph < 1 or not first_word.strip():
        raise ValueError("paragraph must be >= 1 and first_word non-empty")
    paragraphs = [chunk for chunk in split_paragraphs(response) if chunk]
    if num_paragraphs is not None and len(paragraphs) != num_paragraphs:
        return _result(0.0, f"{len(paragraphs)} paragraphs, wanted {num_paragraphs}")
    if len(paragraphs) < paragraph:
        return _result(0.0, f"only {len(paragraphs)} paragraphs")
    word = re.split(r"[.,?!'\"]", paragraphs[paragraph - 1].split()[0].lstrip("'\""))[0]
    passed = word.lower() == first_word.strip().lower()
    return _result(float(passed), f"paragraph {paragraph} starts with {word[:50]!r}")


def _keyword_pattern(keyword: str, *, case_sensitive: bool, whole_word: bool) -> re.Pattern[str]:
    body = re.escape(keyword)
    if whole_word:
        body = rf"(?<!\w){body}(?!\w)"
    return re.compile(body, 0 if case_sensitive else re.IGNORECASE)


def _check_keywords(keywords: Sequence[str]) -> None:
    if not 1 <= len(keywords) <= MAX_KEYWORDS:
        raise ValueError(f"give 1 to {MAX_KEYWORDS} keywords")
    for keyword in keywords:
        if not keyword.strip() or len(keyword) > MAX_KEYWORD_CHARS:
            raise ValueError(f"keywords must be non-blank and at most {MAX_KEYWORD_CHARS} chars")


@verifier("keywords_present")
def keywords_present(
    response: str,
    *,
    prompt: str = "",
    keywords: Sequence[str],
    mode: str = "all",
    case_sensitive: bool = False,
    whole_word: bool = False,
    partial: bool = True,
) -> VerifierResult:
    """Check that the keywords appear (``mode: all``) or that at least one does (``any``).

    Partial credit (default, ``all`` mode only): the fraction of keywords present.

    Args:
        response: The graded text.
        prompt: Unused.
        keywords: Phrases to look for (literal text, not patterns).
        mode: ``all`` or ``any``.
        case_sensitive: Match case exactly.
        whole_word: Require word boundaries around each keyword.
        partial: In ``all`` mode, score the fraction present instead of all-or-nothing.

    Returns:
        The score and the list of missing keywords.

    >>> keywords_present("Red and blue.", keywords=["red", "green"]).score
    0.5
    """
    _check_keywords(keywords)
    if mode not in ("all", "any"):
        raise ValueError(f"mode must be 'all' or 'any', got {mode!r}")
    flags = {"case_sensitive": case_sensitive, "whole_word": whole_word}
    found = [bool(_keyword_pattern(k, **flags).search(response)) for k in keywords]
    missing = [k for k, hit in zip(keywords, found, strict=True) if not hit]
    detail = f"missing: {missing[:10]}" if missing else "all present"
    if mode == "any":
        return _result(float(any(found)), detail)
    fraction = sum(found) / len(found)
    return _result(fraction if partial else float(fraction == 1.0), detail)


@verifier("forbidden_words")
def forbidden_words(
    response: str,
    *,
    prompt: str = "",
    words: Sequence[str],
    case_sensitive: bool = False,
    whole_word: bool = True,
    partial: bool = False,
) -> VerifierResult:
    """Check that none of the forbidden words appears.

    Partial credit (``partial: true``): the fraction of forbidden words that are absent.

    Args:
        response: The graded text.
        prompt: Unused.
        words: Words or phrases that must not appear.
        case_sensitive: Match case exactly.
        whole_word: Only match whole words (default), so "cat" does not forbid "category".
        partial: Score the fraction absent instead of all-or-nothing.

    Returns:
        1.0 when none appears, else 0.0 (or the partial credit), with the words found.

    >>> forbidden_words("A category.", words=["cat"]).score
    1.0
    """
    _check_keywords(words)
    flags = {"case_sensitive": case_sensitive, "whole_word": whole_word}
    present = [w for w in words if _keyword_pattern(w, **flags).search(response)]
    detail = f"found: {present[:10]}" if present else "none found"
    if partial:
        return _result(1.0 - len(present) / len(words), detail)
    return _result(float(not present), detail)


@verifier("keyword_frequency")
def keyword_frequency(
    response: str,
    *,
    prompt: str = "",
    keyword: str,
    min_count: int | None = None,
    max_count: int | None = None,
    case_sensitive: bool = False,
    whole_word: bool = False,
) -> VerifierResult:
    """Check how many times a keyword occurs (non-overlapping) against inclusive bounds.

    Args:
        response: The graded text.
        prompt: Unused.
        keyword: The literal phrase to count.
        min_count: Inclusive minimum, or None.
        max_count: Inclusive maximum, or None.
        case_sensitive: Match case exactly.
        whole_word: Only count whole-word occurrences.

    Returns:
        1.0 within bounds, else 0.0.

    >>> keyword_frequency("Tea, tea, TEA!", keyword="tea", min_count=3).score
    1.0
    """
    _check_keywords([keyword])
    check_bounds("count", min_count, max_count)
    pattern = _keyword_pattern(keyword, case_sensitive=case_sensitive, whole_word=whole_word)
    count = sum(1 for _ in pattern.finditer(response))
    return _result(*bounded_score(count, min_count, max_count, partial=False))


@verifier("letter_frequency")
def letter_frequency(
    response: str,
    *,
    prompt: str = "",
    letter: str,
    min_count: int | None = None,
    max_count: int | None = None,
    case_sensitive: bool = False,
) -> VerifierResult:
    """Check how many times one letter occurs against inclusive bounds.

    Args:
        response: The graded text.
        prompt: Unused.
        letter: A single character.
        min_count: Inclusive minimum, or None.
        max_count: Inclusive maximum, or None.
        case_sensitive: Count only the exact case.

    Returns:
        1.0 within bounds, else 0.0.

    >>> letter_frequency("Banana", letter="a", max_count=2).score
    0.0
    """
    if len(letter) != 1:
        raise ValueError(f"letter must be one character, got {letter!r}")
    check_bounds("count", min_count, max_count)
    text = response if case_sensitive else response.lower()
    count = text.count(letter if case_sensitive else letter.lower())
    return _result(*bounded_score(count, min_count, max_count, partial=False))


def _case_with_language(
    response: str, passed_case: bool, what: str, language: str | None
) -> VerifierResult:
    if not passed_case:
        return _result(0.0, f"not {what}")
    if language is None:
        return _result(1.0, what)
    detected, detail = detect_language(response, min_letters=20, min_confidence=0.7)
    if detected is None:
        return VerifierResult(None, f"{what}, but {detail}")
    return _result(float(same_language(detected, language)), f"{what}; {detail}")


@verifier("all_lowercase")
def all_lowercase(
    response: str, *, prompt: str = "", language: str | None = None
) -> VerifierResult:
    """Check that the response has cased letters and all of them are lowercase.

    With ``language`` (e.g. ``en``) the text must also be detected as that language; when
    the language cannot be detected the result is None (undecidable), never a guess.

    Args:
        response: The graded text.
        prompt: Unused.
        language: ISO 639-1 code the text must be in, or None.

    Returns:
        1.0 or 0.0 (None when the language is undecidable).

    >>> all_lowercase("all quiet here.").score
    1.0
    """
    return _case_with_language(response, response.islower(), "all lowercase", language)


@verifier("all_uppercase")
def all_uppercase(
    response: str, *, prompt: str = "", language: str | None = None
) -> VerifierResult:
    """Check that the response has cased letters and all of them are uppercase.

    Language handling as in ``all_lowercase``.

    Args:
        response: The graded text.
        prompt: Unused.
        language: ISO 639-1 code the text must be in, or None.

    Returns:
        1.0 or 0.0 (None when the language is undecidable).

    >>> all_uppercase("LOUD, 2 TIMES!").score
    1.0
    """
    return _case_with_language(response, response.isupper(), "all uppercase", language)


@verifier("capital_word_frequency")
def capital_word_frequency(
    response: str,
    *,
    prompt: str = "",
    min_count: int | None = None,
    max_count: int | None = None,
) -> VerifierResult:
    """Check how many whitespace-separated tokens are fully uppercase (e.g. ``NASA``, ``I``).

    Args:
        response: The graded text.
        prompt: Unused.
        min_count: Inclusive minimum, or None.
        max_count: Inclusive maximum, or None.

    Returns:
        1.0 within bounds, else 0.0.

    >>> capital_word_frequency("NASA and the ESA agree.", min_count=2).score
    1.0
    """
    check_bounds("count", min_count, max_count)
    count = sum(1 for token in response.split() if token.isupper())
    return _result(*bounded_score(count, min_count, max_count, partial=False))


@verifier("no_commas")
def no_commas(response: str, *, prompt: str = "", include_fullwidth: bool = True) -> VerifierResult:
    """Check that the response contains no comma.

    Args:
        response: The graded text.
        prompt: Unused.
        include_fullwidth: Also forbid the CJK commas ``，`` and ``、``.

    Returns:
        1.0 without commas, else 0.0 with the count.

    >>> no_commas("No commas here.").score
    1.0
    """
    marks = ",\uff0c\u3001" if include_fullwidth else ","
    count = sum(response.count(mark) for mark in marks)
    return _result(float(count == 0), f"{count} commas")


@verifier("response_language")
def response_language(
    response: str,
    *,
    prompt: str = "",
    language: str,
    min_letters: int = 20,
    min_confidence: float = 0.7,
) -> VerifierResult:
    """Check that the response is written in ``language`` (langdetect, fixed seed).

    Returns None (undecidable) for texts with fewer than ``min_letters`` letters, when the
    top language's probability is below ``min_confidence``, or when langdetect is missing.
    Codes compare on the primary subtag, so ``zh`` matches langdetect's ``zh-cn``.

    Args:
        response: The graded text.
        prompt: Unused.
        language: ISO 639-1 code, e.g. ``en``, ``fr``, ``hi``.
        min_letters: Fewer letters than this is undecidable.
        min_confidence: Minimum probability of the detected language.

    Returns:
        1.0 or 0.0, or None when undecidable.

    >>> response_language("Oui.", language="fr").score is None
    True
    """
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z]{2,4})?", language):
        raise ValueError(f"language must be an ISO 639-1 code like 'en', got {language!r}")
    if min_letters < 1 or not 0.0 < min_confidence <= 1.0:
        raise ValueError("min_letters must be >= 1 and min_confidence in (0, 1]")
    detected, detail = detect_language(
        response, min_letters=min_letters, min_confidence=min_confidence
    )
    if detected is None:
        return VerifierResult(None, detail)
    return _result(float(same_language(detected, language)), detail)
