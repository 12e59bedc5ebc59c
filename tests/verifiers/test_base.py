from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rubricrl.rubric import Criterion, Rubric, VerifierSpec
from rubricrl.verifiers import (
    VerifierResult,
    check_rubric_verifiers,
    check_verifier_spec,
    grade_with_verifier,
    run_verifier,
    verifier,
    verifier_names,
)


def test_builtins_are_registered_on_import() -> None:
    expected = {"word_count", "keywords_present", "valid_json", "regex_match", "ifeval_reference"}
    assert expected <= set(verifier_names())


def test_verifier_result_rejects_out_of_range_scores() -> None:
    with pytest.raises(ValueError, match="outside"):
        VerifierResult(1.5)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"min_words": "ten"}, "argument 'min_words': Input should be a valid integer"),
        ({"min_words": True}, "argument 'min_words'"),
        ({"minimum": 3}, "unexpected keyword argument 'minimum'"),
        ({}, "give min_words, max_words or both"),
        ({"min_words": 5, "max_words": 2}, "min_words (5) is greater than max_words (2)"),
        ({"min_words": -1}, "min_words must be >= 0"),
    ],
)
def test_check_spec_names_the_bad_argument(args: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError) as caught:
        check_verifier_spec(VerifierSpec(name="word_count", args=args))
    assert str(caught.value).startswith("verifier 'word_count': ")
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_check_spec_unknown_name_lists_valid_names() -> None:
    with pytest.raises(ValueError, match="unknown verifier 'wordcount'; valid: .*word_count"):
        check_verifier_spec(VerifierSpec(name="wordcount"))


def test_check_spec_accepts_good_args() -> None:
    check_verifier_spec(VerifierSpec(name="word_count", args={"min_words": 3, "max_words": 9}))


def test_run_verifier_turns_bad_args_into_undecidable() -> None:
    result = run_verifier(VerifierSpec(name="word_count", args={"min_words": "x"}), "", "hi")
    assert result.score is None
    assert result.detail.startswith("bad arguments: argument 'min_words'")


def test_run_verifier_unknown_name_is_undecidable() -> None:
    assert run_verifier(VerifierSpec(name="nope"), "", "hi").score is None


def test_grade_with_verifier_abstains_when_undecidable() -> None:
    spec = VerifierSpec(name="response_language", args={"language": "fr"})
    criterion = Criterion(id="fr", description="In French.", kind="verifier", verifier=spec)
    score = grade_with_verifier(criterion, "", "Oui.")
    assert score.score is None and score.status == "abstained"
    assert score.reason == "verifier_undecided"


def test_grade_with_verifier_scores_and_names_the_check() -> None:
    spec = VerifierSpec(name="word_count", args={"max_words": 2})
    criterion = Criterion(id="short", description="Short.", kind="verifier", verifier=spec)
    score = grade_with_verifier(criterion, "", "one two three")
    assert score.score == 0.0 and score.judge == "verifier:word_count"


def test_shipped_rubrics_use_valid_verifiers() -> None:
    from rubricrl.rubric import shipped_rubric, shipped_rubric_names

    assert "instruction_following" in shipped_rubric_names()
    checked = 0
    for name in shipped_rubric_names():
        for criterion in shipped_rubric(name).criteria:
            if criterion.verifier is not None:
                check_verifier_spec(criterion.verifier)
                checked += 1
    assert checked >= 7  # instruction_following.yaml alone has seven


def test_instruction_following_rubric_grades_a_good_response() -> None:
    from rubricrl.rubric import shipped_rubric

    rubric = shipped_rubric("instruction_following")
    body = " ".join(["The lamp gives warm even light for late reading at your desk."] * 12)
    response = (
        "<<Meet the Lumen Desk Lamp>>\n\n" + body + "\n\n* Warm light\n* Quiet dimmer\n"
        "* Only $49\n\nP.S. Ships next week."
    )
    scores = {
        c.id: grade_with_verifier(c, "Announce the lamp.", response).score
        for c in rubric.criteria
        if c.verifier is not None
    }
    assert scores == {
        "length": 1.0,
        "title": 1.0,
        "bullets": 1.0,
        "mentions_product": 1.0,
        "no_hype": 1.0,
        "postscript": 1.0,
        "english": 1.0,
    }


def test_check_rubric_verifiers_lists_each_problem() -> None:
    def verifier_criterion(cid: str, name: str, args: dict[str, object]) -> Criterion:
        spec = VerifierSpec(name=name, args=args)
        return Criterion(id=cid, description="d", kind="verifier", verifier=spec)

    rubric = Rubric(
        id="r",
        criteria=[
            verifier_criterion("ok", "word_count", {"max_words": 5}),
            verifier_criterion("bad", "word_count", {"max_words": "5"}),
            verifier_criterion("gone", "nope", {}),
            Criterion(id="judge", description="Polite."),
        ],
    )
    problems = check_rubric_verifiers(rubric)
    assert len(problems) == 2
    assert problems[0].startswith("criterion 'bad': verifier 'word_count': argument 'max_words'")
    assert problems[1].startswith("criterion 'gone': unknown verifier 'nope'")


@verifier("test_min_len")
def _min_len(response: str, *, prompt: str = "", n: int = 1) -> VerifierResult:
    if n < 0:
        raise ValueError("n must be >= 0")
    return VerifierResult(1.0 if len(response) >= n else 0.0)


def test_bad_args_are_undecided_not_zero() -> None:
    assert run_verifier(VerifierSpec(name="test_min_len", args={"n": -1}), "", "x").score is None
    assert run_verifier(VerifierSpec(name="test_min_len", args={"zz": 1}), "", "x").score is None
    with pytest.raises(ValueError, match="zz"):
        check_verifier_spec(VerifierSpec(name="test_min_len", args={"zz": 1}))
    with pytest.raises(ValueError, match="unknown verifier"):
        check_verifier_spec(VerifierSpec(name="nope"))


def test_grade_with_verifier() -> None:
    criterion = Criterion(
        id="len",
        description="long",
        kind="verifier",
        verifier=VerifierSpec(name="test_min_len", args={"n": 3}),
    )
    assert grade_with_verifier(criterion, "", "abcd").score == 1.0
    assert grade_with_verifier(criterion, "", "ab").score == 0.0


def test_docs_list_every_registered_verifier() -> None:
    from pathlib import Path

    from rubricrl._registry import lookup

    docs = (Path(__file__).resolve().parents[2] / "docs" / "verifiers.md").read_text("utf-8")
    shipped = [
        name
        for name in verifier_names()
        if lookup("verifier", name).__module__.startswith("rubricrl.verifiers._")
        and name not in {"ifeval_unsupported", "doc_nonempty"}
    ]
    assert len(shipped) >= 30
    assert [name for name in shipped if f"`{name}`" not in docs] == []


ALL_BUILTIN_SPECS: list[tuple[str, dict[str, object]]] = [
    ("word_count", {"min_words": 2, "max_words": 50, "partial": True}),
    ("sentence_count", {"min_sentences": 1}),
    ("paragraph_count", {"min_paragraphs": 1, "separator": "***"}),
    ("char_count", {"max_chars": 30, "partial": True}),
    ("paragraph_first_word", {"paragraph": 1, "first_word": "a", "num_paragraphs": 1}),
    ("keywords_present", {"keywords": ["a", "\u00e9"], "whole_word": True}),
    ("forbidden_words", {"words": ["*", "b"], "partial": True}),
    ("keyword_frequency", {"keyword": "[", "max_count": 2}),
    ("letter_frequency", {"letter": "a", "min_count": 1}),
    ("all_lowercase", {"language": "en"}),
    ("all_uppercase", {}),
    ("capital_word_frequency", {"min_count": 1}),
    ("no_commas", {}),
    ("response_language", {"language": "en", "min_letters": 3}),
    ("regex_match", {"pattern": r"(\w+)\s\1"}),
    ("starts_with", {"phrase": "a"}),
    ("ends_with", {"phrase": "a", "ignore_quotes": True}),
    ("valid_json", {"required_keys": ["a"]}),
    ("bullet_count", {"min_bullets": 1, "include_numbered": True}),
    ("heading_count", {"min_headings": 1, "level": 2}),
    ("section_count", {"min_sections": 1}),
    ("highlighted_sections", {}),
    ("placeholder_count", {}),
    ("postscript", {"marker": "P.P.S"}),
    ("quotation_wrapped", {}),
    ("title_brackets", {}),
    ("repeats_prompt_first", {}),
    ("two_responses", {}),
    ("constrained_response", {}),
]


def test_the_property_list_covers_every_builtin() -> None:
    from rubricrl._registry import lookup

    builtin = {
        name
        for name in verifier_names()
        if lookup("verifier", name).__module__
        in {"rubricrl.verifiers._builtin", "rubricrl.verifiers._structure"}
    }
    assert builtin == {name for name, _ in ALL_BUILTIN_SPECS}
    for name, args in ALL_BUILTIN_SPECS:
        check_verifier_spec(VerifierSpec(name=name, args=args))


@settings(max_examples=60, deadline=None)
@given(
    text=st.text(
        alphabet=st.sampled_from(list('aA \n\t*#-[]<>",.{}P.S\u00e9\u4f60\u3002'))
        | st.characters(),
        max_size=300,
    )
)
def test_verifiers_never_raise_and_stay_in_range(text: str) -> None:
    for name, args in ALL_BUILTIN_SPECS:
        result = run_verifier(VerifierSpec(name=name, args=args), "a prompt", text)
        assert result.score is None or 0.0 <= result.score <= 1.0, name
        assert not result.detail.startswith("bad arguments"), (name, result.detail)
