import json

import pytest

from rubricrl.rubric._importers import (
    healthbench_rubric,
    import_rows,
    package_file,
    writingbench_rubric,
)

HB_ROW = {
    "prompt_id": "p1",
    "prompt": [{"role": "user", "content": "My chest hurts."}],
    "example_tags": ["theme:emergency_referrals"],
    "rubrics": [
        {"criterion": "Advises emergency care.", "points": 8, "tags": ["axis:accuracy"]},
        {"criterion": "Gives a diagnosis without caveats.", "points": -5, "tags": []},
    ],
}
WB_ROW = {
    "index": 7,
    "domain1": "Education",
    "domain2": "Lesson Plan",
    "query": "Plan a lesson.",
    "checklist": [
        {
            "name": "Clarity",
            "criteria_description": "Is it clear?",
            "1-2": "no",
            "3-4": "barely",
            "5-6": "some",
            "7-8": "mostly",
            "9-10": "fully",
        }
    ],
}


def test_healthbench_points_become_weights_and_pitfalls():
    imported = healthbench_rubric(HB_ROW)
    rubric = imported.rubric
    assert rubric.id == "healthbench-p1" and rubric.granularity == "instance"
    assert [c.weight for c in rubric.criteria] == [8.0, -5.0]
    assert rubric.provenance.source == "human"
    assert "theme:emergency_referrals" in rubric.tags
    assert imported.prompt == "My chest hurts."


def test_writingbench_bands_become_tiers():
    rubric = writingbench_rubric(WB_ROW).rubric
    criterion = rubric.criteria[0]
    assert criterion.kind == "tiered" and criterion.tier_scores == [2, 4, 6, 8, 10]
    assert criterion.tiers[-1].description == "fully"
    assert "Lesson-Plan" in rubric.tags and rubric.provenance.source == "llm"


def test_bad_rows_are_skipped_with_reason(tmp_path):
    bad = dict(HB_ROW, prompt_id="p2", rubrics=[{"criterion": "{{ inject }}", "points": 1}])
    path = tmp_path / "hb.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (HB_ROW, bad, {"x": 1})) + "\n")
    imported, skipped = import_rows(path, "healthbench")
    assert len(imported) == 1
    assert [s.row for s in skipped] == [2, 3]
    assert "template syntax" in skipped[0].reason


def test_missing_package_is_reported():
    with pytest.raises(FileNotFoundError, match="not installed"):
        package_file("no_such_package_xyz", "a.jsonl")


def test_shipped_healthbench_converts_completely():
    pytest.importorskip("eval_framework")
    from rubricrl.rubric._importers import healthbench_path

    hb, hb_skipped = import_rows(healthbench_path(), "healthbench")
    assert (len(hb), len(hb_skipped)) == (500, 0)
    assert sum(len(i.rubric.criteria) for i in hb) == 5965


def test_shipped_writingbench_converts_completely():
    pytest.importorskip("inspect_evals")
    from rubricrl.rubric._importers import writingbench_path

    wb, wb_skipped = import_rows(writingbench_path(), "writingbench")
    assert (len(wb), len(wb_skipped)) == (1000, 0)
    assert all(len(i.rubric.criteria) == 5 for i in wb)
