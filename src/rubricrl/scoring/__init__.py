"""Scoring: the async engine, its cache, limits, stats and the resumable row runner."""

from rubricrl.scoring._cache import GradingCache, cache_key
from rubricrl.scoring._config import EngineConfig, GradingItem
from rubricrl.scoring._engine import Flagger, RubricHook, ScoringEngine
from rubricrl.scoring._limits import (
    Budget,
    BudgetExceeded,
    TokenBucket,
    backoff_delay_s,
    call_with_retries,
)
from rubricrl.scoring._rows import (
    InputError,
    RowRunSummary,
    finished_ids,
    grade_rows,
    iter_json_lines,
    read_items,
    reward_row,
)
from rubricrl.scoring._stats import RunStats

__all__ = [
    "Budget",
    "BudgetExceeded",
    "EngineConfig",
    "Flagger",
    "GradingCache",
    "GradingItem",
    "InputError",
    "RowRunSummary",
    "RubricHook",
    "RunStats",
    "ScoringEngine",
    "TokenBucket",
    "backoff_delay_s",
    "call_with_retries",
    "cache_key",
    "finished_ids",
    "grade_rows",
    "iter_json_lines",
    "read_items",
    "reward_row",
]
