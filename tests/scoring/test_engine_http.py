"""The scoring engine over real HTTP: OpenAIJudge against the fake server subprocess, with faults.

Whatever the server does, every criterion ends either graded with the policy's value or unscored
with a reason, and every reward is either the aggregate of real grades or None with a reason:
never a 0 or 1 made up from a failure. Each distinct request is sent at most max_attempts times.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator

import pytest

from rubricrl.judges import OpenAIJudge
from rubricrl.rubric import Criterion, Reward, Rubric, Tier
from rubricrl.scoring import EngineConfig, GradingItem, ScoringEngine
from rubricrl.testing import FakeServerConfig, FakeServerProcess

pytestmark = pytest.mark.server

MAX_ATTEMPTS = 4
TRANSIENT_MIX = (
    "http_500",
    "http_503",
    "http_429",
    "garbage",
    "not_completion",
    "no_content",
    "reset",
    "close",
    "hang",
    "tier_out_of_range",
    "trailing_text",
    "truncated",
    "refusal",
    "empty",
    "missing_field",
    "fenced",
)
RUBRIC = Rubric(
    id="r",
    criteria=[
        Criterion(
            id="accurate",
            description="Is accurate.",
            kind="tiered",
            tiers=[
                Tier(score=0, description="no"),
                Tier(score=1, description="partly"),
                Tier(score=3, description="yes"),
            ],
        ),
        Criterion(id="polite", description="Is polite."),
        Criterion(id="concise", description="Is concise.", weight=0.5),
    ],
)


def _items(count: int) -> list[GradingItem]:
    return [
        GradingItem(id=str(i), prompt=f"Question {i}?", response=f"Answer {i}.", rubric=RUBRIC)
        for i in range(count)
    ]


def _config(**overrides: object) -> EngineConfig:
    settings: dict[str, object] = dict(
        concurrency=32,
        max_attempts=MAX_ATTEMPTS,
        timeout_s=0.4,
        backoff_base_s=0.01,
        backoff_max_s=0.05,
    )
    return EngineConfig.model_validate(settings | overrides)


async def _grade(url: str, config: EngineConfig, count: int) -> tuple[list[Reward], object]:
    judge = OpenAIJudge("judge", url, timeout_s=config.timeout_s, max_concurrency=32)
    async with ScoringEngine(judge, config) as engine:
        rewards = await engine.grade_batch(_items(count))
    return rewards, engine.stats


def _server(**settings: object) -> FakeServerProcess:
    base: dict[str, object] = dict(retry_after_s=0.02, hang_s=60, record_requests=100_000)
    return FakeServerProcess(FakeServerConfig.model_validate(base | settings))


def _attempts_per_request(server: FakeServerProcess) -> Counter[str]:
    bodies = [json.dumps(r["body"], sort_keys=True) for r in server.get("/debug/requests")]
    return Counter(bodies)


def _assert_honest(rewards: list[Reward], policy_value: float) -> None:
    for reward in rewards:
        for score in reward.criteria:
            if score.status == "ok":
                assert score.score == policy_value, score
            else:
                assert score.score is None and score.reason, score
        if reward.value is None:
            assert reward.abstain_reason
        else:
            assert reward.value == policy_value, reward


@pytest.fixture(scope="module")
def faulty_server() -> Iterator[FakeServerProcess]:
    with _server(fault_rate=0.35, faults=TRANSIENT_MIX, seed=7) as server:
        yield server


@pytest.mark.parametrize("mode", ["per_criterion", "one_call"])
async def test_faults_end_as_grades_or_abstentions(
    faulty_server: FakeServerProcess, mode: str
) -> None:
    faulty_server.post("/stats/reset")
    rewards, stats = await _grade(faulty_server.url, _config(mode=mode), 60)
    _assert_honest(rewards, 1.0)
    outcomes = Counter(s.status for r in rewards for s in r.criteria)
    assert outcomes["ok"] > 0  # the faults were survivable most of the time
    served = faulty_server.get("/stats")
    assert served["ok"] > 0 and served["chat_completions"] > served["ok"]  # faults happened


async def test_every_request_is_tried_at_most_max_attempts(
    faulty_server: FakeServerProcess,
) -> None:
    await _grade(faulty_server.url, _config(), 40)
    assert max(_attempts_per_request(faulty_server).values()) <= MAX_ATTEMPTS


async def test_reject_policy_grades_stay_zero_never_one() -> None:
    with _server(policy="reject", fault_rate=0.35, faults=TRANSIENT_MIX, seed=3) as server:
        rewards, _ = await _grade(server.url, _config(), 40)
    _assert_honest(rewards, 0.0)


async def test_persistent_500s_abstain_after_exactly_max_attempts() -> None:
    with _server(fault_rate=1.0, faults=("http_500",)) as server:
        rewards, stats = await _grade(server.url, _config(), 5)
        attempts = _attempts_per_request(server)
    assert all(reward.value is None and reward.abstain_reason for reward in rewards)
    reasons = {score.reason for reward in rewards for score in reward.criteria}
    assert reasons == {"http_500"}
    assert len(attempts) == 5 * 3 and set(attempts.values()) == {MAX_ATTEMPTS}


async def test_429_with_retry_after_is_retried_then_graded() -> None:
    schedule = ("http_429",) * (MAX_ATTEMPTS - 1)  # the first call succeeds on its last try
    with _server(fault_schedule=schedule) as server:
        rewards, stats = await _grade(server.url, _config(concurrency=1), 2)
        served = server.get("/stats")
    assert [reward.value for reward in rewards] == [1.0, 1.0]
    assert served["http_429"] == 3 and stats.retries == 3  # type: ignore[attr-defined]


async def test_auth_failure_is_not_retried() -> None:
    with _server(api_key="sk-right") as server:
        rewards, _ = await _grade(server.url, _config(), 3)  # no key sent
        attempts = _attempts_per_request(server)
    assert all(reward.value is None for reward in rewards)
    assert {s.reason for r in rewards for s in r.criteria} == {"auth_failed"}
    assert set(attempts.values()) == {1}


async def test_hangs_time_out_and_abstain() -> None:
    with _server(fault_rate=1.0, faults=("hang",)) as server:
        rewards, _ = await _grade(server.url, _config(max_attempts=2, timeout_s=0.2), 2)
    assert {s.reason for r in rewards for s in r.criteria} == {"timeout"}
    assert all(reward.value is None for reward in rewards)


async def test_garbage_abstains_as_bad_protocol() -> None:
    with _server(fault_rate=1.0, faults=("garbage",)) as server:
        rewards, _ = await _grade(server.url, _config(), 2)
    assert {s.reason for r in rewards for s in r.criteria} == {"bad_protocol"}
    assert all(reward.value is None for reward in rewards)


async def test_second_pass_is_served_from_an_empty_then_filled_cache(tmp_path: object) -> None:
    # Regression: an empty GradingCache is falsy (it has __len__); the engine must test
    # "is not None", or the first pass over a fresh cache crashes.
    cache_path = str(tmp_path) + "/cache.sqlite"
    with _server() as server:
        first, _ = await _grade(server.url, _config(cache_path=cache_path), 4)
        before = server.get("/stats")["chat_completions"]
        second, stats = await _grade(server.url, _config(cache_path=cache_path), 4)
        after = server.get("/stats")["chat_completions"]
    assert [r.value for r in first] == [r.value for r in second] == [1.0] * 4
    assert after == before and stats.cache_hits == 4 * 3  # type: ignore[attr-defined]
    assert all(score.cached for reward in second for score in reward.criteria)
