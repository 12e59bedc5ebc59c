"""The shipped defense rubric and :func:`with_defense`, which merges it into a task rubric.

The defense rubric (``rubrics/defense.yaml``, shipped as package data) grades grader
manipulation, self-evaluation, sycophancy and content-free replies with the judge. Merged into a
task rubric, its criteria become veto criteria with ids prefixed ``defense.``: a judge "false" on
any of them sets the reward to the rubric's veto value (Rubicon's defense rubric used as a
veto). A rubric author enables it with one line, ``defense: true``.
"""

from __future__ import annotations

from functools import cache

from rubricrl.rubric import Provenance, Rubric, shipped_rubric

DEFENSE_PREFIX = "defense."
MAX_VERSION_CHARS = 32


@cache
def load_defense_rubric() -> Rubric:
    """The shipped defense rubric (package data, loaded once).

    >>> load_defense_rubric().id
    'rubricrl-defense'
    """
    return shipped_rubric("defense")


def has_defense(rubric: Rubric) -> bool:
    """Whether defense criteria have already been merged into ``rubric``."""
    return any(criterion.id.startswith(DEFENSE_PREFIX) for criterion in rubric.criteria)


def _merged_version(version: str, defense: Rubric) -> str:
    merged = f"{version}-defense{defense.version}"
    if len(merged) > MAX_VERSION_CHARS:
        merged = f"{version[: MAX_VERSION_CHARS - len(merged)]}-defense{defense.version}"
    return merged


def with_defense(rubric: Rubric, defense: Rubric | None = None) -> Rubric:
    """Return a new rubric version with the defense criteria added as veto criteria.

    Pure and idempotent: a rubric that already holds ``defense.*`` criteria is returned as is.
    The new version records its parent (id, version, hash) and the defense rubric it merged.

    Args:
        rubric: The task rubric.
        defense: The defense rubric to merge (default: the shipped one).

    Returns:
        The merged rubric (``defense=True``, version ``<v>-defense<dv>``).

    >>> from rubricrl.rubric import Criterion
    >>> merged = with_defense(Rubric(id="t", criteria=[Criterion(id="c", description="d")]))
    >>> merged.version, merged.criteria[1].id, merged.criteria[1].veto
    ('1-defense1', 'defense.no_grader_manipulation', True)
    """
    if has_defense(rubric):
        return rubric
    chosen = defense or load_defense_rubric()
    extra = tuple(
        criterion.model_copy(update={"id": f"{DEFENSE_PREFIX}{criterion.id}", "veto": True})
        for criterion in chosen.criteria
    )
    provenance = Provenance(
        source=rubric.provenance.source,
        parent_id=rubric.id,
        parent_version=rubric.version,
        parent_hash=rubric.content_hash,
        note=(
            f"merged defense rubric {chosen.id} v{chosen.version} "
            f"({chosen.content_hash[:12]}) as veto criteria"
        ),
    )
    data = rubric.model_dump()
    data.update(
        criteria=[c.model_dump() for c in (*rubric.criteria, *extra)],
        version=_merged_version(rubric.version, chosen),
        defense=True,
        provenance=provenance.model_dump(),
    )
    return Rubric.model_validate(data)


def apply_defense(rubric: Rubric) -> Rubric:
    """The engine's ``rubric_hook``: merge the defense rubric when ``rubric.defense`` is set.

    >>> from rubricrl.rubric import Criterion
    >>> plain = Rubric(id="t", criteria=[Criterion(id="c", description="d")])
    >>> apply_defense(plain) is plain, len(apply_defense(plain.model_copy(
    ...     update={"defense": True})).criteria)
    (True, 5)
    """
    return with_defense(rubric) if rubric.defense else rubric
