from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rubricrl.rewards import group_neutral_values, validity
from rubricrl.rubric import Reward


def test_none_becomes_its_group_mean_and_empty_group_gets_fill() -> None:
    values = [0.2, None, 0.6, None, None]
    groups = ["a", "a", "a", "b", "b"]
    assert group_neutral_values(values, groups, fill=0.9) == [
        0.2,
        pytest.approx(0.4),
        0.6,
        0.9,
        0.9,
    ]


def test_lengths_must_match() -> None:
    with pytest.raises(ValueError, match="2 values but 1"):
        group_neutral_values([0.1, 0.2], ["a"])


@given(st.lists(st.one_of(st.none(), st.floats(0, 1)), min_size=1, max_size=12))
def test_filled_samples_leave_group_mean_unchanged(values: list[float | None]) -> None:
    filled = group_neutral_values(values, ["g"] * len(values), fill=0.5)
    valid = [v for v in values if v is not None]
    assert all(v is not None for v in filled)
    if valid:
        assert sum(filled) / len(filled) == pytest.approx(sum(valid) / len(valid))


def test_validity_flags() -> None:
    assert validity([Reward(value=0.0), Reward(value=None)]) == [1.0, 0.0]
