from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from rubricrl.data import (
    DataError,
    FakePolicy,
    Generation,
    OpenAIPolicy,
    PolicyError,
    PromptRow,
    RolloutConfig,
    SamplingParams,
    read_rollouts,
    run_rollout,
    sample_id,
    sample_seed,
    split_sample_id,
)

CONFIG = RolloutConfig(samples=3, backoff_base_s=0.0)


def lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_sample_ids_roundtrip() -> None:
    assert split_sample_id(sample_id("a#b", 12)) == ("a#b", 12)
    for bad in ("nohash", "p#x", "p#"):
        with pytest.raises(DataError):
            split_sample_id(bad)


async def test_rollout_rows_keep_ids_params_and_tokens(
    tmp_path: Path, prompts: list[PromptRow]
) -> None:
    out = tmp_path / "r.jsonl"
    summary = await run_rollout(prompts, FakePolicy(), out, CONFIG)
    rows = lines(out)
    assert summary.written == 9 == len(rows) and summary.failures == {}
    assert {r["id"] for r in rows} == {f"p{p}#{i}" for p in (1, 2, 3) for i in range(3)}
    row = next(r for r in rows if r["id"] == "p3#0")
    assert row["prompt_id"] == "p3" and row["sample_index"] == 0 and row["rubric"] == "r3"
    assert row["params"] == SamplingParams().model_dump() and row["policy"] == "fake:echo"
    assert row["seed"] == sample_seed(0, "p3", 0)
    assert row["completion_tokens"] > 0 and row["prompt_tokens"] > 0
    assert summary.as_dict()["samples_per_s"] > 0
    assert read_rollouts(out) == rows


async def test_existing_output_needs_resume(tmp_path: Path, prompts: list[PromptRow]) -> None:
    out = tmp_path / "r.jsonl"
    await run_rollout(prompts, FakePolicy(), out, CONFIG)
    with pytest.raises(DataError, match="--resume"):
        await run_rollout(prompts, FakePolicy(), out, CONFIG)


async def test_resume_after_kill_generates_only_missing_samples(
    tmp_path: Path, prompts: list[PromptRow]
) -> None:
    out = tmp_path / "r.jsonl"
    await run_rollout(prompts, FakePolicy(), out, CONFIG)
    full = lines(out)
    # Simulate a kill: keep 4 whole rows and half of the fifth.
    text = out.read_text().splitlines(keepends=True)
    out.write_text("".join(text[:4]) + text[4][: len(text[4]) // 2])
    policy = FakePolicy()
    summary = await run_rollout(prompts, policy, out, CONFIG, resume=True)
    assert summary.skipped == 4 and summary.written == 5
    resumed = lines(out)
    assert len(resumed) == 9 and len({r["id"] for r in resumed}) == 9
    by_id = {r["id"]: r for r in full}
    # Same seeds, same samples: a resumed run writes what the first run would have written.
    assert all(by_id[r["id"]]["response"] == r["response"] for r in resumed)
    again = await run_rollout(prompts, policy, out, CONFIG, resume=True)
    assert again.written == 0 and again.skipped == 9


class FlakyPolicy(FakePolicy):
    def __init__(self, fail_times: int, retryable: bool = True) -> None:
        super().__init__()
        self.fail_times, self.retryable = fail_times, retryable

    async def generate(self, messages: Any, params: Any, n: int, seed: int) -> list[Generation]:
        if self.fail_times > 0:
            self.fail_times -= 1
            raise PolicyError("http_503", retryable=self.retryable)
        return await super().generate(messages, params, n, seed)


async def test_retryable_errors_are_retried(tmp_path: Path, prompts: list[PromptRow]) -> None:
    summary = await run_rollout(prompts[:1], FlakyPolicy(2), tmp_path / "r.jsonl", CONFIG)
    assert summary.written == 3 and not summary.failures


async def test_failures_are_reported_not_written(tmp_path: Path, prompts: list[PromptRow]) -> None:
    out = tmp_path / "r.jsonl"
    summary = await run_rollout(prompts, FakePolicy("fail"), out, CONFIG)
    assert summary.written == 0 and summary.failures == {"fake_failure": 9}
    assert out.read_text() == ""
    summary = await run_rollout(
        prompts[:1], FlakyPolicy(5, retryable=False), out, CONFIG, resume=True
    )
    assert summary.failures == {"http_503": 3}


async def test_rollout_through_loopback_server_with_n(
    tmp_path: Path, prompts: list[PromptRow], openai_server: Any
) -> None:
    policy = OpenAIPolicy("m", openai_server.url)
    out = tmp_path / "r.jsonl"
    summary = await run_rollout(prompts, policy, out, RolloutConfig(samples=4))
    await policy.aclose()
    assert summary.written == 12 and len(openai_server.requests) == 3
    assert all(r["n"] == 4 for r in openai_server.requests)
    assert policy.sessions_opened == 1


def test_read_rollouts_rejects_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "r.jsonl"
    path.write_text(json.dumps({"id": "p#0"}) + "\n")
    with pytest.raises(DataError, match="needs string 'id' and 'response'"):
        read_rollouts(path)
