"""OpenAIJudge against a REAL ``python -m llama_cpp.server`` (SmolLM2) on loopback.

Finds out which structured-output forms llama-cpp-python 0.3.36's server honours: it rejects
the standard ``json_schema`` form (a validation error sent as HTTP 500) and enforces
``{"type": "json_object", "schema": ...}`` as a grammar; the judge's default ``auto`` form falls
back to the latter by itself.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator

import pytest

from rubricrl.judges import (
    JudgeCall,
    JudgeError,
    OpenAIJudge,
    ReplyError,
    criterion_schema,
    default_model_path,
    new_fence,
    one_call,
    parse_criterion_reply,
    parse_one_call_reply,
    per_criterion_call,
    resolve_judge,
)
from rubricrl.rubric import Criterion, Rubric, Tier

pytest.importorskip("llama_cpp.server.app")
pytestmark = pytest.mark.server

STARTUP_TIMEOUT_S = 180.0
RUBRIC = Rubric(
    id="server-test",
    criteria=[
        Criterion(
            id="accuracy",
            description="The answer is factually correct.",
            kind="tiered",
            tiers=[
                Tier(score=1, description="Wrong."),
                Tier(score=3, description="Partly right."),
                Tier(score=5, description="Fully right."),
            ],
        ),
        Criterion(id="polite", description="The answer is polite."),
    ],
)
PROMPT = "What is the capital of France?"
RESPONSE = "Paris. Glad to help!"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _ready(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/models", timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


@pytest.fixture(scope="module")
def server_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log_path = tmp_path_factory.mktemp("llama_server") / "server.log"
    command = [
        sys.executable, "-m", "llama_cpp.server",
        "--model", str(default_model_path()),
        "--host", "127.0.0.1", "--port", str(port),
        "--n_ctx", "2048", "--n_threads", str(os.cpu_count() or 1),
    ]  # fmt: skip
    with log_path.open("wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT_S
        while not _ready(url):
            if process.poll() is not None or time.monotonic() > deadline:
                tail = log_path.read_text(errors="replace")[-2000:]
                pytest.fail(f"llama_cpp.server did not start (rc={process.poll()}):\n{tail}")
            time.sleep(0.5)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=20)


def _post(url: str, payload: dict[str, object]) -> tuple[int, str]:
    request = urllib.request.Request(
        f"{url}/chat/completions",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode()


def _payload(response_format: dict[str, object]) -> dict[str, object]:
    messages = [{"role": "user", "content": 'Reply with exactly {"tier": 3} and nothing else.'}]
    return {
        "model": "smollm2",
        "messages": messages,
        "max_tokens": 24,
        "temperature": 0,
        "response_format": response_format,
    }


SCHEMA = {
    "type": "object",
    "properties": {"tier": {"type": "integer", "enum": [7, 11]}},
    "required": ["tier"],
    "additionalProperties": False,
}


def test_server_rejects_the_standard_json_schema_form(server_url: str) -> None:
    status, body = _post(
        server_url,
        _payload({"type": "json_schema", "json_schema": {"name": "g", "schema": SCHEMA}}),
    )
    # A pydantic validation error (type is Literal["text", "json_object"]) sent as HTTP 500.
    assert status == 500 and "literal_error" in body and "response_format" in body


def test_server_enforces_json_object_with_schema_as_a_grammar(server_url: str) -> None:
    status, body = _post(server_url, _payload({"type": "json_object", "schema": SCHEMA}))
    assert status == 200
    content = json.loads(body)["choices"][0]["message"]["content"]
    assert json.loads(content) in ({"tier": 7}, {"tier": 11})


@pytest.mark.parametrize("form", ["json_object", "auto", None])
async def test_judge_grades_through_the_server(server_url: str, form: str | None) -> None:
    async with OpenAIJudge("smollm2", server_url, timeout_s=120, structured_output=form) as judge:
        fence = new_fence(PROMPT, RESPONSE)
        for criterion in RUBRIC.criteria:
            call = per_criterion_call(RUBRIC, criterion, PROMPT, RESPONSE, fence)
            reply = await judge.complete(call)
            score = parse_criterion_reply(criterion, reply.text, RESPONSE, judge.id)
            assert score.status == "ok" and reply.prompt_tokens > 0
            if criterion.kind == "tiered":
                assert score.tier in criterion.tier_scores
        assert judge.structured_output == "json_object"  # auto switched after one rejection
        assert judge.sessions_opened == 1


async def test_one_call_through_the_server(server_url: str) -> None:
    criteria = list(RUBRIC.criteria)
    call = one_call(RUBRIC, criteria, PROMPT, RESPONSE, new_fence(PROMPT, RESPONSE))
    async with resolve_judge(f"openai:smollm2@{server_url}", timeout_s=120) as judge:
        reply = await judge.complete(call)
    parsed = parse_one_call_reply(criteria, reply.text, RESPONSE, judge.id)
    assert not any(isinstance(outcome, ReplyError) for outcome in parsed.values()), parsed


async def test_explicit_json_schema_form_fails_loudly_not_silently(server_url: str) -> None:
    call = JudgeCall(
        messages=({"role": "user", "content": "hi"},),
        schema=criterion_schema(RUBRIC.criteria[1]),
        max_tokens=8,
    )
    async with OpenAIJudge("smollm2", server_url, structured_output="json_schema") as judge:
        with pytest.raises(JudgeError) as caught:
            await judge.complete(call)
    assert caught.value.reason == "response_format_rejected" and not caught.value.retryable
    assert "RUBRICRL_STRUCTURED_OUTPUT" in str(caught.value)


async def test_env_var_selects_the_form(server_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUBRICRL_STRUCTURED_OUTPUT", "json_object")
    async with resolve_judge(f"openai:smollm2@{server_url}") as judge:
        assert isinstance(judge, OpenAIJudge) and judge.structured_output == "json_object"
        criterion = RUBRIC.criteria[1]
        reply = await judge.complete(
            per_criterion_call(RUBRIC, criterion, PROMPT, RESPONSE, new_fence(RESPONSE))
        )
    assert parse_criterion_reply(criterion, reply.text, RESPONSE, judge.id).status == "ok"


def test_unknown_form_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(ValueError, match="must be one of auto, json_schema, json_object, none"):
        OpenAIJudge("m", "http://127.0.0.1:9/v1", structured_output="xml")
    monkeypatch.setenv("RUBRICRL_STRUCTURED_OUTPUT", "yaml")
    with pytest.raises(ValueError, match="not 'yaml'"):
        resolve_judge("openai:m@http://127.0.0.1:9/v1")
