"""Decompose broad criteria into specific ones with an LLM (RRD's "decompose" step).

A criterion is *broad* when it is long or joins several demands ("and", commas, semicolons).
Each broad criterion is sent alone; the judge answers the generated-rubric schema and its
parts replace the criterion, sharing its weight equally (a pitfall's parts stay pitfalls). A
criterion whose decomposition is rejected (after one retry) is kept as it was, and the reason
is recorded in the step's detail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rubricrl.generation._generate import GenerationConfig, _ask
from rubricrl.generation._prompts import decompose_messages
from rubricrl.generation._refine import RefineStep, new_version
from rubricrl.judges import Judge
from rubricrl.rubric import Criterion, Rubric

_JOINERS = re.compile(r"\band\b|,|;|\bas well as\b", re.IGNORECASE)


def is_broad(criterion: Criterion, max_words: int = 25, max_joiners: int = 2) -> bool:
    """Heuristic: long, or joins more than ``max_joiners`` demands.

    >>> is_broad(Criterion(id="c", description="Is accurate, complete, concise and polite."))
    True
    """
    words = len(criterion.description.split())
    return words > max_words or len(_JOINERS.findall(criterion.description)) > max_joiners


def _parts(parent: Criterion, generated: Rubric) -> list[Criterion]:
    share = parent.weight / len(generated.criteria)
    return [
        Criterion(
            id=f"{parent.id}_{index}"[:128],
            description=part.description,
            kind="binary",
            weight=round(share, 4),
            tags=(*parent.tags, "decomposed"),
        )
        for index, part in enumerate(generated.criteria, start=1)
    ]


async def decompose(
    judge: Judge,
    rubric: Rubric,
    criterion_ids: Sequence[str] | None = None,
    *,
    max_parts: int = 4,
    config: GenerationConfig | None = None,
) -> RefineStep:
    """Split broad criteria (``criterion_ids``, or those :func:`is_broad` picks) into parts.

    Veto and verifier criteria are never decomposed.
    """
    config = (config or GenerationConfig()).model_copy(update={"max_criteria": max_parts})
    chosen = (
        set(criterion_ids)
        if criterion_ids is not None
        else {c.id for c in rubric.criteria if is_broad(c)}
    )
    criteria: list[Criterion] = []
    notes: list[str] = []
    context = rubric.task or rubric.description or "prompt"
    for criterion in rubric.criteria:
        if criterion.id not in chosen or criterion.veto or criterion.kind == "verifier":
            criteria.append(criterion)
            continue
        messages = decompose_messages(criterion.description, context, max_parts)
        header = {"id": f"{rubric.id}-{criterion.id}-parts"[:128]}
        result = await _ask(judge, messages, header, config)
        if result.rubric is None or len(result.rubric.criteria) < 2:
            criteria.append(criterion)
            notes.append(f"{criterion.id} kept ({result.reason or 'fewer than 2 parts'})")
            continue
        criteria += _parts(criterion, result.rubric)
        notes.append(f"{criterion.id} -> {len(result.rubric.criteria)} parts")
    detail = f"judge={judge.id}; " + "; ".join(notes) if notes else "no broad criteria"
    if len(criteria) == len(rubric.criteria) and all(
        a is b for a, b in zip(criteria, rubric.criteria, strict=True)
    ):
        return RefineStep(step="decompose", rubric=rubric, changed=False, detail=detail)
    return RefineStep(
        step="decompose",
        rubric=new_version(rubric, criteria, "decompose", detail),
        changed=True,
        detail=detail,
    )
