"""OpenAIJudge against the fake OpenAI server running as a real subprocess on 127.0.0.1."""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Iterator

import pytest

from rubricrl.judges import (
    API_KEY_ENV,
    JudgeCall,
    JudgeError,
    OpenAIJudge,
    ReplyError,
    criterion_schema,
    parse_criterion_reply,
    per_criterion_call,
)
from rubricrl.rubric import Criterion, Rubric, Tier
from rubricrl.testing import FakeServerConfig, FakeServerProcess

pytestmark = pytest.mark.server

SECRET = "sk-test-7f3a9c1e-never-log-me"
TIERED = Criterion(
    id="accuracy",
    description="Is accurate.",
    kind="tiered",
    tiers=[
        Tier(score=0, description="wrong"),
        Tier(score=1, description="ok"),
        Tier(score=2, description="right"),
    ],
)
BINARY = Criterion(id="polite", description="Is polite.")
RUBRIC = Rubric(id="r", criteria=[TIERED, BINARY])


@pytest.fixture(scope="module")
def server() -> Iterator[FakeServerProcess]:
    config = FakeServerConfig(record_requests=20, retry_after_s=2.5, hang_s=120, huge_chars=70_000)
    with FakeServerProcess(config) as process:
        yield process


@pytest.fixture(scope="module")
def auth_server() -> Iterator[FakeServerProcess]:
    with FakeServerProcess(FakeServerConfig(api_key=SECRET, record_requests=5)) as process:
        yield process


def _call(criterion: Criterion = TIERED, response: str = "Paris is the capital.") -> JudgeCall:
    return per_criterion_call(RUBRIC, criterion, "Capital of France?", response, "DATA-x")


async def _complete(url: str, model: str = "judge-model", **options: object) -> str:
    async with OpenAIJudge(model, url, **options) as judge:  # type: ignore[arg-type]
        return (await judge.complete(_call())).text


async def _error(url: str, fault: str, **options: object) -> JudgeError:
    with pytest.raises(JudgeError) as caught:
        await _complete(url, f"fault:{fault}", **options)
    return caught.value


async def test_request_body_has_model_messages_max_tokens_and_json_schema(
    server: FakeServerProcess,
) -> None:
    call = _call()
    async with OpenAIJudge("judge-model", server.url) as judge:
        reply = await judge.complete(call)
    body = server.get("/debug/requests")[-1]["body"]
    assert body["model"] == "judge-model"
    assert body["max_tokens"] == call.max_tokens
    assert body["temperature"] == call.temperature
    assert body["messages"] == list(call.messages)
    assert body["response_format"] == {
        "type": "json_schema",
        "json_schema": {
            "name": call.schema_name,
            "schema": criterion_schema(TIERED),
            "strict": True,
        },
    }
    assert parse_criterion_reply(TIERED, reply.text, "Paris", judge.id).tier == 2
    assert reply.prompt_tokens > 0 and reply.completion_tokens > 0


async def test_llama_cpp_json_object_form_carries_the_schema(server: FakeServerProcess) -> None:
    text = await _complete(server.url, structured_output="json_object")
    body = server.get("/debug/requests")[-1]["body"]
    assert body["response_format"] == {"type": "json_object", "schema": criterion_schema(TIERED)}
    assert parse_criterion_reply(TIERED, text, "x", "j").score == 1.0


async def test_api_key_from_env_is_sent(
    auth_server: FakeServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(API_KEY_ENV, SECRET)
    assert parse_criterion_reply(TIERED, await _complete(auth_server.url), "x", "j").tier == 2
    assert auth_server.get("/debug/requests")[-1]["authorization_present"] is True


async def test_missing_key_is_auth_failed_and_not_retryable(
    auth_server: FakeServerProcess, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(API_KEY_ENV, raising=False)
    with pytest.raises(JudgeError) as caught:
        await _complete(auth_server.url)
    assert (caught.value.reason, caught.value.retryable) == ("auth_failed", False)


async def test_key_never_in_repr_errors_or_logs(
    server: FakeServerProcess,
    auth_server: FakeServerProcess,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv(API_KEY_ENV, "sk-wrong-" + SECRET)
    caplog.set_level(logging.DEBUG)
    judge = OpenAIJudge("m", auth_server.url)
    texts = [repr(judge), str(judge), judge.id]
    for url, model in (
        (auth_server.url, "m"),
        (server.url, "fault:http_500"),
        (server.url, "fault:reset"),
        (server.url, "fault:garbage"),
    ):
        with pytest.raises(JudgeError) as caught:
            async with OpenAIJudge(model, url) as failing:
                await failing.complete(_call())
        texts += [str(caught.value), repr(caught.value)]
        texts += traceback.format_exception(caught.value)
    await judge.aclose()
    texts.append(caplog.text)
    assert any("auth_failed" in text for text in texts)  # the checks above saw real errors
    assert not [text for text in texts if SECRET in text]


@pytest.mark.parametrize("fault", ["http_500", "http_503"])
async def test_server_errors_are_retryable(server: FakeServerProcess, fault: str) -> None:
    error = await _error(server.url, fault)
    assert (error.reason, error.retryable) == (fault, True)


async def test_429_is_retryable_with_retry_after(server: FakeServerProcess) -> None:
    error = await _error(server.url, "http_429")
    assert (error.reason, error.retryable, error.retry_after_s) == ("http_429", True, 2.5)


async def test_401_is_not_retryable(server: FakeServerProcess) -> None:
    error = await _error(server.url, "http_401")
    assert (error.reason, error.retryable) == ("auth_failed", False)


async def test_hang_times_out_as_retryable_timeout(server: FakeServerProcess) -> None:
    error = await _error(server.url, "hang", timeout_s=0.5)
    assert (error.reason, error.retryable) == ("timeout", True)


@pytest.mark.parametrize(
    ("fault", "reason"),
    [
        ("garbage", "bad_protocol"),
        ("not_completion", "bad_protocol"),
        ("no_content", "no_content"),
        ("reset", "connection_error"),
        ("close", "connection_error"),
    ],
)
async def test_protocol_and_connection_faults(
    server: FakeServerProcess, fault: str, reason: str
) -> None:
    error = await _error(server.url, fault)
    assert (error.reason, error.retryable) == (reason, True)


async def test_judge_recovers_on_the_same_session_after_a_reset(server: FakeServerProcess) -> None:
    async with OpenAIJudge("fault:reset", server.url) as broken:
        with pytest.raises(JudgeError):
            await broken.complete(_call())
    async with OpenAIJudge("m", server.url) as judge:
        for model_fault in ("fault:close", "fault:reset"):
            judge.model = model_fault
            with pytest.raises(JudgeError):
                await judge.complete(_call())
        judge.model = "m"
        assert (await judge.complete(_call())).text
        assert judge.sessions_opened == 1


async def test_one_session_for_a_thousand_calls(server: FakeServerProcess) -> None:
    before = server.get("/stats")["ok"]
    judge = OpenAIJudge("m", server.url, max_concurrency=64)
    calls = [_call(response=f"answer {index}") for index in range(1000)]
    replies = await asyncio.gather(*(judge.complete(call) for call in calls))
    await judge.aclose()
    assert len(replies) == 1000 and all(reply.text for reply in replies)
    assert judge.sessions_opened == 1
    assert server.get("/stats")["ok"] - before == 1000


@pytest.mark.parametrize(
    ("fault", "criterion", "reason"),
    [
        ("tier_out_of_range", TIERED, "tier_out_of_range"),
        ("tier_out_of_range", BINARY, "parse_failure"),
        ("trailing_text", TIERED, "parse_failure"),
        ("truncated", TIERED, "parse_failure"),
        ("refusal", TIERED, "parse_failure"),
        ("empty", TIERED, "empty_reply"),
        ("huge", TIERED, "reply_too_large"),
        ("missing_field", TIERED, "tier_out_of_range"),
        ("missing_field", BINARY, "parse_failure"),
    ],
)
async def test_malformed_contents_become_reply_errors(
    server: FakeServerProcess, fault: str, criterion: Criterion, reason: str
) -> None:
    async with OpenAIJudge(f"fault:{fault}", server.url) as judge:
        reply = await judge.complete(_call(criterion))
    with pytest.raises(ReplyError) as caught:
        parse_criterion_reply(criterion, reply.text, "Paris is the capital.", judge.id)
    assert caught.value.reason == reason


async def test_fenced_json_is_accepted(server: FakeServerProcess) -> None:
    text = await _complete(server.url, "fault:fenced")
    assert text.startswith("```json")
    assert parse_criterion_reply(TIERED, text, "x", "j").tier == 2
