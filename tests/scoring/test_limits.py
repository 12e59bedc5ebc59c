import time

import pytest

from rubricrl.judges import JudgeError, JudgeReply
from rubricrl.scoring import Budget, BudgetExceeded, RunStats, TokenBucket, backoff_delay_s
from rubricrl.scoring._limits import call_with_retries


def test_backoff_honours_retry_after_and_caps() -> None:
    assert backoff_delay_s(3, 0.0, 30, 7.5) == 7.5
    assert backoff_delay_s(3, 0.0, 30, 10_000) == 120.0


async def test_retry_after_is_waited(monkeypatch: pytest.MonkeyPatch) -> None:
    waits: list[float] = []

    async def fake_sleep(delay: float) -> None:
        waits.append(delay)

    monkeypatch.setattr("rubricrl.scoring._limits.asyncio.sleep", fake_sleep)
    errors = [JudgeError("http_429", retryable=True, retry_after_s=2.0)]

    async def call() -> JudgeReply:
        if errors:
            raise errors.pop()
        return JudgeReply(text="ok")

    stats = RunStats()
    reply = await call_with_retries(
        call, max_attempts=4, timeout_s=5, base_s=0, max_s=1, stats=stats
    )
    assert reply.text == "ok" and waits == [2.0] and stats.retries == 1


async def test_token_bucket_limits_rate() -> None:
    bucket = TokenBucket(rate=100.0, burst=1)
    started = time.monotonic()
    for _ in range(11):
        await bucket.acquire()
    assert time.monotonic() - started >= 0.09


def test_budget() -> None:
    budget = Budget(max_requests=None, max_tokens=10, hard=True)
    budget.before_call()
    budget.after_call(JudgeReply(text="", prompt_tokens=8, completion_tokens=3))
    with pytest.raises(BudgetExceeded, match="token budget"):
        budget.before_call()
