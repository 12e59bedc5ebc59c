"""The HTTP reward service under test with a real uvicorn process on loopback."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import pytest

from rubricrl.judges import FakeJudge
from rubricrl.rubric import load_rubric
from rubricrl.scoring import GradingItem, ScoringEngine, reward_row
from tests.rewards.conftest import RUBRICS

pytestmark = pytest.mark.server

SECRET = "sk-test-SECRET-4f1b9c"


def samples(n: int, prefix: str = "s") -> list[dict[str, str]]:
    return [
        {"id": f"{prefix}{i}", "prompt": f"Prompt {i}", "response": f"Response {i}."}
        for i in range(n)
    ]


async def post(
    url: str, body: Any, headers: dict[str, str] | None = None
) -> tuple[int, dict[str, Any], dict[str, str]]:
    async with aiohttp.ClientSession() as session:
        kwargs: dict[str, Any] = {"data": body} if isinstance(body, bytes) else {"json": body}
        async with session.post(url, headers=headers, **kwargs) as resp:
            return resp.status, await resp.json(content_type=None), dict(resp.headers)


async def get(url: str) -> tuple[int, str]:
    async with aiohttp.ClientSession() as session, session.get(url) as resp:
        return resp.status, await resp.text()


async def test_health_ready_openapi_and_rows_match_grade(start_server: Any) -> None:
    server = start_server({})
    assert await get(server.url + "/health") == (200, '{"status":"ok"}')
    assert (await get(server.url + "/ready"))[0] == 200
    status, text = await get(server.url + "/openapi.json")
    assert status == 200 and "/v1/score" in text and "/v1/openrlhf" in text
    status, body, _ = await post(
        server.url + "/v1/score", {"rubric": "writing_quality", "samples": samples(3)}
    )
    assert status == 200
    rubric = load_rubric(RUBRICS / "writing_quality.yaml")
    async with ScoringEngine(FakeJudge("approve")) as engine:
        expected = [
            reward_row(s["id"], await engine.grade_one(GradingItem(rubric=rubric, **s)))
            for s in samples(3)
        ]
    assert body["rows"] == expected


async def test_inline_rubric_and_unknown_rubric(start_server: Any) -> None:
    server = start_server({})
    inline = {"id": "inline", "criteria": [{"id": "c", "description": "Is polite."}]}
    status, body, _ = await post(
        server.url + "/v1/score", {"rubric": inline, "samples": samples(2)}
    )
    assert status == 200 and [row["reward"] for row in body["rows"]] == [1.0, 1.0]
    status, body, _ = await post(
        server.url + "/v1/score", {"rubric": "nope", "samples": samples(1)}
    )
    assert status == 404 and "unknown rubric 'nope'" in body["error"]
    bad_inline = {"id": "x", "criteria": []}
    status, body, _ = await post(
        server.url + "/v1/score", {"rubric": bad_inline, "samples": samples(1)}
    )
    assert status == 400 and "inline rubric" in body["error"]


async def test_auth_required_when_token_configured(start_server: Any) -> None:
    server = start_server({}, env={"RUBRICRL_SERVE_TOKEN": "tok-123"})
    request = {"rubric": "writing_quality", "samples": samples(1)}
    status, body, headers = await post(server.url + "/v1/score", request)
    assert status == 401 and headers["WWW-Authenticate"] == "Bearer"
    wrong = {"Authorization": "Bearer tok-999"}
    assert (await post(server.url + "/v1/score", request, wrong))[0] == 401
    right = {"Authorization": "Bearer tok-123"}
    assert (await post(server.url + "/v1/score", request, right))[0] == 200
    assert (await post(server.url + "/v1/openrlhf", {"query": ["x"]}))[0] == 401
    assert (await get(server.url + "/health"))[0] == 200


async def test_limits_malformed_and_huge_bodies(start_server: Any) -> None:
    server = start_server({"max_samples": 4, "max_body_bytes": 4096})
    url = server.url + "/v1/score"
    status, body, _ = await post(url, {"rubric": "writing_quality", "samples": samples(5)})
    assert status == 400 and "5 samples" in body["error"] and "limit is 4" in body["error"]
    status, body, _ = await post(url, b'{"rubric": "writing_quality", "samples": [')
    assert status == 400 and body["error"].startswith("malformed JSON")
    status, body, _ = await post(url, {"rubric": "writing_quality", "samples": [{"id": "a"}]})
    assert status == 400 and "samples[0].prompt" in body["error"]
    status, body, _ = await post(url, {"rubric": "writing_quality", "samples": []})
    assert status == 400
    huge = {"rubric": "writing_quality", "samples": [{"id": "a", "prompt": "x" * 10_000}]}
    status, body, _ = await post(url, huge)
    assert status == 413 and "4096" in body["error"]

    async def chunked() -> Any:
        for _ in range(10):
            yield b" " * 1000

    async with aiohttp.ClientSession() as session, session.post(url, data=chunked()) as resp:
        assert resp.status == 413
    assert (await get(server.url + "/health"))[0] == 200


async def test_64_concurrent_clients(start_server: Any) -> None:
    server = start_server({"judge_options": {"latency_s": 0.01}})

    async def client(number: int) -> list[str]:
        seen = []
        async with aiohttp.ClientSession() as session:
            for round_ in range(3):
                batch = samples(8, prefix=f"c{number}r{round_}-")
                request = {"rubric": "writing_quality", "samples": batch}
                async with session.post(server.url + "/v1/score", json=request) as resp:
                    assert resp.status == 200
                    rows = (await resp.json())["rows"]
                seen += [row["id"] for row in rows if row["reward"] is not None]
        return seen

    results = await asyncio.gather(*(client(n) for n in range(64)))
    assert sum(len(ids) for ids in results) == 64 * 3 * 8
    assert all(ids[0].startswith(f"c{n}r0-") for n, ids in enumerate(results))


async def test_overload_gets_503_with_retry_after_then_recovers(start_server: Any) -> None:
    server = start_server(
        {"max_inflight_samples": 8, "retry_after_s": 2, "judge_options": {"latency_s": 0.8}}
    )
    url = server.url + "/v1/score"
    requests = [{"rubric": "writing_quality", "samples": samples(4, f"o{i}-")} for i in range(8)]
    replies = await asyncio.gather(*(post(url, r) for r in requests))
    statuses = sorted(status for status, _, _ in replies)
    assert statuses.count(200) >= 1 and statuses.count(503) >= 1
    for status, body, headers in replies:
        if status == 503:
            assert headers["Retry-After"] == "2" and "overloaded" in body["error"]
    status, _, _ = await post(url, requests[0])
    assert status == 200
    _, metrics = await get(server.url + "/metrics")
    assert 'rubricrl_requests_total{endpoint="score",status="503"}' in metrics
    assert "rubricrl_inflight_samples 0.0" in metrics


async def test_sigterm_mid_batch_finishes_in_flight_request(start_server: Any) -> None:
    server = start_server({"judge_options": {"latency_s": 1.5}, "shutdown_deadline_s": 20})
    request = {"rubric": "writing_quality", "samples": samples(4)}
    pending = asyncio.create_task(post(server.url + "/v1/score", request))
    await asyncio.sleep(0.7)
    server.terminate()
    status, body, _ = await asyncio.wait_for(pending, timeout=30)
    assert status == 200 and [row["id"] for row in body["rows"]] == ["s0", "s1", "s2", "s3"]
    assert await asyncio.to_thread(server.proc.wait, 30) in (0, -15)  # uvicorn re-raises SIGTERM


async def test_deadline_passed_journals_unfinished_work(start_server: Any, tmp_path: Any) -> None:
    journal = tmp_path / "unfinished.jsonl"
    server = start_server(
        {
            "judge_options": {"latency_s": 30},
            "shutdown_deadline_s": 1,
            "journal_path": str(journal),
        }
    )
    request = {"rubric": "writing_quality", "samples": samples(3)}
    pending = asyncio.create_task(post(server.url + "/v1/score", request))
    await asyncio.sleep(0.7)
    server.terminate()
    await asyncio.to_thread(server.proc.wait, 30)
    with pytest.raises(aiohttp.ClientError):
        await asyncio.wait_for(pending, timeout=10)
    lines = journal.read_text().splitlines()
    assert len(lines) == 3 and all('"unfinished": ' in line for line in lines)


async def test_judge_api_key_never_in_logs_or_responses(start_server: Any) -> None:
    server = start_server(
        {
            "judge": "openai:judge-model@http://127.0.0.1:9/v1",
            "judge_options": {"timeout_s": 2},
            "engine": {"max_attempts": 1, "backoff_base_s": 0},
            "log_level": "debug",
            "openrlhf_rubric": "writing_quality",
        },
        env={"RUBRICRL_API_KEY": SECRET},
    )
    texts = []
    status, body, headers = await post(
        server.url + "/v1/score", {"rubric": "writing_quality", "samples": samples(2)}
    )
    assert status == 200 and all(row["reward"] is None for row in body["rows"])
    texts.append(str(body) + str(headers))
    status, body, _ = await post(
        server.url + "/v1/openrlhf", {"query": ["Q A"], "prompts": ["Q "], "labels": [None]}
    )
    assert status == 200
    assert body["rewards"] == [0.0] and body["extra_logs"]["rubricrl_valid"] == [0.0]
    texts.append(str(body))
    for path in ("/metrics", "/openapi.json", "/ready", "/health"):
        texts.append((await get(server.url + path))[1])
    server.terminate()
    await asyncio.to_thread(server.proc.wait, 30)
    texts.append(server.logs())
    assert all(SECRET not in text for text in texts)
    assert "SECRET" not in "".join(texts)


async def test_openrlhf_protocol_shape(start_server: Any) -> None:
    server = start_server({"openrlhf_rubric": "writing_quality"})
    request = {
        "query": ["<user>Hi<assistant>Hello!", "<user>Yo<assistant>Hey."],
        "prompts": ["<user>Hi<assistant>", "<user>Yo<assistant>"],
        "labels": ["plain_narrative", "not-a-rubric-id"],
    }
    status, body, _ = await post(server.url + "/v1/openrlhf", request)
    assert status == 200
    assert set(body) == {"rewards", "scores", "extra_logs"}
    assert len(body["rewards"]) == 2 and body["scores"] == body["rewards"]
    assert body["extra_logs"]["rubricrl_valid"] == [1.0, 1.0]


async def test_judge_api_key_used_but_never_echoed(start_server: Any) -> None:
    from rubricrl.testing import FakeServerConfig, FakeServerProcess

    with FakeServerProcess(FakeServerConfig(api_key=SECRET)) as judge_server:
        server = start_server(
            {"judge": f"openai:fake-judge@{judge_server.url}", "log_level": "debug"},
            env={"RUBRICRL_API_KEY": SECRET},
        )
        status, body, headers = await post(
            server.url + "/v1/score", {"rubric": "writing_quality", "samples": samples(2)}
        )
        assert status == 200 and all(row["reward"] is not None for row in body["rows"])
        texts = [str(body), str(headers), (await get(server.url + "/metrics"))[1]]
        server.terminate()
        await asyncio.to_thread(server.proc.wait, 30)
        texts.append(server.logs())
    assert all(SECRET not in text for text in texts)
