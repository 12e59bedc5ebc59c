"""Result records: one CriterionScore per graded criterion, one Reward per response.

Failures are records, never numbers: a criterion that could not be graded has ``score=None``
and ``status`` ``abstained`` or ``error`` with a machine-readable ``reason``; a Reward whose
value cannot be computed has ``value=None`` and an ``abstain_reason``. Score fields are finite
floats (``allow_inf_nan=False``), so NaN never reaches JSON.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ScoreStatus = Literal["ok", "abstained", "error"]


class Flag(BaseModel):
    """A signal attached to a reward, e.g. a reward-hacking detector that fired."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(description="Detector or check name, e.g. 'sycophantic_opener'.")
    evidence: str = Field(default="", max_length=2_000, description="What triggered it.")
    source: str = Field(default="detector", description="detector | judge | aggregation")
    policy: Literal["veto", "penalty", "record"] = "record"
    penalty: float = Field(
        default=0.0, ge=0, le=1, description="Subtracted from the reward when policy is penalty."
    )


class CriterionScore(BaseModel):
    """The grade of one criterion for one response."""

    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    id: str = Field(description="Criterion id.")
    score: float | None = Field(
        default=None, ge=0, le=1, description="Normalised; None if unscored."
    )
    tier: int | bool | float | None = Field(
        default=None, description="Raw grade: tier, bool, fraction."
    )
    evidence: str | None = Field(default=None, description="Verbatim quote from the response.")
    status: ScoreStatus = "ok"
    reason: str | None = Field(default=None, description="Reason code when not ok.")
    detail: str | None = Field(default=None, max_length=2_000, description="Human-readable note.")
    judge: str | None = None
    flags: tuple[str, ...] = Field(default=(), description="e.g. 'unverified_evidence'.")
    prompt_tokens: int = 0
    completion_tokens: int = 0
    latency_s: float = 0.0
    cached: bool = False

    @classmethod
    def unscored(
        cls, criterion_id: str, reason: str, detail: str = "", status: ScoreStatus = "abstained"
    ) -> CriterionScore:
        """A criterion that could not be graded (never a number).

        >>> CriterionScore.unscored("c1", "parse_failure").score is None
        True
        """
        return cls(id=criterion_id, status=status, reason=reason, detail=detail[:2_000] or None)


class Reward(BaseModel):
    """The reward of one response under one rubric, with everything needed to audit it."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    value: float | None = Field(description="Reward in [0, 1]; None = abstain (do not learn).")
    criteria: list[CriterionScore] = Field(default_factory=list)
    flags: list[Flag] = Field(default_factory=list)
    vetoed_by: list[str] = Field(default_factory=list)
    abstain_reason: str | None = None
    coverage: float = Field(default=1.0, ge=0, le=1)
    rubric_id: str = ""
    rubric_hash: str = ""
    judge: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    judge_calls: int = 0
