"""Strict parsing of judge replies into CriterionScores. Never guess a number from free text.

Accepted: exactly one JSON object, optionally wrapped in a single markdown code fence (hosted
models that ignore ``response_format`` do this). Anything else (trailing prose, truncation,
refusals, a grade that is not one of the offered tiers, a missing field) is a
:class:`ReplyError`; the engine retries once and then records the criterion as abstained.
"""

from __future__ import annotations

import json
import re
from typing import Any, Literal

from rubricrl.rubric import Criterion, CriterionScore

MAX_REPLY_CHARS = 64_000
EvidencePolicy = Literal["flag", "abstain", "ignore"]
_FENCED = re.compile(r"\A```(?:json|JSON)?[ \t]*\n(.*)\n```\Z", re.DOTALL)


class ReplyError(ValueError):
    """A reply that does not follow the schema; ``reason`` is a machine-readable code."""

    def __init__(self, reason: str, detail: str = "") -> None:
        """Create the error with a reason code and a short human-readable detail."""
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


def parse_json_object(text: str) -> dict[str, Any]:
    r"""Parse a reply that must be one JSON object (optionally in one code fence).

    >>> parse_json_object('```json\n{"met": true, "evidence": ""}\n```')["met"]
    True
    """
    if len(text) > MAX_REPLY_CHARS:
        raise ReplyError("reply_too_large", f"{len(text)} characters")
    stripped = text.strip()
    if not stripped:
        raise ReplyError("empty_reply")
    fenced = _FENCED.match(stripped)
    if fenced:
        stripped = fenced.group(1).strip()
    try:
        value = json.loads(
            stripped, parse_constant=_reject_constant, object_pairs_hook=_unique_keys
        )
    except (json.JSONDecodeError, ValueError) as error:
        raise ReplyError("parse_failure", str(error)[:200]) from None
    if not isinstance(value, dict):
        raise ReplyError("parse_failure", f"expected an object, got {type(value).__name__}")
    return value


def _reject_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid in a reply")


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    # json keeps the *last* duplicate: a reply that echoes injected text such as
    # '"met": false, "met": true' must not be read as either grade.
    keys = [key for key, _ in pairs]
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ValueError(f"duplicate keys {duplicates}")
    return dict(pairs)


def _normalize_space(text: str) -> str:
    return " ".join(text.split())


def evidence_found(evidence: str, response: str) -> bool:
    """Whether ``evidence`` occurs in ``response``, ignoring whitespace differences and case."""
    if not evidence.strip():
        return True
    return _normalize_space(evidence).casefold() in _normalize_space(response).casefold()


def grade_from_object(
    criterion: Criterion,
    obj: Any,
    response: str,
    judge_id: str,
    evidence_policy: EvidencePolicy = "flag",
) -> CriterionScore:
    """Validate one criterion's reply object and turn it into a CriterionScore.

    Raises:
        ReplyError: On a missing field, a wrong type, or a tier outside the rubric.
    """
    if not isinstance(obj, dict):
        raise ReplyError("parse_failure", f"criterion {criterion.id}: not an object")
    evidence = obj.get("evidence")
    if not isinstance(evidence, str):
        raise ReplyError("missing_evidence", f"criterion {criterion.id}")
    raw = _raw_grade(criterion, obj)
    flags: tuple[str, ...] = ()
    if evidence_policy != "ignore" and not evidence_found(evidence, response):
        if evidence_policy == "abstain":
            raise ReplyError("unverified_evidence", f"criterion {criterion.id}")
        flags = ("unverified_evidence",)
    return CriterionScore(
        id=criterion.id,
        score=criterion.normalize(raw),
        tier=raw,
        evidence=evidence[:600],
        judge=judge_id,
        flags=flags,
    )


def _raw_grade(criterion: Criterion, obj: dict[str, Any]) -> int | bool:
    if criterion.kind == "tiered":
        tier = obj.get("tier")
        # bool is an int subclass in Python: "tier": true must not pass as tier 1.
        if isinstance(tier, bool) or not isinstance(tier, int):
            raise ReplyError("tier_out_of_range", f"criterion {criterion.id}: tier {tier!r}")
        if tier not in criterion.tier_scores:
            raise ReplyError("tier_out_of_range", f"criterion {criterion.id}: tier {tier}")
        return tier
    met = obj.get("met")
    if not isinstance(met, bool):
        raise ReplyError("parse_failure", f"criterion {criterion.id}: 'met' must be true/false")
    return met


def parse_criterion_reply(
    criterion: Criterion,
    text: str,
    response: str,
    judge_id: str,
    evidence_policy: EvidencePolicy = "flag",
) -> CriterionScore:
    """Parse a per-criterion reply.

    Raises:
        ReplyError: If the reply does not validate.
    """
    obj = parse_json_object(text)
    return grade_from_object(criterion, obj, response, judge_id, evidence_policy)


def parse_one_call_reply(
    criteria: list[Criterion],
    text: str,
    response: str,
    judge_id: str,
    evidence_policy: EvidencePolicy = "flag",
) -> dict[str, CriterionScore | ReplyError]:
    """Parse a one-call reply; each criterion validates (or fails) on its own.

    Raises:
        ReplyError: If the reply as a whole is not a JSON object with a ``criteria`` object.
    """
    obj = parse_json_object(text)
    graded = obj.get("criteria")
    if not isinstance(graded, dict):
        raise ReplyError("parse_failure", "missing 'criteria' object")
    results: dict[str, CriterionScore | ReplyError] = {}
    for criterion in criteria:
        try:
            results[criterion.id] = grade_from_object(
                criterion, graded.get(criterion.id), response, judge_id, evidence_policy
            )
        except ReplyError as error:
            results[criterion.id] = error
    return results
