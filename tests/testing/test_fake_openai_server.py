"""The command-line entry point ``python -m rubricrl.testing.fake_openai_server``."""

from __future__ import annotations

import subprocess
import sys

import pytest

from rubricrl.testing import fake_openai_server
from rubricrl.testing.fake_openai_server import main


def _parse_args(argv: list[str]) -> fake_openai_server.FakeServerConfig:
    from rubricrl.testing._server import _parse_args as parse

    return parse(argv)


def test_flags_map_onto_config_fields() -> None:
    config = _parse_args(
        [
            "--latency-ms",
            "50",
            "--policy",
            "reject",
            "--fault-rate",
            "0.1",
            "--faults",
            "http_500,hang",
            "--cycle-schedule",
            "--workers",
            "2",
        ]
    )
    assert (config.latency_ms, config.policy, config.fault_rate) == (50.0, "reject", 0.1)
    assert config.faults == ("http_500", "hang") and config.cycle_schedule and config.workers == 2


def test_bad_flags_print_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--fault-rate", "2"]) == 2
    assert capsys.readouterr().err.startswith("error: ")


def test_help_lists_every_config_field() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "rubricrl.testing.fake_openai_server", "--help"],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
        env={"PYTHONPATH": fake_openai_server.__file__.rsplit("/rubricrl/", 1)[0]},
    )
    for field in fake_openai_server.FakeServerConfig.model_fields:
        assert "--" + field.replace("_", "-") in completed.stdout
    assert "RuntimeWarning" not in completed.stderr  # the entry module is not pre-imported
