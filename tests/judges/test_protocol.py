from rubricrl.judges import BaseJudge, FakeJudge, Judge, JudgeError


def test_fake_satisfies_protocol() -> None:
    assert isinstance(FakeJudge(), Judge)


def test_judge_error_carries_reason_and_retry_hint() -> None:
    error = JudgeError("http_429", "slow down", retryable=True, retry_after_s=3.0)
    assert error.reason == "http_429" and error.retryable and error.retry_after_s == 3.0
    assert str(error) == "http_429: slow down"


async def test_base_judge_context_manager_closes() -> None:
    closed = []

    class Closing(BaseJudge):
        async def aclose(self) -> None:
            closed.append(True)

    async with Closing():
        pass
    assert closed == [True]
