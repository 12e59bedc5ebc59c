from pathlib import Path

from rubricrl.evaluation import run_demo
from rubricrl.judges import FakeJudge
from rubricrl.rubric import shipped_rubric


async def test_demo_writes_rows_and_summary(tmp_path: Path) -> None:
    result = await run_demo(FakeJudge("random"), shipped_rubric("writing_quality"), tmp_path)
    assert len(result.rows) == 6 and (tmp_path / "summary.json").exists()
    again = await run_demo(FakeJudge("random"), shipped_rubric("writing_quality"), tmp_path)
    assert [r["id"] for r in again.rows] == [r["id"] for r in result.rows]  # resumed, not doubled


async def test_demo_quick(tmp_path: Path) -> None:
    result = await run_demo(
        FakeJudge("approve"), shipped_rubric("writing_quality"), tmp_path, quick=True
    )
    assert len(result.rows) == 2


def test_demo_cli_bad_input_is_one_line(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from rubricrl.cli import app

    for args in (["--policy", "bogus"], ["--rubric", "no_such_rubric"], ["--judge", "nope"]):
        result = CliRunner().invoke(app, ["demo", "--output-dir", str(tmp_path), *args])
        assert result.exit_code != 0, args
        assert "Traceback" not in result.output
        assert len(result.output.strip().splitlines()) <= 2, result.output
