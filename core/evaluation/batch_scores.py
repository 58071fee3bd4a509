"""Window scores computed where a batch of products is fitted, not on the client.

`auto` chooses from every candidate's MASE per product and backtest window
(`core.selection.window_scores`). A window score depends only on its own product's backtest rows
and history, so a batch (a pool process or a Dask worker) scores its own fits and hands back one
row per (model, product, window) instead of the client scoring every candidate's rows again
after gathering them: at 2,000 weekly products that is 69k score rows against 535k backtest rows.
The numbers are the same to the last bit: the same rows, in the same order within each product.
"""
from __future__ import annotations

import pandas as pd

from core.schema import ID

SCORE_COLUMNS = ["model", ID, "window", "score"]


def batch_window_scores(backtest: pd.DataFrame, history: pd.DataFrame, *, freq: str
                        ) -> pd.DataFrame:
    """`core.selection.window_scores` of one batch's backtest (an empty frame if it has none)."""
    if backtest.empty:
        return empty_scores()
    from core.selection import window_scores  # selection builds on the models; keep this light

    return window_scores(backtest, history, freq=freq)


def empty_scores() -> pd.DataFrame:
    return pd.DataFrame(columns=SCORE_COLUMNS)


def merged_scores(parts: list[pd.DataFrame | None]) -> pd.DataFrame | None:
    """The batches' scores in batch order, or None when any batch came without them."""
    if any(p is None for p in parts):
        return None
    kept = [p for p in parts if not p.empty]
    return pd.concat(kept, ignore_index=True) if kept else empty_scores()
