"""The verifier contract: a registered pure function ``(response, *, prompt, **args) -> result``.

A verifier returns a :class:`VerifierResult` with a score in [0, 1] (1 = the check passes, or
the fraction of sub-checks that pass) or ``None`` when it cannot decide (e.g. a language
detector on a two-word reply): an undecidable check abstains like a judge failure, it is never
forced to 0 or 1.

Arguments are validated strictly against the function's annotations (pydantic ``validate_call``
in strict mode: ``"3"`` is not an int) and a verifier raises ``ValueError`` only for bad
arguments, never because of the response; ``check_verifier_spec`` relies on that and dry-runs
the verifier on an empty response, so a rubric with a bad argument fails at load time.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from pydantic import ConfigDict, ValidationError, validate_call

from rubricrl._registry import RegistryError, lookup, names, register
from rubricrl.rubric import Criterion, CriterionScore, Rubric, VerifierSpec


@dataclass(frozen=True)
class VerifierResult:
    """Outcome of a programmatic check; ``score`` None means undecidable."""

    score: float | None
    detail: str = ""

    def __post_init__(self) -> None:
        if self.score is not None and not 0.0 <= self.score <= 1.0:
            raise ValueError(f"verifier score {self.score} outside [0, 1]")


VerifierFn = Callable[..., VerifierResult]


def verifier(name: str) -> Callable[[VerifierFn], VerifierFn]:
    """Register a verifier function under ``name`` (duplicate names are an error).

    The function's keyword arguments are validated strictly against its annotations.

    Args:
        name: The name rubrics use in ``verifier: {name: ...}``.

    Returns:
        A decorator that registers the (argument-validating) function and returns it.

    >>> @verifier("doc_nonempty")
    ... def nonempty(response: str, *, prompt: str = "") -> VerifierResult:
    ...     return VerifierResult(1.0 if response.strip() else 0.0)
    >>> run_verifier(VerifierSpec(name="doc_nonempty"), "", "hi").score
    1.0
    """

    def decorator(fn: VerifierFn) -> VerifierFn:
        checked: VerifierFn = validate_call(config=_STRICT)(fn)
        return register("verifier", name)(checked)

    return decorator


_STRICT = ConfigDict(strict=True, arbitrary_types_allowed=True)


def describe_error(error: Exception) -> str:
    """One line saying what was wrong with a verifier call (pydantic errors condensed).

    Args:
        error: The exception a verifier raised.

    Returns:
        A short message, e.g. ``"argument 'n': Input should be a valid integer"``.

    >>> describe_error(ValueError("min_words must be >= 0"))
    'min_words must be >= 0'
    """
    if isinstance(error, ValidationError):
        parts = []
        for item in error.errors()[:3]:
            where = ".".join(str(loc) for loc in item["loc"][:1])
            parts.append(f"argument {where!r}: {item['msg']}")
        return "; ".join(parts)
    return str(error)


def verifier_names() -> list[str]:
    """All registered verifier names.

    Returns:
        The sorted names usable in ``verifier: {name: ...}``.

    >>> "word_count" in verifier_names()
    True
    """
    return names("verifier")


def check_verifier_spec(spec: VerifierSpec) -> None:
    """Check that a verifier exists and accepts its arguments (types and values).

    Args:
        spec: The verifier name and arguments, as written in a rubric.

    Raises:
        ValueError: If the name is unknown, an argument is missing, unexpected, of the wrong type
            or out of range; the message names the verifier and the argument.

    >>> check_verifier_spec(VerifierSpec(name="no_such_check"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    ValueError: unknown verifier 'no_such_check'; valid: ...
    """
    try:
        fn: VerifierFn = lookup("verifier", spec.name)
    except RegistryError as error:
        raise ValueError(str(error)) from None
    try:
        inspect.signature(fn).bind("", prompt="", **spec.args)
        fn("", prompt="", **spec.args)  # dry run: verifiers validate arguments first
    except (TypeError, ValueError) as error:
        raise ValueError(f"verifier {spec.name!r}: {describe_error(error)}") from None


def check_rubric_verifiers(rubric: Rubric) -> list[str]:
    """Check every verifier criterion of a rubric; return one message per problem.

    Args:
        rubric: A loaded rubric.

    Returns:
        ``"criterion <id>: <problem>"`` lines; empty when every verifier name and argument is valid.

    >>> spec = VerifierSpec(name="no_such_check")
    >>> check_rubric_verifiers(Rubric(id="r", criteria=[Criterion(
    ...     id="c", description="d", kind="verifier", verifier=spec)]))[0][:40]
    "criterion 'c': unknown verifier 'no_such"
    """
    problems = []
    for criterion in rubric.criteria:
        if criterion.verifier is None:
            continue
        try:
            check_verifier_spec(criterion.verifier)
        except ValueError as error:
            problems.append(f"criterion {criterion.id!r}: {error}")
    return problems


def run_verifier(spec: VerifierSpec, prompt: str, response: str) -> VerifierResult:
    """Run one verifier; an unknown name or bad arguments give an undecidable result.

    Args:
        spec: The verifier name and arguments.
        prompt: The prompt the response answers (some checks compare with it).
        response: The graded text.

    Returns:
        The verifier's result; score None with a detail when it could not run.

    >>> run_verifier(VerifierSpec(name="word_count", args={"max_words": "two"}), "", "hi").score
    """
    try:
        fn: VerifierFn = lookup("verifier", spec.name)
    except RegistryError as error:
        return VerifierResult(None, str(error))
    try:
        return fn(response, prompt=prompt, **spec.args)
    except (TypeError, ValueError) as error:
        return VerifierResult(None, f"bad arguments: {describe_error(error)}"[:500])


def grade_with_verifier(criterion: Criterion, prompt: str, response: str) -> CriterionScore:
    """Grade a ``verifier`` criterion into a CriterionScore (abstained when undecidable).

    Args:
        criterion: A criterion of kind ``verifier``.
        prompt: The prompt the response answers.
        response: The graded text.

    Returns:
        An ``ok`` score in [0, 1], or an abstained score with reason ``verifier_undecided``.

    >>> spec = VerifierSpec(name="no_commas")
    >>> c = Criterion(id="c", description="No commas.", kind="verifier", verifier=spec)
    >>> grade_with_verifier(c, "", "Yes, sir.").score
    0.0
    """
    assert criterion.verifier is not None
    result = run_verifier(criterion.verifier, prompt, response)
    if result.score is None:
        return CriterionScore.unscored(criterion.id, "verifier_undecided", result.detail)
    return CriterionScore(
        id=criterion.id,
        score=result.score,
        tier=result.score,
        judge=f"verifier:{criterion.verifier.name}",
        detail=result.detail[:2_000] or None,
    )
