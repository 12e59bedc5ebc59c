"""`rubricrl serve` argument handling: bad input gives one line on stderr, never a traceback."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from rubricrl.cli import app
from tests.rewards.conftest import RUBRICS

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["serve", *args])
    return result.exit_code, result.output


def test_missing_rubric_file_is_one_line_error(tmp_path: Path) -> None:
    code, output = run("--rubric", str(tmp_path / "nope.yaml"), "--judge", "fake:approve")
    assert code == 2 and output.startswith("error: ") and output.count("\n") == 1


def test_bad_config_field_and_bad_judge(tmp_path: Path) -> None:
    config = tmp_path / "serve.yaml"
    config.write_text("max_sample: 3\n")
    code, output = run("--config", str(config))
    assert code == 2 and "max_sample" in output and "Traceback" not in output
    code, output = run("--rubric", str(RUBRICS), "--judge", "nosuch:judge", "--port", "0")
    assert code == 2 and "unknown judge" in output


def test_config_must_be_a_mapping(tmp_path: Path) -> None:
    config = tmp_path / "serve.yaml"
    config.write_text("- a\n- b\n")
    code, output = run("--config", str(config))
    assert code == 2 and "must be a mapping" in output
