"""The seesaw guard: detect one skill dropping while another rises, and pick a rollback point.

Rubicon reports that training instruction following and creative writing together makes
one skill fall as the other climbs (a "seesaw"); it trains them in stages. The guard compares
skill scores between successive evaluations of the same run.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pydantic import BaseModel, ConfigDict

Scores = Mapping[str, float | None]


class Checkpoint(BaseModel):
    """Skill scores measured on one checkpoint."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    stage: str
    step: int
    path: str
    scores: dict[str, float | None]


class SeesawEvent(BaseModel):
    """One skill fell past the threshold while another rose."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    dropped: dict[str, float]
    rose: dict[str, float]
    at_stage: str
    at_step: int


def changes(before: Scores, after: Scores) -> dict[str, float]:
    """Per-skill change between two evaluations (skills unmeasured in either are skipped).

    >>> changes({"a": 0.5, "b": None}, {"a": 0.25, "b": 0.1})
    {'a': -0.25}
    """
    deltas = {}
    for skill, old in before.items():
        new = after.get(skill)
        if old is not None and new is not None:
            deltas[skill] = new - old
    return deltas


def detect_seesaw(
    previous: Checkpoint, current: Checkpoint, threshold: float, skills: Sequence[str] = ()
) -> SeesawEvent | None:
    """A seesaw if some skill dropped by more than ``threshold`` while another rose.

    >>> before = Checkpoint(stage="s1", step=10, path="a", scores={"if": 0.4, "write": 0.5})
    >>> after = Checkpoint(stage="s2", step=20, path="b", scores={"if": 0.3, "write": 0.6})
    >>> detect_seesaw(before, after, threshold=0.05).dropped
    {'if': -0.1}
    """
    deltas = changes(previous.scores, current.scores)
    if skills:
        deltas = {skill: delta for skill, delta in deltas.items() if skill in skills}
    dropped = {skill: round(d, 6) for skill, d in deltas.items() if d < -threshold}
    rose = {skill: round(d, 6) for skill, d in deltas.items() if d > 0}
    if not dropped or not rose:
        return None
    return SeesawEvent(dropped=dropped, rose=rose, at_stage=current.stage, at_step=current.step)


def mean_score(checkpoint: Checkpoint, skills: Sequence[str] = ()) -> float | None:
    """Mean of the checkpoint's measured skills (None if none was measured).

    >>> mean_score(Checkpoint(stage="s", step=1, path="p", scores={"a": 0.2, "b": 0.4}))
    0.30000000000000004
    """
    chosen = [
        v for k, v in checkpoint.scores.items() if v is not None and (not skills or k in skills)
    ]
    return sum(chosen) / len(chosen) if chosen else None


def best_checkpoint(history: Sequence[Checkpoint], skills: Sequence[str] = ()) -> Checkpoint | None:
    """The checkpoint with the highest mean skill score (the latest wins ties).

    >>> a = Checkpoint(stage="s", step=1, path="a", scores={"x": 0.5})
    >>> b = Checkpoint(stage="s", step=2, path="b", scores={"x": 0.4})
    >>> best_checkpoint([a, b]).path
    'a'
    """
    scored = [(mean_score(c, skills), index, c) for index, c in enumerate(history)]
    ranked = [(score, index, c) for score, index, c in scored if score is not None]
    return max(ranked, key=lambda entry: (entry[0], entry[1]))[2] if ranked else None
