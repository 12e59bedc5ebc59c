"""Tests for rubricrl.evaluation._policy_eval (held-out benchmark scoring of a policy)."""

from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from rubricrl.cli import app
from rubricrl.data import DataError, FakePolicy, Generation, PromptRow, SamplingParams
from rubricrl.evaluation import (
    PolicyEvalConfig,
    before_after,
    evaluate_policy,
    heldout_rows,
    ifeval_metrics,
)
from rubricrl.judges import FakeJudge
from rubricrl.training import in_heldout


class ScriptedPolicy:
    """Answers each prompt with a fixed response."""

    supports_n = True
    max_concurrency = 1

    def __init__(self, answers: dict[str, str]) -> None:
        self.id = "scripted"
        self.answers = answers

    async def generate(
        self, messages: list[dict[str, str]], params: SamplingParams, n: int, seed: int
    ) -> list[Generation]:
        return [Generation(self.answers[messages[-1]["content"]]) for _ in range(n)]

    async def aclose(self) -> None:
        return None


def _row(pid: str, ids: list[str]) -> PromptRow:
    verifier = {"instruction_id_list": ids, "kwargs": [{} for _ in ids]}
    return PromptRow(id=pid, prompt=f"prompt {pid}", verifier=verifier)


ROWS = [
    _row("a", ["punctuation:no_comma"]),
    _row("b", ["punctuation:no_comma", "detectable_format:title"]),
    _row("c", ["punctuation:no_comma", "detectable_format:title"]),
]
ANSWERS = {"prompt a": "no commas here", "prompt b": "a, b", "prompt c": "<<T>> ok, fine"}


async def test_hand_computed_accuracy(tmp_path: Path) -> None:
    out = await evaluate_policy(
        ScriptedPolicy(ANSWERS), tmp_path, PolicyEvalConfig(), rows={"ifeval": ROWS}
    )
    metrics = out["benchmarks"]["ifeval"]
    # a passes its one instruction; b fails both; c passes the title, fails no_comma.
    assert metrics["prompt_level"]["value"] == pytest.approx(1 / 3)
    assert metrics["instruction_level"]["value"] == pytest.approx(2 / 5)
    assert metrics["instruction_level"]["n"] == 5
    low, high = metrics["prompt_level"]["ci_low"], metrics["prompt_level"]["ci_high"]
    assert 0.0 <= low <= 1 / 3 <= high <= 1.0
    assert (tmp_path / "policy_eval.json").is_file()


async def test_resume_reuses_journal(tmp_path: Path) -> None:
    policy = ScriptedPolicy(ANSWERS)
    await evaluate_policy(policy, tmp_path, PolicyEvalConfig(), rows={"ifeval": ROWS})
    broken = ScriptedPolicy({})  # would raise KeyError if asked again
    again = await evaluate_policy(broken, tmp_path, PolicyEvalConfig(), rows={"ifeval": ROWS})
    assert again["benchmarks"]["ifeval"]["prompt_level"]["n"] == 3


async def test_failed_samples_are_missing_not_zero(tmp_path: Path) -> None:
    out = await evaluate_policy(
        FakePolicy("fail"), tmp_path, PolicyEvalConfig(), rows={"ifeval": ROWS}
    )
    metrics = out["benchmarks"]["ifeval"]
    assert metrics["missing"] == 3 and metrics["prompt_level"]["value"] is None


def test_undecided_prompt_is_not_counted() -> None:
    row = _row("u", ["not:an_instruction"])
    metrics = ifeval_metrics([row], {"u": "text"})
    assert metrics["undecided"] == 1 and metrics["prompt_level"]["n"] == 0


async def test_rubric_benchmark_with_judge(tmp_path: Path) -> None:
    rubric = {"id": "r", "criteria": [{"id": "c", "description": "Is polite."}]}
    rows = [PromptRow(id=f"w{i}", prompt=f"write {i}", rubric=rubric) for i in range(3)]
    config = PolicyEvalConfig(benchmarks=("writingbench",))
    out = await evaluate_policy(
        FakePolicy(), tmp_path, config, judge=FakeJudge("approve"), rows={"writingbench": rows}
    )
    metrics = out["benchmarks"]["writingbench"]
    assert metrics["reward_mean"]["value"] == 1.0 and metrics["abstain_rate"] == 0.0
    with pytest.raises(DataError, match="needs a judge"):
        await evaluate_policy(FakePolicy(), tmp_path / "x", config, rows={"writingbench": rows})


async def test_unknown_benchmark(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="unknown benchmark"):
        await evaluate_policy(FakePolicy(), tmp_path, PolicyEvalConfig(benchmarks=("nope",)))


def test_heldout_split_matches_training() -> None:
    rows = [PromptRow(id=str(i), prompt=f"prompt number {i}") for i in range(200)]
    kept = heldout_rows(rows, 0.2, 1000)
    assert kept and all(in_heldout(r.text, 0.2) for r in kept) and len(kept) < 200


def test_before_after_table() -> None:
    before: dict[str, Any] = {"benchmarks": {"ifeval": {"prompt_level": {"value": 0.1, "n": 3}}}}
    after: dict[str, Any] = {"benchmarks": {"ifeval": {"prompt_level": {"value": 0.3, "n": 3}}}}
    row = before_after(before, after)["ifeval.prompt_level"]
    assert (row["before"], row["after"], row["n"]) == (0.1, 0.3, 3)


def test_cli_bad_input_is_one_line(tmp_path: Path) -> None:
    runner = CliRunner()
    for args in (
        ["--policy", "fake:echo", "--benchmarks", "nope"],
        ["--policy", "bogus"],
        ["--policy", "fake:echo", "--benchmarks", "writingbench"],
    ):
        result = runner.invoke(app, ["eval", "policy", "--output-dir", str(tmp_path), *args])
        assert result.exit_code != 0, args
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) <= 2, result.output
