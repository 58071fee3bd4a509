"""Level anchoring: a network's forecast scaled so each band of a pool matches its recent sales.

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

Within a pool the network still under-weights the products that sell most (anchored per pool,
the middle fifths of products by sales were 22-25 % short), so a pool of at least 2 x MIN_BAND
products is split by recent sales into up to BANDS equal-count bands, each anchored on its own
(the pool's total is unchanged: the bands' recent sales add up to the pool's).

Measured (bench/README.md, issue #12, the same backtest as `auto`'s): Online Retail daily, the
LSTM alone MASE 1.464 with the shop total 92 % short; anchored per pool to the last 28 days
1.556, the shop total 6-28 % short per window (the classical median 10-28 %); per pool and band
of recent sales 1.521, the same totals.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.schema import DS, ID, Y

MAX_FACTOR = 20.0  # a network forecasting 1/20 of recent sales is not scaled further
# Bands of recent sales within a pool, each anchored on its own. On Online Retail daily 2 to 20
# bands all gave `auto` 1.520-1.532 (one band: 1.555; per product: 1.576), so a middle value.
BANDS = 5
MIN_BAND = 50  # products a band holds at least: its factor is a total, not one product's luck
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
    """`pool, band, cutoff, factor, recent, forecast, products`: the scale of each band of each
    pool at each origin.

    `preds` holds one model's rows (`unique_id, ds, yhat`, and `cutoff` for backtest rows);
    `pools` maps unique_id -> pool. The forecast is summed clipped at 0 (as it is ordered)."""
    return _tables(preds, history, pools, periods)[1]


def product_factors(preds: pd.DataFrame, history: pd.DataFrame, pools: pd.Series, *,
                    periods: int) -> pd.DataFrame:
    """`unique_id, cutoff, pool, band, factor`: the scale of each product's rows at each origin."""
    return _tables(preds, history, pools, periods)[0][[ID, ORIGIN, "pool", "band", "factor"]]


def _tables(preds, history, pools, periods) -> tuple[pd.DataFrame, pd.DataFrame]:
    rows = preds.assign(pool=preds[ID].map(pools).fillna(""),
                        **{ORIGIN: preds.get(ORIGIN, pd.NaT)})
    rows = rows.assign(forecast=rows["yhat"].clip(lower=0))
    per_product = rows.groupby([ID, "pool", ORIGIN], sort=False, dropna=False).agg(
        forecast=("forecast", "sum"), horizon=("yhat", "size")).reset_index()
    per_product["recent"] = recent_sales(history, per_product[[ID, ORIGIN]], periods) \
        * per_product["horizon"] / int(periods)
    per_product["band"] = _bands(per_product)
    keys = ["pool", "band", ORIGIN]
    per_band = per_product.groupby(keys, sort=False, dropna=False).agg(
        recent=("recent", "sum"), forecast=("forecast", "sum"),
        products=(ID, "size")).reset_index()
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = per_band["recent"] / per_band["forecast"]
    # No forecast at all (all zero) or no recent sales: nothing to anchor to, leave it be.
    usable = np.isfinite(ratio) & (ratio > 0)
    per_band["factor"] = np.where(usable, ratio.clip(1 / MAX_FACTOR, MAX_FACTOR), 1.0)
    per_product = per_product.merge(per_band[[*keys, "factor"]], on=keys, how="left")
    return per_product, per_band[[*keys, "factor", "recent", "forecast", "products"]]


def _bands(per_product: pd.DataFrame) -> pd.Series:
    """Each product's band (0 = least recent sales) within its pool and origin: equal-count
    bands, as many as BANDS and MIN_BAND allow. Ties are broken by the product's id, so the same
    products give the same bands in any row order (the batch path reads them from disk)."""
    order = per_product.sort_values(["pool", ORIGIN, "recent", ID], kind="stable")
    grouped = order.groupby(["pool", ORIGIN], sort=False, dropna=False)
    rank = grouped.cumcount().to_numpy()
    size = grouped[ID].transform("size").to_numpy()
    bands = np.clip(size // MIN_BAND, 1, BANDS)
    return pd.Series(rank * bands // size, index=order.index).reindex(per_product.index)


def anchored(preds: pd.DataFrame, history: pd.DataFrame, pools: pd.Series, *,
             periods: int) -> pd.DataFrame:
    """`preds` with every `yhat*` column multiplied by its product's band's factor at its
    origin."""
    table = product_factors(preds, history, pools, periods=periods)
    key = pd.MultiIndex.from_frame(table[[ID, ORIGIN]])
    scale = pd.Series(table["factor"].to_numpy(), index=key)
    origin = preds[ORIGIN] if ORIGIN in preds else pd.Series(pd.NaT, index=preds.index)
    at = pd.MultiIndex.from_arrays([preds[ID], origin])
    factor = scale.reindex(at).fillna(1.0).to_numpy()
    out = preds.copy()
    for col in [c for c in preds.columns if c.startswith("yhat")]:
        out[col] = preds[col].to_numpy() * factor
    return out
