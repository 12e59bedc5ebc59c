"""Per-run counters and latency percentiles."""

from __future__ import annotations

from collections import Counter

import numpy as np
from pydantic import BaseModel, Field


class RunStats(BaseModel):
    """What a scoring run did; ``summary()`` adds latency percentiles."""

    items: int = 0
    rewards_none: int = 0
    judge_calls: int = 0
    retries: int = 0
    parse_retries: int = 0
    criteria_scored: int = 0
    criteria_abstained: int = 0
    cache_hits: int = 0
    cache_misses: int = 0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    abstain_reasons: Counter[str] = Field(default_factory=Counter)
    latencies_s: list[float] = Field(default_factory=list, exclude=True, repr=False)

    def record_latency(self, latency_s: float) -> None:
        """Keep one call latency (bounded: the last 100k)."""
        self.latencies_s.append(latency_s)
        if len(self.latencies_s) > 200_000:
            del self.latencies_s[:100_000]

    def summary(self) -> dict[str, object]:
        """Counters plus p50/p90/p99 call latency in seconds."""
        data: dict[str, object] = self.model_dump()
        data["abstain_reasons"] = dict(self.abstain_reasons)
        if self.latencies_s:
            p50, p90, p99 = np.percentile(np.asarray(self.latencies_s), [50, 90, 99])
            data.update(
                latency_p50_s=float(p50), latency_p90_s=float(p90), latency_p99_s=float(p99)
            )
        return data
