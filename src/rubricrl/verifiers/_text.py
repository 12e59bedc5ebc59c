"""Text helpers shared by the builtin verifiers: words, sentences, paragraphs, bounds, regexes.

Every regular expression here runs in linear time on any input (no nested or overlapping
quantifiers), because responses are untrusted and may be huge. Patterns written by rubric
authors go through :func:`safe_search_count`, which uses the ``regex`` package's timeout.
"""

from __future__ import annotations

import functools
import re
from typing import Any

_WORD = re.compile(r"\w+")
# A sentence ends at . ! ? (or CJK/ellipsis enders) followed by whitespace or the end of text.
_SENTENCE_END = re.compile(r"(?<=[.!?\u2026])[\"')\]]?\s+|(?<=[\u3002\uff01\uff1f])\s*")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof sr jr st vs etc e.g i.e u.s u.k a.m p.m no fig approx inc ltd co".split()
)
_BLANK_LINE = re.compile(r"\n(?:[ \t\r\f\v]*\n)+")
MAX_PATTERN_CHARS = 256
REGEX_TIMEOUT_S = 0.25
LANGUAGE_SAMPLE_CHARS = 2_000


def count_words(text: str) -> int:
    r"""Count words as runs of Unicode word characters (the IFEval definition).

    Args:
        text: Any text.

    Returns:
        The number of ``\w+`` runs.

    >>> count_words("Hello, wide world! 42 ok")
    5
    """
    return sum(1 for _ in _WORD.finditer(text))


def split_sentences(text: str) -> list[str]:
    """Split text into sentences at terminal punctuation, keeping common abbreviations whole.

    Args:
        text: Any text.

    Returns:
        The non-empty sentences, stripped.

    >>> split_sentences("Dr. Who came. Did he stay? Yes!")
    ['Dr. Who came.', 'Did he stay?', 'Yes!']
    """
    sentences: list[str] = []
    pending = ""
    for piece in _SENTENCE_END.split(text.strip()):
        pending = f"{pending} {piece}" if pending else piece
        last_word = pending.rsplit(maxsplit=1)[-1].rstrip(".").lower() if pending.strip() else ""
        if last_word in _ABBREVIATIONS and pending.endswith("."):
            continue
        if pending.strip():
            sentences.append(pending.strip())
        pending = ""
    if pending.strip():
        sentences.append(pending.strip())
    return sentences


def split_paragraphs(text: str, separator: str | None = None) -> list[str]:
    r"""Split text into paragraphs at blank lines, or at an explicit separator such as ``***``.

    Args:
        text: Any text.
        separator: A literal separator; None means one or more blank lines.

    Returns:
        All chunks, stripped, including empty ones (callers decide what an empty chunk means).

    >>> split_paragraphs("a\n\nb\n \nc")
    ['a', 'b', 'c']
    >>> split_paragraphs("a *** b", separator="***")
    ['a', 'b']
    """
    if separator is None:
        chunks = _BLANK_LINE.split(text)
    else:
        chunks = text.split(separator)
    return [chunk.strip() for chunk in chunks]


def check_bounds(name: str, low: int | None, high: int | None) -> None:
    """Raise ValueError unless ``0 <= low <= high`` where given, and at least one is given.

    Args:
        name: The counted thing, for the message (e.g. ``"words"``).
        low: Inclusive minimum or None.
        high: Inclusive maximum or None.

    Raises:
        ValueError: If both are None, one is negative, or low > high.

    >>> check_bounds("words", 5, 3)
    Traceback (most recent call last):
    ...
    ValueError: min_words (5) is greater than max_words (3)
    """
    if low is None and high is None:
        raise ValueError(f"give min_{name}, max_{name} or both")
    for label, value in ((f"min_{name}", low), (f"max_{name}", high)):
        if value is not None and value < 0:
            raise ValueError(f"{label} must be >= 0, got {value}")
    if low is not None and high is not None and low > high:
        raise ValueError(f"min_{name} ({low}) is greater than max_{name} ({high})")


def bounded_score(
    count: int, low: int | None, high: int | None, *, partial: bool
) -> tuple[float, str]:
    """Score a count against inclusive bounds; with ``partial``, credit shrinks with the miss.

    Partial credit is ``count / low`` below the minimum and ``high / count`` above the maximum
    (so 90 words against a minimum of 100 earns 0.9); without it a miss scores 0.

    Args:
        count: The measured count.
        low: Inclusive minimum or None.
        high: Inclusive maximum or None.
        partial: Whether a near miss earns partial credit.

    Returns:
        The score in [0, 1] and a detail line.

    >>> bounded_score(90, 100, None, partial=True)
    (0.9, 'count 90, wanted >= 100')
    """
    wanted = " and ".join(
        part
        for part in (
            f">= {low}" if low is not None else "",
            f"<= {high}" if high is not None else "",
        )
        if part
    )
    detail = f"count {count}, wanted {wanted}"
    if low is not None and count < low:
        return (count / low if partial else 0.0), detail
    if high is not None and count > high:
        return (high / count if partial and count else 0.0), detail
    return 1.0, detail


def compile_user_pattern(pattern: str, *, ignore_case: bool, multiline: bool) -> Any:
    """Compile a rubric author's regular expression with the ``regex`` package (has timeouts).

    Args:
        pattern: The expression, at most ``MAX_PATTERN_CHARS`` characters.
        ignore_case: Case-insensitive matching.
        multiline: ``^``/``$`` match at line boundaries.

    Returns:
        The compiled pattern, or None when the ``regex`` package is not installed.

    Raises:
        ValueError: If the pattern is too long or does not compile.

    >>> compile_user_pattern("a+b", ignore_case=False, multiline=False).search("xaab") is not None
    True
    """
    if len(pattern) > MAX_PATTERN_CHARS:
        raise ValueError(f"pattern longer than {MAX_PATTERN_CHARS} characters")
    try:
        import regex
    except ImportError:
        return None
    flags = (regex.IGNORECASE if ignore_case else 0) | (regex.MULTILINE if multiline else 0)
    try:
        return regex.compile(pattern, flags)
    except regex.error as error:
        raise ValueError(f"pattern does not compile: {error}") from None


def safe_count_matches(compiled: Any, text: str) -> int | None:
    """Count non-overlapping matches, giving up (None) after ``REGEX_TIMEOUT_S`` seconds.

    Args:
        compiled: A pattern from :func:`compile_user_pattern`.
        text: The text to search.

    Returns:
        The number of matches, or None on timeout.

    >>> safe_count_matches(compile_user_pattern("o", ignore_case=False, multiline=False), "foo")
    2
    """
    try:
        return sum(1 for _ in compiled.finditer(text, timeout=REGEX_TIMEOUT_S))
    except TimeoutError:
        return None


@functools.lru_cache(maxsize=1)
def _language_factory() -> Any:
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.seed = 0  # langdetect samples randomly; a fixed seed makes verdicts reproducible
    return factory


def detect_language(
    text: str, *, min_letters: int, min_confidence: float
) -> tuple[str | None, str]:
    """Detect the language of ``text`` with langdetect, or None when it cannot be decided.

    Too few letters, low confidence or a missing ``langdetect`` package give None rather than
    a guess. Codes are ISO 639-1 as langdetect reports them (``en``, ``fr``, ``zh-cn``).

    Args:
        text: The text to classify.
        min_letters: Fewer alphabetic characters than this is undecidable.
        min_confidence: The top language's probability must reach this.

    Returns:
        The language code or None, and a detail line.

    >>> detect_language("ok", min_letters=20, min_confidence=0.7)
    (None, 'only 2 letters; need 20 to detect a language')
    """
    # langdetect costs ~20 ms a call whatever the length; 2,000 characters decide the language,
    # and the cache serves the several language criteria that often grade one response.
    return _detect_cached(text[:LANGUAGE_SAMPLE_CHARS], min_letters, min_confidence)


@functools.lru_cache(maxsize=1024)
def _detect_cached(text: str, min_letters: int, min_confidence: float) -> tuple[str | None, str]:
    letters = sum(1 for char in text if char.isalpha())
    if letters < min_letters:
        return None, f"only {letters} letters; need {min_letters} to detect a language"
    try:
        from langdetect.lang_detect_exception import LangDetectException
    except ImportError:
        return None, "langdetect is not installed (pip install 'rubricrl[verifiers]')"
    detector = _language_factory().create()
    detector.append(text)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, "langdetect found no language features"
    if best.prob < min_confidence:
        return None, f"language unclear: {best.lang} at p={best.prob:.2f}"
    return str(best.lang), f"detected {best.lang} (p={best.prob:.2f})"


def same_language(detected: str, wanted: str) -> bool:
    """Compare language codes on their primary subtag (``zh-cn`` matches ``zh``).

    Args:
        detected: The detected code.
        wanted: The requested code.

    Returns:
        Whether the primary subtags are equal, ignoring case.

    >>> same_language("zh-cn", "zh")
    True
    """
    return detected.lower().split("-")[0] == wanted.lower().split("-")[0]
