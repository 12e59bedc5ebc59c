from __future__ import annotations

import asyncio
import json
from pathlib import Path

from rubricrl.judges import FakeJudge
from rubricrl.rewards import ServeConfig
from rubricrl.rewards._service import graded_row
from rubricrl.rewards.server import Admission, RewardService, RowCache
from rubricrl.rubric import Reward
from rubricrl.scoring import reward_row
from tests.rewards.conftest import RUBRICS


def test_admission_refuses_beyond_capacity_and_releases() -> None:
    gate = Admission(5)
    assert gate.try_admit(5) and not gate.try_admit(1)
    gate.release(5)
    assert gate.inflight == 0 and gate.try_admit(1)


def test_row_cache_skips_abstentions_and_evicts_oldest() -> None:
    cache = RowCache(2)
    for key, value in (("a", 0.5), ("n", None), ("b", 0.1), ("c", 0.2)):
        cache.put(key, graded_row(Reward(value=value)))
    assert cache.get("n") is None and cache.get("a") is None
    row = cache.get("c")
    assert row is not None and row.as_dict("id1") == reward_row("id1", Reward(value=0.2))
    assert list(row.as_dict("k")) == list(reward_row("k", Reward(value=0.2)))


async def test_rows_use_one_engine_and_cache_hits_skip_the_judge() -> None:
    judge = FakeJudge("approve")
    service = RewardService(ServeConfig(rubric_dir=[RUBRICS]), judge)
    await service.start()
    rubric = service.bank.get("writing_quality")
    first = await service.rows_for(rubric, [("1", "P", "R."), ("2", "P", "S.")])
    calls = len(judge.calls)
    again = await service.rows_for(rubric, [("x", "P", "R.")])
    assert len(judge.calls) == calls and service.rows.hits == 1
    assert again[0].as_dict("x")["id"] == "x" and again[0].reward == first[0].reward
    await service.close()


async def test_shutdown_journals_work_still_in_flight(tmp_path: Path) -> None:
    journal = tmp_path / "journal.jsonl"
    config = ServeConfig(rubric_dir=[RUBRICS], journal_path=journal)
    service = RewardService(config, FakeJudge("approve", latency_s=30))
    await service.start()
    rubric = service.bank.get("writing_quality")
    task = asyncio.create_task(service.rows_for(rubric, [("1", "P", "R.")]))
    await asyncio.sleep(0.05)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    await service.close()
    (row,) = [json.loads(line) for line in journal.read_text().splitlines()]
    assert row["id"] == "1" and row["unfinished"] == "cancelled"
