"""Offline difficulty filter: keep prompts whose mean base-model reward is in a central band.

Rubicon (seed 001, Figure 1) samples the base model on every candidate prompt, scores the
samples with the rubrics and keeps the prompts whose scores fall in a central quantile band:
prompts that always score high or always score low give GRPO no learning signal. Per prompt we
compute the mean, spread and abstain rate of its sample rewards and per-criterion pass rates,
then drop, in this order and with the first reason that applies:

1. ``abstain_rate``: more than ``max_abstain_rate`` of its samples have reward null;
2. ``too_few_scored``: fewer than ``min_scored`` scored samples;
3. ``too_hard`` / ``too_easy``: the prompt's mean ranks below / above the central band. Each
   eligible prompt gets the mid-rank percentile of its mean, ``(rank + 0.5) / n`` (tied means
   share their average), and is kept when that lies in ``[low_quantile, high_quantile]``: with
   distinct means about ``(high - low) * n`` prompts stay (within one), ties go together, and
   the result is the same whatever the order of the input; per task type when ``per_task``;
4. ``no_spread``: ``max - min`` below ``min_spread`` (all samples tie: zero GRPO advantage).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, model_validator

from rubricrl.data._rollout import split_sample_id
from rubricrl.data._rows import DataError


class FilterConfig(BaseModel):
    """Thresholds of the offline filter (defaults: central 50 %)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    low_quantile: float = Field(default=0.25, ge=0, le=1, description="Lower band edge.")
    high_quantile: float = Field(default=0.75, ge=0, le=1, description="Upper band edge.")
    per_task: bool = Field(default=False, description="Compute the band per task type.")
    min_spread: float = Field(default=1e-6, ge=0, description="Min max-min of sample rewards.")
    max_abstain_rate: float = Field(default=0.5, ge=0, le=1)
    min_scored: int = Field(default=2, ge=1, description="Min scored samples per prompt.")
    pass_threshold: float = Field(default=0.5, ge=0, le=1, description="Criterion 'pass'.")

    @model_validator(mode="after")
    def _ordered(self) -> FilterConfig:
        if self.low_quantile > self.high_quantile:
            raise ValueError("low_quantile must not exceed high_quantile")
        return self


class PromptStats(BaseModel):
    """Per-prompt statistics of scored samples (None where nothing was scored)."""

    prompt_id: str
    task: str | None = None
    samples: int
    scored: int
    mean: float | None
    std: float | None
    min: float | None
    max: float | None
    abstain_rate: float
    criterion_pass_rates: dict[str, float | None] = Field(default_factory=dict)


class FilterReport(BaseModel):
    """What was kept and dropped and why, with the band edges used."""

    config: FilterConfig
    kept: list[str]
    dropped: dict[str, str]
    reasons: dict[str, int]
    bands: dict[str, dict[str, float | int]]
    stats: list[PromptStats]


def band_positions(means: Mapping[str, float]) -> dict[str, float]:
    """Mid-rank percentile of each value in (0, 1); tied values share their average position.

    >>> band_positions({"a": 0.2, "b": 0.9, "c": 0.2, "d": 0.5})
    {'a': 0.25, 'b': 0.875, 'c': 0.25, 'd': 0.625}
    """
    ordered = sorted(means.values())
    count = len(ordered)
    first: dict[float, int] = {}
    last: dict[float, int] = {}
    for rank, value in enumerate(ordered):
        first.setdefault(value, rank)
        last[value] = rank
    # The tie group occupies ranks first..last; its mid-rank percentile is the group's centre.
    return {key: ((first[value] + last[value]) / 2 + 0.5) / count for key, value in means.items()}


def select_band(
    means: Mapping[str, float], low_quantile: float, high_quantile: float
) -> tuple[set[str], float, float]:
    """Keys whose mid-rank percentile lies in ``[low_quantile, high_quantile]``, and the band.

    The band edges returned are the lowest and highest kept values (NaN when none is kept).
    Tied values are kept or dropped together.

    >>> kept, low, high = select_band({"a": 0.0, "b": 0.5, "c": 1.0, "d": 0.6}, 0.25, 0.75)
    >>> sorted(kept), low, high
    (['b', 'd'], 0.5, 0.6)
    """
    positions = band_positions(means)
    kept = {key for key, p in positions.items() if low_quantile <= p <= high_quantile}
    if not kept:
        return kept, math.nan, math.nan
    values = [means[key] for key in kept]
    return kept, min(values), max(values)


def _criteria_pass_rates(
    criteria_lists: Sequence[Sequence[Mapping[str, Any]]], threshold: float
) -> dict[str, float | None]:
    passed: Counter[str] = Counter()
    scored: Counter[str] = Counter()
    seen: set[str] = set()
    for criteria in criteria_lists:
        for criterion in criteria:
            cid = str(criterion.get("id"))
            seen.add(cid)
            score = criterion.get("score")
            if criterion.get("status", "ok") == "ok" and isinstance(score, int | float):
                scored[cid] += 1
                passed[cid] += score >= threshold
    return {cid: (passed[cid] / scored[cid] if scored[cid] else None) for cid in sorted(seen)}


def prompt_stats(
    graded_rows: Iterable[Mapping[str, Any]],
    rollout_rows: Iterable[Mapping[str, Any]] = (),
    *,
    pass_threshold: float = 0.5,
) -> list[PromptStats]:
    """Group graded rows by prompt and summarise them.

    Args:
        graded_rows: ``rubricrl grade`` output rows (``id``, ``reward``, ``criteria``).
        rollout_rows: Rollout rows, to map ids to prompt ids and tasks; without them the id
            must be ``PROMPT_ID#INDEX``.
        pass_threshold: Criterion score counted as a pass.

    Raises:
        DataError: A graded row with no id, or a non-numeric reward.
    """
    meta = {str(r["id"]): r for r in rollout_rows}
    rewards: dict[str, list[float | None]] = defaultdict(list)
    criteria: dict[str, list[Sequence[Mapping[str, Any]]]] = defaultdict(list)
    tasks: dict[str, str | None] = {}
    for row in graded_rows:
        row_id = str(row.get("id", ""))
        source = meta.get(row_id)
        prompt_id = str(source["prompt_id"]) if source else split_sample_id(row_id)[0]
        reward = row.get("reward")
        if reward is not None and (isinstance(reward, bool) or not isinstance(reward, int | float)):
            raise DataError(f"graded row {row_id!r}: reward must be a number or null")
        rewards[prompt_id].append(None if reward is None else float(reward))
        criteria[prompt_id].append(row.get("criteria") or [])
        tasks.setdefault(prompt_id, source.get("task") if source else None)
    return [
        _stats(pid, tasks[pid], values, criteria[pid], pass_threshold)
        for pid, values in rewards.items()
    ]


def _stats(
    prompt_id: str,
    task: str | None,
    values: list[float | None],
    criteria: list[Sequence[Mapping[str, Any]]],
    pass_threshold: float,
) -> PromptStats:
    scored = np.array([v for v in values if v is not None], dtype=float)
    has = scored.size > 0
    return PromptStats(
        prompt_id=prompt_id,
        task=task,
        samples=len(values),
        scored=int(scored.size),
        mean=float(scored.mean()) if has else None,
        std=float(scored.std()) if has else None,
        min=float(scored.min()) if has else None,
        max=float(scored.max()) if has else None,
        abstain_rate=1.0 - scored.size / len(values),
        criterion_pass_rates=_criteria_pass_rates(criteria, pass_threshold),
    )


def _first_reason(stats: PromptStats, config: FilterConfig) -> str | None:
    if stats.abstain_rate > config.max_abstain_rate:
        return "abstain_rate"
    if stats.scored < config.min_scored:
        return "too_few_scored"
    return None


def filter_prompts(stats: Sequence[PromptStats], config: FilterConfig) -> FilterReport:
    """Apply the filter (module docstring) and report what was kept and why others were not.

    >>> s = [PromptStats(prompt_id=p, samples=2, scored=2, mean=m, std=0.1, min=m - 0.1,
    ...      max=m + 0.1, abstain_rate=0.0) for p, m in [("a", 0.1), ("b", 0.5), ("c", 0.9)]]
    >>> filter_prompts(s, FilterConfig()).dropped
    {'a': 'too_hard', 'c': 'too_easy'}
    """
    dropped: dict[str, str] = {}
    groups: dict[str, dict[str, float]] = defaultdict(dict)
    by_id = {s.prompt_id: s for s in stats}
    for s in stats:
        reason = _first_reason(s, config)
        if reason:
            dropped[s.prompt_id] = reason
        elif s.mean is not None:
            groups[(s.task or "-") if config.per_task else "all"][s.prompt_id] = s.mean
    bands: dict[str, dict[str, float | int]] = {}
    for group, means in sorted(groups.items()):
        kept, low, high = select_band(means, config.low_quantile, config.high_quantile)
        bands[group] = {"low": low, "high": high, "eligible": len(means), "in_band": len(kept)}
        positions = band_positions(means)
        for pid in means:
            if pid not in kept:
                too_hard = positions[pid] < config.low_quantile
                dropped[pid] = "too_hard" if too_hard else "too_easy"
            elif _spread(by_id[pid]) < config.min_spread:
                dropped[pid] = "no_spread"
    kept_ids = [s.prompt_id for s in stats if s.prompt_id not in dropped]
    return FilterReport(
        config=config,
        kept=kept_ids,
        dropped=dict(sorted(dropped.items())),
        reasons=dict(Counter(dropped.values())),
        bands=bands,
        stats=list(stats),
    )


def _spread(stats: PromptStats) -> float:
    if stats.max is None or stats.min is None:
        return 0.0
    return stats.max - stats.min


def report_markdown(report: FilterReport) -> str:
    """A short human summary of a filter report."""
    lines = [
        "# Offline filter report",
        "",
        f"kept {len(report.kept)} of {len(report.stats)} prompts "
        f"(band {report.config.low_quantile:g}-{report.config.high_quantile:g} quantile)",
        "",
        "| reason | prompts |",
        "|---|---|",
    ]
    lines += [f"| {reason} | {count} |" for reason, count in sorted(report.reasons.items())]
    lines += ["", "| group | low | high | eligible | in band |", "|---|---|---|---|---|"]
    for group, band in report.bands.items():
        lines.append(
            f"| {group} | {band['low']:.3f} | {band['high']:.3f} | {band['eligible']} "
            f"| {band['in_band']} |"
        )
    return "\n".join(lines) + "\n"
