"""Run the reward service under uvicorn with a graceful shutdown.

On SIGTERM/SIGINT the server stops accepting connections, ``/ready`` turns 503, and requests in
flight get up to ``shutdown_deadline_s`` to finish (they are answered normally). Requests still
running at the deadline are cancelled and their samples appended to ``journal_path``. The first
stdout line is ``listening on http://HOST:PORT`` (the real port when ``port`` is 0).
"""

from __future__ import annotations

import importlib.util
import math
import socket
import sys
from types import FrameType

import uvicorn

from rubricrl.judges import Judge, resolve_judge
from rubricrl.rewards._app import create_app
from rubricrl.rewards._config import ServeConfig
from rubricrl.rewards._service import RewardService


class _Server(uvicorn.Server):
    """uvicorn's server, marking the service as draining the moment a signal arrives."""

    def __init__(self, config: uvicorn.Config, service: RewardService) -> None:
        super().__init__(config)
        self.service = service

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        self.service.draining = True
        super().handle_exit(sig, frame)

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        for server in self.servers:
            for sock in server.sockets:
                host, port = sock.getsockname()[:2]
                print(f"listening on http://{host}:{port}", flush=True)
                return


def _fastest(module: str, fallback: str) -> str:
    return module if importlib.util.find_spec(module) is not None else fallback


def serve(config: ServeConfig, judge: Judge | None = None) -> None:
    """Serve until SIGTERM/SIGINT, then shut down gracefully (see the module docstring).

    Args:
        config: Service settings (host, port, bank, judge, limits).
        judge: Optional judge instance instead of ``config.judge``.
    """
    # Resolve the judge before uvicorn starts, so a bad spec is a one-line error, not a failed
    # startup; a judge's network client opens lazily, inside the server's event loop.
    judge = judge or resolve_judge(config.judge, **config.judge_options)
    app = create_app(config, judge)
    uv_config = uvicorn.Config(
        app,
        host=config.host,
        port=config.port,
        log_level=config.log_level,
        access_log=False,
        loop=_fastest("uvloop", "asyncio"),
        http=_fastest("httptools", "h11"),
        timeout_graceful_shutdown=math.ceil(config.shutdown_deadline_s),
        limit_concurrency=None,
        backlog=2048,
    )
    server = _Server(uv_config, app.state.service)
    server.run()
    sys.stdout.flush()
