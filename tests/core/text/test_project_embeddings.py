"""Projects keep the title vectors (plain npz arrays), and a damaged copy is reported."""
from __future__ import annotations

import zipfile

import numpy as np
import pytest

from core.errors import TrendcastError
from core.project import EMBEDDINGS, Project, load_project, save_project
from core.text.cache import EmbeddingCache
from tests.fixtures.runs import shared_run


def test_embeddings_round_trip_in_the_project(tmp_path):
    _run, history = shared_run()
    cache = EmbeddingCache("char-ngrams-2048", {"mug": np.full(4, 0.5, dtype=np.float32)})
    path = tmp_path / "p.trendcast"
    save_project(path, Project(frame=history, embeddings=cache.to_bytes()))
    back = EmbeddingCache.from_bytes(load_project(path).embeddings)
    assert back.encoder == "char-ngrams-2048"
    np.testing.assert_array_equal(back.vectors["mug"], cache.vectors["mug"])
    save_project(path, Project(frame=history))
    assert load_project(path).embeddings is None
    with zipfile.ZipFile(path) as zf:
        assert EMBEDDINGS not in zf.namelist()


def test_damaged_embeddings_make_the_project_damaged(tmp_path):
    _run, history = shared_run()
    path = tmp_path / "p.trendcast"
    save_project(path, Project(frame=history, embeddings=b"rubbish"))
    with pytest.raises(TrendcastError, match="damaged"):
        load_project(path)
