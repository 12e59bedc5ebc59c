from __future__ import annotations

import pytest

from rubricrl import verifiers
from rubricrl.data import DataError, PromptRow, grading_items, rubric_for_row
from rubricrl.rubric import Criterion, Rubric

DEFAULT = Rubric(id="default", criteria=[Criterion(id="c", description="Helpful.")])


def test_rubric_resolution_order(prompts: list[PromptRow]) -> None:
    assert rubric_for_row(prompts[2]).id == "r3"  # type: ignore[union-attr]
    assert rubric_for_row(prompts[0]) is None
    assert rubric_for_row(prompts[0], default=DEFAULT) is DEFAULT
    ref = PromptRow(id="x", prompt="y", rubric="default")
    assert rubric_for_row(ref, {"default": DEFAULT}) is DEFAULT
    with pytest.raises(DataError, match="is not loaded"):
        rubric_for_row(ref)
    bad = PromptRow(id="x", prompt="y", rubric={"id": "r", "criteria": []})
    with pytest.raises(DataError, match="prompt x"):
        rubric_for_row(bad)


@pytest.mark.skipif(not hasattr(verifiers, "ifeval_rubric"), reason="no ifeval_rubric yet")
def test_ifeval_rows_get_verifier_rubrics() -> None:
    row = PromptRow(
        id="ifeval-1",
        prompt="No commas.",
        verifier={"instruction_id_list": ["punctuation:no_comma"], "kwargs": [{}]},
    )
    rubric = rubric_for_row(row)
    assert rubric is not None and all(c.kind == "verifier" for c in rubric.criteria)


def test_grading_items_map_samples_to_prompts(prompts: list[PromptRow]) -> None:
    samples = [
        {"id": "p3#0", "prompt_id": "p3", "sample_index": 0, "response": "red"},
        {"id": "p1#1", "prompt_id": "p1", "sample_index": 1, "response": "waves"},
    ]
    items = grading_items(prompts, samples, default=DEFAULT)
    assert [(i.id, i.rubric.id, i.response) for i in items] == [
        ("p3#0", "r3", "red"),
        ("p1#1", "default", "waves"),
    ]
    assert items[0].metadata == {"prompt_id": "p3", "sample_index": 0}
    with pytest.raises(DataError, match="no rubric"):
        grading_items(prompts, samples)
    with pytest.raises(DataError, match="unknown prompt id"):
        grading_items(prompts, [{"id": "z#0", "prompt_id": "z", "response": ""}])
