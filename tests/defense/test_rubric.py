from __future__ import annotations

from pathlib import Path

from rubricrl.defense import DEFENSE_PREFIX, has_defense, load_defense_rubric, with_defense
from rubricrl.rubric import Criterion, Rubric, load_rubric, shipped_rubric_names

REPO = Path(__file__).resolve().parents[2]


def _task() -> Rubric:
    return Rubric(id="task", version="3", criteria=[Criterion(id="c", description="Correct.")])


def test_shipped_defense_rubric_is_the_repository_file() -> None:
    shipped = load_defense_rubric()
    assert "defense" in shipped_rubric_names()
    assert shipped == load_rubric(REPO / "src" / "rubricrl" / "assets" / "rubrics" / "defense.yaml")
    assert all(c.veto and c.kind == "binary" for c in shipped.criteria)


def test_with_defense_adds_prefixed_veto_criteria_and_provenance() -> None:
    task = _task()
    merged = with_defense(task)
    defense_ids = [c.id for c in merged.criteria if c.id.startswith(DEFENSE_PREFIX)]
    assert len(defense_ids) == len(load_defense_rubric().criteria)
    assert all(merged.criterion(i).veto for i in defense_ids)
    assert merged.criterion("c") == task.criterion("c")
    assert merged.version == "3-defense1" and merged.defense
    assert merged.provenance.parent_hash == task.content_hash
    assert merged.content_hash != task.content_hash
    assert has_defense(merged) and not has_defense(task)


def test_with_defense_is_idempotent_and_pure() -> None:
    task = _task()
    merged = with_defense(task)
    assert with_defense(merged) is merged
    assert task.criteria == _task().criteria


def test_with_defense_keeps_version_within_limits() -> None:
    long = Rubric(id="t", version="v" * 32, criteria=[Criterion(id="c", description="d")])
    assert len(with_defense(long).version) <= 32
