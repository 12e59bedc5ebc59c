"""Tests of the background event loop (rubricrl.rewards._trl_loop)."""

import asyncio

import pytest

from rubricrl.rewards._trl_loop import BackgroundLoop


def test_loop_persists_between_runs() -> None:
    loop = BackgroundLoop()

    async def current() -> asyncio.AbstractEventLoop:
        return asyncio.get_running_loop()

    try:
        assert loop.run(current()) is loop.run(current())
    finally:
        loop.close()


def test_exceptions_propagate_and_closed_loop_refuses() -> None:
    loop = BackgroundLoop()

    async def boom() -> None:
        raise KeyError("x")

    with pytest.raises(KeyError):
        loop.run(boom())
    loop.close()
    loop.close()
    with pytest.raises(RuntimeError, match="closed"):
        loop.run(boom())
