"""Aggregation: pure, registered functions that turn criterion scores into a reward."""

from rubricrl.aggregation._functions import (
    AggregateResult,
    aggregate,
    saturate,
    saturation,
    scores_by_id,
    shape_piecewise,
    shape_power,
    weighted,
)

__all__ = [
    "AggregateResult",
    "aggregate",
    "saturate",
    "saturation",
    "scores_by_id",
    "shape_piecewise",
    "shape_power",
    "weighted",
]
