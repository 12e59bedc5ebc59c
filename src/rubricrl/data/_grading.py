"""Glue from rollout rows to the scoring engine: one GradingItem per sample, with its rubric.

A prompt's rubric is, in order: its inline instance rubric; a rubric id looked up in the bank
passed in; for rows with IFEval-style verifier arguments, the rubric that
``rubricrl.verifiers.ifeval_rubric`` builds (when that API is installed); else ``default``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rubricrl import verifiers
from rubricrl.data._rows import DataError, PromptRow
from rubricrl.rubric import Rubric, RubricError
from rubricrl.scoring import GradingItem


def rubric_for_row(
    row: PromptRow, bank: Mapping[str, Rubric] | None = None, default: Rubric | None = None
) -> Rubric | None:
    """The rubric that grades samples of ``row`` (module docstring), or None.

    Raises:
        DataError: An invalid inline rubric, or a rubric id missing from ``bank``.

    >>> row = PromptRow(id="p", prompt="x", rubric={"id": "r", "criteria": [
    ...     {"id": "c", "description": "Is polite."}]})
    >>> rubric_for_row(row).id
    'r'
    """
    try:
        inline = row.inline_rubric()
    except RubricError as error:
        raise DataError(f"prompt {row.id}: {error}") from None
    if inline is not None:
        return inline
    if isinstance(row.rubric, str):
        if bank is None or row.rubric not in bank:
            raise DataError(f"prompt {row.id}: rubric {row.rubric!r} is not loaded")
        return bank[row.rubric]
    build = getattr(verifiers, "ifeval_rubric", None)
    if build is not None and "instruction_id_list" in row.verifier:
        record = {"key": row.id, "prompt": row.text, **row.verifier}
        rubric: Rubric = build(record)
        return rubric
    return default


def grading_items(
    prompts: Sequence[PromptRow],
    rollout_rows: Sequence[Mapping[str, Any]],
    *,
    bank: Mapping[str, Rubric] | None = None,
    default: Rubric | None = None,
) -> list[GradingItem]:
    """One :class:`~rubricrl.scoring.GradingItem` per rollout row (id kept: ``PID#INDEX``).

    Raises:
        DataError: A sample whose prompt is unknown or has no rubric.
    """
    by_id = {row.id: row for row in prompts}
    rubrics: dict[str, Rubric | None] = {}
    items = []
    for sample in rollout_rows:
        prompt = by_id.get(str(sample.get("prompt_id")))
        if prompt is None:
            raise DataError(f"sample {sample.get('id')!r}: unknown prompt id")
        if prompt.id not in rubrics:
            rubrics[prompt.id] = rubric_for_row(prompt, bank, default)
        rubric = rubrics[prompt.id]
        if rubric is None:
            raise DataError(f"prompt {prompt.id}: no rubric (inline, bank, verifier or default)")
        items.append(
            GradingItem(
                id=str(sample["id"]),
                prompt=prompt.text,
                response=str(sample["response"]),
                rubric=rubric,
                metadata={"prompt_id": prompt.id, "sample_index": sample.get("sample_index")},
            )
        )
    return items
