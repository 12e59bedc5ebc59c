import numpy as np
import pytest

from rubricrl.rubric import HashingEmbedder, resolve_embedder


def test_hashing_rows_are_unit_norm_and_deterministic():
    embedder = HashingEmbedder(dim=128)
    vectors = embedder.embed(["Cites two sources.", "cites two sources", ""])
    assert vectors.shape == (3, 128) and vectors.dtype == np.float32
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert float(vectors[0] @ vectors[1]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[2].any()
    assert np.array_equal(HashingEmbedder(dim=128).embed(["Cites two sources."])[0], vectors[0])


def test_hashing_similarity_prefers_shared_words():
    vectors = HashingEmbedder().embed(["dosage of ibuprofen", "ibuprofen dose", "rhyming poem"])
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_long_words_without_spaces_are_chunked():
    vectors = HashingEmbedder(dim=64).embed(["机" * 500])
    assert np.isfinite(vectors).all() and vectors.any()


def test_unknown_embedder_lists_valid_names():
    with pytest.raises(ValueError, match="hashing"):
        resolve_embedder("nope")


def test_minilm_without_dependencies_says_what_to_install(monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "sentence_transformers", None)
    with pytest.raises(RuntimeError, match="sentence-transformers"):
        resolve_embedder("minilm")


@pytest.mark.slow
def test_minilm_embeds_offline_when_installed():
    pytest.importorskip("sentence_transformers")
    vectors = resolve_embedder("minilm").embed(["a dosage", "the dose", "a rhyming poem"])
    assert vectors.shape == (3, 384)
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]
