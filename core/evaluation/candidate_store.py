"""Every candidate's backtest and forecast rows, put aside on disk as the batches arrive.

The batch path (issue #15) needs all candidates' rows only twice: to build the combinations (per
product, all its candidates at once) and to calibrate each model's bands (per model, all its
products at once). Held in memory until the choice, they made the client grow with products x
candidates (100k weekly products: killed at 23.4 GB). Here each batch's frames are written as
soon as it arrives, cut into slices of at most `SLICE` products, one `.npz` of plain columns
per (task, kind, slice), loaded without pickle (`allow_pickle=False`); the client then reads
back one slice of products (`load(kind, piece=...)`) or one model (`load(kind, model=...)`)
at a time. Product ids are stored as int32 codes into the run's product list; the model name,
one per task, in the index. The directory is removed by `close` (also on error or cancel);
one left by a killed run is removed by a later run once it is `STALE_AFTER` old.
"""
from __future__ import annotations

import shutil
import tempfile
import time
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
import pandas as pd

from core.schema import ID

SLICE = 2_000  # products per slice: the combinations' peak holds all candidates of one slice
PREFIX = "trendcast-candidates-"
# A killed run (SIGKILL, a closed terminal) cannot remove its directory. No run goes two days
# without writing to its own, so one untouched that long is an orphan.
STALE_AFTER = 2 * 24 * 3600.0


def remove_orphans(root: str | None = None, now: float | None = None) -> None:
    """Remove candidate directories that killed runs left behind (untouched `STALE_AFTER`)."""
    now = time.time() if now is None else now
    for path in Path(root or tempfile.gettempdir()).glob(PREFIX + "*"):
        try:
            if path.is_dir() and now - path.stat().st_mtime > STALE_AFTER:
                shutil.rmtree(path, ignore_errors=True)
        except OSError:  # gone meanwhile, or not ours to read: leave it
            continue


@dataclass(frozen=True)
class _Part:
    order: int  # task index (combinations: after every task); reading keeps this order
    kind: str  # "bt" (backtest) or "fc" (forecast)
    model: str
    piece: int  # slice of products
    columns: tuple[str, ...]
    path: Path


class CandidateStore:
    """Spilled per-candidate frames of one run; `ids` are its products in run order."""

    def __init__(self, ids, slice_size: int | None = None) -> None:
        self.ids = pd.Index(ids)
        self._objects = self.ids.to_numpy(dtype=object)
        self.slice_size = max(int(slice_size or SLICE), 1)
        remove_orphans()
        self.dir = Path(tempfile.mkdtemp(prefix=PREFIX))
        self.parts: list[_Part] = []
        # product code -> the batch (chunk of products) its local models were fitted in
        self.chunk = np.zeros(len(self.ids), dtype=np.int64)

    def set_chunks(self, chunks) -> None:
        """The batches of products, in task order (for `lean_evaluation`'s row order)."""
        for i, uids in enumerate(chunks):
            self.chunk[self.ids.get_indexer(uids)] = i

    def __enter__(self) -> CandidateStore:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def put(self, order: int, result):
        """Write a `ChunkResult`'s backtest and forecast; returns it with both left empty."""
        for kind, frame in (("bt", result.backtest), ("fc", result.forecast)):
            self.add(order, kind, frame)
        return replace(result, backtest=pd.DataFrame(), forecast=pd.DataFrame())

    def add(self, order: int, kind: str, frame: pd.DataFrame) -> None:
        """Write `frame` (rows with `model` and `unique_id` columns) sliced by product."""
        if frame.empty:
            return
        codes = self.ids.get_indexer(frame[ID])
        if (codes < 0).any():
            raise ValueError("a batch returned a product the run does not have")
        pieces = codes // self.slice_size
        columns = [c for c in frame.columns if c != "model"]
        for model, at in frame.groupby("model", sort=False).indices.items():
            for piece in np.unique(pieces[at]):
                rows = at[pieces[at] == piece]
                path = self.dir / f"{len(self.parts)}.npz"
                arrays = {c: self._column(frame, c, rows, codes) for c in columns}
                np.savez(path, **arrays)
                self.parts.append(_Part(order, kind, str(model), int(piece), tuple(columns),
                                        path))

    def _column(self, frame, column, rows, codes) -> np.ndarray:
        if column == ID:
            return codes[rows].astype(np.int32)
        values = frame[column].to_numpy()[rows]
        if values.dtype == object:
            raise TypeError(f"column {column!r} is not numeric: cannot be stored")
        return values

    def models(self, kind: str) -> list[str]:
        """Models with rows of `kind`, in the order their first task came."""
        parts = sorted((p for p in self.parts if p.kind == kind), key=lambda p: p.order)
        return list(dict.fromkeys(p.model for p in parts))

    def pieces(self) -> list[int]:
        return sorted({p.piece for p in self.parts})

    def products(self, piece: int) -> np.ndarray:
        """The product ids of slice `piece`."""
        return self._objects[piece * self.slice_size:(piece + 1) * self.slice_size]

    def load(self, kind: str, *, model: str | None = None, piece: int | None = None
             ) -> pd.DataFrame:
        """The rows of `kind` for one model or one slice, in task order (then slice order)."""
        parts = [p for p in self.parts if p.kind == kind and model in (None, p.model)
                 and piece in (None, p.piece)]
        parts.sort(key=lambda p: (p.order, p.piece))
        frames = [self._read(p) for p in parts]
        return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()

    def _read(self, part: _Part) -> pd.DataFrame:
        with np.load(part.path, allow_pickle=False) as data:
            columns = {c: (self._objects[data[c]] if c == ID else data[c]) for c in part.columns}
        frame = pd.DataFrame(columns)
        frame["model"] = part.model
        return frame

    def columns(self, kind: str) -> list[str]:
        """Every column of `kind`'s rows, in the order the parts bring them, then `model`."""
        names = [c for p in sorted(self.parts, key=lambda p: p.order) if p.kind == kind
                 for c in p.columns]
        return [*dict.fromkeys(names), "model"]

    def has_backtest(self) -> bool:
        return any(p.kind == "bt" for p in self.parts)
