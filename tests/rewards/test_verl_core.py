from __future__ import annotations

import asyncio

import pytest

from rubricrl.rewards import UnknownRubric
from rubricrl.rewards._verl_core import RubricSource, prompt_text, shared_engine
from tests.rewards.conftest import RUBRICS


def test_rubric_source_picks_row_rubric_then_ground_truth_then_default() -> None:
    source = RubricSource(str(RUBRICS), default="writing_quality")
    assert source.pick({"rubric": "plain_narrative"}, None).id == "plain_narrative"
    assert source.pick({}, "plain_narrative").id == "plain_narrative"
    assert source.pick(None, "42").id == "writing_quality"
    assert "crit/" not in "".join(source.criterion_ids) and len(source.criterion_ids) > 3
    with pytest.raises(UnknownRubric):
        RubricSource(str(RUBRICS)).pick(None, None)  # two rubrics, no default


def test_prompt_text_prefers_extra_info_then_chat_then_decoded() -> None:
    chat = [{"role": "system", "content": "Be brief."}, {"role": "user", "content": "Hi"}]
    assert prompt_text({"prompt": "P"}, chat, "d") == "P"
    assert prompt_text(None, chat, "d") == "system: Be brief.\nuser: Hi"
    assert prompt_text(None, None, "decoded") == "decoded"


def test_one_engine_per_loop_and_settings() -> None:
    async def two() -> tuple[object, object, object]:
        a = shared_engine("fake:approve", {}, {})
        b = shared_engine("fake:approve", {}, {})
        c = shared_engine("fake:reject", {}, {})
        return a, b, c

    a, b, c = asyncio.run(two())
    assert a is b and a is not c
    again, _, _ = asyncio.run(two())
    assert again is not a  # a new event loop gets its own engine (clients are loop-bound)
