"""OpenRLHF's remote reward-model protocol, as read in OpenRLHF's ``openrlhf/utils/agent.py``.

OpenRLHF POSTs ``{"query": [...], "prompts": [...], "labels": [...]}`` to ``--remote_rm_url``
(``query`` = decoded prompt + response, ``prompts`` = the prompt text, ``labels`` = the dataset's
label column) and reads ``{"rewards": [...], "scores": [...], "extra_logs": {...}}``: ``rewards``
drive the advantage, ``scores`` (in [0, 1]) drive dynamic filtering, ``extra_logs`` are logged.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from rubricrl.rewards._abstain import VALID_KEY, validity
from rubricrl.rubric import Reward


class OpenRLHFRequest(BaseModel):
    """The request body OpenRLHF sends (unknown keys ignored for forward compatibility)."""

    model_config = ConfigDict(extra="ignore")

    query: list[str] = Field(description="Prompt + response text, as decoded by OpenRLHF.")
    prompts: list[str] = Field(default_factory=list, description="The prompt of each query.")
    labels: list[Any] = Field(
        default_factory=list, description="Dataset labels; a label naming a bank rubric picks it."
    )


class OpenRLHFReply(BaseModel):
    """The reply OpenRLHF expects."""

    rewards: list[float]
    scores: list[float]
    extra_logs: dict[str, list[float]]


def split_response(query: str, prompt: str) -> str:
    """The response part of an OpenRLHF query (the query minus its leading prompt).

    >>> split_response("Q: hi A: hello", "Q: hi ")
    'A: hello'
    """
    if prompt and query.startswith(prompt):
        return query[len(prompt) :]
    return query


def openrlhf_reply(rewards: Sequence[Reward], abstain_fill: float = 0.0) -> OpenRLHFReply:
    """Translate rewards for OpenRLHF, which has no None (the one abstention translation).

    An abstained sample gets ``abstain_fill`` as reward and score and ``rubricrl_valid`` 0.0
    in ``extra_logs``; ``rubricrl_coverage`` tells how much rubric weight was scored.

    >>> openrlhf_reply([Reward(value=0.75), Reward(value=None)]).rewards
    [0.75, 0.0]
    """
    values = [abstain_fill if r.value is None else r.value for r in rewards]
    return OpenRLHFReply(
        rewards=values,
        scores=list(values),
        extra_logs={
            VALID_KEY: validity(rewards),
            "rubricrl_coverage": [r.coverage for r in rewards],
        },
    )
