"""Refinement steps; each returns a new rubric version whose provenance records the step.

Steps (composable, each a function ``rubric -> RefineStep``):

- ``drop_nondiscriminating``: remove criteria whose observed scores barely vary.
- ``drop_redundant``: remove the later criterion of each highly correlated pair, or of each
  pair with near-duplicate text (embedding cosine).
- ``reweight_correlation``: correlation-aware weights (see ``_stats``).
- ``reweight_preferences``: Bradley-Terry weights fitted on preference pairs.
- ``decompose`` (LLM, in ``_decompose``): split broad criteria into specific ones.

A step that would leave the rubric without a positive criterion changes nothing and says why.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from rubricrl.generation._stats import (
    Matrix,
    correlated_pairs,
    correlation_aware_weights,
    discrimination,
    fit_preference_weights,
    similar_pairs,
)
from rubricrl.rubric import Criterion, Embedder, Reward, Rubric, resolve_embedder

WEIGHT_LIMIT = 100.0


class RefineStep(BaseModel):
    """The outcome of one refinement step: the new version (or the unchanged rubric) and why."""

    model_config = ConfigDict(frozen=True)

    step: str
    rubric: Rubric
    changed: bool
    detail: str = Field(default="", description="What the step did, for humans and provenance.")


def next_version(version: str) -> str:
    """``"3"`` -> ``"4"``; a non-numeric version gets ``.1`` appended (``"1.2"`` -> ``"1.2.1"``).

    >>> next_version("1"), next_version("1.2")
    ('2', '1.2.1')
    """
    return str(int(version) + 1) if version.isdigit() else f"{version}.1"[:32]


def new_version(rubric: Rubric, criteria: Sequence[Criterion], step: str, detail: str) -> Rubric:
    """A child version of ``rubric`` with new criteria and provenance naming the parent and step.

    A human rubric edited by a machine step becomes ``hybrid``; llm and hybrid stay as they are.
    """
    source = "hybrid" if rubric.provenance.source == "human" else rubric.provenance.source
    interactions = tuple(
        i
        for i in rubric.aggregation.interactions
        if {i.a, i.b} <= {criterion.id for criterion in criteria}
    )
    provenance = rubric.provenance.model_copy(
        update={
            "source": source,
            "parent_id": rubric.id,
            "parent_version": rubric.version,
            "parent_hash": rubric.content_hash,
            "note": f"refine:{step} {detail}"[:8000],
        }
    )
    return Rubric.model_validate(
        rubric.model_dump()
        | {
            "version": next_version(rubric.version),
            "criteria": [c.model_dump() for c in criteria],
            "aggregation": rubric.aggregation.model_copy(update={"interactions": interactions}),
            "provenance": provenance,
        }
    )


def score_matrix(rubric: Rubric, rewards: Sequence[Reward]) -> Matrix:
    """Rows = rewards, columns = the rubric's criteria; NaN where a criterion was not scored."""
    column = {criterion.id: index for index, criterion in enumerate(rubric.criteria)}
    matrix = np.full((len(rewards), len(rubric.criteria)), np.nan)
    for row, reward in enumerate(rewards):
        for score in reward.criteria:
            if score.score is not None and score.id in column:
                matrix[row, column[score.id]] = score.score
    return matrix


def _without(rubric: Rubric, drop: set[str], step: str, detail: str) -> RefineStep:
    kept = [c for c in rubric.criteria if c.id not in drop]
    if not drop:
        return RefineStep(step=step, rubric=rubric, changed=False, detail="nothing to drop")
    if not any(c.weight > 0 and not c.veto for c in kept) and not any(c.veto for c in kept):
        reason = f"kept all: dropping {sorted(drop)} would leave no positive criterion"
        return RefineStep(step=step, rubric=rubric, changed=False, detail=reason)
    full = f"dropped {sorted(drop)}; {detail}"
    return RefineStep(
        step=step, rubric=new_version(rubric, kept, step, full), changed=True, detail=full
    )


def drop_nondiscriminating(rubric: Rubric, scores: Matrix, min_std: float = 0.05) -> RefineStep:
    """Drop criteria whose observed scores have standard deviation below ``min_std``.

    Criteria with fewer than two observations are kept (no evidence either way); veto criteria
    are kept (a hard constraint that never fires still guards against rare failures).
    """
    spread = discrimination(scores)
    drop = {
        criterion.id
        for criterion, value in zip(rubric.criteria, spread, strict=True)
        if not criterion.veto and not np.isnan(value) and value < min_std
    }
    detail = f"min_std={min_std} over {scores.shape[0]} responses"
    return _without(rubric, drop, "drop_nondiscriminating", detail)


def drop_redundant(
    rubric: Rubric,
    scores: Matrix | None = None,
    *,
    max_correlation: float = 0.9,
    max_similarity: float = 0.92,
    embedder: Embedder | None = None,
) -> RefineStep:
    """Drop the later criterion of each pair that is highly correlated or near-duplicate text.

    The earlier criterion keeps its place; a criterion already dropped is not used to drop
    another. Veto criteria are never dropped.
    """
    pairs = []
    if scores is not None:
        pairs += [(i, j, f"r={r:.2f}") for i, j, r in correlated_pairs(scores, max_correlation)]
    embedder = embedder or resolve_embedder("hashing")
    vectors = embedder.embed([c.description for c in rubric.criteria]).astype(np.float64)
    pairs += [(i, j, f"cos={s:.2f}") for i, j, s in similar_pairs(vectors, max_similarity)]
    drop: set[str] = set()
    reasons = []
    for i, j, why in sorted(pairs):
        first, second = rubric.criteria[i], rubric.criteria[j]
        if first.id in drop or second.id in drop or second.veto:
            continue
        drop.add(second.id)
        reasons.append(f"{second.id}~{first.id} ({why})")
    detail = f"max_correlation={max_correlation} max_similarity={max_similarity} " + ", ".join(
        reasons
    )
    return _without(rubric, drop, "drop_redundant", detail)


def _reweighted(rubric: Rubric, weights: Matrix, step: str, detail: str) -> RefineStep:
    clipped = np.clip(np.round(weights, 4), -WEIGHT_LIMIT, WEIGHT_LIMIT)
    criteria = [
        c if c.veto else c.model_copy(update={"weight": float(w)})
        for c, w in zip(rubric.criteria, clipped, strict=True)
    ]
    if not any(c.weight > 0 and not c.veto for c in criteria):
        why = "kept weights: the fit left no positive criterion"
        return RefineStep(step=step, rubric=rubric, changed=False, detail=why)
    if [c.weight for c in criteria] == [c.weight for c in rubric.criteria]:
        return RefineStep(step=step, rubric=rubric, changed=False, detail="weights unchanged")
    return RefineStep(
        step=step, rubric=new_version(rubric, criteria, step, detail), changed=True, detail=detail
    )


def reweight_correlation(rubric: Rubric, scores: Matrix) -> RefineStep:
    """Correlation-aware weights from a score matrix (see ``_stats``)."""
    weights = np.array([c.weight for c in rubric.criteria], dtype=np.float64)
    adjusted = correlation_aware_weights(weights, scores)
    detail = f"correlation-aware over {scores.shape[0]} responses"
    return _reweighted(rubric, adjusted, "reweight_correlation", detail)


def reweight_preferences(
    rubric: Rubric, chosen: Matrix, rejected: Matrix, l2: float = 1.0
) -> RefineStep:
    """Weights fitted to preference pairs (Bradley-Terry with L2), scaled to the old total.

    The fitted weights are rescaled so the sum of positive weights equals the rubric's old sum
    of positive weights (the reward's scale stays comparable across versions).
    """
    fitted = fit_preference_weights(chosen, rejected, l2=l2)
    old_total = sum(c.weight for c in rubric.criteria if c.weight > 0 and not c.veto)
    positive_total = float(fitted[fitted > 0].sum())
    if positive_total > 0:
        fitted = fitted * (old_total / positive_total)
    detail = f"bradley-terry l2={l2} on {chosen.shape[0]} pairs"
    return _reweighted(rubric, fitted, "reweight_preferences", detail)
