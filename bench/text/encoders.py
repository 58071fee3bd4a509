"""Measure the text encoders: cross-language retrieval on the bilingual set, the similarity of
a title to its translation and to unrelated titles, and speed on Online Retail's titles.

    OPENBLAS_NUM_THREADS=1 python bench/text/encoders.py

Prints one block per encoder (the sentence model and the n-gram fallback); the numbers are in
docs/text_embeddings.md.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.text.encoder import load_encoder  # noqa: E402

PAIRS = ROOT / "bench" / "text" / "bilingual_titles.csv"
ORDERS = Path("/work/shared/data/online_retail/online_retail_orders.csv.gz")


def cross_language(encoder, pairs: pd.DataFrame) -> dict[str, float]:
    """How often a product's nearest title in the other language is its own translation."""
    en = encoder.encode(pairs["en"].tolist())
    zh = encoder.encode(pairs["zh"].tolist())
    sims = en @ zh.T
    own = np.diag(sims)
    off = sims[~np.eye(len(sims), dtype=bool)]
    return {"en->zh top-1": float((sims.argmax(axis=1) == np.arange(len(sims))).mean()),
            "zh->en top-1": float((sims.argmax(axis=0) == np.arange(len(sims))).mean()),
            "own cosine min": float(own.min()), "own cosine median": float(np.median(own)),
            "unrelated cosine median": float(np.median(off)),
            "unrelated cosine max": float(off.max())}


def speed(encoder, titles: list[str]) -> float:
    start = time.perf_counter()
    encoder.encode(titles)
    return time.perf_counter() - start


def main() -> None:
    pairs = pd.read_csv(PAIRS)
    titles = (pd.read_csv(ORDERS, usecols=["Description"])["Description"].dropna().astype(str)
              .drop_duplicates().head(1000).tolist()) if ORDERS.exists() else []
    for kind in ("auto", "ngrams"):
        start = time.perf_counter()
        loaded = load_encoder(kind)
        load_s = time.perf_counter() - start
        print(f"== {loaded.name} ({loaded.note}); load {load_s:.2f} s")
        for key, value in cross_language(loaded.encoder, pairs).items():
            print(f"  {key}: {value:.3f}")
        if titles:
            print(f"  {len(titles)} Online Retail titles: {speed(loaded.encoder, titles):.2f} s")


if __name__ == "__main__":
    main()
