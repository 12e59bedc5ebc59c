"""The fake OpenAI server in-process: replies from schemas, policies, faults, counters, flags."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest

from rubricrl.judges import FakeJudge, JudgeCall, reply_from_schema
from rubricrl.testing import FAULT_KINDS, FakeOpenAIServer, FakeServerConfig

TIERED = {
    "type": "object",
    "properties": {"evidence": {"type": "string"}, "tier": {"type": "integer", "enum": [0, 2, 5]}},
}
BINARY = {
    "type": "object",
    "properties": {"evidence": {"type": "string"}, "met": {"type": "boolean"}},
}
MESSAGES = [{"role": "system", "content": "s" * 40}, {"role": "user", "content": "u" * 60}]


def _body(schema: dict[str, Any] = TIERED, model: str = "m", form: str = "json_schema") -> dict:
    if form == "json_schema":
        response_format = {"type": "json_schema", "json_schema": {"name": "g", "schema": schema}}
    else:
        response_format = {"type": "json_object", "schema": schema}
    return {"model": model, "messages": MESSAGES, "response_format": response_format}


async def _post(
    url: str,
    body: Any,
    headers: dict[str, str] | None = None,
    session: aiohttp.ClientSession | None = None,
) -> tuple[int, Any, Any]:
    if session is None:
        async with aiohttp.ClientSession() as own:
            return await _post(url, body, headers, own)
    async with session.post(f"{url}/chat/completions", json=body, headers=headers) as reply:
        text = await reply.text()
        try:
            data: Any = json.loads(text)
        except ValueError:
            data = text
        return reply.status, data, reply.headers


def _content(data: dict[str, Any]) -> Any:
    return json.loads(data["choices"][0]["message"]["content"])


@pytest.mark.parametrize(
    ("policy", "schema", "expected"),
    [
        ("approve", TIERED, {"evidence": "", "tier": 5}),
        ("reject", TIERED, {"evidence": "", "tier": 0}),
        ("approve", BINARY, {"evidence": "", "met": True}),
        ("reject", BINARY, {"evidence": "", "met": False}),
    ],
)
async def test_policies_answer_from_the_schema(policy: str, schema: dict, expected: dict) -> None:
    async with FakeOpenAIServer(FakeServerConfig(policy=policy)) as server:  # type: ignore[arg-type]
        status, data, _ = await _post(server.url, _body(schema))
    assert status == 200 and _content(data) == expected
    assert data["object"] == "chat.completion" and data["choices"][0]["finish_reason"] == "stop"


async def test_llama_cpp_json_object_form_is_understood() -> None:
    async with FakeOpenAIServer() as server:
        _, data, _ = await _post(server.url, _body(BINARY, form="json_object"))
    assert _content(data) == {"evidence": "", "met": True}


async def test_random_policy_matches_fake_judge_and_is_repeatable() -> None:
    judge = FakeJudge("random")
    call = JudgeCall(messages=tuple(MESSAGES), schema=TIERED)
    expected = json.loads((await judge.complete(call)).text)
    async with FakeOpenAIServer(FakeServerConfig(policy="random")) as server:
        answers = [_content((await _post(server.url, _body()))[1]) for _ in range(3)]
    assert answers == [expected] * 3


async def test_usage_counts_are_characters_over_four() -> None:
    async with FakeOpenAIServer() as server:
        _, data, _ = await _post(server.url, _body())
    content = data["choices"][0]["message"]["content"]
    assert data["usage"]["prompt_tokens"] == 100 // 4
    assert data["usage"]["completion_tokens"] == len(content) // 4
    assert data["usage"]["total_tokens"] == 25 + len(content) // 4


async def test_models_health_stats_and_reset() -> None:
    async with FakeOpenAIServer(FakeServerConfig(model="judge-x")) as server:
        async with aiohttp.ClientSession() as session:
            root = server.url.removesuffix("/v1")
            models = await (await session.get(f"{server.url}/models")).json()
            health = await (await session.get(f"{root}/health")).json()
            await _post(server.url, _body())
            stats = await (await session.get(f"{root}/stats")).json()
            await session.post(f"{root}/stats/reset")
            after = await (await session.get(f"{root}/stats")).json()
    assert [model["id"] for model in models["data"]] == ["judge-x"] and health == {"status": "ok"}
    assert (stats["requests"], stats["chat_completions"], stats["ok"], stats["in_flight"]) == (
        3,
        1,
        1,
        0,
    )
    assert after["requests"] == 0 and server.stats()["requests"] == 0


async def test_schedule_assigns_faults_by_arrival() -> None:
    schedule = ("http_500", "ok", "http_429", "http_503", "garbage", "not_completion")
    config = FakeServerConfig(fault_schedule=schedule, retry_after_s=7)
    async with FakeOpenAIServer(config) as server:
        replies = [await _post(server.url, _body()) for _ in range(7)]
        stats = server.stats()
    statuses = [status for status, _, _ in replies]
    assert statuses == [500, 200, 429, 503, 200, 200, 200]
    assert replies[2][2]["Retry-After"] == "7" and replies[3][2]["Retry-After"] == "7"
    assert isinstance(replies[4][1], str)  # garbage: not JSON
    assert "choices" not in replies[5][1] and "choices" in replies[6][1]
    assert (stats["http_500"], stats["ok"], stats["garbage"]) == (1, 2, 1)


async def test_model_directives_force_a_fault_or_a_policy() -> None:
    async with FakeOpenAIServer() as server:
        status, _, _ = await _post(server.url, _body(model="fault:http_503"))
        _, data, _ = await _post(server.url, _body(model="policy:reject"))
    assert status == 503 and _content(data)["tier"] == 0


@pytest.mark.parametrize("kind", ["no_content", "truncated"])
async def test_content_shape_faults(kind: str) -> None:
    async with FakeOpenAIServer() as server:
        _, data, _ = await _post(server.url, _body(model=f"fault:{kind}"))
    choice = data["choices"][0]
    if kind == "no_content":
        assert choice["message"]["content"] is None and choice["message"]["refusal"]
    else:
        assert choice["finish_reason"] == "length"


async def test_fault_rate_is_deterministic_per_seed() -> None:
    bodies = [_body() | {"seed": index} for index in range(200)]

    async def faults(seed: int) -> list[int]:
        config = FakeServerConfig(fault_rate=0.3, faults=("http_500",), seed=seed)
        async with FakeOpenAIServer(config) as server, aiohttp.ClientSession() as session:
            return [(await _post(server.url, body, session=session))[0] for body in bodies]

    first, again, other = await faults(1), await faults(1), await faults(2)
    assert first == again and first != other
    assert 35 <= first.count(500) <= 85  # about 30 % of 200


async def test_api_key_is_required_when_configured() -> None:
    async with FakeOpenAIServer(FakeServerConfig(api_key="sk-1", record_requests=5)) as server:
        denied = await _post(server.url, _body())
        allowed = await _post(server.url, _body(), {"Authorization": "Bearer sk-1"})
        recorded = server.recorded
    assert (denied[0], allowed[0]) == (401, 200)
    assert [r["authorization_present"] for r in recorded] == [False, True]
    assert "sk-1" not in json.dumps(recorded)


@pytest.mark.parametrize("body", [{"model": "m"}, [1, 2], "not json"])
async def test_bad_requests_get_400(body: Any) -> None:
    async with FakeOpenAIServer() as server:
        status, data, _ = await _post(server.url, body)
        assert server.stats()["bad_request"] == 1
    assert status == 400 and data["error"]["type"] == "invalid_request_error"


def test_config_rejects_unknown_faults_and_hides_the_key() -> None:
    with pytest.raises(ValueError, match="unknown fault 'http_418'"):
        FakeServerConfig(faults=("http_418",))
    assert "sk-secret" not in repr(FakeServerConfig(api_key="sk-secret"))


def test_every_fault_kind_is_schedulable() -> None:
    assert FakeServerConfig(fault_schedule=FAULT_KINDS).fault_schedule == FAULT_KINDS


def test_reply_from_schema_handles_pydantic_refs_and_optionals() -> None:
    schema = {
        "$defs": {"Verdict": {"enum": ["MET", "UNMET"], "type": "string"}},
        "type": "object",
        "properties": {
            "status": {"$ref": "#/$defs/Verdict"},
            "note": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            "score": {"type": "number"},
            "items": {"type": "array"},
        },
    }
    assert reply_from_schema(schema, "reject") == {
        "status": "MET",
        "note": "",
        "score": 0.0,
        "items": [],
    }


async def test_a_hang_is_released_when_the_client_gives_up() -> None:
    async with FakeOpenAIServer(FakeServerConfig(hang_s=60)) as server:
        timeout = aiohttp.ClientTimeout(total=0.3)
        async with aiohttp.ClientSession(timeout=timeout) as session:
            with pytest.raises(TimeoutError):
                await _post(server.url, _body(model="fault:hang"), session=session)
        for _ in range(50):  # the server notices the closed connection asynchronously
            if server.stats()["in_flight"] == 0:
                break
            await asyncio.sleep(0.02)
        assert server.stats()["in_flight"] == 0 and server.stats()["hang"] == 1
