from __future__ import annotations

import json
from pathlib import Path

import pytest

from rubricrl.data import (
    DataError,
    PromptRow,
    from_hf_dataset,
    read_prompts,
    row_from_data,
    to_hf_dataset,
    write_prompts,
)


def test_text_and_messages_views(prompts: list[PromptRow]) -> None:
    assert prompts[0].messages == [{"role": "user", "content": "Write a poem about the sea."}]
    assert prompts[1].text == "Solve 2x + 3 = 7."
    assert prompts[2].inline_rubric() is not None and prompts[2].inline_rubric().id == "r3"
    assert prompts[0].inline_rubric() is None


def test_tag_values() -> None:
    row = PromptRow(id="a", prompt="x", tags=("task:qa", "domain:health", "domain:law"))
    assert row.tag_values("domain") == ["health", "law"]


@pytest.mark.parametrize("suffix", [".jsonl", ".parquet"])
def test_roundtrip_files(tmp_path: Path, prompts: list[PromptRow], suffix: str) -> None:
    path = tmp_path / f"p{suffix}"
    write_prompts(prompts, path)
    assert read_prompts(path) == prompts


def test_roundtrip_hf_dataset(prompts: list[PromptRow]) -> None:
    pytest.importorskip("datasets")
    dataset = to_hf_dataset(prompts)
    assert dataset.num_rows == 3
    assert from_hf_dataset(dataset) == prompts


def test_plain_text_prompt_column_from_foreign_dataset() -> None:
    rows = from_hf_dataset([{"id": "x", "prompt": "just text", "tags": ["a:b"]}])
    assert rows[0].prompt == "just text" and rows[0].tags == ("a:b",)


def test_bad_rows_give_one_line_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "a", "prompt": "x"}\n{"id": "a", "prompt": "y"}\n')
    with pytest.raises(DataError, match="duplicate prompt id 'a'"):
        read_prompts(path)
    path.write_text('{"id": "a"}\n')
    with pytest.raises(DataError, match=r"bad.jsonl:1") as info:
        read_prompts(path)
    assert "\n" not in str(info.value)
    path.write_text("not json\n")
    with pytest.raises(DataError, match="not valid JSON"):
        read_prompts(path)
    with pytest.raises(DataError, match="unknown format"):
        read_prompts(tmp_path / "x.csv")
    with pytest.raises(DataError, match="no such file"):
        read_prompts(tmp_path / "missing.jsonl")


def test_messages_are_validated() -> None:
    with pytest.raises(DataError):
        row_from_data({"id": "a", "prompt": []}, "here")
    with pytest.raises(DataError):
        row_from_data({"id": "a", "prompt": [{"role": "user", "text": "x"}]}, "here")
    with pytest.raises(DataError):
        row_from_data({"id": "a", "prompt": "x", "unknown_field": 1}, "here")


def test_jsonl_omits_defaults(tmp_path: Path) -> None:
    path = tmp_path / "p.jsonl"
    write_prompts([PromptRow(id="a", prompt="x")], path)
    assert json.loads(path.read_text()) == {"id": "a", "prompt": "x"}
