from __future__ import annotations

import pytest

from rubricrl.rewards import RubricBank, UnknownRubric
from rubricrl.rubric import RubricError
from tests.rewards.conftest import RUBRICS


def test_load_directory_and_resolve_ids() -> None:
    bank = RubricBank.load([RUBRICS])
    assert {"writing_quality", "plain_narrative"} <= set(bank.rubrics)
    assert bank.resolve("writing_quality").id == "writing_quality"


def test_unknown_id_names_known_ones() -> None:
    bank = RubricBank.load([RUBRICS])
    with pytest.raises(UnknownRubric, match="unknown rubric 'missing'") as caught:
        bank.get("missing")
    known = str(caught.value).split("known: ", 1)[1]
    assert "plain_narrative" in known and "writing_quality" in known


def test_inline_rubrics_are_validated_and_cached() -> None:
    bank = RubricBank({}, inline_cache_size=1)
    data = {"id": "i", "criteria": [{"id": "c", "description": "C."}]}
    first = bank.resolve(data)
    assert bank.resolve(dict(data)) is first
    bank.resolve({"id": "j", "criteria": [{"id": "c", "description": "D."}]})
    assert bank.resolve(data) is not first  # evicted (cache size 1), validated again
    with pytest.raises(RubricError, match="inline rubric"):
        bank.resolve({"id": "bad"})


def test_empty_bank_is_allowed() -> None:
    assert RubricBank.load([]).rubrics == {}
