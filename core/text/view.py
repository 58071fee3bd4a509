"""What the Forecast view's "Similar products" tab shows, computed without Qt.

`prepare_text_view` runs in a worker: it loads the encoder, embeds every product's title (only
titles the project's cache does not hold yet) with progress and cancel, and works out the
cold-start forecast of the products too young to backtest. `similar_with_sales` is then a
few milliseconds per product: its neighbours with their sales beside its own.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.progress import NEVER, CancelToken, ProgressCallback, ProgressEvent, scaled
from core.schema import ID, Y
from core.text.cache import EmbeddingCache
from core.text.cold_start import LOOKBACK, ColdStart, cold_start
from core.text.encoder import load_encoder
from core.text.neighbours import TextIndex
from core.text.products import index_products

TOP = 10


@dataclass
class TextView:
    index: TextIndex
    note: str  # which encoder ran (and why the fallback, if it did)
    is_model: bool
    cache: EmbeddingCache
    cold: ColdStart  # forecasts and neighbours of the young products
    sales: pd.DataFrame  # per product: recent (mean of the last LOOKBACK periods), total
    cache_bytes: bytes  # the cache as a project keeps it, packed here (0.3 s for 4,000 titles)
    embedded: int  # titles encoded now (not found in the cache)


def prepare_text_view(history: pd.DataFrame, young: list[str], horizon: int, freq: str,
                      cache: EmbeddingCache | bytes | None = None, *,
                      progress: ProgressCallback | None = None,
                      cancel: CancelToken = NEVER) -> TextView | None:
    """None when the data has no titles."""
    if "title" not in history or not (history["title"].astype(str).str.strip() != "").any():
        return None
    report = scaled(progress, 0.0, 0.1, "embeddings")
    report(ProgressEvent(0.0, stage="embeddings"))
    loaded = load_encoder()
    if isinstance(cache, bytes):
        cache = EmbeddingCache.from_bytes(cache, "project embeddings")
    cache = cache if cache is not None else EmbeddingCache(loaded.name)
    before = len(cache.vectors)
    index = index_products(history, loaded.encoder, cache,
                           progress=scaled(progress, 0.1, 0.95, "embeddings"), cancel=cancel)
    cancel.raise_if_cancelled()
    cold = cold_start(history, index, [str(u) for u in young], horizon, freq)
    (progress or (lambda _e: None))(ProgressEvent(1.0, stage="embeddings"))
    packed = cache.to_bytes()
    return TextView(index, loaded.note, loaded.is_model, cache, cold, sales_table(history),
                    packed, len(cache.vectors) - before)


def sales_table(history: pd.DataFrame) -> pd.DataFrame:
    ids = history[ID].astype(str)
    recent = history.assign(**{ID: ids}).groupby(ID, sort=False).tail(LOOKBACK)
    return pd.DataFrame({"recent": recent.groupby(ID, sort=False)[Y].mean().astype(float),
                         "total": history.groupby(ids, sort=False)[Y].sum().astype(float)})


def similar_with_sales(view: TextView, uid: str, top: int = TOP) -> pd.DataFrame:
    """The product itself (similarity NaN) and then its `top` neighbours:
    `unique_id, title, similarity, recent, total`. Empty if it has no title."""
    pos = view.index.position(str(uid))
    if pos is None:
        return pd.DataFrame(columns=["unique_id", "title", "similarity", "recent", "total"])
    near = view.index.similar_to(str(uid), top)
    own = pd.DataFrame({"unique_id": [str(uid)], "title": [view.index.titles[pos]],
                        "similarity": [np.nan]})
    table = pd.concat([own, near], ignore_index=True)
    sales = view.sales.reindex(table["unique_id"])
    table["recent"] = sales["recent"].to_numpy()
    table["total"] = sales["total"].to_numpy()
    return table


def cold_start_of(view: TextView, uid: str) -> tuple[float, pd.DataFrame] | None:
    """A young product's cold-start level per period and the neighbours it came from."""
    fc = view.cold.forecast
    rows = fc[fc[ID] == str(uid)]
    if rows.empty:
        return None
    return float(rows["yhat"].iloc[0]), view.cold.neighbours[view.cold.neighbours[ID] == str(uid)]
