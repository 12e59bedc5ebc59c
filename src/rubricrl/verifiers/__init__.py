"""Programmatic verifiers usable as rubric criteria (no judge call)."""

from rubricrl.verifiers._base import (
    VerifierFn,
    VerifierResult,
    check_verifier_spec,
    grade_with_verifier,
    run_verifier,
    verifier,
    verifier_names,
)

__all__ = [
    "VerifierFn",
    "VerifierResult",
    "check_verifier_spec",
    "grade_with_verifier",
    "run_verifier",
    "verifier",
    "verifier_names",
]
