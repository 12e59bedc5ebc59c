"""Abstention for trainers without ``None``: one translation function per trainer lives here.

A rubricrl Reward with ``value=None`` means "do not learn from this sample". verl and OpenRLHF
need a number for every sample, so each adapter sends a finite placeholder plus a validity
flag (``rubricrl_valid`` = 1.0 or 0.0) and, where the trainer allows it, masks the sample:

- verl (batch view): the placeholder is the mean of the *valid* rewards of the same prompt
  group (``uid``), so a GRPO advantage ``(r - mean) / std`` is exactly 0 for it; a group with
  no valid reward gets a constant, so every advantage in it is 0; and rows of
  ``response_mask`` are zeroed, so PPO-style losses give the sample no weight.
- OpenRLHF (remote RM, one sample per request, no batch view): the placeholder is
  ``abstain_fill`` and the flag is returned in ``extra_logs`` for logging and filtering.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Hashable, Sequence

from rubricrl.rubric import Reward

VALID_KEY = "rubricrl_valid"


def group_neutral_values(
    values: Sequence[float | None], groups: Sequence[Hashable], fill: float = 0.0
) -> list[float]:
    """Replace each None by the mean of the non-None values of its group (``fill`` if none).

    Under GRPO the replaced sample then has advantage exactly 0 and leaves its group's mean
    unchanged.

    Args:
        values: Rewards, None for abstained samples.
        groups: Group key of each sample (verl's ``uid``: same prompt).
        fill: Used for a group with no valid value (all advantages in it are 0 anyway).

    Returns:
        Finite floats, one per sample.

    >>> group_neutral_values([1.0, None, 0.0, None], ["a", "a", "a", "b"], fill=0.5)
    [1.0, 0.5, 0.0, 0.5]
    """
    if len(values) != len(groups):
        raise ValueError(f"{len(values)} values but {len(groups)} group keys")
    valid: dict[Hashable, list[float]] = defaultdict(list)
    for value, group in zip(values, groups, strict=True):
        if value is not None:
            valid[group].append(value)
    means = {group: math.fsum(vals) / len(vals) for group, vals in valid.items()}
    return [
        value if value is not None else means.get(group, fill)
        for value, group in zip(values, groups, strict=True)
    ]


def validity(rewards: Sequence[Reward]) -> list[float]:
    """1.0 for a reward with a value, 0.0 for an abstention.

    >>> validity([Reward(value=0.3), Reward(value=None)])
    [1.0, 0.0]
    """
    return [0.0 if reward.value is None else 1.0 for reward in rewards]
