"""Overrides on the Forecast view's slices: one product's forecast, and the shop total."""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.overrides.apply import MODEL_COLUMN, OVERRIDDEN, apply
from core.overrides.journal import Journal
from core.schema import DS, ID


def product_forecast(frame: pd.DataFrame, uid: str, journal: Journal) -> pd.DataFrame:
    """One product's forecast rows (ds, yhat, bands) with its overrides applied."""
    mine = journal.for_product(uid)
    if not mine:  # the common case, on every product switch: no pandas work beyond a copy
        out = frame.reset_index(drop=True)
        return out.assign(**{MODEL_COLUMN: out["yhat"], OVERRIDDEN: False})
    rows = frame.drop(columns=[MODEL_COLUMN, OVERRIDDEN], errors="ignore").copy()
    rows[ID] = str(uid)
    return apply(rows.reset_index(drop=True), mine)


def total_forecast(total: pd.DataFrame, forecast: pd.DataFrame, journal: Journal
                   ) -> pd.DataFrame:
    """The shop total (ds, yhat, bands) moved by what the overrides changed per date; the
    bands shift by the same units (totals of bands are an approximation anyway)."""
    out = total.copy()
    out[MODEL_COLUMN] = out["yhat"]
    out[OVERRIDDEN] = False
    products = {o.product for o in journal}
    if not products or out.empty:
        return out
    rows = forecast[forecast[ID].astype(str).isin(products)].reset_index(drop=True)
    done = apply(rows, journal)
    delta = (done["yhat"] - done[MODEL_COLUMN]).groupby(pd.to_datetime(done[DS])).sum()
    moved = pd.to_datetime(out[DS]).map(delta).fillna(0.0).to_numpy()
    out["yhat"] = np.maximum(out["yhat"].to_numpy(float) + moved, 0.0)
    for column in [c for c in out.columns if str(c).startswith(("yhat_lo_", "yhat_hi_"))]:
        out[column] = np.maximum(out[column].to_numpy(float) + moved, 0.0)
    out[OVERRIDDEN] = pd.to_datetime(out[DS]).isin(done.loc[done[OVERRIDDEN], DS]).to_numpy()
    return out
