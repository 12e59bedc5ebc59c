from __future__ import annotations

from rubricrl.rewards import OpenRLHFRequest, openrlhf_reply, split_response
from rubricrl.rubric import Reward


def test_request_ignores_unknown_keys_and_defaults() -> None:
    request = OpenRLHFRequest.model_validate({"query": ["a"], "future_field": 1})
    assert request.prompts == [] and request.labels == []


def test_split_response_strips_prompt_prefix_only() -> None:
    assert split_response("<s>user: hi\nassistant: yo", "<s>user: hi\n") == "assistant: yo"
    assert split_response("no prefix here", "other") == "no prefix here"


def test_reply_fills_abstentions_and_flags_them() -> None:
    reply = openrlhf_reply([Reward(value=0.5, coverage=1.0), Reward(value=None, coverage=0.4)], -1)
    assert reply.rewards == [0.5, -1] and reply.scores == [0.5, -1]
    assert reply.extra_logs == {"rubricrl_valid": [1.0, 0.0], "rubricrl_coverage": [1.0, 0.4]}
