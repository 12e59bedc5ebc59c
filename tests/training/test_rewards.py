"""Stage rewards from recipes (rubricrl.training._rewards)."""

from __future__ import annotations

from pathlib import Path

import pytest

from rubricrl.training import (
    DefenseSettings,
    RecipeError,
    build_reward,
    defense_parts,
    recipe_from_data,
)

POLITE = "id: polite\ncriteria:\n  - id: polite\n    description: Is polite.\n"


def recipe(tmp_path: Path, reward: dict) -> object:
    (tmp_path / "polite.yaml").write_text(POLITE)
    data = {
        "name": "r",
        "stages": [
            {
                "name": "s",
                "rewards": [reward],
                "datasets": [{"source": "inline", "prompts": [{"prompt": "Hi"}]}],
            }
        ],
    }
    return recipe_from_data(data, base_dir=tmp_path)


def test_reward_from_spec_grades(tmp_path: Path) -> None:
    spec = {
        "name": "w",
        "rubrics": ["polite.yaml"],
        "default_rubric": "polite",
        "judge": "fake:approve",
    }
    made = recipe(tmp_path, spec)
    with build_reward(made.stages[0].rewards[0], made) as reward:
        assert reward.__name__ == "w"
        assert reward(prompts=["p"], completions=["c"]) == [1.0]


def test_unknown_default_rubric(tmp_path: Path) -> None:
    made = recipe(tmp_path, {"rubrics": ["polite.yaml"], "default_rubric": "other"})
    with pytest.raises(RecipeError, match="default_rubric 'other' is not among its rubrics"):
        build_reward(made.stages[0].rewards[0], made)


def test_defense_parts_follow_settings() -> None:
    from rubricrl.defense import DefenseFlagger, with_defense

    assert defense_parts(DefenseSettings()) == (None, [])
    hook, flaggers = defense_parts(
        DefenseSettings(rubric_veto=True, detectors=True, policies={"padding": "record"})
    )
    assert hook is with_defense and isinstance(flaggers[0], DefenseFlagger)
    assert flaggers[0].policy.policies["padding"] == "record"


def test_semantic_setting_adds_the_learned_detector() -> None:
    from rubricrl.defense import DETECTORS

    _, plain = defense_parts(DefenseSettings(detectors=True))
    _, learned = defense_parts(DefenseSettings(detectors=True, semantic=True))
    assert plain[0].policy.detectors == DETECTORS
    assert learned[0].policy.detectors == (*DETECTORS, "semantic")


def test_semantic_without_detectors_is_refused() -> None:
    with pytest.raises(ValueError, match="semantic: true needs detectors: true"):
        DefenseSettings(semantic=True)
