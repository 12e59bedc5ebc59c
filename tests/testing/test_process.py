"""The fake server as a real subprocess: URL on stdout, several workers on one port, clean stop."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from rubricrl.judges import JudgeCall, OpenAIJudge
from rubricrl.testing import FakeServerConfig, FakeServerProcess

pytestmark = pytest.mark.server
SCHEMA = {
    "type": "object",
    "properties": {"evidence": {"type": "string"}, "met": {"type": "boolean"}},
}


def test_starts_prints_url_and_stops() -> None:
    with FakeServerProcess() as server:
        pid = server.pid
        assert server.url.startswith("http://127.0.0.1:") and server.url.endswith("/v1")
        assert server.get("/health") == {"status": "ok"}
    assert not Path(f"/proc/{pid}").exists() or "zombie" in Path(f"/proc/{pid}/status").read_text()


def test_api_key_travels_in_the_environment_not_argv() -> None:
    with FakeServerProcess(FakeServerConfig(api_key="sk-argv-check")) as server:
        argv = Path(f"/proc/{server.pid}/cmdline").read_bytes().decode()
    assert "sk-argv-check" not in argv


async def _calls(url: str, count: int) -> None:
    async with OpenAIJudge("m", url, max_concurrency=32) as judge:
        calls = [
            JudgeCall(messages=({"role": "user", "content": str(i)},), schema=SCHEMA)
            for i in range(count)
        ]
        await asyncio.gather(*(judge.complete(call) for call in calls))


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="Linux only")
def test_two_workers_share_the_port_and_the_counters() -> None:
    with FakeServerProcess(FakeServerConfig(workers=2)) as server:
        asyncio.run(_calls(server.url, 200))
        stats = server.get("/stats")
    assert stats["workers"] == 2 and stats["ok"] == 200
