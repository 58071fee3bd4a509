"""The zero-weight fallback encoder: character n-grams hashed into a fixed-size vector.

Used when the sentence model is not installed (a source checkout without the extra, a trimmed
build). It knows spelling, not meaning: "red lunch bag" is near "red lunch box", but an English
title is not near its Chinese translation. scikit-learn's HashingVectorizer does the same, but it
is not a dependency of the app and this is a few lines of numpy.

Each title is lower-cased, its runs of whitespace collapsed and padded with a space on both sides
(so word starts and ends count, like sklearn's `char_wb`); its 2-, 3- and 4-grams are hashed with
CRC32 (stable across runs, unlike Python's `hash`) into `dim` buckets, counts are damped by
1 + log(count) and the vector is scaled to unit length, so a dot product is a cosine.
"""
from __future__ import annotations

import re
import zlib

import numpy as np

NGRAMS = (2, 3, 4)
DIM = 2048
_SPACES = re.compile(r"\s+")


def _grams(text: str) -> list[str]:
    words = _SPACES.sub(" ", str(text).lower()).strip()
    if not words:
        return []
    clean = f" {words} "
    return [clean[i:i + n] for n in NGRAMS for i in range(len(clean) - n + 1)]


class CharNgramEncoder:
    """`encode(texts) -> (n, dim) float32`, rows of unit length (all zero for an empty text)."""

    name = "char-ngrams-2048"
    dim = DIM

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for row, text in enumerate(texts):
            grams = _grams(text)
            if not grams:
                continue
            buckets = np.fromiter((zlib.crc32(g.encode("utf-8")) % DIM for g in grams),
                                  dtype=np.int64, count=len(grams))
            counts = np.bincount(buckets, minlength=DIM).astype(np.float32)
            nonzero = counts > 0
            counts[nonzero] = 1.0 + np.log(counts[nonzero])
            out[row] = counts / np.linalg.norm(counts)
        return out
