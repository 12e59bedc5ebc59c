"""Engine settings and the unit of work."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.judges import EvidencePolicy
from rubricrl.rubric import Rubric


class EngineConfig(BaseModel):
    """Settings of a scoring run; the Python API, the CLI and recipes all use this model."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    mode: Literal["per_criterion", "one_call"] = Field(
        default="per_criterion",
        description="One judge call per criterion (shared prefix) or one call for all criteria.",
    )
    concurrency: int = Field(default=64, ge=1, le=4096, description="Judge calls in flight.")
    rate_limit_per_s: float | None = Field(
        default=None, gt=0, description="Token-bucket limit on judge calls per second."
    )
    rate_burst: int = Field(default=32, ge=1, description="Token-bucket burst size.")
    max_attempts: int = Field(default=4, ge=1, le=10, description="Tries per call (transport).")
    backoff_base_s: float = Field(default=0.5, ge=0, description="First retry delay.")
    backoff_max_s: float = Field(default=30.0, ge=0, description="Cap on one retry delay.")
    timeout_s: float = Field(default=120.0, gt=0, description="Per-call timeout.")
    parse_retries: int = Field(
        default=1, ge=0, le=3, description="Extra calls after an unparsable/out-of-range reply."
    )
    evidence_policy: EvidencePolicy = Field(
        default="flag", description="Evidence not found in the response: flag, abstain or ignore."
    )
    cache_path: str | None = Field(default=None, description="SQLite cache file (WAL).")
    budget_requests: int | None = Field(default=None, ge=1, description="Max judge calls.")
    budget_tokens: int | None = Field(default=None, ge=1, description="Max prompt+completion.")
    hard_cap: bool = Field(
        default=True, description="Stop at the budget (True) or only warn once (False)."
    )


class GradingItem(BaseModel):
    """One response to grade against one rubric."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(min_length=1, max_length=512)
    prompt: str = Field(max_length=1_000_000)
    response: str = Field(max_length=1_000_000)
    rubric: Rubric
    metadata: dict[str, Any] = Field(default_factory=dict)
