"""Near-duplicate removal and decontamination against evaluation prompts.

MinHash (Broder 1997) estimates the Jaccard similarity of two prompts' word-shingle sets from
``num_perm`` min-hashes; LSH banding (``bands`` x ``rows`` = ``num_perm``) finds candidate pairs
without comparing all pairs, and each candidate is confirmed by its estimated Jaccard. With the
default 16 bands of 8 rows a pair at Jaccard s becomes a candidate with probability
``1 - (1 - s**8)**16`` (0.98 at s = 0.8, 0.01 at s = 0.3). Optionally, embeddings (cosine) catch
paraphrases that share few words.

Decontamination flags a training prompt that (a) equals an evaluation prompt after
normalisation, (b) shares a long word n-gram with one (13 words, as in the GPT-3 paper's
contamination study), or (c) is a MinHash near-duplicate of one.
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from rubricrl.data._rows import PromptRow

_WORD = re.compile(r"\w+", re.UNICODE)


def normalize_text(text: str) -> str:
    """Lowercase word tokens joined by single spaces (punctuation and spacing ignored).

    >>> normalize_text("Hello,   World!")
    'hello world'
    """
    return " ".join(_WORD.findall(text.lower()))


def shingles(text: str, n: int = 3) -> set[str]:
    """Word n-gram shingles of the normalised text (the whole text if shorter than n).

    CJK text has no spaces between words, so a word of more than 20 characters is split into
    character trigrams.
    """
    words: list[str] = []
    for word in normalize_text(text).split():
        if len(word) > 20:
            words.extend(word[i : i + 3] for i in range(len(word) - 2))
        else:
            words.append(word)
    if len(words) < n:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def _splitmix64(values: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    # SplitMix64 finaliser (Steele et al. 2014): a strong 64-bit mixer; uint64 products wrap.
    z = values + np.uint64(0x9E3779B97F4A7C15)
    z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    mixed: np.ndarray[Any, Any] = z ^ (z >> np.uint64(31))
    return mixed


class MinHasher:
    """``num_perm`` seeded hash functions, so signatures are comparable across runs."""

    def __init__(self, num_perm: int = 128, seed: int = 1) -> None:
        """Draw one 64-bit salt per hash function; h_i(x) = splitmix64(x xor salt_i)."""
        rng = np.random.default_rng(seed)
        self.num_perm = num_perm
        self.salts = rng.integers(0, np.iinfo(np.uint64).max, size=num_perm, dtype=np.uint64)

    def signature(self, shingle_set: set[str]) -> np.ndarray[Any, Any]:
        """The min-hash signature (all-max for an empty set, which matches nothing real)."""
        if not shingle_set:
            return np.full(self.num_perm, np.iinfo(np.uint64).max, dtype=np.uint64)
        hashes = np.array(
            [
                int.from_bytes(hashlib.blake2b(s.encode(), digest_size=8).digest(), "big")
                for s in shingle_set
            ],
            dtype=np.uint64,
        )
        with np.errstate(over="ignore"):
            values = _splitmix64(hashes[:, None] ^ self.salts[None, :])
        signature: np.ndarray[Any, Any] = values.min(axis=0)
        return signature


def estimated_jaccard(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any]) -> float:
    """Share of equal min-hashes: an unbiased estimate of the Jaccard similarity."""
    return float(np.mean(a == b))


class _LSHIndex:
    def __init__(self, bands: int, rows: int) -> None:
        self.bands, self.rows = bands, rows
        self.buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)

    def keys(self, signature: np.ndarray[Any, Any]) -> list[tuple[int, bytes]]:
        return [
            (band, signature[band * self.rows : (band + 1) * self.rows].tobytes())
            for band in range(self.bands)
        ]

    def add(self, item_id: str, signature: np.ndarray[Any, Any]) -> None:
        for key in self.keys(signature):
            self.buckets[key].append(item_id)

    def candidates(self, signature: np.ndarray[Any, Any]) -> set[str]:
        found: set[str] = set()
        for key in self.keys(signature):
            found.update(self.buckets.get(key, ()))
        return found


class DedupConfig(BaseModel):
    """Thresholds for near-duplicate removal and decontamination."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    threshold: float = Field(default=0.8, gt=0, le=1, description="Estimated Jaccard.")
    shingle_words: int = Field(default=3, ge=1, le=20)
    num_perm: int = Field(default=128, ge=8, le=1024)
    bands: int | None = Field(
        default=None, ge=1, description="LSH bands; None = chosen from the threshold."
    )
    ngram_words: int = Field(default=13, ge=4, le=64, description="Decontamination n-gram.")
    embedding_threshold: float = Field(default=0.95, gt=0, le=1, description="Cosine.")

    def lsh_shape(self) -> tuple[int, int]:
        """(bands, rows per band) of the LSH index.

        By default the divisor pair whose LSH threshold ``(1/b)**(1/r)`` is closest to 0.1
        below ``threshold`` (recall first; candidates are then confirmed by their estimated
        Jaccard).

        >>> DedupConfig().lsh_shape(), DedupConfig(threshold=0.5).lsh_shape()
        ((16, 8), (32, 4))
        """
        if self.bands is not None:
            return self.bands, max(1, self.num_perm // self.bands)
        pairs = [
            (b, self.num_perm // b) for b in range(1, self.num_perm + 1) if self.num_perm % b == 0
        ]
        target = max(0.05, self.threshold - 0.1)
        return min(pairs, key=lambda p: abs((1 / p[0]) ** (1 / p[1]) - target))


class DedupReport(BaseModel):
    """Removed ids, each mapped to the id it duplicates and how it was found."""

    kept: int
    removed: dict[str, dict[str, Any]]


def _signatures(
    texts: Sequence[str], config: DedupConfig, hasher: MinHasher
) -> list[np.ndarray[Any, Any]]:
    return [hasher.signature(shingles(t, config.shingle_words)) for t in texts]


def dedup(
    rows: Sequence[PromptRow],
    config: DedupConfig | None = None,
    *,
    encoder: Callable[[list[str]], Any] | None = None,
) -> tuple[list[PromptRow], DedupReport]:
    """Drop later near-duplicates of earlier rows (first occurrence wins).

    Args:
        rows: Prompt rows in priority order.
        config: Thresholds.
        encoder: Optional ``texts -> embeddings``; then cosine ≥ ``embedding_threshold``
            also counts as a duplicate.

    >>> rows = [PromptRow(id="a", prompt="Write a short poem about the sea at night."),
    ...         PromptRow(id="b", prompt="Write a short poem about the sea at night!")]
    >>> [r.id for r in dedup(rows)[0]]
    ['a']
    """
    config = config or DedupConfig()
    hasher = MinHasher(config.num_perm)
    index = _LSHIndex(*config.lsh_shape())
    signatures = dict(
        zip((r.id for r in rows), _signatures([r.text for r in rows], config, hasher), strict=True)
    )
    removed: dict[str, dict[str, Any]] = {}
    kept: list[PromptRow] = []
    for row in rows:
        signature = signatures[row.id]
        match = _best_match(signature, index.candidates(signature), signatures, config.threshold)
        if match is not None:
            removed[row.id] = {
                "duplicate_of": match[0],
                "method": "minhash",
                "similarity": match[1],
            }
            continue
        index.add(row.id, signature)
        kept.append(row)
    if encoder is not None:
        kept = _embedding_dedup(kept, encoder, config.embedding_threshold, removed)
    return kept, DedupReport(kept=len(kept), removed=removed)


def _best_match(
    signature: np.ndarray[Any, Any],
    candidates: set[str],
    signatures: dict[str, np.ndarray[Any, Any]],
    threshold: float,
) -> tuple[str, float] | None:
    best: tuple[str, float] | None = None
    for candidate in sorted(candidates):
        similarity = estimated_jaccard(signature, signatures[candidate])
        if similarity >= threshold and (best is None or similarity > best[1]):
            best = (candidate, round(similarity, 4))
    return best


def _embedding_dedup(
    rows: list[PromptRow],
    encoder: Callable[[list[str]], Any],
    threshold: float,
    removed: dict[str, dict[str, Any]],
) -> list[PromptRow]:
    if not rows:
        return rows
    vectors = np.asarray(encoder([r.text for r in rows]), dtype=np.float32)
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    kept_index: list[int] = []
    for i in range(len(rows)):
        if kept_index:
            similarity = vectors[kept_index] @ vectors[i]
            best = int(np.argmax(similarity))
            if float(similarity[best]) >= threshold:
                removed[rows[i].id] = {
                    "duplicate_of": rows[kept_index[best]].id,
                    "method": "embedding",
                    "similarity": round(float(similarity[best]), 4),
                }
                continue
        kept_index.append(i)
    return [rows[i] for i in kept_index]


def _ngrams(text: str, n: int) -> set[str]:
    words = normalize_text(text).split()
    return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}


def decontaminate(
    rows: Sequence[PromptRow],
    eval_rows: Sequence[PromptRow],
    config: DedupConfig | None = None,
) -> tuple[list[PromptRow], DedupReport]:
    """Drop training rows that overlap an evaluation prompt (module docstring: a, b, c).

    >>> train = [PromptRow(id="t1", prompt="Name three colours."), PromptRow(id="t2", prompt="Hi")]
    >>> held_out = [PromptRow(id="e1", prompt="name three colours")]
    >>> [r.id for r in decontaminate(train, held_out)[0]]
    ['t2']
    """
    config = config or DedupConfig()
    hasher = MinHasher(config.num_perm)
    exact = {normalize_text(e.text): e.id for e in eval_rows}
    grams: dict[str, str] = {}
    for e in eval_rows:
        for gram in _ngrams(e.text, config.ngram_words):
            grams.setdefault(gram, e.id)
    index = _LSHIndex(*config.lsh_shape())
    eval_signatures = dict(
        zip(
            (e.id for e in eval_rows),
            _signatures([e.text for e in eval_rows], config, hasher),
            strict=True,
        )
    )
    for eval_id, signature in eval_signatures.items():
        index.add(eval_id, signature)
    removed: dict[str, dict[str, Any]] = {}
    kept = []
    for row in rows:
        hit = _contamination(row, exact, grams, index, eval_signatures, hasher, config)
        if hit is None:
            kept.append(row)
        else:
            removed[row.id] = hit
    return kept, DedupReport(kept=len(kept), removed=removed)


def _contamination(
    row: PromptRow,
    exact: dict[str, str],
    grams: dict[str, str],
    index: _LSHIndex,
    eval_signatures: dict[str, np.ndarray[Any, Any]],
    hasher: MinHasher,
    config: DedupConfig,
) -> dict[str, Any] | None:
    text = normalize_text(row.text)
    if text in exact:
        return {"duplicate_of": exact[text], "method": "exact"}
    for gram in _ngrams(row.text, config.ngram_words):
        if gram in grams:
            return {"duplicate_of": grams[gram], "method": f"ngram{config.ngram_words}"}
    signature = hasher.signature(shingles(row.text, config.shingle_words))
    match = _best_match(signature, index.candidates(signature), eval_signatures, config.threshold)
    if match is not None:
        return {"duplicate_of": match[0], "method": "minhash", "similarity": match[1]}
    return None
