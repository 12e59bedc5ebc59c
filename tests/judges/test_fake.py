import json

import pytest

from rubricrl.judges import FakeJudge, JudgeCall, JudgeError, JudgeReply

SCHEMA = {
    "type": "object",
    "properties": {
        "evidence": {"type": "string"},
        "tier": {"type": "integer", "enum": [0, 1, 2]},
        "met": {"type": "boolean"},
    },
}
CALL = JudgeCall(messages=({"role": "user", "content": "x"},), schema=SCHEMA)


async def test_policies() -> None:
    assert json.loads((await FakeJudge("approve").complete(CALL)).text) == {
        "evidence": "",
        "tier": 2,
        "met": True,
    }
    assert json.loads((await FakeJudge("reject").complete(CALL)).text) == {
        "evidence": "",
        "tier": 0,
        "met": False,
    }


async def test_random_is_deterministic_per_call() -> None:
    first = (await FakeJudge("random").complete(CALL)).text
    for _ in range(3):
        assert (await FakeJudge("random").complete(CALL)).text == first


async def test_random_ignores_the_per_grading_fence() -> None:
    def call(fence: str) -> JudgeCall:
        return JudgeCall(
            messages=({"role": "user", "content": f"<<{fence}:begin>>x"},), schema=SCHEMA
        )

    texts = {(await FakeJudge("random").complete(call(f"DATA-{i:016x}"))).text for i in range(5)}
    assert len(texts) == 1


async def test_script_replays_texts_errors_and_replies() -> None:
    judge = FakeJudge(script=["one", JudgeError("http_500", retryable=True), JudgeReply(text="r")])
    assert (await judge.complete(CALL)).text == "one"
    with pytest.raises(JudgeError):
        await judge.complete(CALL)
    assert (await judge.complete(CALL)).text == "r"
    with pytest.raises(JudgeError, match="script_exhausted"):
        await judge.complete(CALL)


def test_unknown_policy() -> None:
    with pytest.raises(ValueError, match="approve, reject, random"):
        FakeJudge("maybe")  # type: ignore[arg-type]
