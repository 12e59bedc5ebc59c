from rubricrl.rubric import Criterion, Rubric, diff_rubrics


def test_diff_reports_added_removed_and_changed_fields():
    old = Rubric(
        id="r", criteria=[Criterion(id="a", description="A."), Criterion(id="b", description="B.")]
    )
    new = Rubric(
        id="r",
        version="2",
        description="now described",
        criteria=[
            Criterion(id="a", description="A.", weight=3),
            Criterion(id="c", description="C."),
        ],
    )
    diff = diff_rubrics(old, new)
    assert diff.added == ["c"] and diff.removed == ["b"]
    paths = [c.path for c in diff.changed]
    assert paths == ["description", "criteria.a.weight"]
    assert not diff.empty
    assert diff.lines()[0] == "--- r@1"


def test_identical_content_gives_empty_diff():
    rubric = Rubric(id="r", criteria=[Criterion(id="a", description="A.")])
    assert diff_rubrics(rubric, rubric.model_copy(update={"version": "2"})).empty
