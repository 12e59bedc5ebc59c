"""Retries with backoff, a token-bucket rate limit, and request/token budgets."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections.abc import Awaitable, Callable

from rubricrl.judges import JudgeError, JudgeReply
from rubricrl.scoring._stats import RunStats

logger = logging.getLogger(__name__)
MAX_RETRY_AFTER_S = 120.0


class BudgetExceeded(RuntimeError):
    """The run's hard request or token budget is spent."""


class TokenBucket:
    """Async token bucket: ``rate`` tokens per second, at most ``burst`` saved up."""

    def __init__(self, rate: float, burst: int) -> None:
        """Create a full bucket."""
        self.rate = rate
        self.capacity = float(burst)
        self.tokens = float(burst)
        self.updated = time.monotonic()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Wait until one token is available, then take it."""
        async with self._lock:
            while True:
                now = time.monotonic()
                self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
                self.updated = now
                if self.tokens >= 1.0:
                    self.tokens -= 1.0
                    return
                await asyncio.sleep((1.0 - self.tokens) / self.rate)


class Budget:
    """Counts judge requests and tokens against optional caps."""

    def __init__(self, max_requests: int | None, max_tokens: int | None, hard: bool) -> None:
        """Set the caps; ``hard`` stops the run, otherwise one warning is logged."""
        self.max_requests = max_requests
        self.max_tokens = max_tokens
        self.hard = hard
        self.requests = 0
        self.tokens = 0
        self._warned = False

    def exhausted(self) -> str | None:
        """A reason string when a cap is reached, else None."""
        if self.max_requests is not None and self.requests >= self.max_requests:
            return f"request budget of {self.max_requests} spent"
        if self.max_tokens is not None and self.tokens >= self.max_tokens:
            return f"token budget of {self.max_tokens} spent"
        return None

    def before_call(self) -> None:
        """Raise BudgetExceeded (hard cap) or warn once (soft cap) before a new call."""
        reason = self.exhausted()
        if reason is None:
            return
        if self.hard:
            raise BudgetExceeded(reason)
        if not self._warned:
            logger.warning("budget exceeded (soft cap): %s", reason)
            self._warned = True

    def after_call(self, reply: JudgeReply) -> None:
        """Count one finished call."""
        self.requests += 1
        self.tokens += reply.prompt_tokens + reply.completion_tokens


def backoff_delay_s(
    attempt: int, base_s: float, max_s: float, retry_after_s: float | None
) -> float:
    """Delay before retry number ``attempt`` (1-based): full-jitter exponential backoff.

    A server's Retry-After wins when it asks for longer (capped at 120 s).

    >>> backoff_delay_s(1, 0.0, 30.0, None)
    0.0
    >>> backoff_delay_s(2, 0.5, 30.0, 5.0)
    5.0
    """
    delay = random.uniform(0.0, min(max_s, base_s * 2 ** (attempt - 1)))  # noqa: S311 - jitter
    if retry_after_s is not None:
        delay = max(delay, min(retry_after_s, MAX_RETRY_AFTER_S))
    return delay


async def call_with_retries(
    call: Callable[[], Awaitable[JudgeReply]],
    *,
    max_attempts: int,
    timeout_s: float,
    base_s: float,
    max_s: float,
    stats: RunStats,
) -> JudgeReply:
    """Run ``call`` with a timeout, retrying retryable JudgeErrors up to ``max_attempts`` tries.

    Raises:
        JudgeError: The last error, when it is not retryable or attempts are spent.
    """
    attempt = 1
    while True:
        try:
            # asyncio.timeout adds no task per call, unlike wait_for (measurable at 1k+ calls/s).
            async with asyncio.timeout(timeout_s):
                return await call()
        except TimeoutError:
            error = JudgeError("timeout", f"no reply within {timeout_s} s", retryable=True)
        except JudgeError as raised:
            error = raised
        if not error.retryable or attempt >= max_attempts:
            raise error
        stats.retries += 1
        await asyncio.sleep(backoff_delay_s(attempt, base_s, max_s, error.retry_after_s))
        attempt += 1
