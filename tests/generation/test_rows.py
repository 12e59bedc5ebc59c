import json

import pytest

from rubricrl.generation import GenerationInputError, generate_rows, read_rows, write_results
from rubricrl.judges import FakeJudge
from rubricrl.rubric import load_rubric

from .helpers import reply

GOOD = reply(("Names Paris as the capital.", "essential"))


def write(tmp_path, *rows):
    path = tmp_path / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return path


def test_read_rows_checks_fields_and_filters_task_tag(tmp_path):
    path = write(tmp_path, {"id": 1, "prompt": "a", "tag": "x"}, {"id": 2, "prompt": "b"})
    assert len(read_rows(path, "instance")) == 2
    assert [r["id"] for r in read_rows(path, "task", "x")] == [1]
    with pytest.raises(GenerationInputError, match="chosen"):
        read_rows(path, "contrastive")
    (tmp_path / "bad.jsonl").write_text("{oops\n")
    with pytest.raises(GenerationInputError, match="bad.jsonl:1: not JSON"):
        read_rows(tmp_path / "bad.jsonl", "instance")
    with pytest.raises(GenerationInputError, match="no usable rows"):
        read_rows(path, "task", "missing")


async def test_generate_rows_writes_yaml_and_rejections(tmp_path):
    script = iter([GOOD, "{}", "{}"])
    judge = FakeJudge(script=lambda call: next(script), max_concurrency=1)
    rows = [{"id": "q1", "prompt": "Capital?"}, {"id": "q 2", "prompt": "Other?"}]
    results = await generate_rows(judge, rows, "instance")
    summary = write_results(results, tmp_path / "out")
    assert (summary.accepted, summary.rejected) == (1, 1)
    assert summary.reasons == {"wrong_type": 1}
    rubric = load_rubric(tmp_path / "out" / "gen-instance-q1" / "1.yaml")
    assert rubric.criteria[0].weight == 3.0
    rejection = json.loads((tmp_path / "out" / "rejections.jsonl").read_text())
    assert rejection["id"] == "q 2" and rejection["reason"] == "wrong_type"


async def test_contrastive_and_task_modes():
    judge = FakeJudge(script=lambda call: GOOD)
    rows = [{"id": "a", "prompt": "Q?", "chosen": "good", "rejected": ["bad", "worse"]}]
    [(row_id, result)] = await generate_rows(judge, rows, "contrastive")
    assert row_id == "a" and "2 worse" in result.rubric.provenance.note
    [(name, task_result)] = await generate_rows(judge, rows * 3, "task", task="advice")
    assert name == "advice" and task_result.rubric.granularity == "task"
