from __future__ import annotations

import pytest
from pydantic import ValidationError

from rubricrl.rewards import ServeConfig


def test_token_from_config_or_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("RUBRICRL_SERVE_TOKEN", raising=False)
    assert ServeConfig().token_value() is None
    monkeypatch.setenv("RUBRICRL_SERVE_TOKEN", "env-token")
    assert ServeConfig().token_value() == "env-token"
    config = ServeConfig(token="cfg-token")
    assert config.token_value() == "cfg-token" and "cfg-token" not in repr(config)


def test_unknown_fields_and_bad_limits_rejected() -> None:
    with pytest.raises(ValidationError):
        ServeConfig.model_validate({"max_sample": 3})
    with pytest.raises(ValidationError):
        ServeConfig(max_samples=0)
