"""The update loop: from scoring and training statistics, propose rubric edits for review.

Signals and the edit each proposes (thresholds in :class:`UpdatePolicy`):

- a criterion (almost) always met or never met over many graded responses: ``drop`` it, since
  it gives no learning signal (Rubicon keeps rubrics that still separate rollouts);
- high judge disagreement on a criterion (two judges, or a judge against itself on a rerun):
  ``downweight`` it by the agreement rate, since its grades are noisy;
- many rewards carrying hacking flags: ``enable_defense`` (add the shipped defense rubric as a
  veto) and name the flags.

``propose_updates`` only reports; ``apply_proposals`` builds the new version with the
proposals in its provenance note. Nothing is stored or used for training until someone
accepts it (e.g. by adding it to the bank).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from rubricrl.generation._refine import new_version, score_matrix
from rubricrl.generation._stats import met_rate
from rubricrl.rubric import Reward, Rubric


class UpdatePolicy(BaseModel):
    """Thresholds of the update loop."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_observations: int = Field(default=20, ge=1, description="Scores needed per criterion.")
    saturated_above: float = Field(default=0.97, ge=0, le=1, description="'Always met' rate.")
    starved_below: float = Field(default=0.03, ge=0, le=1, description="'Never met' rate.")
    max_disagreement: float = Field(default=0.3, ge=0, le=1, description="Disagreement rate.")
    max_flag_rate: float = Field(default=0.1, ge=0, le=1, description="Hacking-flag rate.")


class Proposal(BaseModel):
    """One proposed edit, with the evidence behind it."""

    model_config = ConfigDict(frozen=True)

    action: Literal["drop", "downweight", "enable_defense"]
    criterion_id: str | None = None
    reason: str
    value: float = Field(description="The statistic that triggered it (rate in [0, 1]).")


def judge_disagreement(first: Sequence[Reward], second: Sequence[Reward]) -> dict[str, float]:
    """Per criterion, the share of responses (both scored) on which two gradings differ.

    >>> from rubricrl.rubric import CriterionScore
    >>> a = [Reward(value=1, criteria=[CriterionScore(id="c", score=1.0)])]
    >>> b = [Reward(value=0, criteria=[CriterionScore(id="c", score=0.0)])]
    >>> judge_disagreement(a, b)
    {'c': 1.0}
    """
    differ: Counter[str] = Counter()
    both: Counter[str] = Counter()
    for reward_a, reward_b in zip(first, second, strict=True):
        scores_b = {s.id: s.score for s in reward_b.criteria}
        for score in reward_a.criteria:
            other = scores_b.get(score.id)
            if score.score is None or other is None:
                continue
            both[score.id] += 1
            differ[score.id] += abs(score.score - other) > 1e-9
    return {cid: differ[cid] / both[cid] for cid in both}


def _saturation(rubric: Rubric, rewards: Sequence[Reward], policy: UpdatePolicy) -> list[Proposal]:
    matrix = score_matrix(rubric, rewards)
    observed = (~np.isnan(matrix)).sum(axis=0)
    proposals = []
    for criterion, rate, count in zip(rubric.criteria, met_rate(matrix), observed, strict=True):
        if criterion.veto or count < policy.min_observations or np.isnan(rate):
            continue
        if rate >= policy.saturated_above or rate <= policy.starved_below:
            label = "always met" if rate >= policy.saturated_above else "never met"
            reason = f"{label}: mean score {rate:.3f} over {int(count)} responses"
            proposals.append(
                Proposal(action="drop", criterion_id=criterion.id, reason=reason, value=rate)
            )
    return proposals


def propose_updates(
    rubric: Rubric,
    rewards: Sequence[Reward],
    *,
    disagreement: Mapping[str, float] | None = None,
    policy: UpdatePolicy | None = None,
) -> list[Proposal]:
    """Proposals for one rubric from its graded rewards (and per-criterion disagreement)."""
    policy = policy or UpdatePolicy()
    proposals = _saturation(rubric, rewards, policy)
    dropped = {p.criterion_id for p in proposals}
    for criterion in rubric.criteria:
        rate = (disagreement or {}).get(criterion.id)
        if rate is not None and rate > policy.max_disagreement and criterion.id not in dropped:
            reason = f"judges disagree on {rate:.0%} of responses"
            proposals.append(
                Proposal(action="downweight", criterion_id=criterion.id, reason=reason, value=rate)
            )
    flagged = Counter(flag.name for reward in rewards for flag in reward.flags)
    flag_rate = sum(1 for r in rewards if r.flags) / len(rewards) if rewards else 0.0
    if flag_rate > policy.max_flag_rate and not rubric.defense:
        names = ", ".join(f"{name} x{count}" for name, count in flagged.most_common(5))
        proposals.append(
            Proposal(
                action="enable_defense",
                reason=f"{flag_rate:.0%} of rewards carry hacking flags ({names})",
                value=flag_rate,
            )
        )
    return proposals


def apply_proposals(rubric: Rubric, proposals: Sequence[Proposal]) -> Rubric:
    """The new version with every proposal applied (for review); the note lists them.

    A drop that would leave no positive criterion is skipped (and says so in the note).
    """
    drops = {p.criterion_id for p in proposals if p.action == "drop"}
    # Floor of 0.1: a noisy criterion is damped, not silently removed (removal is a "drop").
    factors = {
        p.criterion_id: max(0.1, 1.0 - p.value) for p in proposals if p.action == "downweight"
    }
    kept = [c for c in rubric.criteria if c.id not in drops]
    notes = [
        f"{p.action} {p.criterion_id or ''} ({p.reason})".replace("  ", " ") for p in proposals
    ]
    if not any(c.weight > 0 and not c.veto for c in kept):
        kept = list(rubric.criteria)
        notes.append("drops skipped: no positive criterion would remain")
    criteria = [
        c.model_copy(update={"weight": round(c.weight * factors[c.id], 4)})
        if c.id in factors
        else c
        for c in kept
    ]
    updated = new_version(rubric, criteria, "update", "proposed for review: " + "; ".join(notes))
    if any(p.action == "enable_defense" for p in proposals):
        updated = updated.model_copy(update={"defense": True})
        updated = Rubric.model_validate(updated.model_dump())
    return updated
