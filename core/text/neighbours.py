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

    def __post_init__(self) -> None:
        # Looked up on every product switch in the GUI: a dict and a ready-made id array keep
        # that at about a millisecond for 4,000 products.
        self._positions = {pid: i for i, pid in enumerate(self.ids)}
        self._id_array = np.array(self.ids, dtype=str)

    def position(self, product: str) -> int | None:
        return self._positions.get(str(product))

    def similar(self, vector: np.ndarray, top: int, exclude: str | None = None,
                among: np.ndarray | None = None) -> pd.DataFrame:
        """The `top` products most similar to `vector`: `unique_id,title,similarity`, best
        first (ties by id, so the order is stable). `among` limits the candidates (a mask)."""
        scores = self.vectors @ np.asarray(vector, dtype=np.float32)
        keep = np.ones(len(self.ids), dtype=bool) if among is None else among.copy()
        if exclude is not None and (pos := self.position(exclude)) is not None:
            keep[pos] = False
        rows = np.flatnonzero(keep)
        if top < len(rows):  # only the best `top` (and ties at the edge) need sorting
            edge = np.partition(-scores[rows], top - 1)[top - 1]
            rows = rows[-scores[rows] <= edge]
        order = np.lexsort((self._id_array[rows], -scores[rows]))[:top]
        picked = rows[order]
        return pd.DataFrame({"unique_id": [self.ids[i] for i in picked],
                             "title": [self.titles[i] for i in picked],
                             "similarity": np.round(scores[picked].astype(float), 4)})

    def similar_to(self, product: str, top: int) -> pd.DataFrame:
        pos = self.position(product)
        if pos is None:
            raise KeyError(product)
        return self.similar(self.vectors[pos], top, exclude=product)
