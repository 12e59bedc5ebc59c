from __future__ import annotations

import json
from pathlib import Path

from rubricrl.data import (
    CardStep,
    PromptRow,
    SourceInfo,
    build_card,
    card_markdown,
    carry_card,
    read_card,
    rows_digest,
    write_card,
)

SOURCE = SourceInfo(
    name="s",
    package="pkg",
    package_version="1",
    path="/x",
    sha256="0" * 64,
    licence="MIT",
    licence_evidence="METADATA",
    rows=2,
)


def test_card_counts_rubrics_and_hash(prompts: list[PromptRow]) -> None:
    tagged = [p.model_copy(update={"tags": ("task:x",)}) for p in prompts]
    card = build_card("d", tagged, sources=[SOURCE], steps=[CardStep(name="import")])
    assert card.rows == 3 and card.tag_counts == {"task:x": 3}
    assert card.task_counts == {"-": 2, "writing": 1}
    assert card.licences == {"s": "MIT"}
    assert list(card.rubrics) == ["r3@1"] and len(card.rubrics["r3@1"]) == 64
    assert card.rows_sha256 == rows_digest(tagged) != rows_digest(prompts)
    markdown = card_markdown(card)
    assert "| s | pkg==1 | MIT | 2 |" in markdown and "METADATA" in markdown


def test_write_read_and_carry(tmp_path: Path, prompts: list[PromptRow]) -> None:
    first = tmp_path / "a.jsonl"
    first.write_text("rows\n")
    write_card(build_card("a", prompts, sources=[SOURCE], steps=[CardStep(name="import")]), first)
    assert read_card(first) is not None and read_card(tmp_path / "none.jsonl") is None
    second = tmp_path / "b.jsonl"
    card = carry_card(first, second, prompts[:1], CardStep(name="filter", result={"kept": 1}))
    assert [s.name for s in card.steps] == ["import", "filter"] and card.sources == [SOURCE]
    assert str(first) in card.input_hashes and card.rows == 1
    on_disk = json.loads((tmp_path / "b.jsonl.card.json").read_text())
    assert on_disk["steps"][1]["result"] == {"kept": 1}
    assert (tmp_path / "b.jsonl.card.md").read_text().startswith("# Data card: b")
