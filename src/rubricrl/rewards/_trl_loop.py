"""A persistent asyncio event loop in a daemon thread, for calling async code from sync code.

Trainers call reward functions synchronously, once per step. ``asyncio.run`` per call would
make a new loop each step, and anything bound to the previous loop (the judge's aiohttp
session, the engine's semaphore) would then belong to a dead loop. One loop that lives as
long as the reward object keeps those resources valid across steps.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Coroutine
from typing import Any, TypeVar

T = TypeVar("T")


class BackgroundLoop:
    """An event loop running forever in a daemon thread; ``run(coro)`` blocks for its result.

    >>> loop = BackgroundLoop()
    >>> async def two() -> int:
    ...     return 2
    >>> loop.run(two())
    2
    >>> loop.close()
    """

    def __init__(self, name: str = "rubricrl-reward-loop") -> None:
        """Start the loop thread."""
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._serve, name=name, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        asyncio.set_event_loop(self._loop)
        self._loop.run_forever()

    @property
    def closed(self) -> bool:
        """Whether the loop has been stopped."""
        return self._loop.is_closed()

    def run(self, coro: Coroutine[Any, Any, T]) -> T:
        """Run a coroutine on the loop and wait for its result (exceptions propagate).

        Raises:
            RuntimeError: If the loop is closed or the caller is on the loop's own thread.
        """
        if self.closed:
            coro.close()
            raise RuntimeError("the reward's event loop is closed")
        if threading.current_thread() is self._thread:
            coro.close()
            raise RuntimeError("BackgroundLoop.run called from its own loop thread")
        return asyncio.run_coroutine_threadsafe(coro, self._loop).result()

    def close(self) -> None:
        """Stop the loop and join its thread (idempotent)."""
        if self.closed:
            return
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()
