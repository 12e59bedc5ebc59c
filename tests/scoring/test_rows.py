import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rubricrl.judges import FakeJudge
from rubricrl.rubric import Rubric
from rubricrl.scoring import (
    GradingItem,
    InputError,
    ScoringEngine,
    finished_ids,
    grade_rows,
    read_items,
)

from ..conftest import REPO


def _write_rows(path: Path, n: int) -> None:
    with path.open("w") as handle:
        for i in range(n):
            handle.write(json.dumps({"id": f"r{i}", "prompt": "Q", "response": f"A {i}"}) + "\n")


def test_read_items_validates(tmp_path: Path, simple_rubric: Rubric) -> None:
    rubrics = {"simple": simple_rubric}
    good = tmp_path / "in.jsonl"
    _write_rows(good, 3)
    assert [i.id for i in read_items(good, rubrics, "simple")] == ["r0", "r1", "r2"]
    cases = {
        '{"id": "a", "prompt": "q"}': "missing 'response'",
        '{"id": "", "prompt": "q", "response": "r"}': "'id' must be",
        "[1, 2]": "JSON object",
        '{"id": "a", "prompt": "q", "response": "r", "rubric": "zzz"}': "unknown rubric 'zzz'",
        "{not json": "not valid JSON",
        '{"id": "a", "prompt": 5, "response": "r"}': "'prompt' must be",
    }
    for line, message in cases.items():
        bad = tmp_path / "bad.jsonl"
        bad.write_text(line + "\n")
        with pytest.raises(InputError, match=message):
            read_items(bad, rubrics, "simple")
    dup = tmp_path / "dup.jsonl"
    dup.write_text('{"id": 1, "prompt": "q", "response": "r"}\n' * 2)
    with pytest.raises(InputError, match=r"dup.jsonl:2: duplicate id '1'"):
        read_items(dup, rubrics, "simple")


def test_chat_messages_accepted(tmp_path: Path, simple_rubric: Rubric) -> None:
    path = tmp_path / "chat.jsonl"
    row = {"id": "c", "prompt": [{"role": "user", "content": "Hi"}], "response": "Hello"}
    path.write_text(json.dumps(row) + "\n")
    assert read_items(path, {"simple": simple_rubric}, "simple")[0].prompt == "user: Hi"


def test_finished_ids_truncates_partial_line(tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "a", "reward": 1}\n{"id": "b", "rew')
    assert finished_ids(out) == {"a"}
    assert out.read_text() == '{"id": "a", "reward": 1}\n'


async def test_output_not_overwritten_without_resume(tmp_path: Path, simple_rubric: Rubric) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "x"}\n')
    items = [GradingItem(id="a", prompt="q", response="r", rubric=simple_rubric)]
    with pytest.raises(InputError, match="--resume"):
        await grade_rows(items, out, ScoringEngine(FakeJudge("approve")))
    assert out.read_text() == '{"id": "x"}\n'


async def test_rows_have_stable_format(tmp_path: Path, simple_rubric: Rubric) -> None:
    out = tmp_path / "out.jsonl"
    items = [GradingItem(id="a", prompt="q", response="r", rubric=simple_rubric)]
    await grade_rows(items, out, ScoringEngine(FakeJudge("approve")))
    row = json.loads(out.read_text())
    for key in ("id", "reward", "criteria", "flags", "rubric_hash", "judge"):
        assert key in row
    assert set(row["criteria"][0]) >= {"id", "score", "tier", "evidence", "status"}


DRIVER = """
import asyncio, sys
from pathlib import Path
from rubricrl.judges import FakeJudge
from rubricrl.rubric import load_rubric
from rubricrl.scoring import EngineConfig, ScoringEngine, grade_rows, read_items
rubric = load_rubric(sys.argv[1])
items = read_items(Path(sys.argv[2]), {rubric.id: rubric}, rubric.id)
judge = FakeJudge("random", latency_s=float(sys.argv[4]))
engine = ScoringEngine(judge, EngineConfig(concurrency=8))
summary = asyncio.run(grade_rows(items, Path(sys.argv[3]), engine, resume=True))
print(summary.skipped, summary.written)
"""


def test_kill_and_resume_gives_one_row_per_input(tmp_path: Path) -> None:
    rows, out = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    _write_rows(rows, 300)
    rubric = str(REPO / "rubrics" / "writing_quality.yaml")
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    command = [sys.executable, "-c", DRIVER, rubric, str(rows), str(out)]
    proc = subprocess.Popen([*command, "0.01"], env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if out.exists() and out.read_text().count("\n") >= 40:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = out.read_text().count("\n")
    assert 40 <= partial < 300
    result = subprocess.run([*command, "0"], env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    skipped, written = map(int, result.stdout.split())
    ids = [json.loads(line)["id"] for line in out.read_text().splitlines()]
    assert sorted(ids) == sorted(f"r{i}" for i in range(300))
    assert skipped + written == 300 and skipped >= partial
