"""The verifier contract: a registered pure function ``(response, *, prompt, **args) -> result``.

A verifier returns a :class:`VerifierResult` with a score in [0, 1] (1 = the check passes, or
the fraction of sub-checks that pass) or ``None`` when it cannot decide (e.g. a language
detector on a two-word reply): an undecidable check abstains like a judge failure, it is never
forced to 0 or 1.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass

from rubricrl._registry import RegistryError, lookup, names, register
from rubricrl.rubric import Criterion, CriterionScore, VerifierSpec


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

    >>> @verifier("doc_nonempty")
    ... def nonempty(response: str, *, prompt: str = "") -> VerifierResult:
    ...     return VerifierResult(1.0 if response.strip() else 0.0)
    >>> run_verifier(VerifierSpec(name="doc_nonempty"), "", "hi").score
    1.0
    """
    return register("verifier", name)


def verifier_names() -> list[str]:
    """All registered verifier names."""
    return names("verifier")


def check_verifier_spec(spec: VerifierSpec) -> None:
    """Raise ValueError if the verifier is unknown or its arguments do not fit its signature."""
    try:
        fn: VerifierFn = lookup("verifier", spec.name)
    except RegistryError as error:
        raise ValueError(str(error)) from None
    try:
        inspect.signature(fn).bind("", prompt="", **spec.args)
    except TypeError as error:
        raise ValueError(f"verifier {spec.name!r}: {error}") from None


def run_verifier(spec: VerifierSpec, prompt: str, response: str) -> VerifierResult:
    """Run one verifier; bad arguments or a crash become an undecidable result with a detail."""
    try:
        fn: VerifierFn = lookup("verifier", spec.name)
    except RegistryError as error:
        return VerifierResult(None, str(error))
    try:
        return fn(response, prompt=prompt, **spec.args)
    except (TypeError, ValueError) as error:
        return VerifierResult(None, f"{type(error).__name__}: {error}"[:500])


def grade_with_verifier(criterion: Criterion, prompt: str, response: str) -> CriterionScore:
    """Grade a ``verifier`` criterion into a CriterionScore (abstained when undecidable)."""
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
