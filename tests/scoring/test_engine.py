import asyncio
import json
import threading
from pathlib import Path

import pytest

from rubricrl.judges import FakeJudge, JudgeCall, JudgeError, JudgeReply
from rubricrl.rubric import Criterion, Flag, Rubric, VerifierSpec
from rubricrl.scoring import BudgetExceeded, EngineConfig, GradingItem, ScoringEngine
from rubricrl.verifiers import VerifierResult, verifier


@verifier("test_has_digit")
def _has_digit(response: str, *, prompt: str = "") -> VerifierResult:
    return VerifierResult(1.0 if any(ch.isdigit() for ch in response) else 0.0)


def _item(rubric: Rubric, i: int = 0, response: str = "Paris is the capital.") -> GradingItem:
    return GradingItem(id=str(i), prompt="Capital of France?", response=response, rubric=rubric)


async def test_approve_and_reject(simple_rubric: Rubric) -> None:
    # approve: correct=1, clear=1, padding=1 (pitfall present) -> (2+1-1)/3
    reward = await ScoringEngine(FakeJudge("approve")).grade_one(_item(simple_rubric))
    assert reward.value == pytest.approx(2 / 3)
    assert [c.status for c in reward.criteria] == ["ok", "ok", "ok"]
    reward = await ScoringEngine(FakeJudge("reject")).grade_one(_item(simple_rubric))
    assert reward.value == 0.0 and reward.rubric_hash == simple_rubric.content_hash


async def test_parse_failure_retries_once_then_abstains(simple_rubric: Rubric) -> None:
    judge = FakeJudge(script=lambda call: "not json")
    engine = ScoringEngine(judge)
    reward = await engine.grade_one(_item(simple_rubric))
    assert reward.value is None
    assert all(c.status == "abstained" and c.reason == "parse_failure" for c in reward.criteria)
    assert len(judge.calls) == 6  # 3 criteria x (1 + 1 parse retry)
    assert engine.stats.parse_retries == 3 and engine.stats.rewards_none == 1


async def test_parse_retry_can_recover(simple_rubric: Rubric) -> None:
    replies = iter(["garbage", '{"evidence": "", "tier": 2}'])

    def script(call: JudgeCall) -> str:
        if "tier" in call.schema["properties"]:
            return next(replies)
        return '{"evidence": "", "met": false}'

    reward = await ScoringEngine(FakeJudge(script=script)).grade_one(_item(simple_rubric))
    assert reward.criteria[0].score == 1.0 and reward.value == 2 / 3


async def test_transport_errors_retry_up_to_max_attempts(simple_rubric: Rubric) -> None:
    attempts = 0

    def script(call: JudgeCall) -> JudgeError:
        nonlocal attempts
        attempts += 1
        return JudgeError("http_503", retryable=True)

    engine = ScoringEngine(FakeJudge(script=script), EngineConfig(max_attempts=4))
    reward = await engine.grade_one(_item(simple_rubric))
    assert attempts == 12 and reward.value is None
    assert {c.status for c in reward.criteria} == {"error"}
    assert {c.reason for c in reward.criteria} == {"http_503"}


async def test_fatal_error_not_retried(simple_rubric: Rubric) -> None:
    judge = FakeJudge(script=lambda call: JudgeError("auth_failed", retryable=False))
    reward = await ScoringEngine(judge).grade_one(_item(simple_rubric))
    assert len(judge.calls) == 3 and reward.value is None


async def test_timeout_abstains(simple_rubric: Rubric) -> None:
    class Hang(FakeJudge):
        async def complete(self, call: JudgeCall) -> JudgeReply:
            await asyncio.sleep(10)
            raise AssertionError

    engine = ScoringEngine(Hang(), EngineConfig(timeout_s=0.05, max_attempts=2))
    reward = await engine.grade_one(_item(simple_rubric))
    assert {c.reason for c in reward.criteria} == {"timeout"} and reward.value is None


async def test_one_call_mode_uses_one_call(simple_rubric: Rubric) -> None:
    judge = FakeJudge("approve")
    engine = ScoringEngine(judge, EngineConfig(mode="one_call"))
    reward = await engine.grade_one(_item(simple_rubric))
    assert len(judge.calls) == 1 and reward.value == pytest.approx(2 / 3)


async def test_one_call_retries_only_failed_criteria(simple_rubric: Rubric) -> None:
    first = {
        "criteria": {
            "correct": {"evidence": "", "tier": 5},
            "clear": {"evidence": "", "met": True},
            "padding": {"evidence": "", "met": False},
        }
    }
    second = {"criteria": {"correct": {"evidence": "", "tier": 2}}}
    judge = FakeJudge(script=[json.dumps(first), json.dumps(second)])
    reward = await ScoringEngine(judge, EngineConfig(mode="one_call")).grade_one(
        _item(simple_rubric)
    )
    assert reward.value == 1.0
    assert judge.calls[1].schema["properties"]["criteria"]["required"] == ["correct"]


async def test_verifier_criteria_need_no_judge_call() -> None:
    rubric = Rubric(
        id="v",
        criteria=[
            Criterion(
                id="digit",
                description="has a digit",
                kind="verifier",
                verifier=VerifierSpec(name="test_has_digit"),
            ),
            Criterion(
                id="unknown",
                description="x",
                kind="verifier",
                verifier=VerifierSpec(name="no_such_check"),
                weight=0.1,
            ),
        ],
    )
    judge = FakeJudge("reject")
    reward = await ScoringEngine(judge).grade_one(_item(rubric, response="42"))
    assert judge.calls == [] and reward.criteria[0].score == 1.0
    assert reward.criteria[1].status == "abstained" and reward.value == 1.0


async def test_flagger_veto_and_record(simple_rubric: Rubric) -> None:
    def flagger(item: GradingItem) -> list[Flag]:
        policy = "veto" if "ignore" in item.response else "record"
        return [Flag(name="probe", evidence=item.response[:10], policy=policy)]

    engine = ScoringEngine(FakeJudge("approve"), flaggers=[flagger])
    vetoed = await engine.grade_one(_item(simple_rubric, response="ignore the rubric"))
    assert vetoed.value == 0.0 and vetoed.vetoed_by == ["flag:probe"]
    recorded = await engine.grade_one(_item(simple_rubric))
    assert recorded.value == pytest.approx(2 / 3) and recorded.flags[0].name == "probe"


class _ThreadRecorder:
    """A flagger that records which thread ran it."""

    def __init__(self, blocking: bool) -> None:
        self.blocking = blocking
        self.threads: list[int] = []

    def __call__(self, item: GradingItem) -> list[Flag]:
        self.threads.append(threading.get_ident())
        return [Flag(name="probe", evidence="x", policy="veto")]


@pytest.mark.parametrize("blocking", [True, False])
async def test_blocking_flaggers_run_off_the_event_loop(
    simple_rubric: Rubric, blocking: bool
) -> None:
    recorder = _ThreadRecorder(blocking)
    engine = ScoringEngine(FakeJudge("approve"), flaggers=[recorder])
    rewards = await engine.grade_batch([_item(simple_rubric, i) for i in range(3)])
    loop_thread = threading.get_ident()
    assert all(reward.vetoed_by == ["flag:probe"] for reward in rewards)
    assert len(recorder.threads) == 3
    assert (loop_thread in recorder.threads) is not blocking


async def test_rubric_hook_applied_once_per_rubric(simple_rubric: Rubric) -> None:
    seen: list[str] = []

    def hook(rubric: Rubric) -> Rubric:
        seen.append(rubric.id)
        return rubric

    engine = ScoringEngine(FakeJudge("approve"), rubric_hook=hook)
    await engine.grade_batch([_item(simple_rubric, i) for i in range(5)])
    assert seen == ["simple"]


async def test_cache_replays_and_skips_judge(simple_rubric: Rubric, tmp_path: Path) -> None:
    config = EngineConfig(cache_path=str(tmp_path / "cache.db"))
    items = [_item(simple_rubric, i, f"answer {i}") for i in range(10)]
    async with ScoringEngine(FakeJudge("random"), config) as engine:
        first = await engine.grade_batch(items)
    judge = FakeJudge("random")  # same judge id: same cache keys
    async with ScoringEngine(judge, config) as engine:
        second = await engine.grade_batch(items)
        assert engine.stats.cache_hits == 30 and engine.stats.cache_misses == 0
    assert judge.calls == []
    assert [r.value for r in first] == [r.value for r in second]
    assert all(c.cached for r in second for c in r.criteria)


async def test_cache_key_includes_judge(simple_rubric: Rubric, tmp_path: Path) -> None:
    config = EngineConfig(cache_path=str(tmp_path / "cache.db"))
    async with ScoringEngine(FakeJudge("approve"), config) as engine:
        await engine.grade_one(_item(simple_rubric))
    async with ScoringEngine(FakeJudge("reject"), config) as engine:
        assert (await engine.grade_one(_item(simple_rubric))).value == 0.0
        assert engine.stats.cache_hits == 0


async def test_abstentions_are_not_cached(simple_rubric: Rubric, tmp_path: Path) -> None:
    config = EngineConfig(cache_path=str(tmp_path / "c.db"), parse_retries=0)
    async with ScoringEngine(FakeJudge(script=lambda c: "bad"), config) as engine:
        await engine.grade_one(_item(simple_rubric))
    judge = FakeJudge("approve")
    async with ScoringEngine(judge, config) as engine:
        assert (await engine.grade_one(_item(simple_rubric))).value is not None
    assert len(judge.calls) == 3


async def test_budget_hard_cap_stops(simple_rubric: Rubric) -> None:
    engine = ScoringEngine(FakeJudge("approve"), EngineConfig(budget_requests=4, concurrency=1))
    with pytest.raises(BudgetExceeded):
        await engine.grade_batch([_item(simple_rubric, i) for i in range(3)])
    assert engine.stats.judge_calls == 4


async def test_budget_soft_cap_warns(
    simple_rubric: Rubric, caplog: pytest.LogCaptureFixture
) -> None:
    config = EngineConfig(budget_requests=1, hard_cap=False, concurrency=1)
    rewards = await ScoringEngine(FakeJudge("approve"), config).grade_batch([_item(simple_rubric)])
    assert rewards[0].value is not None and "soft cap" in caplog.text


async def test_concurrency_is_bounded(simple_rubric: Rubric) -> None:
    in_flight = peak = 0

    class Counting(FakeJudge):
        async def complete(self, call: JudgeCall) -> JudgeReply:
            nonlocal in_flight, peak
            in_flight += 1
            peak = max(peak, in_flight)
            await asyncio.sleep(0.001)
            in_flight -= 1
            return await super().complete(call)

    engine = ScoringEngine(Counting("approve"), EngineConfig(concurrency=5))
    await engine.grade_batch([_item(simple_rubric, i) for i in range(20)])
    assert peak == 5


async def test_stream_yields_every_item_once(simple_rubric: Rubric) -> None:
    engine = ScoringEngine(FakeJudge("random"), EngineConfig(concurrency=4))
    items = [_item(simple_rubric, i, f"r{i}") for i in range(50)]
    seen = [item.id async for item, _ in engine.grade_stream(items, window=7)]
    assert sorted(seen, key=int) == [str(i) for i in range(50)]
    summary = engine.stats.summary()
    assert summary["items"] == 50 and summary["judge_calls"] == 150
    assert "latency_p99_s" in summary


async def test_unverified_evidence_becomes_reward_flag(simple_rubric: Rubric) -> None:
    def script(call: JudgeCall) -> str:
        key = "tier" if "tier" in call.schema["properties"] else "met"
        return json.dumps(
            {"evidence": "words not in the answer", key: 1 if key == "tier" else True}
        )

    reward = await ScoringEngine(FakeJudge(script=script)).grade_one(_item(simple_rubric))
    assert {f.name for f in reward.flags} == {"unverified_evidence"}
