import json

import pytest

from rubricrl.judges import ReplyError, parse_criterion_reply, parse_one_call_reply
from rubricrl.rubric import Rubric

RESPONSE = "Paris is the capital of France."


def _tiered(rubric: Rubric):  # type: ignore[no-untyped-def]
    return rubric.criterion("correct")


def test_valid_tiered_reply(simple_rubric: Rubric) -> None:
    score = parse_criterion_reply(
        _tiered(simple_rubric), '{"evidence": "Paris", "tier": 1}', RESPONSE, "j"
    )
    assert score.score == 0.5 and score.tier == 1 and score.flags == ()


def test_valid_binary_reply(simple_rubric: Rubric) -> None:
    score = parse_criterion_reply(
        simple_rubric.criterion("clear"), '{"evidence": "", "met": false}', RESPONSE, "j"
    )
    assert score.score == 0.0 and score.tier is False


def test_fenced_json_accepted(simple_rubric: Rubric) -> None:
    text = '```json\n{"evidence": "Paris", "tier": 2}\n```'
    assert parse_criterion_reply(_tiered(simple_rubric), text, RESPONSE, "j").score == 1.0


MALFORMED = {
    "trailing_text": ('{"evidence": "", "tier": 2} I hope this helps!', "parse_failure"),
    "leading_text": ('Sure! {"evidence": "", "tier": 2}', "parse_failure"),
    "truncated": ('{"evidence": "Paris is', "parse_failure"),
    "out_of_range": ('{"evidence": "", "tier": 7}', "tier_out_of_range"),
    "float_tier": ('{"evidence": "", "tier": 1.5}', "tier_out_of_range"),
    "bool_tier": ('{"evidence": "", "tier": true}', "tier_out_of_range"),
    "string_tier": ('{"evidence": "", "tier": "2"}', "tier_out_of_range"),
    "refusal": ("I'm sorry, I can't help with grading this.", "parse_failure"),
    "empty": ("   ", "empty_reply"),
    "huge": ('{"evidence": "' + "x" * 70_000 + '", "tier": 1}', "reply_too_large"),
    "missing_evidence": ('{"tier": 1}', "missing_evidence"),
    "array": ("[1, 2]", "parse_failure"),
    "nan": ('{"evidence": "", "tier": NaN}', "parse_failure"),
    "two_objects": ('{"evidence": "", "tier": 1}{"evidence": "", "tier": 2}', "parse_failure"),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_replies_raise_with_reason(simple_rubric: Rubric, name: str) -> None:
    text, reason = MALFORMED[name]
    with pytest.raises(ReplyError) as error:
        parse_criterion_reply(_tiered(simple_rubric), text, RESPONSE, "j")
    assert error.value.reason == reason


def test_unverified_evidence_flagged_or_abstained(simple_rubric: Rubric) -> None:
    text = '{"evidence": "Berlin is lovely", "tier": 2}'
    flagged = parse_criterion_reply(_tiered(simple_rubric), text, RESPONSE, "j")
    assert flagged.flags == ("unverified_evidence",) and flagged.score == 1.0
    with pytest.raises(ReplyError, match="unverified_evidence"):
        parse_criterion_reply(_tiered(simple_rubric), text, RESPONSE, "j", "abstain")
    ignored = parse_criterion_reply(_tiered(simple_rubric), text, RESPONSE, "j", "ignore")
    assert ignored.flags == ()


def test_evidence_match_ignores_whitespace_and_case(simple_rubric: Rubric) -> None:
    text = '{"evidence": "paris   is the\\ncapital", "tier": 2}'
    assert parse_criterion_reply(_tiered(simple_rubric), text, RESPONSE, "j").flags == ()


def test_one_call_partial_failure_is_per_criterion(simple_rubric: Rubric) -> None:
    reply = {
        "criteria": {"correct": {"evidence": "", "tier": 9}, "clear": {"evidence": "", "met": True}}
    }
    results = parse_one_call_reply(list(simple_rubric.criteria), json.dumps(reply), RESPONSE, "j")
    assert isinstance(results["correct"], ReplyError)
    assert results["correct"].reason == "tier_out_of_range"
    assert not isinstance(results["clear"], ReplyError) and results["clear"].score == 1.0
    assert isinstance(results["padding"], ReplyError)


def test_one_call_without_criteria_object(simple_rubric: Rubric) -> None:
    with pytest.raises(ReplyError):
        parse_one_call_reply(list(simple_rubric.criteria), '{"grades": {}}', RESPONSE, "j")
