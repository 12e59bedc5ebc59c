"""verl-independent parts of the verl adapter: translation, shared engines, text extraction."""

from __future__ import annotations

import asyncio
import json
import math
import weakref
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rubricrl.defense import defended_engine
from rubricrl.judges import resolve_judge
from rubricrl.rewards._abstain import VALID_KEY
from rubricrl.rewards._bank import RubricBank
from rubricrl.rubric import Reward, Rubric
from rubricrl.scoring import EngineConfig, ScoringEngine

CRITERION_PREFIX = "crit/"


def verl_result(
    reward: Reward, criterion_ids: Sequence[str], fill: float = 0.0
) -> dict[str, float]:
    """Translate a Reward for verl, which has no None (the one abstention translation).

    ``score`` is the reward, or ``fill`` for an abstention (which the batch manager replaces
    by its group's mean and masks); ``rubricrl_valid`` is 1.0 or 0.0; ``crit/<id>`` holds each
    criterion score, NaN where that criterion was not scored (never a made-up number).

    >>> verl_result(Reward(value=None), ["c"])["rubricrl_valid"]
    0.0
    """
    by_id = {score.id: score.score for score in reward.criteria}
    result = {
        "score": fill if reward.value is None else reward.value,
        VALID_KEY: 0.0 if reward.value is None else 1.0,
        "rubricrl_coverage": reward.coverage,
    }
    for criterion_id in criterion_ids:
        value = by_id.get(criterion_id)
        result[CRITERION_PREFIX + criterion_id] = math.nan if value is None else value
    return result


class RubricSource:
    """Which rubric grades a sample: a row's ``rubric`` id, a bank-id ground truth, or default."""

    def __init__(self, rubric: str | Sequence[str], default: str | None = None) -> None:
        """Load the bank from rubric file/dir paths; ``default`` names the fallback rubric id."""
        paths = [rubric] if isinstance(rubric, str) else list(rubric)
        self.bank = RubricBank.load([Path(p) for p in paths])
        ids = sorted(self.bank.rubrics)
        self.default = default or (ids[0] if len(ids) == 1 else None)
        self.criterion_ids = sorted({c.id for r in self.bank.rubrics.values() for c in r.criteria})

    def pick(self, extra_info: dict[str, Any] | None, ground_truth: Any) -> Rubric:
        """The rubric for one sample.

        Raises:
            UnknownRubric: When nothing names a rubric of the bank.
        """
        named = (extra_info or {}).get("rubric")
        if not isinstance(named, str) and isinstance(ground_truth, str):
            named = ground_truth if ground_truth in self.bank.rubrics else None
        return self.bank.get(named or self.default or "<no rubric named>")


_ENGINES: dict[tuple[str, int], tuple[weakref.ref[asyncio.AbstractEventLoop], ScoringEngine]] = {}


def shared_engine(judge: str, options: dict[str, Any], engine: dict[str, Any]) -> ScoringEngine:
    """One engine (one pooled judge client) per process, judge settings and event loop."""
    loop = asyncio.get_running_loop()
    key = (json.dumps([judge, options, engine], sort_keys=True, default=str), id(loop))
    found = _ENGINES.get(key)
    if found is not None and found[0]() is loop:
        return found[1]
    # A judge's client is bound to the loop that opened it: a new loop gets a new engine.
    config = EngineConfig.model_validate(engine)
    created = defended_engine(resolve_judge(judge, **options), config)
    _ENGINES[key] = (weakref.ref(loop), created)
    return created


def prompt_text(extra_info: dict[str, Any] | None, raw_prompt: Any, decoded: str) -> str:
    """The prompt to grade: ``extra_info['prompt']``, verl's chat ``raw_prompt`` or decoded tokens.

    >>> prompt_text(None, [{"role": "user", "content": "Hi"}], "")
    'user: Hi'
    """
    given = (extra_info or {}).get("prompt")
    if isinstance(given, str):
        return given
    if raw_prompt is not None and not isinstance(raw_prompt, str):
        messages = list(raw_prompt)
        if all(isinstance(m, dict) and "content" in m for m in messages):
            return "\n".join(f"{m.get('role', 'user')}: {m['content']}" for m in messages)
    return raw_prompt if isinstance(raw_prompt, str) else decoded
