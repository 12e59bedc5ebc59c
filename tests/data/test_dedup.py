from __future__ import annotations

import numpy as np
import pytest

from rubricrl.data import (
    DedupConfig,
    MinHasher,
    PromptRow,
    decontaminate,
    dedup,
    estimated_jaccard,
    normalize_text,
    shingles,
)

BASE = "Write a detailed travel itinerary for five days in Kyoto with temples gardens and food"


def test_shingles_and_normalisation() -> None:
    assert normalize_text("A, b;  C!") == "a b c"
    assert shingles("a b c d", 3) == {"a b c", "b c d"}
    assert shingles("a b", 3) == {"a b"} and shingles("", 3) == set()
    assert len(shingles("机器学习在智能制造质量控制中的应用研究论文准备投稿", 3)) > 5


def test_minhash_estimates_jaccard() -> None:
    a = shingles(BASE + " and nightlife and shopping tips", 1)
    b = shingles(BASE + " and museums and hiking trails", 1)
    true = len(a & b) / len(a | b)
    hasher = MinHasher(num_perm=256)
    estimate = estimated_jaccard(hasher.signature(a), hasher.signature(b))
    assert abs(estimate - true) < 0.12
    assert estimated_jaccard(hasher.signature(a), hasher.signature(a)) == 1.0


def test_dedup_drops_later_near_duplicates_only() -> None:
    rows = [
        PromptRow(id="a", prompt=BASE),
        PromptRow(id="b", prompt="Write a poem about winter mornings in the mountains."),
        PromptRow(id="c", prompt=BASE.upper() + "!"),  # same words, different case/punctuation
        PromptRow(id="d", prompt=BASE.replace("five", "seven")),  # Jaccard ~0.75 < 0.8
    ]
    kept, report = dedup(rows)
    assert [r.id for r in kept] == ["a", "b", "d"]
    assert report.removed["c"]["duplicate_of"] == "a" and report.removed["c"]["method"] == "minhash"
    loose, _ = dedup(rows, DedupConfig(threshold=0.5))
    assert [r.id for r in loose] == ["a", "b"]


def test_dedup_with_embeddings() -> None:
    rows = [
        PromptRow(id="a", prompt="How do I bake bread?"),
        PromptRow(id="b", prompt="What is the method for baking a loaf?"),
        PromptRow(id="c", prompt="Explain quantum tunnelling."),
    ]

    def encoder(texts: list[str]) -> np.ndarray:
        return np.array([[1.0, 0.0] if "bak" in t else [0.0, 1.0] for t in texts])

    kept, report = dedup(rows, encoder=encoder)
    assert [r.id for r in kept] == ["a", "c"]
    expected = {"duplicate_of": "a", "method": "embedding", "similarity": 1.0}
    assert report.removed["b"] == expected


@pytest.mark.parametrize(
    ("train", "method"),
    [
        (
            BASE.lower(),
            "exact",
        ),
        ("Please " + BASE + " please.", "ngram13"),
    ],
)
def test_decontaminate_methods(train: str, method: str) -> None:
    eval_rows = [PromptRow(id="e1", prompt=BASE), PromptRow(id="e2", prompt="Unrelated thing.")]
    kept, report = decontaminate([PromptRow(id="t", prompt=train)], eval_rows)
    assert kept == [] and report.removed["t"]["method"] == method
    assert report.removed["t"]["duplicate_of"] == "e1"


def test_decontaminate_minhash_and_clean_rows() -> None:
    short = "Summarise the plot of Hamlet in three sentences for a child"
    eval_rows = [PromptRow(id="e", prompt=short)]
    train = [
        PromptRow(id="t1", prompt=short + " please"),
        PromptRow(id="t2", prompt="List five prime numbers."),
    ]
    kept, report = decontaminate(train, eval_rows, DedupConfig(threshold=0.7))
    assert [r.id for r in kept] == ["t2"] and report.removed["t1"]["method"] == "minhash"
