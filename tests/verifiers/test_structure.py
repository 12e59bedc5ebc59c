from __future__ import annotations

import json
from typing import Any

import pytest

from rubricrl.rubric import VerifierSpec
from rubricrl.verifiers import (
    bullet_count,
    check_verifier_spec,
    constrained_response,
    ends_with,
    heading_count,
    highlighted_sections,
    placeholder_count,
    postscript,
    quotation_wrapped,
    regex_match,
    repeats_prompt_first,
    run_verifier,
    section_count,
    starts_with,
    title_brackets,
    two_responses,
    valid_json,
)

HUGE_LINE = "[" * 300_000 + "*" * 300_000 + "<<" * 100_000  # adversarial for naive regexes


def test_regex_match_counts_and_bounds() -> None:
    assert regex_match("a1 b22 c333", pattern=r"\d+", min_count=3).score == 1.0
    assert regex_match("a1 b22 c333", pattern=r"\d+", max_count=2, min_count=0).score == 0.0
    assert regex_match("no digits", pattern=r"\d", min_count=0, max_count=0).score == 1.0
    assert regex_match("HELLO", pattern="hello", ignore_case=True).score == 1.0
    assert regex_match("a\nb", pattern="^b$", multiline=True).score == 1.0
    assert regex_match("", pattern="x").score == 0.0


@pytest.mark.timeout(30)
def test_regex_match_catastrophic_pattern_abstains_quickly() -> None:
    result = regex_match("a" * 5_000 + "!", pattern=r"(a+)+$")
    assert result.score is None and "timed out" in result.detail


def test_regex_match_refuses_huge_input_and_long_patterns() -> None:
    assert regex_match("a" * 100_001, pattern="a").score is None
    with pytest.raises(ValueError, match="pattern longer than 256"):
        check_verifier_spec(VerifierSpec(name="regex_match", args={"pattern": "a" * 257}))
    with pytest.raises(ValueError, match="does not compile"):
        check_verifier_spec(VerifierSpec(name="regex_match", args={"pattern": "(unclosed"}))


def test_starts_and_ends_with() -> None:
    assert starts_with("\n Dear team,", phrase="dear team").score == 1.0
    assert starts_with("Hello. Dear team,", phrase="Dear team").score == 0.0
    assert starts_with("dear team", phrase="Dear team", case_sensitive=True).score == 0.0
    assert ends_with("Is there anything else?  \n", phrase="anything else?").score == 1.0
    assert ends_with('"All done."', phrase="all done.").score == 0.0
    assert ends_with('"All done."', phrase="all done.", ignore_quotes=True).score == 1.0
    assert ends_with("", phrase="x").score == 0.0


def test_valid_json() -> None:
    assert valid_json('{"a": 1}').score == 1.0
    assert valid_json("[1, 2]").score == 1.0
    assert valid_json('```json\n{"a": 1}\n```').score == 1.0
    assert valid_json('```\n{"a": 1}\n```', allow_code_fence=False).score == 0.0
    assert valid_json('Here you go: {"a": 1}').score == 0.0
    assert valid_json("").score == 0.0
    assert valid_json('{"a": 1}', required_keys=["a", "b", "c", "d"]).score == 0.25
    assert valid_json('{"a": 1}', required_keys=["a", "b"], partial=False).score == 0.0
    assert valid_json("[1]", required_keys=["a"]).score == 0.0
    assert valid_json(json.dumps({"ключ": "値"}), required_keys=["ключ"]).score == 1.0


def test_valid_json_edge_numbers() -> None:
    assert valid_json("1" * 5_000).score == 1.0  # valid JSON; no int-size limit applies
    assert valid_json('{"x": NaN}').score == 0.0
    assert "Infinity is not valid JSON" in valid_json("[Infinity, NaN]").detail


def test_valid_json_deep_nesting_is_undecidable_not_a_crash() -> None:
    result = valid_json("[" * 200_000 + "]" * 200_000)
    assert result.score is None


def test_bullets_and_headings() -> None:
    text = (
        "Intro\n* one\n* two\n  - nested\n+ three\n**bold** line\n*emph* line\n-5 degrees\n1. first"
    )
    assert bullet_count(text, min_bullets=4, max_bullets=4).score == 1.0
    assert bullet_count(text, min_bullets=5, max_bullets=5, include_numbered=True).score == 1.0
    assert bullet_count("", max_bullets=0).score == 1.0
    doc = "# Title\n\n## Part A\ntext\n## Part B\n####### not a heading\n#no space"
    assert heading_count(doc, min_headings=3, max_headings=3).score == 1.0
    assert heading_count(doc, min_headings=2, max_headings=2, level=2).score == 1.0


def test_sections_highlights_placeholders() -> None:
    text = "SECTION 1\nintro\nSECTION 2\nbody\nSection 3\n"
    assert section_count(text, min_sections=2, max_sections=2, marker="SECTION").score == 1.0
    assert section_count(text, min_sections=3, marker="SECTION").score == 0.0
    assert (
        highlighted_sections("*a* **b** ** ** *\n*", min_highlights=2, max_highlights=2).score
        == 1.0
    )
    assert highlighted_sections("plain", min_highlights=1).score == 0.0
    assert placeholder_count("[name] at [address] on []", min_placeholders=3).score == 1.0
    assert placeholder_count("[a [b] c]", min_placeholders=1, max_placeholders=1).score == 1.0


def test_postscript() -> None:
    assert postscript("Thanks.\nP.S. More soon.").score == 1.0
    assert postscript("Thanks.\n\n**p. s.** more").score == 1.0
    assert postscript("Thanks.\nP.P.S late", marker="P.P.S").score == 1.0
    assert postscript("Thanks.\nP.S. only", marker="P.P.S").score == 0.0
    assert postscript("Add a postscript starting with P.S. please").score == 0.0  # not a line start
    assert postscript("").score == 0.0


def test_quotation_title_constrained() -> None:
    assert quotation_wrapped('"Quoted answer."').score == 1.0
    assert quotation_wrapped("\u201cCurly.\u201d").score == 1.0
    assert quotation_wrapped('"').score == 0.0
    assert quotation_wrapped('"half').score == 0.0
    assert title_brackets("<<Poem of Joy>>\nlines").score == 1.0
    assert title_brackets("<<  >> and <<\nx>>").score == 0.0
    assert constrained_response("Well. My answer is maybe.").score == 1.0
    assert constrained_response("My answer is yes").score == 0.0
    assert constrained_response("Ja!", options=["Ja!", "Nein!"]).score == 1.0


def test_repeat_prompt_and_two_responses() -> None:
    assert repeats_prompt_first("Write a poem. Roses...", prompt="write a poem.").score == 1.0
    assert repeats_prompt_first("Roses...", prompt="Write a poem.").score == 0.0
    assert repeats_prompt_first("anything", prompt="").score is None
    assert (
        repeats_prompt_first("Say hi. hi", prompt="long prompt", prompt_to_repeat="Say hi.").score
        == 1.0
    )
    assert two_responses("First.\n******\nSecond.").score == 1.0
    assert two_responses("Same.\n******\nSame.").score == 0.0
    assert two_responses("A\n******\n\n******\nB").score == 0.0
    assert two_responses("A\n******\nB\n******\nC").score == 0.0
    assert two_responses("").score == 0.0


@pytest.mark.timeout(60)
def test_fixed_patterns_stay_fast_on_adversarial_input() -> None:
    checks: list[tuple[str, dict[str, Any]]] = [
        ("placeholder_count", {"min_placeholders": 1}),
        ("highlighted_sections", {"min_highlights": 1}),
        ("title_brackets", {}),
        ("bullet_count", {"min_bullets": 1}),
        ("postscript", {}),
        ("section_count", {"min_sections": 1}),
        ("heading_count", {"min_headings": 1}),
        ("two_responses", {}),
    ]
    for name, args in checks:
        for text in (HUGE_LINE, "\n" * 200_000, "\n \n" * 100_000):
            result = run_verifier(VerifierSpec(name=name, args=args), "", text)
            assert result.score is not None, name


@pytest.mark.parametrize(
    ("name", "args", "message"),
    [
        ("starts_with", {"phrase": " "}, "phrase must not be blank"),
        ("valid_json", {"required_keys": "a"}, "argument 'required_keys'"),
        ("heading_count", {"min_headings": 1, "level": 7}, "level must be 1 to 6"),
        ("section_count", {"min_sections": 1, "marker": ""}, "marker must be non-blank"),
        ("postscript", {"marker": "..."}, "marker must be non-blank"),
        ("two_responses", {"separator": ""}, "separator must not be blank"),
        ("constrained_response", {"options": []}, "options must be non-blank"),
        ("regex_match", {}, "missing a required argument: 'pattern'"),
        ("title_brackets", {"strict": True}, "unexpected keyword argument 'strict'"),
    ],
)
def test_bad_args(name: str, args: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError) as caught:
        check_verifier_spec(VerifierSpec(name=name, args=args))
    assert message in str(caught.value)
    assert run_verifier(VerifierSpec(name=name, args=args), "", "text").score is None
