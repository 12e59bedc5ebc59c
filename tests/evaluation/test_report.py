import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from rubricrl.evaluation import SECTIONS, ReportData, summarize_graded, write_report

ROWS = [
    {
        "id": "a",
        "reward": 0.9,
        "flags": [{"name": "sycophantic_opener"}],
        "criteria": [{"id": "c1", "score": 1.0}, {"id": "c2", "score": 0.0}],
    },
    {
        "id": "b",
        "reward": 0.3,
        "flags": [],
        "criteria": [{"id": "c1", "score": 0.5}, {"id": "c2", "score": None}],
    },
    {
        "id": "c",
        "reward": None,
        "flags": [],
        "criteria": [{"id": "c1", "score": None}, {"id": "c2", "score": None}],
    },
]


def test_summary_hand_values() -> None:
    summary = summarize_graded(ROWS)
    assert summary["mean_reward"] == pytest.approx(0.6)
    assert summary["abstain_rate"] == pytest.approx(1 / 3)
    assert summary["criteria"]["c1"] == {"pass_rate": 1.0, "mean": 0.75, "n": 2, "abstained": 1}
    assert summary["flag_rates"] == {"sycophantic_opener": pytest.approx(1 / 3)}
    assert sum(summary["histogram"]["counts"]) == 2


def _report(tmp_path: Path) -> Path:
    data = ReportData(
        title="test <report>",
        graded=summarize_graded(ROWS),
        agreement={
            "judge": "fake",
            "n_pairs": 4,
            "position_consistency": 0.5,
            "methods": {
                "rubric": {
                    "accuracy": 0.75,
                    "ci_low": 0.5,
                    "ci_high": 1.0,
                    "tie_rate": 0.0,
                    "abstain_rate": 0.0,
                    "n_scored": 4,
                }
            },
        },
        training=[{"step": i, "reward": i / 10, "completion_length": 20 + i} for i in range(5)],
        benchmarks={"ifeval_prompt_accuracy": {"before": 0.2, "after": 0.25}},
    )
    return write_report(data, tmp_path / "report.html")


def test_html_has_every_section_and_numbers_match_json(tmp_path: Path) -> None:
    page = _report(tmp_path).read_text()
    data = json.loads((tmp_path / "report.json").read_text())
    for key, title in SECTIONS:
        assert f'<section id="{key}"><h2>{title}</h2>' in page
    assert "test &lt;report&gt;" in page and "<report>" not in page
    assert f"{data['graded']['mean_reward']:.4f}" in page
    assert f"{data['agreement']['methods']['rubric']['accuracy']:.4f}" in page
    assert page.count("data:image/png;base64,") >= 4
    assert "http://" not in page and "https://" not in page  # viewable offline


def test_page_loads_in_headless_chromium(tmp_path: Path) -> None:
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    if browser is None:
        pytest.fail("chromium is required for the browser check (scripts/setup.sh installs it)")
    page = _report(tmp_path)
    result = subprocess.run(
        [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--dump-dom",
            page.as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    dom = result.stdout
    found = set(re.findall(r'<section id="(\w+)"', dom))
    assert found == {key for key, _ in SECTIONS}, result.stderr[-2000:]
    assert "<img" in dom


def test_read_jsonl_names_the_bad_line(tmp_path: Path) -> None:
    from rubricrl.evaluation import read_jsonl
    from rubricrl.scoring import InputError

    path = tmp_path / "graded.jsonl"
    path.write_text('{"id": 1}\n\n{not json\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"graded.jsonl:3: not valid JSON"):
        read_jsonl(path)
    path.write_text('{"id": 1}\n\n[1, 2]\n{"id": 2}\n', encoding="utf-8")
    with pytest.raises(InputError, match="must be a JSON object"):
        read_jsonl(path)
    path.write_text('{"id": 1}\n\n{"id": 2}\n', encoding="utf-8")
    assert read_jsonl(path) == [{"id": 1}, {"id": 2}]
