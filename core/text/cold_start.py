"""Forecast a product with little or no history from the products whose titles are nearest.

A new product has no sales to learn from, but the shop has sold things like it. Its forecast is
the similarity-weighted median of what its `k` nearest established products (by title vector)
sold per period over their last `lookback` periods (weights = cosine, at least 0). The median,
because sales are heavy-tailed: one best-seller among the neighbours must not set the level
(on the benchmark's development launches the weighted mean had 1.7-2.8 times the MASE).

When the product has sold for a few periods, that level is scaled by how it sold against its
neighbours over the very same periods (a popular newcomer stays ahead of its neighbours, a slow
one behind):

    scale = own sales / borrowed neighbour sales, both over the product's own periods

A flat forecast: neighbours' weekly ups and downs are not the new product's. The neighbours and
their weights are kept as the explanation. bench/README.md ("Cold start") measures it on Online
Retail against the shop average, the average launch and the new-product rate.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.schema import DS, ID, Y, future_dates
from core.text.neighbours import TextIndex

K = 20  # neighbours; chosen on the benchmark's development launches (bench/text/cold_start.py)
LOOKBACK = 8  # periods of the neighbours' recent sales that make their level
MIN_NEIGHBOUR_PERIODS = 4  # a neighbour younger than this tells too little about its level
MODEL = "cold_start"


def weighted_median(values: np.ndarray, weights: np.ndarray) -> float:
    order = np.argsort(values, kind="stable")
    cumulative = np.cumsum(weights[order])
    return float(values[order][np.searchsorted(cumulative, 0.5 * cumulative[-1])])


def borrow(similarity: np.ndarray, level: np.ndarray, candidates: np.ndarray, k: int = K,
           how: str = "median") -> tuple[float, np.ndarray, np.ndarray]:
    """The similarity-weighted mean (or median) level of the `k` most similar candidates.

    Returns (level, picked rows best first, their weights summing to 1); (nan, [], []) when
    there is no candidate. Negative similarities weigh 0; all-zero weights fall back to equal.
    """
    rows = np.flatnonzero(candidates & np.isfinite(level))
    if not len(rows):
        return float("nan"), rows, np.zeros(0)
    picked = rows[np.argsort(-similarity[rows], kind="stable")[:k]]
    weights = np.maximum(similarity[picked].astype(float), 0.0)
    weights = weights / weights.sum() if weights.sum() > 0 else np.full(len(picked),
                                                                         1 / len(picked))
    return aggregate(level[picked], weights, how), picked, weights


def aggregate(values: np.ndarray, weights: np.ndarray, how: str = "median") -> float:
    """The neighbours' weighted median (their level) or mean (their sales over the new
    product's own periods: a young product's first periods are mostly zeros for half of its
    neighbours, and a ratio against their median then explodes; on the development launches
    that doubled WAPE, 79 % -> 180 %)."""
    return float(weights @ values if how == "mean" else weighted_median(values, weights))


def scale_by_own_sales(borrowed: float, own_total: float, neighbour_total: float, *,
                       power: float = 1.0) -> float:
    """The borrowed level times (own / neighbours' sales over the same periods) ** power; kept
    as it is when the neighbours sold nothing then (there is no ratio to take)."""
    if neighbour_total > 0:
        return borrowed * (own_total / neighbour_total) ** power
    return borrowed


@dataclass
class ColdStart:
    forecast: pd.DataFrame  # unique_id, ds, yhat, model
    neighbours: pd.DataFrame  # unique_id, neighbour, title, similarity, weight, level


def cold_start(frame: pd.DataFrame, index: TextIndex, targets: list[str], horizon: int,
               freq: str, *, k: int = K, lookback: int = LOOKBACK,
               established: list[str] | None = None) -> ColdStart:
    """Forecasts for `targets` (products with a title in `index`) from their neighbours among
    `established` (default: every other product with a title and at least
    `MIN_NEIGHBOUR_PERIODS` of the last `lookback` periods on record). A target in `frame` is
    scaled by its own sales so far."""
    wide = frame.pivot_table(index=ID, columns=DS, values=Y, aggfunc="sum", observed=True)
    wide.index = wide.index.astype(str)
    periods = wide.columns
    values = wide.reindex(index.ids).to_numpy(float)  # one row per index entry
    observed = np.isfinite(values)
    recent = values[:, -lookback:]
    enough = np.isfinite(recent).sum(axis=1) >= min(MIN_NEIGHBOUR_PERIODS, lookback)
    sums = np.nansum(recent, axis=1)
    level = np.where(enough, sums / np.maximum(np.isfinite(recent).sum(axis=1), 1), np.nan)
    target_set = set(map(str, targets))
    pool = np.array([i not in target_set for i in index.ids])
    if established is not None:
        pool &= np.isin(np.array(index.ids), [str(e) for e in established])
    last = periods.max() if len(periods) else pd.Timestamp(frame[DS].max())
    dates = future_dates(last, horizon, freq)
    rows, explained = [], []
    for target in targets:
        pos = index.position(str(target))
        if pos is None:
            continue
        sims = index.vectors @ index.vectors[pos]
        value, picked, weights = borrow(sims, level, pool, k)
        if not np.isfinite(value):
            continue
        own = observed[pos]
        if own.any():  # its own periods, and the neighbours' sales over the same ones
            neighbour_total = aggregate(np.nan_to_num(values[picked][:, own]).sum(axis=1),
                                        weights, "mean")
            value = scale_by_own_sales(value, float(np.nansum(values[pos])), neighbour_total)
        rows.append((str(target), max(value, 0.0)))
        explained += [(str(target), index.ids[i], index.titles[i], float(sims[i]), float(w),
                       float(level[i])) for i, w in zip(picked, weights, strict=True)]
    forecast = pd.DataFrame({ID: np.repeat([r[0] for r in rows], len(dates)),
                             DS: np.tile(dates, len(rows)),
                             "yhat": np.repeat([r[1] for r in rows], len(dates)),
                             "model": MODEL})
    neighbours = pd.DataFrame(explained, columns=[ID, "neighbour", "title", "similarity",
                                                  "weight", "level"]).round(
        {"similarity": 4, "weight": 4, "level": 4})
    return ColdStart(forecast, neighbours)
