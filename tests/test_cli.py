import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from rubricrl.cli import app

from .conftest import REPO

runner = CliRunner()
RUBRIC = str(REPO / "rubrics" / "writing_quality.yaml")


def test_validate_ok_and_bad(tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", RUBRIC])
    assert result.exit_code == 0 and "writing_quality" in result.stdout
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: x\ncriteria: 5\n")
    result = runner.invoke(app, ["validate", str(bad)])
    assert result.exit_code == 1 and "criteria" in result.stderr


def test_schema_is_json() -> None:
    result = runner.invoke(app, ["schema"])
    assert json.loads(result.stdout)["title"] == "Rubric"


def test_grade_and_resume(tmp_path: Path) -> None:
    rows = tmp_path / "in.jsonl"
    rows.write_text(
        "".join(json.dumps({"id": i, "prompt": "Q", "response": f"A{i}"}) + "\n" for i in range(5))
    )
    out = tmp_path / "out.jsonl"
    args = [
        "grade",
        "--rubric",
        RUBRIC,
        "--input",
        str(rows),
        "--output",
        str(out),
        "--judge",
        "fake:approve",
    ]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1])["written"] == 5
    assert len(out.read_text().splitlines()) == 5
    again = runner.invoke(app, args)
    assert again.exit_code == 2 and "--resume" in again.stderr
    resumed = runner.invoke(app, [*args, "--resume"])
    assert resumed.exit_code == 0 and json.loads(resumed.stdout.splitlines()[-1])["skipped"] == 5


def test_bad_inputs_are_one_line_errors(tmp_path: Path) -> None:
    good, bad = tmp_path / "good.jsonl", tmp_path / "bad.jsonl"
    good.write_text('{"id": 1, "prompt": "q", "response": "r"}\n')
    bad.write_text('{"id": 1, "prompt": "q"}\n')
    cases = [
        (good, ["--judge", "nope"], "unknown judge"),
        (good, ["--judge", "fake:approve", "--mode", "sideways"], "mode"),
        (tmp_path / "missing.jsonl", ["--judge", "fake:approve"], "no such input"),
        (bad, ["--judge", "fake:approve"], "missing 'response'"),
    ]
    output = tmp_path / "o.jsonl"
    for rows, extra, message in cases:
        args = ["grade", "--rubric", RUBRIC, "--input", str(rows), "--output", str(output)]
        result = runner.invoke(app, [*args, *extra])
        assert result.exit_code == 2, (extra, result.stderr)
        assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
        assert "Traceback" not in result.stderr and message in result.stderr
    assert not output.exists()


def test_module_entry_point_runs() -> None:
    env_path = str(REPO / "src")
    result = subprocess.run(
        [sys.executable, "-m", "rubricrl", "validate", RUBRIC],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": env_path},
    )
    assert result.returncode == 0 and "ok" in result.stdout
