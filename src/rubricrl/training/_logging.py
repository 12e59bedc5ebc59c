"""Training logs: every trainer log line to JSONL and TensorBoard events.

TRL's GRPOTrainer puts reward, reward std, completion lengths, KL and the metrics our reward
functions report through ``log_metric`` (per-criterion means, abstain, veto and flag rates)
into the ``logs`` dict of ``on_log``; this callback writes that dict as it is.
"""

from __future__ import annotations

import json
import math
import time
from pathlib import Path
from typing import Any


def finite_scalars(logs: dict[str, Any]) -> dict[str, float]:
    """The loggable numbers of a log dict (NaN, inf, None and non-numbers dropped).

    >>> finite_scalars({"a": 1, "b": float("nan"), "c": None, "d": "x"})
    {'a': 1.0}
    """
    kept = {}
    for key, value in logs.items():
        if isinstance(value, bool) or not isinstance(value, int | float):
            continue
        if math.isfinite(value):
            kept[key] = float(value)
    return kept


class MetricsLogger:
    """Appends each ``on_log`` dict to ``metrics.jsonl`` and writes it to TensorBoard.

    Use :func:`metrics_callback` to get it as a transformers ``TrainerCallback``.
    """

    def __init__(self, log_dir: Path, stage: str) -> None:
        """Log into ``log_dir`` (``metrics.jsonl`` and ``tensorboard/``)."""
        self.log_dir = log_dir
        self.stage = stage
        self.jsonl_path = log_dir / "metrics.jsonl"
        self._writer: Any = None

    def _tensorboard(self) -> Any:
        if self._writer is None:
            from torch.utils.tensorboard import SummaryWriter

            self._writer = SummaryWriter(log_dir=str(self.log_dir / "tensorboard"))
        return self._writer

    def write(self, step: int, logs: dict[str, Any]) -> None:
        """Write one log line to JSONL and TensorBoard."""
        scalars = finite_scalars(logs)
        append_jsonl(
            self.jsonl_path, {"stage": self.stage, "step": step, "time": time.time(), **scalars}
        )
        writer = self._tensorboard()
        for key, value in scalars.items():
            writer.add_scalar(f"{self.stage}/{key}", value, step)
        writer.flush()

    def close(self) -> None:
        """Close the TensorBoard writer."""
        if self._writer is not None:
            self._writer.close()
            self._writer = None


def metrics_callback(log_dir: Path, stage: str) -> Any:
    """A ``TrainerCallback`` that writes every trainer log through a :class:`MetricsLogger`."""
    from transformers import TrainerCallback

    class MetricsCallback(TrainerCallback):
        def __init__(self) -> None:
            self.logger = MetricsLogger(log_dir, stage)

        def on_log(
            self, args: Any, state: Any, control: Any, logs: dict[str, Any] | None = None, **kw: Any
        ) -> None:
            if logs and state.is_world_process_zero:
                self.logger.write(state.global_step, logs)

        def on_train_end(self, args: Any, state: Any, control: Any, **kwargs: Any) -> None:
            self.logger.close()

    return MetricsCallback()


def append_jsonl(path: Path, row: dict[str, Any]) -> None:
    """Append one JSON line (creating folders)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(row) + "\n")
