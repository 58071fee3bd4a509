"""Nearest products by text: cosine similarity of unit vectors (a dot product)."""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass
class TextIndex:
    """Products' unit vectors, row i for `ids[i]`."""

    ids: list[str]
    titles: list[str]
    vectors: np.ndarray

    def position(self, product: str) -> int | None:
        try:
            return self.ids.index(str(product))
        except ValueError:
            return None

    def similar(self, vector: np.ndarray, top: int, exclude: str | None = None,
                among: np.ndarray | None = None) -> pd.DataFrame:
        """The `top` products most similar to `vector`: `unique_id,title,similarity`, best
        first (ties by id, so the order is stable). `among` limits the candidates (a mask)."""
        scores = self.vectors @ np.asarray(vector, dtype=np.float32)
        keep = np.ones(len(self.ids), dtype=bool) if among is None else among.copy()
        if exclude is not None and (pos := self.position(exclude)) is not None:
            keep[pos] = False
        rows = np.flatnonzero(keep)
        order = np.lexsort((np.array(self.ids, dtype=object)[rows].astype(str),
                            -scores[rows]))[:top]
        picked = rows[order]
        return pd.DataFrame({"unique_id": [self.ids[i] for i in picked],
                             "title": [self.titles[i] for i in picked],
                             "similarity": np.round(scores[picked].astype(float), 4)})

    def similar_to(self, product: str, top: int) -> pd.DataFrame:
        pos = self.position(product)
        if pos is None:
            raise KeyError(product)
        return self.similar(self.vectors[pos], top, exclude=product)
