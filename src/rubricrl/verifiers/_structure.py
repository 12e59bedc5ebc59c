"""Builtin verifiers about form: patterns, JSON, markdown, markers, framing of the response.

Every fixed regular expression here is linear in the response length; rubric-supplied
patterns (``regex_match``) run under a timeout (see ``_text.compile_user_pattern``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from rubricrl.verifiers._base import VerifierResult, verifier
from rubricrl.verifiers._text import bounded_score, check_bounds, compile_user_pattern
from rubricrl.verifiers._text import safe_count_matches as _safe_count

MAX_REGEX_INPUT_CHARS = 100_000
_FENCE = re.compile(r"^```[A-Za-z]*[ \t]*\n?|\n?```$")
_BULLET = re.compile(r"^[ \t]*(?:[*+-]|\d{1,3}[.)])[ \t]+\S", re.MULTILINE)
_UNNUMBERED_BULLET = re.compile(r"^[ \t]*[*+-][ \t]+\S", re.MULTILINE)
_HEADING = re.compile(r"^[ \t]{0,3}(#{1,6})[ \t]+\S", re.MULTILINE)
_SINGLE_HIGHLIGHT = re.compile(r"\*[^\n*]*\*")
_DOUBLE_HIGHLIGHT = re.compile(r"\*\*[^\n*]*\*\*")
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]*\]")
_TITLE = re.compile(r"<<([^\n<>]+)>>")
_QUOTE_PAIRS = (('"', '"'), ("\u201c", "\u201d"))
IFEVAL_OPTIONS = ("My answer is yes.", "My answer is no.", "My answer is maybe.")


def _result(score: float, detail: str) -> VerifierResult:
    return VerifierResult(round(score, 6), detail)


@verifier("regex_match")
def regex_match(
    response: str,
    *,
    prompt: str = "",
    pattern: str,
    min_count: int = 1,
    max_count: int | None = None,
    ignore_case: bool = False,
    multiline: bool = False,
) -> VerifierResult:
    r"""Check how many times a regular expression matches (by default: at least once).

    The pattern (at most 256 characters) runs with the ``regex`` package under a 0.25 s
    timeout; a timeout, a response over 100,000 characters or a missing ``regex`` package
    gives None (undecidable), never a pass or a fail.

    Args:
        response: The graded text.
        prompt: Unused.
        pattern: The regular expression.
        min_count: Inclusive minimum number of non-overlapping matches.
        max_count: Inclusive maximum, or None (use 0 to forbid the pattern).
        ignore_case: Case-insensitive matching.
        multiline: ``^`` and ``$`` match at every line.

    Returns:
        1.0 within bounds, else 0.0, or None when undecidable.

    >>> regex_match("Call 555-1234.", pattern=r"\d{3}-\d{4}").score
    1.0
    """
    check_bounds("count", min_count, max_count)
    compiled = compile_user_pattern(pattern, ignore_case=ignore_case, multiline=multiline)
    if compiled is None:
        return VerifierResult(None, "the 'regex' package is needed for safe pattern matching")
    if len(response) > MAX_REGEX_INPUT_CHARS:
        return VerifierResult(None, f"response over {MAX_REGEX_INPUT_CHARS} characters")
    count = _safe_count(compiled, response)
    if count is None:
        return VerifierResult(None, "pattern timed out (catastrophic backtracking?)")
    return _result(*bounded_score(count, min_count, max_count, partial=False))


def _prepare(text: str, case_sensitive: bool) -> str:
    return text.strip() if case_sensitive else text.strip().lower()


@verifier("starts_with")
def starts_with(
    response: str, *, prompt: str = "", phrase: str, case_sensitive: bool = False
) -> VerifierResult:
    """Check that the response (leading whitespace ignored) starts with ``phrase``.

    Args:
        response: The graded text.
        prompt: Unused.
        phrase: The required opening.
        case_sensitive: Match case exactly.

    Returns:
        1.0 or 0.0.

    >>> starts_with("  Dear Sam, hi", phrase="dear sam").score
    1.0
    """
    if not phrase.strip():
        raise ValueError("phrase must not be blank")
    passed = _prepare(response, case_sensitive).startswith(_prepare(phrase, case_sensitive))
    return _result(float(passed), f"starts with {response.strip()[:60]!r}")


@verifier("ends_with")
def ends_with(
    response: str,
    *,
    prompt: str = "",
    phrase: str,
    case_sensitive: bool = False,
    ignore_quotes: bool = False,
) -> VerifierResult:
    """Check that the response (trailing whitespace ignored) ends with ``phrase``.

    Args:
        response: The graded text.
        prompt: Unused.
        phrase: The required ending; nothing may follow it.
        case_sensitive: Match case exactly.
        ignore_quotes: Strip double quotes around the response first (IFEval does).

    Returns:
        1.0 or 0.0.

    >>> ends_with("Thanks. Any other questions?", phrase="any other questions?").score
    1.0
    """
    if not phrase.strip():
        raise ValueError("phrase must not be blank")
    text = response.strip().strip('"') if ignore_quotes else response
    passed = _prepare(text, case_sensitive).endswith(_prepare(phrase, case_sensitive))
    return _result(float(passed), f"ends with {response.strip()[-60:]!r}")


@verifier("valid_json")
def valid_json(
    response: str,
    *,
    prompt: str = "",
    required_keys: Sequence[str] = (),
    allow_code_fence: bool = True,
    partial: bool = True,
) -> VerifierResult:
    r"""Check that the whole response is one JSON value, optionally an object with given keys.

    Partial credit (default): a valid JSON object earns the fraction of ``required_keys`` it
    has; invalid JSON scores 0. Nesting too deep to parse is undecidable (None).

    Args:
        response: The graded text.
        prompt: Unused.
        required_keys: Top-level keys the object must have.
        allow_code_fence: Accept a surrounding markdown code fence (```json ... ```).
        partial: Score the fraction of required keys instead of all-or-nothing.

    Returns:
        The score and what was wrong.

    >>> valid_json('```json\n{"a": 1}\n```', required_keys=["a", "b"]).score
    0.5
    """
    text = response.strip()
    if allow_code_fence:
        text = _FENCE.sub("", text).strip()
    try:
        # Numbers stay strings (no int-size limit to hit); NaN/Infinity are not JSON.
        value = json.loads(text, parse_int=str, parse_float=str, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        return _result(0.0, f"invalid JSON: {error.msg} at char {error.pos}")
    except ValueError as error:
        return _result(0.0, f"invalid JSON: {error}")
    except RecursionError:
        return VerifierResult(None, "JSON nested too deeply to check")
    if not required_keys:
        return _result(1.0, "valid JSON")
    if not isinstance(value, dict):
        return _result(0.0, "valid JSON but not an object")
    missing = [key for key in required_keys if key not in value]
    fraction = 1.0 - len(missing) / len(required_keys)
    return _result(fraction if partial else float(not missing), f"missing keys: {missing[:10]}")


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not valid JSON")


@verifier("bullet_count")
def bullet_count(
    response: str,
    *,
    prompt: str = "",
    min_bullets: int | None = None,
    max_bullets: int | None = None,
    include_numbered: bool = False,
) -> VerifierResult:
    r"""Check the number of markdown list items (``* x``, ``- x``, ``+ x``; ``1. x`` optional).

    Args:
        response: The graded text.
        prompt: Unused.
        min_bullets: Inclusive minimum, or None.
        max_bullets: Inclusive maximum, or None.
        include_numbered: Also count numbered items (``1.`` / ``1)``).

    Returns:
        1.0 within bounds, else 0.0.

    >>> bullet_count("* a\n* b\n- c", min_bullets=3, max_bullets=3).score
    1.0
    """
    check_bounds("bullets", min_bullets, max_bullets)
    pattern = _BULLET if include_numbered else _UNNUMBERED_BULLET
    count = sum(1 for _ in pattern.finditer(response))
    return _result(*bounded_score(count, min_bullets, max_bullets, partial=False))


@verifier("heading_count")
def heading_count(
    response: str,
    *,
    prompt: str = "",
    min_headings: int | None = None,
    max_headings: int | None = None,
    level: int | None = None,
) -> VerifierResult:
    r"""Check the number of markdown ATX headings (``# Title``), optionally of one level.

    Args:
        response: The graded text.
        prompt: Unused.
        min_headings: Inclusive minimum, or None.
        max_headings: Inclusive maximum, or None.
        level: Count only headings of this level (1-6), or None for all.

    Returns:
        1.0 within bounds, else 0.0.

    >>> heading_count("# A\ntext\n## B", min_headings=2).score
    1.0
    """
    check_bounds("headings", min_headings, max_headings)
    if level is not None and not 1 <= level <= 6:
        raise ValueError(f"level must be 1 to 6, got {level}")
    marks = [len(m.group(1)) for m in _HEADING.finditer(response)]
    count = sum(1 for mark in marks if level is None or mark == level)
    return _result(*bounded_score(count, min_headings, max_headings, partial=False))


@verifier("section_count")
def section_count(
    response: str,
    *,
    prompt: str = "",
    min_sections: int | None = None,
    max_sections: int | None = None,
    marker: str = "Section",
) -> VerifierResult:
    r"""Check the number of numbered section markers such as ``Section 1`` (case-sensitive).

    Args:
        response: The graded text.
        prompt: Unused.
        min_sections: Inclusive minimum, or None.
        max_sections: Inclusive maximum, or None.
        marker: The word before each section number, e.g. ``SECTION`` or ``PARAGRAPH``.

    Returns:
        1.0 within bounds, else 0.0.

    >>> section_count("Section 1\nhi\nSection 2\nho", min_sections=2).score
    1.0
    """
    check_bounds("sections", min_sections, max_sections)
    if not marker.strip() or len(marker) > 100:
        raise ValueError("marker must be non-blank and at most 100 characters")
    count = len(re.findall(re.escape(marker) + r"\s?\d+", response))
    return _result(*bounded_score(count, min_sections, max_sections, partial=False))


@verifier("highlighted_sections")
def highlighted_sections(
    response: str,
    *,
    prompt: str = "",
    min_highlights: int | None = 1,
    max_highlights: int | None = None,
) -> VerifierResult:
    """Check the number of non-empty markdown highlights on one line (``*x*`` or ``**x**``).

    Args:
        response: The graded text.
        prompt: Unused.
        min_highlights: Inclusive minimum, or None.
        max_highlights: Inclusive maximum, or None.

    Returns:
        1.0 within bounds, else 0.0.

    >>> highlighted_sections("*one* and **two**", min_highlights=2).score
    1.0
    """
    check_bounds("highlights", min_highlights, max_highlights)
    found = _SINGLE_HIGHLIGHT.findall(response) + _DOUBLE_HIGHLIGHT.findall(response)
    count = sum(1 for span in found if span.strip("*").strip())
    return _result(*bounded_score(count, min_highlights, max_highlights, partial=False))


@verifier("placeholder_count")
def placeholder_count(
    response: str,
    *,
    prompt: str = "",
    min_placeholders: int | None = 1,
    max_placeholders: int | None = None,
) -> VerifierResult:
    """Check the number of square-bracket placeholders such as ``[name]``.

    Args:
        response: The graded text.
        prompt: Unused.
        min_placeholders: Inclusive minimum, or None.
        max_placeholders: Inclusive maximum, or None.

    Returns:
        1.0 within bounds, else 0.0.

    >>> placeholder_count("Dear [name], at [address].", min_placeholders=2).score
    1.0
    """
    check_bounds("placeholders", min_placeholders, max_placeholders)
    count = sum(1 for _ in _PLACEHOLDER.finditer(response))
    return _result(*bounded_score(count, min_placeholders, max_placeholders, partial=False))


@verifier("postscript")
def postscript(response: str, *, prompt: str = "", marker: str = "P.S.") -> VerifierResult:
    r"""Check that a line starts with a postscript marker (``P.S.``, ``P.P.S``; any case).

    A space after each dot is tolerated (``P. S.``) and markdown emphasis before it is ignored.

    Args:
        response: The graded text.
        prompt: Unused.
        marker: The marker, e.g. ``P.S.`` or ``P.P.S``.

    Returns:
        1.0 when a postscript line exists, else 0.0.

    >>> postscript("Bye.\n\n**P. S.** Call me.").score
    1.0
    """
    parts = [part for part in marker.strip().split(".") if part]
    if not parts or len(marker) > 20:
        raise ValueError(f"marker must be non-blank and short, got {marker!r}")
    body = r"\.\s?".join(re.escape(part.strip()) for part in parts)
    pattern = re.compile(rf"^[ \t>*_]*{body}", re.MULTILINE | re.IGNORECASE)
    return _result(float(bool(pattern.search(response))), f"marker {marker!r}")


@verifier("quotation_wrapped")
def quotation_wrapped(response: str, *, prompt: str = "") -> VerifierResult:
    """Check that the whole response is wrapped in double quotes (straight or curly).

    Args:
        response: The graded text.
        prompt: Unused.

    Returns:
        1.0 or 0.0.

    >>> quotation_wrapped(' "Hello there." ').score
    1.0
    """
    text = response.strip()
    wrapped = len(text) > 1 and any(
        text.startswith(left) and text.endswith(right) for left, right in _QUOTE_PAIRS
    )
    return _result(float(wrapped), "wrapped in quotes" if wrapped else "not wrapped")


@verifier("title_brackets")
def title_brackets(response: str, *, prompt: str = "") -> VerifierResult:
    r"""Check for a non-empty title in double angular brackets, such as ``<<My Title>>``.

    Args:
        response: The graded text.
        prompt: Unused.

    Returns:
        1.0 when such a title exists, else 0.0.

    >>> title_brackets("<<Ode to Joy>>\nText").score
    1.0
    """
    titles = [title.strip() for title in _TITLE.findall(response) if title.strip()]
    return _result(float(bool(titles)), f"title {titles[0][:60]!r}" if titles else "no title")


@verifier("repeats_prompt_first")
def repeats_prompt_first(
    response: str, *, prompt: str = "", prompt_to_repeat: str | None = None
) -> VerifierResult:
    """Check that the response begins by repeating a request word for word (case-insensitive).

    Args:
        response: The graded text.
        prompt: The prompt; repeated text defaults to it.
        prompt_to_repeat: The exact text to repeat, when it is only part of the prompt.

    Returns:
        1.0 or 0.0; None when there is no text to repeat.

    >>> repeats_prompt_first("Say hi. Hi!", prompt_to_repeat="say hi.").score
    1.0
    """
    target = (prompt if prompt_to_repeat is None else prompt_to_repeat).strip().lower()
    if not target:
        return VerifierResult(None, "no prompt text to compare with")
    passed = response.strip().lower().startswith(target)
    return _result(float(passed), "repeats the request" if passed else "does not repeat it")


@verifier("two_responses")
def two_responses(response: str, *, prompt: str = "", separator: str = "******") -> VerifierResult:
    r"""Check for exactly two different, non-empty responses separated by ``separator``.

    Args:
        response: The graded text.
        prompt: Unused.
        separator: The literal separator line.

    Returns:
        1.0 or 0.0.

    >>> two_responses("Yes.\n******\nNo.").score
    1.0
    """
    if not separator.strip():
        raise ValueError("separator must not be blank")
    parts = [part.strip() for part in response.split(separator)]
    if any(not part for part in parts[1:-1]):
        return _result(0.0, "an empty response between separators")
    answers = [part for part in parts if part]
    passed = len(answers) == 2 and answers[0] != answers[1]
    return _result(float(passed), f"{len(answers)} responses")


@verifier("constrained_response")
def constrained_response(
    response: str, *, prompt: str = "", options: Sequence[str] = IFEVAL_OPTIONS
) -> VerifierResult:
    """Check that the response contains one of the allowed answer phrases (case-sensitive).

    Args:
        response: The graded text.
        prompt: Unused.
        options: Allowed phrases; defaults to IFEval's "My answer is yes./no./maybe.".

    Returns:
        1.0 when one phrase appears, else 0.0.

    >>> constrained_response("My answer is no.").score
    1.0
    """
    if not options or any(not option.strip() for option in options):
        raise ValueError("options must be non-blank phrases")
    hits = [option for option in options if option in response]
    return _result(float(bool(hits)), f"found {hits[:3]}" if hits else "no allowed answer")
