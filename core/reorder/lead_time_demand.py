"""The distribution of demand over a span of days (lead time + review period), per product.

Per-period quantiles cannot be added, so the sum is learned directly: for every rolling-origin
backtest window, the actual sales over the first `span` days after the cutoff are divided by what
the model forecast for the same days. Those ratios are pooled over windows of products of the same
demand class whose forecast over the span was of a similar size (a window forecast at 0.3 units
that sold 200 says nothing about a product forecast at 300), and a product's lead-time demand is
its own forecast for the span times the ratios of its pool. No normal curve is assumed, so
intermittent products keep their lumps: when most spans sell nothing the quantile can be a whole
lump or zero, never "mean + z sigma".

Near zero the ratio stops measuring error: a window forecast at 0.0002 units that sold 13 gives
a ratio of 66,000, which made a product forecast at 4.5 units "need" 290,000 in fill-rate mode
(the mean shortage weighs every sample; the cycle quantile only moved from 14x to 33x). So ratios
come only from windows forecast at NEAR_ZERO units or more, and a product forecast below that
gets an error model in units: the units that windows forecast near zero actually sold, pooled by
demand class, never more than the product's own largest sale over a past span of this length (a
product that never sold more than 5 units over three weeks does not inherit another one's case
of 288).

Fallbacks, in order, when too few backtest ratios exist (a short history, one product):
1. the product's own past sales over every span of the same length ("own history");
2. a Poisson distribution with the forecast as its mean (sales as independent single units).
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

ID = "unique_id"
PERIOD_DAYS = {"D": 1.0, "W": 7.0, "M": 365.25 / 12}
MIN_POOL = 40  # ratios a pool needs before its quantiles are trusted
MIN_OWN_SPANS = 8  # past spans a product needs for the own-history fallback
VOLUME_BANDS = 4  # pools per demand class, by the size of the forecast over the span
NEAR_ZERO = 1.0  # units over the span below which a forecast is "nothing" and errors are units


def period_days(freq: str) -> float:
    return PERIOD_DAYS[freq[:1].upper()]


def span_weights(days: float, freq: str) -> np.ndarray:
    """How much of each coming period falls in the next `days` days: [1, 1, 0.43] for 17 days
    weekly. Zero days -> an empty span."""
    periods = max(days, 0.0) / period_days(freq)
    whole = math.floor(periods + 1e-9)
    part = periods - whole
    return np.array([1.0] * whole + ([part] if part > 1e-9 else []))


def weighted_head_sum(values: np.ndarray, weights: np.ndarray) -> float:
    """Sum of the first len(weights) values, weighted; NaN if there are fewer values."""
    if len(values) < len(weights):
        return float("nan")
    return float(np.dot(values[:len(weights)], weights))


@dataclass
class SpanDemand:
    """Lead-time demand of one product: its forecast mean and a way to take quantiles."""

    mean: float  # the forecast over the span
    samples: np.ndarray  # possible demands over the span (equally likely)
    basis: str  # "pool", "near_zero" (units, not ratios), "own_history" or "poisson"
    pool_size: int = 0  # backtest ratios (pool) or past spans (own_history) behind the samples
    pool_products: int = 0
    pool_name: str = ""
    ratios: np.ndarray | None = None  # the pool's ratios (samples = mean * ratios), if pooled
    cap: float = math.nan  # near_zero: the product's own largest past span (samples' ceiling)

    def quantile(self, level: float) -> float:
        """The smallest demand whose probability of not being exceeded is at least `level`."""
        if len(self.samples) == 0:
            return 0.0
        return float(np.quantile(self.samples, level, method="inverted_cdf"))

    def expected_shortfall(self, stock: float) -> float:
        """Expected units demanded beyond `stock` over the span."""
        if len(self.samples) == 0:
            return 0.0
        return float(np.mean(np.maximum(self.samples - stock, 0.0)))


def backtest_ratios(backtest: pd.DataFrame, weights: np.ndarray) -> pd.DataFrame:
    """unique_id, cutoff, actual, forecast, ratio: one row per backtest window long enough for the
    span. Windows whose forecast over the span is 0 give no ratio and are left out."""
    cols = [ID, "cutoff", "actual", "forecast", "ratio"]
    if backtest is None or backtest.empty or len(weights) == 0:
        return pd.DataFrame(columns=cols)
    bt = backtest.sort_values([ID, "cutoff", "ds"], kind="stable")
    step = bt.groupby([ID, "cutoff"], sort=False).cumcount().to_numpy()
    inside = step < len(weights)
    w = np.where(inside, weights[np.minimum(step, len(weights) - 1)], 0.0)
    work = pd.DataFrame({ID: bt[ID].to_numpy(), "cutoff": bt["cutoff"].to_numpy(),
                         "actual": bt["y"].to_numpy(float) * w,
                         "forecast": np.clip(bt["yhat"].to_numpy(float), 0, None) * w,
                         "steps": inside.astype(int)})
    sums = work.groupby([ID, "cutoff"], sort=False).sum().reset_index()
    sums = sums[(sums["steps"] == len(weights)) & (sums["forecast"] > 0)
                & np.isfinite(sums["actual"]) & np.isfinite(sums["forecast"])]
    return sums.assign(ratio=sums["actual"] / sums["forecast"])[cols].reset_index(drop=True)


def own_history_sums(history_y: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Every past span of the product's history, weighted as the coming one."""
    n = len(weights)
    if n == 0 or len(history_y) < n:
        return np.array([])
    windows = np.lib.stride_tricks.sliding_window_view(history_y.astype(float), n)
    return windows @ weights


def poisson_samples(mean: float, size: int = 2000) -> np.ndarray:
    """Evenly spaced quantiles of Poisson(mean): a deterministic sample of it."""
    if mean <= 0:
        return np.zeros(1)
    probs = (np.arange(size) + 0.5) / size
    return stats.poisson.ppf(probs, mean)


class RatioPools:
    """The backtest ratios of one span, grouped by demand class and, within a class, by the size
    of the window's forecast (VOLUME_BANDS bands of equal counts). Windows forecast below
    NEAR_ZERO units are kept apart, as units sold, for products forecast near zero."""

    def __init__(self, ratios: pd.DataFrame, classes: pd.Series):
        near_zero = ratios["forecast"].to_numpy(float) < NEAR_ZERO
        self.near_zero = UnitPools(ratios[near_zero], classes)
        ratios = ratios[~near_zero]
        cls = ratios[ID].map(classes).fillna("unknown").to_numpy(dtype=str)
        self._edges: dict[str, np.ndarray] = {}
        # pool name -> (ratios, products); a pool too small to use is left out
        self._pools: dict[str, tuple[np.ndarray, int]] = {}
        self._add("all", ratios)
        for name in np.unique(cls):
            rows = ratios[cls == name]
            self._add(name, rows)
            edges = np.quantile(rows["forecast"], np.arange(1, VOLUME_BANDS) / VOLUME_BANDS)
            self._edges[name] = edges
            band = np.searchsorted(edges, rows["forecast"].to_numpy(float), side="right")
            for b in range(VOLUME_BANDS):
                self._add(f"{name}/{b + 1}", rows[band == b])

    def _add(self, name: str, rows: pd.DataFrame) -> None:
        if len(rows) >= MIN_POOL:
            self._pools[name] = (rows["ratio"].to_numpy(float), rows[ID].nunique())

    def for_product(self, demand_class: str, forecast: float
                    ) -> tuple[str, np.ndarray, int] | None:
        """(pool name, ratios, products) of the narrowest pool with MIN_POOL ratios: the band of
        windows forecast like `forecast`, else the whole class, else every product; or None."""
        names = ["all"]
        if demand_class in self._edges:
            band = int(np.searchsorted(self._edges[demand_class], forecast, side="right"))
            names = [f"{demand_class}/{band + 1}", demand_class, "all"]
        for name in names:
            if name in self._pools:
                values, products = self._pools[name]
                return name, values, products
        return None


class UnitPools:
    """Units sold over the span by windows forecast near zero, by demand class."""

    def __init__(self, windows: pd.DataFrame, classes: pd.Series):
        cls = windows[ID].map(classes).fillna("unknown").to_numpy(dtype=str)
        errors = windows["actual"].to_numpy(float) - windows["forecast"].to_numpy(float)
        self._pools: dict[str, tuple[np.ndarray, int]] = {}
        for name, rows in [("all", np.ones(len(cls), bool))] + [
                (c, cls == c) for c in np.unique(cls)]:
            if rows.sum() >= MIN_POOL:
                self._pools[name] = (errors[rows], windows[ID][rows].nunique())

    def for_product(self, demand_class: str) -> tuple[str, np.ndarray, int] | None:
        """(pool name, errors in units, products) of the product's class, else of all, or None."""
        for name in (demand_class, "all"):
            if name in self._pools:
                values, products = self._pools[name]
                return name, values, products
        return None


def span_demand(mean: float, demand_class: str, ratios: RatioPools, history_y: np.ndarray,
                weights: np.ndarray) -> SpanDemand:
    """Lead-time demand of one product whose forecast over the span is `mean`.

    Without MIN_POOL backtest ratios in its pool, its class or at all, the fallbacks apply."""
    if mean < NEAR_ZERO:
        return _near_zero(mean, demand_class, ratios.near_zero, history_y, weights)
    found = ratios.for_product(demand_class, mean)
    if found is None:
        return _fallback(mean, history_y, weights)
    name, values, products = found
    return SpanDemand(mean, mean * values, "pool", len(values), products, name, values)


def _near_zero(mean: float, demand_class: str, pools: UnitPools, history_y: np.ndarray,
               weights: np.ndarray) -> SpanDemand:
    """A product forecast near zero: its forecast plus the unit errors of windows forecast near
    zero, capped at its own largest past span. One that never sold takes the fallbacks (its
    own zeros or Poisson around the forecast), not other products' cases."""
    found = pools.for_product(demand_class)
    own = own_history_sums(history_y, weights)
    if found is None or not len(own) or own.max() <= 0:
        return _fallback(mean, history_y, weights)
    name, errors, products = found
    cap = max(float(own.max()), mean)
    samples = np.minimum(np.clip(mean + errors, 0, None), cap)
    return SpanDemand(mean, samples, "near_zero", len(errors), products, name, cap=cap)


def _fallback(mean: float, history_y: np.ndarray, weights: np.ndarray) -> SpanDemand:
    sums = own_history_sums(history_y, weights)
    if len(sums) >= MIN_OWN_SPANS:
        return SpanDemand(mean, sums, "own_history", len(sums))
    return SpanDemand(mean, poisson_samples(mean), "poisson")
