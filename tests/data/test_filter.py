from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from rubricrl.data import (
    DataError,
    FilterConfig,
    PromptStats,
    band_positions,
    filter_prompts,
    prompt_stats,
    report_markdown,
    select_band,
)


def graded(pid: str, rewards: list[float | None], passes: list[bool] | None = None) -> list[dict]:
    rows = []
    for i, reward in enumerate(rewards):
        criteria = [
            {"id": "c1", "score": 1.0 if (passes or [True] * 9)[i] else 0.0, "status": "ok"},
            {"id": "c2", "score": None, "status": "abstained"},
        ]
        rows.append({"id": f"{pid}#{i}", "reward": reward, "criteria": criteria})
    return rows


def test_prompt_stats_hand_values() -> None:
    rows = graded("a", [0.2, 0.4, None, 0.6], passes=[True, False, True, True])
    (stats,) = prompt_stats(rows)
    assert stats.prompt_id == "a" and stats.samples == 4 and stats.scored == 3
    assert stats.mean == pytest.approx(0.4) and stats.abstain_rate == pytest.approx(0.25)
    assert stats.std == pytest.approx(math.sqrt(((0.2**2) * 2) / 3))
    assert (stats.min, stats.max) == (0.2, 0.6)
    assert stats.criterion_pass_rates == {"c1": 0.75, "c2": None}


def test_prompt_stats_uses_rollout_rows_for_ids_and_tasks() -> None:
    rollouts = [{"id": "x", "prompt_id": "p", "task": "writing", "response": ""}]
    (stats,) = prompt_stats([{"id": "x", "reward": 1.0, "criteria": []}], rollouts)
    assert (stats.prompt_id, stats.task) == ("p", "writing")


def test_prompt_stats_rejects_non_numeric_rewards() -> None:
    with pytest.raises(DataError, match="reward must be a number or null"):
        prompt_stats([{"id": "a#0", "reward": "0.5"}])
    with pytest.raises(DataError):
        prompt_stats([{"id": "a#0", "reward": True}])
    with pytest.raises(DataError, match="PROMPT_ID#SAMPLE_INDEX"):
        prompt_stats([{"id": "a", "reward": 0.5}])


def make(pid: str, values: list[float | None], task: str | None = None) -> PromptStats:
    (stats,) = prompt_stats(graded(pid, values))
    return stats.model_copy(update={"task": task})


def test_filter_reasons_in_order() -> None:
    stats = [
        make("abstains", [None, None, 0.5]),
        make("lonely", [0.5, None]),
        make("hard", [0.0, 0.1, 0.0]),
        make("easy", [1.0, 0.9, 1.0]),
        make("tie", [0.5, 0.5, 0.5]),
        make("good1", [0.3, 0.6, 0.5]),
        make("good2", [0.6, 0.4, 0.5]),
        make("good3", [0.2, 0.8, 0.6]),
    ]
    report = filter_prompts(stats, FilterConfig(low_quantile=0.2, high_quantile=0.8))
    assert report.dropped == {
        "abstains": "abstain_rate",
        "easy": "too_easy",
        "hard": "too_hard",
        "lonely": "too_few_scored",
        "tie": "no_spread",
    }
    assert report.kept == ["good1", "good2", "good3"]
    assert report.bands["all"]["eligible"] == 6 and report.bands["all"]["in_band"] == 4
    assert "no_spread | 1" in report_markdown(report)


def test_per_task_bands_are_separate() -> None:
    stats = [make(f"w{i}", [0.1 * i, 0.1 * i + 0.05], "writing") for i in range(1, 4)]
    stats += [make(f"m{i}", [0.1 * i + 0.5, 0.1 * i + 0.55], "math") for i in range(1, 4)]
    config = FilterConfig(low_quantile=0.3, high_quantile=0.7)
    assert filter_prompts(stats, config).kept == ["w3", "m1"]  # global band: the middle two
    per_task = filter_prompts(stats, config.model_copy(update={"per_task": True}))
    assert per_task.kept == ["w2", "m2"]
    assert set(per_task.bands) == {"writing", "math"}


def test_config_validation() -> None:
    with pytest.raises(ValidationError):
        FilterConfig(low_quantile=0.8, high_quantile=0.2)


def test_band_positions_ties_share_a_position() -> None:
    positions = band_positions({"a": 1.0, "b": 1.0, "c": 0.0})
    assert positions["a"] == positions["b"] == pytest.approx(2 / 3)
    assert positions["c"] == pytest.approx(1 / 6)


means_strategy = st.dictionaries(
    st.text(min_size=1, max_size=4), st.floats(0, 1, allow_nan=False), min_size=1, max_size=30
)
band_strategy = st.tuples(st.floats(0, 1), st.floats(0, 1)).map(sorted)


@settings(max_examples=60, deadline=None)
@given(means_strategy, band_strategy)
def test_band_keeps_a_subset_inside_its_edges(means: dict[str, float], band: list[float]) -> None:
    kept, low, high = select_band(means, band[0], band[1])
    assert kept <= set(means)
    if kept:
        assert all(low <= means[k] <= high for k in kept)
        # Convex: every value strictly between kept values is kept too.
        assert all(k in kept for k, v in means.items() if low < v < high)
    else:
        assert math.isnan(low) and math.isnan(high)


@settings(max_examples=60, deadline=None)
@given(means_strategy, band_strategy)
def test_band_treats_ties_alike(means: dict[str, float], band: list[float]) -> None:
    kept, _, _ = select_band(means, band[0], band[1])
    for a in means:
        for b in means:
            if means[a] == means[b]:
                assert (a in kept) == (b in kept)


@settings(max_examples=60, deadline=None)
@given(means_strategy, band_strategy, band_strategy)
def test_wider_band_keeps_a_superset(
    means: dict[str, float], inner: list[float], outer: list[float]
) -> None:
    low, high = min(inner[0], outer[0]), max(inner[1], outer[1])
    assert select_band(means, inner[0], inner[1])[0] <= select_band(means, low, high)[0]


@settings(max_examples=60, deadline=None)
@given(means_strategy)
def test_full_band_keeps_everything(means: dict[str, float]) -> None:
    assert select_band(means, 0.0, 1.0)[0] == set(means)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.floats(0, 1, allow_nan=False), min_size=1, max_size=80, unique=True), band_strategy
)
def test_distinct_values_keep_the_band_share(values: list[float], band: list[float]) -> None:
    means = {str(i): v for i, v in enumerate(values)}
    kept, _, _ = select_band(means, band[0], band[1])
    assert abs(len(kept) - (band[1] - band[0]) * len(values)) <= 1 + 1e-9
