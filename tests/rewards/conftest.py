"""Fixtures for the rewards tests: a real `rubricrl serve` process on loopback."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
RUBRICS = REPO / "rubrics"
START_TIMEOUT_S = 60.0


class ServerProcess:
    """A `python -m rubricrl serve` subprocess; always killed by the fixture's finalizer."""

    def __init__(self, config: dict[str, Any], tmp: Path, env: dict[str, str] | None = None):
        self.config_path = tmp / "serve.json"
        self.config_path.write_text(json.dumps(config))
        self.stdout_path = tmp / "serve.stdout"
        self.stderr_path = tmp / "serve.stderr"
        inherited = {k: v for k, v in os.environ.items() if k != "RUBRICRL_SERVE_TOKEN"}
        full_env = {**inherited, "PYTHONPATH": str(REPO / "src"), **(env or {})}
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "rubricrl", "serve", "--config", str(self.config_path)],
            stdout=self.stdout_path.open("wb"),
            stderr=self.stderr_path.open("wb"),
            env=full_env,
            cwd=str(tmp),
        )
        self.url = self._wait_url()

    def _wait_url(self) -> str:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline:
            text = self.stdout_path.read_text()
            if text.startswith("listening on ") and "\n" in text:
                return text.split("\n", 1)[0].removeprefix("listening on ")
            if self.proc.poll() is not None:
                raise RuntimeError(f"server exited: {self.stderr_path.read_text()[-2000:]}")
            time.sleep(0.05)
        raise RuntimeError("server did not start in time")

    def logs(self) -> str:
        return self.stdout_path.read_text() + self.stderr_path.read_text()

    def terminate(self) -> None:
        self.proc.send_signal(signal.SIGTERM)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
        self.proc.wait(timeout=10)


@pytest.fixture
def start_server(tmp_path: Path) -> Iterator[Any]:
    """Start servers with a config dict (+ env); every one is killed at teardown."""
    started: list[ServerProcess] = []

    def start(config: dict[str, Any], env: dict[str, str] | None = None) -> ServerProcess:
        base = {"port": 0, "rubric_dir": [str(RUBRICS)], "judge": "fake:approve"}
        folder = tmp_path / f"server{len(started)}"
        folder.mkdir()
        server = ServerProcess({**base, **config}, folder, env)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
