"""Fixtures for the data tests: small prompt sets and a loopback OpenAI-compatible server."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable
from typing import Any

import pytest
from aiohttp import web

from rubricrl.data import PromptRow


@pytest.fixture
def prompts() -> list[PromptRow]:
    return [
        PromptRow(id="p1", prompt="Write a poem about the sea.", task="writing"),
        PromptRow(id="p2", prompt=[{"role": "user", "content": "Solve 2x + 3 = 7."}]),
        PromptRow(
            id="p3",
            prompt="Name three colours.",
            rubric={"id": "r3", "criteria": [{"id": "c", "description": "Lists three colours."}]},
        ),
    ]


Handler = Callable[[dict[str, Any], int], tuple[int, dict[str, Any], dict[str, str]]]


def chat_reply(n: int, text: str = "hello there") -> dict[str, Any]:
    return {
        "choices": [
            {
                "index": i,
                "message": {"role": "assistant", "content": f"{text} {i}"},
                "finish_reason": "stop",
            }
            for i in range(n)
        ],
        "usage": {"prompt_tokens": 7, "completion_tokens": 3 * n},
    }


@pytest.fixture
async def openai_server() -> AsyncIterator[Any]:
    """A loopback chat-completions server; set ``server.handler`` to script replies."""

    class Server:
        requests: list[dict[str, Any]] = []
        handler: Handler = staticmethod(  # type: ignore[assignment]
            lambda body, count: (200, chat_reply(int(body.get("n", 1))), {})
        )
        url = ""

    server = Server()
    server.requests = []

    async def handle(request: web.Request) -> web.Response:
        body = await request.json()
        server.requests.append(body)
        status, payload, headers = server.handler(body, len(server.requests))
        return web.Response(
            status=status,
            text=json.dumps(payload),
            headers=headers,
            content_type="application/json",
        )

    app = web.Application()
    app.router.add_post("/v1/chat/completions", handle)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    server.url = f"http://127.0.0.1:{port}/v1"
    yield server
    await runner.cleanup()
    await asyncio.sleep(0)
