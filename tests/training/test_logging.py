"""Training logs to JSONL and TensorBoard (rubricrl.training._logging)."""

import json
from pathlib import Path

import pytest

from rubricrl.training._logging import MetricsLogger, append_jsonl, finite_scalars


def test_finite_scalars_drop_nan_none_and_text() -> None:
    logs = {"a": 1, "b": float("nan"), "c": None, "d": "x", "e": True, "f": float("inf")}
    assert finite_scalars(logs) == {"a": 1.0}


def test_logger_writes_jsonl_and_tensorboard(tmp_path: Path) -> None:
    pytest.importorskip("torch.utils.tensorboard")
    logger = MetricsLogger(tmp_path, "stage1")
    logger.write(3, {"reward": 0.5, "r/abstain_rate": 0.25, "bad": float("nan")})
    logger.close()
    row = json.loads((tmp_path / "metrics.jsonl").read_text())
    assert (row["stage"], row["step"], row["reward"], row["r/abstain_rate"]) == (
        "stage1",
        3,
        0.5,
        0.25,
    )
    assert "bad" not in row
    assert list((tmp_path / "tensorboard").glob("events.out.tfevents.*"))


def test_append_jsonl_creates_folders(tmp_path: Path) -> None:
    append_jsonl(tmp_path / "a" / "b.jsonl", {"x": 1})
    append_jsonl(tmp_path / "a" / "b.jsonl", {"x": 2})
    assert (tmp_path / "a" / "b.jsonl").read_text().count("\n") == 2
