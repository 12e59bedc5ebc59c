"""Rubrics the service can grade with: a bank loaded by id, plus inline rubrics from requests."""

from __future__ import annotations

import hashlib
import json
from collections import OrderedDict
from pathlib import Path
from typing import Any

from rubricrl.rubric import Rubric, RubricError, load_rubrics, rubric_from_data


class UnknownRubric(LookupError):
    """A rubric id that is not in the bank; the message names the known ids."""


class RubricBank:
    """Rubrics by id, and a small LRU of validated inline rubrics (validation is not free).

    >>> from rubricrl.rubric import Criterion
    >>> bank = RubricBank({"r": Rubric(id="r", criteria=[Criterion(id="c", description="C.")])})
    >>> bank.resolve("r").id
    'r'
    """

    def __init__(self, rubrics: dict[str, Rubric], inline_cache_size: int = 1024) -> None:
        """Create a bank from rubrics keyed by id."""
        self.rubrics = dict(rubrics)
        self._inline: OrderedDict[str, Rubric] = OrderedDict()
        self._inline_cache_size = inline_cache_size

    @classmethod
    def load(cls, paths: list[Path]) -> RubricBank:
        """Load every rubric file in ``paths`` (an empty list gives an empty bank).

        Raises:
            RubricError: On a bad file or a duplicate id.
        """
        return cls(load_rubrics(paths) if paths else {})

    def get(self, rubric_id: str) -> Rubric:
        """The rubric with this id.

        Raises:
            UnknownRubric: If no rubric has this id.
        """
        rubric = self.rubrics.get(rubric_id)
        if rubric is None:
            known = ", ".join(sorted(self.rubrics)[:20]) or "none"
            raise UnknownRubric(f"unknown rubric {rubric_id[:200]!r} (known: {known})")
        return rubric

    def resolve(self, rubric: str | dict[str, Any]) -> Rubric:
        """A rubric from an id or inline data.

        Raises:
            UnknownRubric: For an unknown id.
            RubricError: For invalid inline data.
        """
        if isinstance(rubric, str):
            return self.get(rubric)
        key = hashlib.sha256(json.dumps(rubric, sort_keys=True).encode()).hexdigest()
        cached = self._inline.get(key)
        if cached is not None:
            self._inline.move_to_end(key)
            return cached
        parsed = rubric_from_data(rubric, source="inline rubric")
        self._inline[key] = parsed
        if len(self._inline) > self._inline_cache_size:
            self._inline.popitem(last=False)
        return parsed


__all__ = ["RubricBank", "RubricError", "UnknownRubric"]
