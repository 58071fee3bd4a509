"""Embeddings kept per title, so a title is encoded once per project and encoder.

Stored as an `.npz` of plain arrays (no pickle, loaded with `allow_pickle=False`): `titles`
(unicode), `vectors` (float32, one row per title) and `encoder` (the encoder's name). Vectors
of another encoder are never mixed in: a cache made by the fallback is dropped when the model is
there, and the other way round.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass, field

import numpy as np

from core.atomic_write import atomic_open
from core.error_messages import user_error
from core.progress import NEVER, CancelToken, ProgressCallback
from core.text.encoder import Encoder, embed


@dataclass
class EmbeddingCache:
    encoder: str
    vectors: dict[str, np.ndarray] = field(default_factory=dict)

    def lookup(self, encoder: Encoder, titles: list[str], *,
               progress: ProgressCallback | None = None,
               cancel: CancelToken = NEVER) -> np.ndarray:
        """One row per title; titles not cached yet are encoded (with progress) and added."""
        if encoder.name != self.encoder:
            self.encoder, self.vectors = encoder.name, {}
        missing = list(dict.fromkeys(t for t in titles if t not in self.vectors))
        if missing:
            new = embed(encoder, missing, progress=progress, cancel=cancel)
            self.vectors.update(zip(missing, new, strict=True))
        if not titles:
            return np.zeros((0, encoder.dim), dtype=np.float32)
        return np.stack([self.vectors[t] for t in titles]).astype(np.float32, copy=False)

    def to_bytes(self) -> bytes:
        titles = list(self.vectors)
        dim = len(next(iter(self.vectors.values()))) if titles else 0
        vectors = (np.stack([self.vectors[t] for t in titles]) if titles
                   else np.zeros((0, dim), dtype=np.float32))
        buffer = io.BytesIO()
        # Not compressed: the project zip deflates it anyway, and compressing here took 2 s
        # for 4,000 titles.
        np.savez(buffer, titles=np.array(titles, dtype=str),
                            vectors=vectors.astype(np.float32), encoder=np.array(self.encoder))
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "embeddings") -> EmbeddingCache:
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as z:
                titles, vectors, encoder = z["titles"], z["vectors"], str(z["encoder"])
        except (ValueError, KeyError, OSError, EOFError) as exc:
            raise user_error("cache.unreadable", source=str(source), error=str(exc)) from None
        if vectors.ndim != 2 or len(vectors) != len(titles):
            raise user_error("cache.mismatch", source=str(source), titles=str(len(titles)),
                             vectors=str(len(vectors)))
        return cls(encoder, dict(zip(titles.tolist(), vectors.astype(np.float32), strict=True)))

    def save(self, path: str | os.PathLike) -> None:
        with atomic_open(path, "wb") as handle:
            handle.write(self.to_bytes())

    @classmethod
    def load(cls, path: str | os.PathLike) -> EmbeddingCache:
        with open(path, "rb") as handle:
            return cls.from_bytes(handle.read(), str(path))
