"""Build rubricrl reward functions for a stage from its recipe (rubrics, verifiers, defense)."""

from __future__ import annotations

import logging

from rubricrl.defense import DETECTORS, DefenseFlagger, DefensePolicy, with_defense
from rubricrl.rewards.trl import RubricReward
from rubricrl.rubric import Criterion, Rubric, RubricError, load_rubric
from rubricrl.scoring import Flagger, RubricHook
from rubricrl.training._recipe import DefenseSettings, Recipe, RecipeError, RewardSpec

logger = logging.getLogger(__name__)


def defense_parts(settings: DefenseSettings) -> tuple[RubricHook | None, list[Flagger]]:
    """The rubric hook (defense rubric as a veto) and flaggers (detectors) a stage asks for.

    >>> defense_parts(DefenseSettings())
    (None, [])
    """
    hook: RubricHook | None = with_defense if settings.rubric_veto else None
    flaggers: list[Flagger] = []
    if settings.detectors:
        names = DETECTORS + ("semantic",) if settings.semantic else DETECTORS
        flaggers.append(DefenseFlagger(DefensePolicy(detectors=names, policies=settings.policies)))
    return hook, flaggers


def _load_rubrics(spec: RewardSpec, recipe: Recipe) -> dict[str, Rubric]:
    rubrics: dict[str, Rubric] = {}
    for path in spec.rubrics:
        try:
            rubric = load_rubric(recipe.path(path))
        except RubricError as error:
            raise RecipeError(f"reward {spec.name!r}: {error}") from None
        rubrics[rubric.id] = rubric
    if spec.default_rubric is not None and spec.default_rubric not in rubrics:
        raise RecipeError(
            f"reward {spec.name!r}: default_rubric {spec.default_rubric!r} is not among "
            f"its rubrics ({', '.join(sorted(rubrics)) or 'none'})"
        )
    return rubrics


def _verifier_criteria(spec: RewardSpec) -> list[Criterion]:
    return [
        Criterion(
            id=item.id,
            description=f"Passes the {item.verifier.name} check.",
            kind="verifier",
            verifier=item.verifier,
            weight=item.weight,
            veto=item.veto,
        )
        for item in spec.verifiers
    ]


def build_reward(
    spec: RewardSpec, recipe: Recipe, defense: DefenseSettings | None = None
) -> RubricReward:
    """One :class:`RubricReward` from a recipe's reward spec.

    Raises:
        RecipeError: On unreadable rubrics, an unknown default rubric or missing defense.
    """
    rubrics = _load_rubrics(spec, recipe)
    hook, flaggers = defense_parts(defense or DefenseSettings())
    return RubricReward(
        spec.judge,
        rubrics=rubrics,
        default_rubric=spec.default_rubric,
        extra_criteria=_verifier_criteria(spec),
        config=spec.engine,
        flaggers=flaggers,
        rubric_hook=hook,
        name=spec.name,
        judge_options=spec.judge_options,
    )
