"""Fault planning and the bad replies the fake server sends."""

from __future__ import annotations

import json

import pytest

from rubricrl.judges import ReplyError, criterion_schema, parse_criterion_reply, reply_from_schema
from rubricrl.rubric import Criterion, Tier
from rubricrl.testing import CONTENT_FAULTS, DEFAULT_FAULT_MIX, FaultPlan
from rubricrl.testing._faults import bad_content

TIERED = Criterion(
    id="c",
    description="d",
    kind="tiered",
    tiers=[Tier(score=0, description="a"), Tier(score=3, description="b")],
)


def test_schedule_then_rate() -> None:
    plan = FaultPlan(seed=0, fault_rate=0.0, faults=(), schedule=("http_500", "ok"))
    assert [plan.decide(b"x") for _ in range(4)] == ["http_500", "ok", "ok", "ok"]


def test_cycled_schedule_repeats() -> None:
    plan = FaultPlan(
        seed=0, fault_rate=0.0, faults=(), schedule=("hang", "ok"), cycle_schedule=True
    )
    assert [plan.decide(b"x") for _ in range(4)] == ["hang", "ok", "hang", "ok"]


def test_rate_depends_on_body_and_occurrence_not_arrival_order() -> None:
    bodies = [f"body {i}".encode() for i in range(200)]

    def decisions(order: list[bytes]) -> dict[bytes, list[str]]:
        plan = FaultPlan(seed=5, fault_rate=0.5, faults=("http_500", "garbage"))
        seen: dict[bytes, list[str]] = {}
        for body in order:
            seen.setdefault(body, []).append(plan.decide(body))
        return seen

    forward = decisions(bodies + bodies)
    backward = decisions(list(reversed(bodies)) + list(reversed(bodies)))
    assert forward == backward
    retried = [kinds for kinds in forward.values() if kinds[0] != kinds[1]]
    assert retried  # a retry of the same body can meet a different fate


def test_default_mix_excludes_hang_and_401() -> None:
    plan = FaultPlan(seed=0, fault_rate=1.0, faults=())
    assert plan.faults == DEFAULT_FAULT_MIX
    assert "hang" not in DEFAULT_FAULT_MIX and "http_401" not in DEFAULT_FAULT_MIX


@pytest.mark.parametrize(
    ("kind", "reason"),
    [
        ("tier_out_of_range", "tier_out_of_range"),
        ("trailing_text", "parse_failure"),
        ("truncated", "parse_failure"),
        ("refusal", "parse_failure"),
        ("empty", "empty_reply"),
        ("huge", "reply_too_large"),
        ("missing_field", "tier_out_of_range"),
    ],
)
def test_content_faults_fail_strict_parsing(kind: str, reason: str) -> None:
    schema = criterion_schema(TIERED)
    text = bad_content(kind, schema, reply_from_schema(schema), huge_chars=70_000)
    with pytest.raises(ReplyError) as caught:
        parse_criterion_reply(TIERED, text, "response", "judge")
    assert caught.value.reason == reason


def test_fenced_is_a_valid_variant() -> None:
    schema = criterion_schema(TIERED)
    text = bad_content("fenced", schema, reply_from_schema(schema), huge_chars=1)
    assert parse_criterion_reply(TIERED, text, "response", "judge").tier == 3


def test_tier_out_of_range_keeps_the_evidence_valid() -> None:
    schema = criterion_schema(TIERED)
    assert json.loads(bad_content("tier_out_of_range", schema, {}, 1)) == {
        "evidence": "",
        "tier": 4,
    }


def test_non_content_fault_is_refused() -> None:
    assert "http_500" not in CONTENT_FAULTS
    with pytest.raises(ValueError):
        bad_content("http_500", {}, {}, 1)
