"""Version diff of two rubrics: which criteria were added, removed or changed, and how."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.rubric._models import Rubric

_RUBRIC_FIELDS = ("description", "granularity", "task", "prompt_id", "aggregation", "tags")


class FieldChange(BaseModel):
    """One field whose value differs between the two versions."""

    model_config = ConfigDict(frozen=True)

    path: str = Field(description="e.g. 'criteria.c2.weight' or 'description'.")
    old: Any = None
    new: Any = None


class RubricDiff(BaseModel):
    """What changed from ``old`` to ``new`` (criteria matched by id)."""

    model_config = ConfigDict(frozen=True)

    old: str = Field(description="'id@version' of the old rubric.")
    new: str = Field(description="'id@version' of the new rubric.")
    added: list[str] = Field(default_factory=list, description="Criterion ids only in new.")
    removed: list[str] = Field(default_factory=list, description="Criterion ids only in old.")
    changed: list[FieldChange] = Field(default_factory=list)

    @property
    def empty(self) -> bool:
        """True when the two versions have the same content (ignoring id, version, provenance)."""
        return not (self.added or self.removed or self.changed)

    def lines(self) -> list[str]:
        """Human-readable, one change per line (``+``, ``-``, ``~``)."""
        out = [f"--- {self.old}", f"+++ {self.new}"]
        out += [f"+ criterion {cid}" for cid in self.added]
        out += [f"- criterion {cid}" for cid in self.removed]
        out += [f"~ {c.path}: {c.old!r} -> {c.new!r}" for c in self.changed]
        return out


def _dump(value: Any) -> Any:
    return value.model_dump(mode="json") if isinstance(value, BaseModel) else value


def _field_changes(prefix: str, old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    changes = []
    for key in sorted(set(old) | set(new)):
        if old.get(key) != new.get(key):
            changes.append(FieldChange(path=f"{prefix}{key}", old=old.get(key), new=new.get(key)))
    return changes


def diff_rubrics(old: Rubric, new: Rubric) -> RubricDiff:
    """Compare two rubrics (usually two versions of one id).

    >>> from rubricrl.rubric import Criterion
    >>> a = Rubric(id="r", criteria=[Criterion(id="c", description="Polite.")])
    >>> b = Rubric(id="r", version="2", criteria=[Criterion(id="c", description="Polite.",
    ...     weight=2.0)])
    >>> diff_rubrics(a, b).lines()[2]
    '~ criteria.c.weight: 1.0 -> 2.0'
    """
    old_criteria = {c.id: c.model_dump(mode="json") for c in old.criteria}
    new_criteria = {c.id: c.model_dump(mode="json") for c in new.criteria}
    changes: list[FieldChange] = []
    for name in _RUBRIC_FIELDS:
        before, after = _dump(getattr(old, name)), _dump(getattr(new, name))
        if before != after:
            changes.append(FieldChange(path=name, old=before, new=after))
    for cid in [c.id for c in new.criteria if c.id in old_criteria]:
        changes += _field_changes(f"criteria.{cid}.", old_criteria[cid], new_criteria[cid])
    return RubricDiff(
        old=f"{old.id}@{old.version}",
        new=f"{new.id}@{new.version}",
        added=[cid for cid in new_criteria if cid not in old_criteria],
        removed=[cid for cid in old_criteria if cid not in new_criteria],
        changed=changes,
    )
