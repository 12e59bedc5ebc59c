import pytest

from rubricrl.rubric import Criterion, VerifierSpec
from rubricrl.verifiers import (
    VerifierResult,
    check_verifier_spec,
    grade_with_verifier,
    run_verifier,
    verifier,
)


@verifier("test_min_len")
def _min_len(response: str, *, prompt: str = "", n: int = 1) -> VerifierResult:
    if n < 0:
        raise ValueError("n must be >= 0")
    return VerifierResult(1.0 if len(response) >= n else 0.0)


def test_result_bounds() -> None:
    with pytest.raises(ValueError):
        VerifierResult(1.5)


def test_bad_args_are_undecided_not_zero() -> None:
    assert run_verifier(VerifierSpec(name="test_min_len", args={"n": -1}), "", "x").score is None
    assert run_verifier(VerifierSpec(name="test_min_len", args={"zz": 1}), "", "x").score is None
    with pytest.raises(ValueError, match="zz"):
        check_verifier_spec(VerifierSpec(name="test_min_len", args={"zz": 1}))
    with pytest.raises(ValueError, match="unknown verifier"):
        check_verifier_spec(VerifierSpec(name="nope"))


def test_grade_with_verifier() -> None:
    criterion = Criterion(
        id="len",
        description="long",
        kind="verifier",
        verifier=VerifierSpec(name="test_min_len", args={"n": 3}),
    )
    assert grade_with_verifier(criterion, "", "abcd").score == 1.0
    assert grade_with_verifier(criterion, "", "ab").score == 0.0
