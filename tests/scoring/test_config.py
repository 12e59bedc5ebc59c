import pytest
from pydantic import ValidationError

from rubricrl.scoring import EngineConfig


def test_defaults_and_limits() -> None:
    config = EngineConfig()
    assert config.max_attempts == 4 and config.mode == "per_criterion"
    with pytest.raises(ValidationError):
        EngineConfig(concurrency=0)
    with pytest.raises(ValidationError):
        EngineConfig(unknown_field=1)  # type: ignore[call-arg]
