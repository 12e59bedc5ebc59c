"""Start the fake OpenAI server as a real child process and stop it again."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path
from typing import Any

import rubricrl
from rubricrl.testing._server import FakeServerConfig

_DEFAULTS = FakeServerConfig()


def _flags(config: FakeServerConfig) -> list[str]:
    flags: list[str] = []
    for name, value in config.model_dump(exclude={"api_key"}).items():
        if value == getattr(_DEFAULTS, name):
            continue
        flag = "--" + name.replace("_", "-")
        if isinstance(value, bool):
            flags.append(flag)
        elif isinstance(value, tuple | list):
            flags += [flag, ",".join(value)]
        else:
            flags += [flag, str(value)]
    return flags


class FakeServerProcess:
    """``python -m rubricrl.testing.fake_openai_server`` in a subprocess, as a context manager.

    The API key (if any) travels in the environment, not on the command line, so it never
    shows in a process listing.

    >>> with FakeServerProcess(FakeServerConfig()) as server:
    ...     server.get("/health")["status"]
    'ok'
    """

    def __init__(
        self, config: FakeServerConfig | None = None, *, startup_timeout_s: float = 30.0
    ) -> None:
        """Create (not start) the process wrapper."""
        self.config = config or FakeServerConfig()
        self.startup_timeout_s = startup_timeout_s
        self.url = ""
        self._process: subprocess.Popen[str] | None = None

    @property
    def pid(self) -> int:
        """The server's process id."""
        assert self._process is not None, "server not started"
        return self._process.pid

    def get(self, path: str) -> Any:
        """GET ``path`` (``/stats``, ``/health``, ``/debug/requests``) on the server's root."""
        root = self.url.removesuffix("/v1")
        with urllib.request.urlopen(root + path, timeout=10) as reply:  # noqa: S310 (loopback)
            return json.loads(reply.read())

    def post(self, path: str) -> Any:
        """POST an empty body to ``path`` (e.g. ``/stats/reset``)."""
        request = urllib.request.Request(self.url.removesuffix("/v1") + path, method="POST")
        with urllib.request.urlopen(request, timeout=10) as reply:  # noqa: S310 (loopback)
            return json.loads(reply.read())

    def __enter__(self) -> FakeServerProcess:
        environment = dict(os.environ)
        # The child must import the same rubricrl as this process (e.g. a source checkout).
        package_root = str(Path(rubricrl.__file__).resolve().parent.parent)
        inherited = environment.get("PYTHONPATH")
        environment["PYTHONPATH"] = (
            package_root + os.pathsep + inherited if inherited else package_root
        )
        if self.config.api_key:
            environment["RUBRICRL_FAKE_SERVER_API_KEY"] = self.config.api_key
        command = [
            sys.executable,
            "-m",
            "rubricrl.testing.fake_openai_server",
            *_flags(self.config),
        ]
        self._process = subprocess.Popen(
            command, stdout=subprocess.PIPE, text=True, env=environment
        )
        self.url = self._read_url()
        return self

    def _read_url(self) -> str:
        assert self._process is not None and self._process.stdout is not None
        lines: list[str] = []
        reader = threading.Thread(target=lambda: lines.append(self._stdout_line()), daemon=True)
        reader.start()
        reader.join(self.startup_timeout_s)
        if not lines or not lines[0].startswith("http://"):
            self.stop()
            raise RuntimeError(f"fake server did not start (first line: {lines[:1]!r})")
        return lines[0].strip()

    def _stdout_line(self) -> str:
        assert self._process is not None and self._process.stdout is not None
        return self._process.stdout.readline()

    def stop(self) -> None:
        """Terminate the server (SIGTERM, then SIGKILL after 5 s)."""
        if self._process is None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=5)
        if self._process.stdout is not None:
            self._process.stdout.close()
        self._process = None

    def __exit__(self, *exc: object) -> None:
        self.stop()
