"""Refinement wired to the scoring engine: grade samples, then apply the pure steps in order.

``refine_rubric`` runs: decompose (optional, LLM) -> grade the sample responses ->
drop non-discriminating -> drop redundant -> reweight (preference pairs when given, else
correlation-aware). Each step that changes something adds a version; all versions are returned
so they can be stored in the bank and diffed.
"""

from __future__ import annotations

from collections.abc import Sequence

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.generation._decompose import decompose
from rubricrl.generation._refine import (
    RefineStep,
    drop_nondiscriminating,
    drop_redundant,
    reweight_correlation,
    reweight_preferences,
    score_matrix,
)
from rubricrl.judges import Judge
from rubricrl.rubric import Embedder, Reward, Rubric
from rubricrl.scoring import EngineConfig, GradingItem, ScoringEngine


class RefineConfig(BaseModel):
    """Which refinement steps run, and their thresholds."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    decompose: bool = Field(default=False, description="Split broad criteria with the LLM first.")
    min_std: float = Field(default=0.05, ge=0, le=0.5, description="Discrimination threshold.")
    max_correlation: float = Field(default=0.9, ge=0, le=1, description="Redundancy threshold.")
    max_similarity: float = Field(default=0.92, ge=0, le=1, description="Text near-duplicate.")
    reweight: bool = Field(default=True, description="Learn weights from the data.")
    l2: float = Field(default=1.0, gt=0, description="L2 strength of the preference fit.")


class RefinementResult(BaseModel):
    """Every step taken, in order; ``rubric`` is the final version."""

    model_config = ConfigDict(frozen=True)

    rubric: Rubric
    steps: list[RefineStep]

    @property
    def versions(self) -> list[Rubric]:
        """The new versions created, oldest first (unchanged steps add none)."""
        return [step.rubric for step in self.steps if step.changed]


async def grade_samples(
    judge: Judge,
    rubric: Rubric,
    samples: Sequence[tuple[str, str]],
    engine_config: EngineConfig | None = None,
) -> list[Reward]:
    """Grade ``(prompt, response)`` samples under ``rubric``; rewards in input order."""
    items = [
        GradingItem(id=str(index), prompt=prompt, response=response, rubric=rubric)
        for index, (prompt, response) in enumerate(samples)
    ]
    async with ScoringEngine(judge, engine_config, owns_judge=False) as engine:
        return await engine.grade_batch(items)


async def grade_pairs(
    judge: Judge,
    rubric: Rubric,
    pairs: Sequence[tuple[str, str, str]],
    engine_config: EngineConfig | None = None,
) -> tuple[list[Reward], list[Reward]]:
    """Grade ``(prompt, chosen, rejected)`` pairs; returns (chosen rewards, rejected rewards)."""
    samples = [(p, c) for p, c, _ in pairs] + [(p, r) for p, _, r in pairs]
    rewards = await grade_samples(judge, rubric, samples, engine_config)
    return rewards[: len(pairs)], rewards[len(pairs) :]


async def refine_rubric(
    judge: Judge,
    rubric: Rubric,
    samples: Sequence[tuple[str, str]],
    *,
    pairs: Sequence[tuple[str, str, str]] = (),
    config: RefineConfig | None = None,
    engine_config: EngineConfig | None = None,
    embedder: Embedder | None = None,
) -> RefinementResult:
    """Refine a rubric on sampled responses (and preference pairs ``(prompt, chosen, rejected)``).

    The sample responses should vary in quality (e.g. several policy samples per prompt):
    discrimination and correlation are measured over them. Pairs, when given, are graded too
    and drive the weights; grade pairs disjoint from any pairs you evaluate on.
    """
    config = config or RefineConfig()
    steps: list[RefineStep] = []
    if config.decompose:
        steps.append(await decompose(judge, rubric))
        rubric = steps[-1].rubric
    pair_list = list(pairs)
    all_samples = (
        list(samples) + [(p, c) for p, c, _ in pair_list] + [(p, r) for p, _, r in pair_list]
    )
    rewards = await grade_samples(judge, rubric, all_samples, engine_config)
    steps.append(drop_nondiscriminating(rubric, score_matrix(rubric, rewards), config.min_std))
    rubric = steps[-1].rubric
    steps.append(
        drop_redundant(
            rubric,
            score_matrix(rubric, rewards),
            max_correlation=config.max_correlation,
            max_similarity=config.max_similarity,
            embedder=embedder,
        )
    )
    rubric = steps[-1].rubric
    if config.reweight:
        matrix = score_matrix(rubric, rewards)
        if pair_list:
            offset = len(samples)
            chosen = matrix[offset : offset + len(pair_list)]
            rejected = matrix[offset + len(pair_list) :]
            steps.append(reweight_preferences(rubric, chosen, rejected, config.l2))
        else:
            steps.append(reweight_correlation(rubric, matrix))
        rubric = steps[-1].rubric
    return RefinementResult(rubric=rubric, steps=steps)
