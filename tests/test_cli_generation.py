import json
from pathlib import Path

from typer.testing import CliRunner

from rubricrl.cli import app
from rubricrl.rubric import Criterion, Rubric, RubricBank

runner = CliRunner()


def test_generate_with_fake_judge_records_rejections(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"id": "q1", "prompt": "Capital of France?"}\n')
    out = tmp_path / "out"
    result = runner.invoke(
        app,
        [
            "generate",
            str(rows),
            "--output",
            str(out),
            "--judge",
            "fake:approve",
            "--bank",
            str(tmp_path / "b.db"),
        ],
    )
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["rejected"] == 1 and summary["reasons"] == {"empty_description": 1}
    assert "empty_description" in (out / "rejections.jsonl").read_text()


def test_generate_bad_input_is_one_line_error(tmp_path: Path) -> None:
    rows = tmp_path / "rows.jsonl"
    rows.write_text("not json\n")
    result = runner.invoke(
        app, ["generate", str(rows), "--output", str(tmp_path / "o"), "--judge", "fake:approve"]
    )
    assert result.exit_code == 2 and result.stderr.startswith("error:")
    assert len(result.stderr.strip().splitlines()) == 1
    result = runner.invoke(app, ["generate", str(rows), "--output", "o", "--mode", "nope"])
    assert result.exit_code == 2


def test_bank_import_search_show_diff_export(tmp_path: Path) -> None:
    db = str(tmp_path / "bank.db")
    with RubricBank(db) as bank:
        bank.add(
            Rubric(
                id="tone",
                tags=("chat",),
                criteria=[Criterion(id="c", description="Is polite to the user.")],
            )
        )
        bank.add(
            Rubric(
                id="tone",
                version="2",
                criteria=[Criterion(id="c", description="Is polite.", weight=2)],
            )
        )
    export = tmp_path / "export"
    assert runner.invoke(app, ["bank", "export", str(export), "--db", db]).exit_code == 0
    other = str(tmp_path / "other.db")
    result = runner.invoke(app, ["bank", "import", str(export), "--db", other])
    assert json.loads(result.stdout) == {"added": 2, "unchanged": 0, "rejected": 0}
    result = runner.invoke(app, ["bank", "search", "polite answer", "--db", other, "-k", "1"])
    hit = json.loads(result.stdout.splitlines()[0])
    assert hit["id"] == "tone" and hit["version"] == "2"
    result = runner.invoke(app, ["bank", "show", "tone", "--version", "1", "--db", other])
    assert "Is polite to the user." in result.stdout
    result = runner.invoke(app, ["bank", "diff", "tone", "1", "--db", other])
    assert "~ criteria.c.weight: 1.0 -> 2.0" in result.stdout


def test_bank_errors_are_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "bank.db")
    result = runner.invoke(app, ["bank", "show", "missing", "--db", db])
    assert result.exit_code == 1 and "no rubric missing" in result.stderr
    result = runner.invoke(app, ["bank", "import", str(tmp_path / "nope"), "--db", db])
    assert result.exit_code == 2 and "not a folder" in result.stderr
    result = runner.invoke(app, ["bank", "search", "x", "--db", db, "--embedder", "nope"])
    assert result.exit_code == 2 and "valid" in result.stderr
