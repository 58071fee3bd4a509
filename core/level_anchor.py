"""Level anchoring: a network's forecast scaled so that its pool's total matches recent sales.

A global network trained under pinball loss forecasts each product-day's *median*. For products
that sell now and then the median is (near) zero, so the network's forecast of a pool's total is
far too low: on Online Retail daily the LSTM forecast 8-14 % of what the shop sold (bias -92 %),
which is why the bias guard (`core.selection_guard`) refused it in every pool. Yet which products
and days it puts its mass on is informative: scaled up, it is still more accurate than the
classical models. So, per pool and forecast origin,

    factor = (sales of the pool's products in the `periods` periods up to the origin)
             x horizon / periods / (the network's forecast summed over the pool's products)

bounded to [1 / MAX_FACTOR, MAX_FACTOR], multiplies every `yhat*` column. Only data up to each
row's origin is read (the backtest rows' `cutoff`, or the end of the history for the forecast),
so the backtest of the anchored forecast is as honest as the network's own.

Measured (bench/README.md, issue #12, the same backtest as `auto`'s): Online Retail daily, the
LSTM alone MASE 1.464 with the shop total 92 % short; anchored to the last 28 days 1.556, the
shop total 6-28 % short per window (the classical median 10-28 %).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.schema import DS, ID, Y

MAX_FACTOR = 20.0  # a network forecasting 1/20 of recent sales is not scaled further
ORIGIN = "cutoff"  # backtest rows name their forecast origin here


def recent_sales(history: pd.DataFrame, origins: pd.DataFrame, periods: int) -> pd.Series:
    """Per row of `origins` (`unique_id, cutoff`; cutoff NaT = the end of the history): the
    product's sales in its last `periods` periods up to the origin, as a Series aligned with
    `origins`."""
    hist = history[[ID, DS, Y]].sort_values([ID, DS], kind="stable")
    out = pd.Series(0.0, index=origins.index)
    for origin, rows in origins.groupby(origins[ORIGIN].fillna(pd.Timestamp.max), sort=False):
        upto = hist if origin == pd.Timestamp.max else hist[hist[DS] <= origin]
        sums = upto.groupby(ID, sort=False).tail(int(periods)).groupby(ID, sort=False)[Y].sum()
        out[rows.index] = rows[ID].map(sums).fillna(0.0).clip(lower=0).to_numpy()
    return out


def factors(preds: pd.DataFrame, history: pd.DataFrame, pools: pd.Series, *,
            periods: int) -> pd.DataFrame:
    """`pool, cutoff, factor, recent, forecast`: the scale of each pool at each origin.

    `preds` holds one model's rows (`unique_id, ds, yhat`, and `cutoff` for backtest rows);
    `pools` maps unique_id -> pool. The forecast is summed clipped at 0 (as it is ordered)."""
    rows = preds.assign(pool=preds[ID].map(pools).fillna(""),
                        **{ORIGIN: preds.get(ORIGIN, pd.NaT)})
    rows = rows.assign(forecast=rows["yhat"].clip(lower=0))
    per_product = rows.groupby([ID, "pool", ORIGIN], sort=False, dropna=False).agg(
        forecast=("forecast", "sum"), horizon=("yhat", "size")).reset_index()
    per_product["recent"] = recent_sales(history, per_product[[ID, ORIGIN]], periods) \
        * per_product["horizon"] / int(periods)
    per_pool = per_product.groupby(["pool", ORIGIN], sort=False, dropna=False)[
        ["recent", "forecast"]].sum().reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = per_pool["recent"] / per_pool["forecast"]
    # No forecast at all (all zero) or no recent sales: nothing to anchor to, leave it be.
    usable = np.isfinite(ratio) & (ratio > 0)
    per_pool["factor"] = np.where(usable, ratio.clip(1 / MAX_FACTOR, MAX_FACTOR), 1.0)
    return per_pool[["pool", ORIGIN, "factor", "recent", "forecast"]]


def anchored(preds: pd.DataFrame, history: pd.DataFrame, pools: pd.Series, *,
             periods: int) -> pd.DataFrame:
    """`preds` with every `yhat*` column multiplied by its pool's factor at its origin."""
    table = factors(preds, history, pools, periods=periods)
    key = pd.MultiIndex.from_frame(table[["pool", ORIGIN]])
    scale = pd.Series(table["factor"].to_numpy(), index=key)
    origin = preds[ORIGIN] if ORIGIN in preds else pd.Series(pd.NaT, index=preds.index)
    at = pd.MultiIndex.from_arrays([preds[ID].map(pools).fillna(""), origin])
    factor = scale.reindex(at).fillna(1.0).to_numpy()
    out = preds.copy()
    for col in [c for c in preds.columns if c.startswith("yhat")]:
        out[col] = preds[col].to_numpy() * factor
    return out
