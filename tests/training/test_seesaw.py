"""The seesaw guard (rubricrl.training._seesaw)."""

from rubricrl.training import Checkpoint, best_checkpoint, changes, detect_seesaw


def point(step: int, **scores: float | None) -> Checkpoint:
    return Checkpoint(stage=f"s{step}", step=step, path=f"p{step}", scores=scores)


def test_seesaw_when_one_drops_and_another_rises() -> None:
    event = detect_seesaw(point(1, a=0.5, b=0.5), point(2, a=0.3, b=0.6), threshold=0.1)
    assert event is not None
    assert event.dropped == {"a": -0.2} and event.rose == {"b": 0.1}


def test_no_seesaw_when_both_drop_or_drop_is_small() -> None:
    assert detect_seesaw(point(1, a=0.5, b=0.5), point(2, a=0.3, b=0.4), 0.1) is None
    assert detect_seesaw(point(1, a=0.5, b=0.5), point(2, a=0.45, b=0.9), 0.1) is None


def test_skills_filter_and_unmeasured_skills() -> None:
    before, after = point(1, a=0.5, b=0.5, c=None), point(2, a=0.1, b=0.9, c=0.2)
    assert detect_seesaw(before, after, 0.1, skills=["b", "c"]) is None
    assert changes(before.scores, after.scores) == {"a": -0.4, "b": 0.4}


def test_best_checkpoint_prefers_higher_mean_then_later() -> None:
    history = [point(1, a=0.5, b=0.5), point(2, a=0.2, b=0.6), point(3, a=0.6, b=0.4)]
    assert best_checkpoint(history).path == "p3"
    assert best_checkpoint([point(1, a=None)]) is None
