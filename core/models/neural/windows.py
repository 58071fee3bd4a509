"""Training windows drawn from every product, per-product scaling and the time-based split.

All products live in one right-aligned `Panel`. For a cut at column t a window is the lookback
columns t-L .. t-1 (sales scaled by the product's mean absolute sales, an "observed" flag, calendar
and price channels) and the next H columns as targets, with their known-future covariates. Columns
before a product's first sale are zero with observed = 0, so young products still get windows.
Each epoch samples a fixed budget of windows instead of sweeping all of them: on a 2-core desktop a
full sweep over Online Retail daily is 141,000 windows.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.error_messages import user_error
from core.errors import NotEnoughHistory
from core.models.neural.covariates import PERIODS_PER_YEAR, calendar_features, exogenous_panel
from core.models.panel import Panel
from core.schema import future_dates


def product_scales(panel: Panel) -> np.ndarray:
    """Mean absolute sales per product (1 where a product never sold), so big and small sellers
    share one network."""
    with np.errstate(all="ignore"):
        scale = np.nanmean(np.abs(panel.values), axis=1)
    return np.where(np.isfinite(scale) & (scale > 0), scale, 1.0)


@dataclass
class Batch:
    """Model inputs for a set of windows, plus scaled targets when known."""

    past: np.ndarray  # (b, L, c_past)
    future: np.ndarray  # (b, H, c_future)
    product: np.ndarray  # (b,) int32, 0 = unknown product
    category: np.ndarray  # (b,) int32, 0 = none/unknown
    static: np.ndarray  # (b, 1) float32: log(1 + scale)
    target: np.ndarray | None = None  # (b, H) scaled sales

    def inputs(self) -> dict[str, np.ndarray]:
        return {"past": self.past, "future": self.future, "product": self.product,
                "category": self.category, "static": self.static}

    def __len__(self) -> int:
        return len(self.product)


class WindowSource:
    """Every product's channels in one array, from which windows are cut by index arithmetic."""

    def __init__(self, panel: Panel, data: pd.DataFrame, *, lookback: int, horizon: int,
                 country: str | None, scales: np.ndarray, product_index: np.ndarray,
                 category_index: np.ndarray, ref_prices: dict[str, float] | None = None) -> None:
        n, width = panel.values.shape
        self.n, self.width, self.lookback, self.horizon = n, width, lookback, horizon
        self.starts = width - panel.lengths  # first observed column of each product
        self.scales = scales.astype(np.float64)
        self.product_index = product_index.astype(np.int32)
        self.category_index = category_index.astype(np.int32)

        observed = ~np.isnan(panel.values)
        scaled = np.nan_to_num(panel.values / self.scales[:, None], nan=0.0)
        self.target = scaled.astype(np.float32)

        exo, self.ref_prices = exogenous_panel(data, panel.ids, width, ref_prices)
        # Future exogenous channels are held at each product's last known value.
        exo_future = np.repeat(exo.values[:, -1:, :], horizon, axis=1)
        known = np.concatenate([exo.values, exo_future], axis=1)  # (n, T + H, k)
        cal = _calendar(panel, horizon, country)  # (n, T + H, c)
        self.future = np.concatenate([cal, known], axis=2).astype(np.float32)
        past = np.concatenate([scaled[..., None], observed[..., None].astype(np.float32),
                               self.future[:, :width]], axis=2).astype(np.float32)
        # Left padding by L zero columns lets a cut near a series' start read its lookback.
        self.past = np.concatenate([np.zeros((n, lookback, past.shape[2]), np.float32), past],
                                   axis=1)
        self.static = np.log1p(self.scales).astype(np.float32)[:, None]
        self.exog_names = exo.names

    @property
    def past_channels(self) -> int:
        return self.past.shape[2]

    @property
    def future_channels(self) -> int:
        return self.future.shape[2]

    def _cut_range(self, end: int) -> tuple[np.ndarray, np.ndarray]:
        """Per product, the first and count of cuts whose targets all fall before column `end`."""
        first = self.starts + 1  # at least one observed value in the lookback
        last = end - self.horizon
        return first, np.maximum(last - first + 1, 0)

    def windows_per_product(self, end: int) -> np.ndarray:
        """(n,) number of windows of each product whose targets end before column `end`."""
        return self._cut_range(end)[1]

    def count(self, end: int) -> int:
        """How many distinct windows have their targets before column `end`."""
        return int(self._cut_range(end)[1].sum())

    def sample(self, rng: np.random.Generator, size: int, end: int) -> Batch:
        """`size` windows drawn uniformly (without replacement when there are enough)."""
        first, counts = self._cut_range(end)
        total = int(counts.sum())
        if total == 0:
            raise user_error("network.no_window", cls=NotEnoughHistory)
        picks = rng.choice(total, size=min(size, total), replace=False) if size < total \
            else rng.permutation(total)
        picks = np.sort(picks)  # deterministic order for a given seed, then shuffled by Keras
        offsets = np.cumsum(counts) - counts
        rows = np.searchsorted(np.cumsum(counts), picks, side="right")
        cuts = first[rows] + (picks - offsets[rows])
        return self.batch(rows, cuts, with_target=True)

    def batch(self, rows: np.ndarray, cuts: np.ndarray, with_target: bool) -> Batch:
        """Windows for products `rows` cut at columns `cuts` (targets from the cut on)."""
        lags = np.arange(self.lookback)
        steps = np.arange(self.horizon)
        past = self.past[rows[:, None], cuts[:, None] + lags[None, :]]  # padded by L on the left
        future = self.future[rows[:, None], cuts[:, None] + steps[None, :]]
        target = self.target[rows[:, None], cuts[:, None] + steps[None, :]] if with_target \
            else None
        return Batch(past, future, self.product_index[rows], self.category_index[rows],
                     self.static[rows], target)

    def validation(self) -> Batch | None:
        """One window per product whose last H periods are the targets (None if too short)."""
        cut = self.width - self.horizon
        rows = np.flatnonzero(self.starts < cut)
        if not len(rows):
            return None
        return self.batch(rows, np.full(len(rows), cut), with_target=True)

    def latest(self) -> Batch:
        """For forecasting: every product's last lookback and the next H periods' covariates."""
        rows = np.arange(self.n)
        return self.batch(rows, np.full(self.n, self.width), with_target=False)


def _calendar(panel: Panel, horizon: int, country: str | None) -> np.ndarray:
    """(n, T + H, c) calendar channels; products ending on different dates get their own dates."""
    n, width = panel.values.shape
    last = pd.to_datetime(panel.last_dates)
    out = None
    yearly = width >= PERIODS_PER_YEAR[panel.freq] + horizon
    for value in np.unique(last):
        stamp = pd.Timestamp(value)
        ahead = future_dates(stamp, horizon, panel.freq)
        back = pd.date_range(end=stamp, periods=width, freq=ahead.freq)
        feats = calendar_features(back.append(ahead), panel.freq, country, yearly)
        if out is None:
            out = np.zeros((n, width + horizon, feats.shape[1]), np.float32)
        out[np.asarray(last == value)] = feats
    return out


def validation_end(source: WindowSource, min_train_windows: int = 1) -> int | None:
    """Column before which training targets must end to keep the last horizon for validation;
    None when holding it out would leave nothing to train on."""
    end = source.width - source.horizon
    if source.count(end) >= min_train_windows and source.validation() is not None:
        return end
    return None
