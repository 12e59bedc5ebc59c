"""Ray batch scoring: 5,000 rows on a local 2-CPU cluster through the fake OpenAI judge server
(a real HTTP peer in its own process); kill the run, resume, check nothing is lost or doubled."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rubricrl.judges import FakeJudge
from rubricrl.rubric import load_rubric
from rubricrl.scoring import GradingItem, ScoringEngine, reward_row
from rubricrl.testing import FakeServerConfig, FakeServerProcess
from tests.rewards.conftest import REPO, RUBRICS

pytest.importorskip("ray.data")
pytestmark = pytest.mark.slow

ROWS = 5000
RUBRIC = RUBRICS / "writing_quality.yaml"


def write_input(path: Path, rows: int) -> None:
    with path.open("w") as handle:
        for i in range(rows):
            handle.write(json.dumps({"id": i, "prompt": f"Prompt {i}", "response": f"Text {i}."}))
            handle.write("\n")


def grade_cmd(inp: Path, out: Path, judge: str, *extra: str) -> list[str]:
    return [
        sys.executable, "-m", "rubricrl", "grade", "--ray", "--rubric", str(RUBRIC),
        "--input", str(inp), "--output", str(out), "--judge", judge, *extra,
    ]  # fmt: skip


def count_lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


@pytest.fixture(scope="module")
def judge_url() -> Iterator[str]:
    with FakeServerProcess(FakeServerConfig(policy="approve", latency_ms=2)) as server:
        yield server.url


def test_kill_and_resume_loses_and_duplicates_nothing(tmp_path: Path, judge_url: str) -> None:
    inp, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_input(inp, ROWS)
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    judge = f"openai:fake-judge@{judge_url}"
    first = subprocess.Popen(
        grade_cmd(inp, out, judge), env=env, cwd=tmp_path, start_new_session=True,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 240
        while count_lines(out) < 500 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert first.poll() is None, "run finished before it could be killed"
        killed_at = count_lines(out)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=30)
    finally:
        if first.poll() is None:
            os.killpg(first.pid, signal.SIGKILL)
    assert 0 < killed_at < ROWS
    with out.open("ab") as handle:
        handle.write(b'{"id": "partial')  # a torn last line, as a crash mid-write leaves
    second = subprocess.run(
        grade_cmd(inp, out, judge, "--resume"), env=env, cwd=tmp_path, capture_output=True,
        text=True, timeout=400, start_new_session=True,
    )  # fmt: skip
    assert second.returncode == 0, second.stderr[-2000:]
    summary = json.loads(second.stdout.strip().splitlines()[-1])
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    ids = [row["id"] for row in rows]
    assert len(ids) == ROWS and set(ids) == {str(i) for i in range(ROWS)}
    assert summary["skipped"] + summary["written"] == ROWS and summary["skipped"] >= killed_at

    rubric = load_rubric(RUBRIC)

    async def local(i: int) -> dict[str, object]:
        item = GradingItem(id=str(i), prompt=f"Prompt {i}", response=f"Text {i}.", rubric=rubric)
        async with ScoringEngine(FakeJudge("approve")) as engine:
            return reward_row(item.id, await engine.grade_one(item))

    by_id = {row["id"]: row for row in rows}
    assert all(row["judge"] == judge.removesuffix("/") for row in rows)
    for i in (0, 1234, ROWS - 1):
        expected = asyncio.run(local(i))
        assert by_id[str(i)]["reward"] == expected["reward"]
        assert [c["score"] for c in by_id[str(i)]["criteria"]] == [
            c["score"] for c in expected["criteria"]
        ]
