"""Shared plumbing for statistical models that work on every product at once.

A `PanelModel` turns the long frame into a `Panel`, refuses data where no product is long enough
(`NotEnoughHistory`), and gives products that are individually too short, or whose fit failed
numerically, the seasonal-naive forecast instead, recording why in `fallbacks_`.
Subclasses implement `_fit_panel` (on the products long enough) and `_forecast`, which returns
the mean and the interval bounds as (n, h) arrays for those products.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from core.error_messages import user_error
from core.errors import NotEnoughHistory
from core.message_parts import english
from core.models.base import ForecastModel
from core.models.panel import Panel, normal_intervals
from core.progress import CancelToken, ProgressCallback, said
from core.schema import FREQ_UNITS, ID

Bands = tuple[np.ndarray, dict[int, np.ndarray], dict[int, np.ndarray]]


def quiet_nanmean(values: np.ndarray, axis: int) -> np.ndarray:
    """np.nanmean that returns NaN for all-NaN rows without a RuntimeWarning."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmean(values, axis=axis)


def seasonal_naive_bands(panel: Panel, season: int, horizon: int,
                         levels: tuple[int, ...]) -> Bands:
    """Repeat the last season (the last value where a season is not yet observed).

    Intervals come from the spread of the in-sample seasonal differences, widened by the number
    of seasons ahead and by how few differences there were (`young_spread`).
    """
    values = panel.values
    n, width = values.shape
    m = np.where(panel.lengths >= season, season, 1)
    steps = np.arange(horizon)
    cols = width - m[:, None] + (steps[None, :] % m[:, None])
    mean = values[np.arange(n)[:, None], cols] if width else np.zeros((n, horizon))
    resid, count = np.full(n, np.nan), np.zeros(n)
    for lag in np.unique(m):
        rows = m == lag
        if lag < width:
            diff = values[rows, lag:] - values[rows, :-lag]
            resid[rows] = np.sqrt(quiet_nanmean(diff ** 2, axis=1))
            count[rows] = np.isfinite(diff).sum(axis=1)
    resid = young_spread(values, resid, count)
    ahead = steps[None, :] // m[:, None] + 1  # how many seasons ahead
    lower, upper = normal_intervals(mean, resid[:, None] * np.sqrt(ahead), levels)
    return mean, lower, upper


def young_spread(values: np.ndarray, sigma: np.ndarray, count: np.ndarray, *,
                 widen: bool = True) -> np.ndarray:
    """Per product, a one-step spread that is honest about how little history it rests on.

    `sigma` was estimated from `count` in-sample errors (NaN or any value where `count` is 0).
    With no error at all (a single observation) the product's own size is the only scale there
    is: one sale of 500 says the next period may be anything from 0 to about twice that, not
    exactly 500. Fewer errors make a wider band: the factor sqrt(1 + 1/count) is the usual
    widening for a spread estimated from few values (1.41 from one error, 1.01 from fifty);
    `widen=False` leaves it to a caller that widens its own way.
    """
    size = np.sqrt(quiet_nanmean(values ** 2, axis=1)) if values.shape[1] else np.zeros(len(sigma))
    out = np.where(count > 0, sigma, size)
    out = np.nan_to_num(out, nan=0.0)
    return out * np.sqrt(1.0 + 1.0 / np.maximum(count, 1)) if widen else out


class PanelModel(ForecastModel):
    """Base for panel-wide models with a minimum history and a seasonal-naive fallback."""

    def validate_params(self) -> None:
        """Raise a TrendcastError naming the setting if a parameter is out of its range."""
        if self.season_length is not None and (
                not isinstance(self.season_length, int | np.integer) or self.season_length < 1):
            raise user_error("model.season_length", model=self.label,
                             value=repr(self.season_length))
        for spec in self.params:
            value = getattr(self, spec.name)
            where = {"model": self.label, "setting": spec.label, "param": spec.name,
                     "value": repr(value)}
            if spec.kind == "choice" and value not in spec.choices:
                raise user_error("model.param_choice", choices=", ".join(map(str, spec.choices)),
                                 **where)
            if spec.kind in ("int", "float"):
                wrong_type = isinstance(value, bool) or not isinstance(
                    value, int | float | np.integer | np.floating)
                if wrong_type or (spec.kind == "int" and int(value) != value):
                    raise user_error("model.param_whole" if spec.kind == "int"
                                     else "model.param_number", **where)
                low = -np.inf if spec.minimum is None else spec.minimum
                high = np.inf if spec.maximum is None else spec.maximum
                if not low <= value <= high:
                    raise user_error("model.param_range", low=f"{low:g}", high=f"{high:g}",
                                     **where)
            if spec.kind == "bool" and not isinstance(value, bool | np.bool_):
                raise user_error("model.param_bool", **where)

    def required_history(self) -> int:
        """Periods a product needs for this model with these settings (default: capabilities)."""
        return self.capabilities.min_history

    # -- ForecastModel hooks ------------------------------------------------------------------
    def _fit(self, data: pd.DataFrame, progress: ProgressCallback, cancel: CancelToken) -> None:
        cancel.raise_if_cancelled()
        self.validate_params()
        panel = Panel.from_frame(data, self.freq_)
        units = FREQ_UNITS.get(self.freq_, "periods")
        need = self.required_history()
        longest = int(panel.lengths.max()) if len(panel) else 0
        if longest < need:
            raise user_error("model.short_history", cls=NotEnoughHistory, model=self.label,
                             need=str(need), units=units, longest=str(longest))
        usable = panel.lengths >= need
        for uid, length in zip(panel.ids[~usable], panel.lengths[~usable], strict=True):
            unit = units[:-1] if length == 1 else units  # "1 day", "3 days"
            self.fallbacks_[str(uid)] = [
                ("fallback.short", {"length": str(length), "unit": unit, "model": self.label,
                                    "need": str(need)}),
                ("fallback.seasonal_naive", {})]
        self.panel_ = panel
        self.usable_ = usable
        self.fit_panel_ = panel.subset(usable)
        self._fit_panel(self.fit_panel_, progress, cancel)
        progress(said(1.0, "progress.fitted", stage=self.name, model=self.label))

    def _predict(self, horizon: int, levels: tuple[int, ...]) -> pd.DataFrame:
        bad = [level for level in levels if not 0 < level < 100]
        if bad:
            raise user_error("model.levels", levels=str(bad))
        panel = self.panel_
        mean, lower, upper = seasonal_naive_bands(panel, self.season_, horizon, levels)
        own_mean, own_lower, own_upper = self._forecast(horizon, levels)
        rows = np.flatnonzero(self.usable_)
        finite = np.isfinite(own_mean).all(axis=1)
        for level in levels:
            finite &= np.isfinite(own_lower[level]).all(axis=1)
            finite &= np.isfinite(own_upper[level]).all(axis=1)
        for uid in panel.ids[rows[~finite]]:
            self.fallbacks_.setdefault(str(uid), [("fallback.not_fitted", {"model": self.label}),
                                                  ("fallback.seasonal_naive", {})])
        keep = rows[finite]
        mean[keep] = own_mean[finite]
        for level in levels:
            lower[level][keep] = own_lower[level][finite]
            upper[level][keep] = own_upper[level][finite]
        return panel.forecast_frame(mean, lower, upper, levels)

    def details(self) -> pd.Series:
        """Per product, in a few words, what was fitted (e.g. 'ETS(A,Ad,N)'), or the fallback."""
        ids = self.panel_.ids
        text = np.full(len(ids), self.label, dtype=object)
        own = self._details()
        if own is not None:
            text[self.usable_] = own
        position = {uid: i for i, uid in enumerate(ids.astype(str))}
        for uid, reason in self.fallbacks_.items():
            text[position[uid]] = f"seasonal naive ({english(reason)})"
        return pd.Series(text, index=pd.Index(ids, name=ID), name="details")

    # -- for subclasses -----------------------------------------------------------------------
    def _details(self) -> np.ndarray | None:
        """Short text per usable product; None means the model's label for all."""
        return None

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        """Fit on the products with enough history (all rows of `panel`)."""

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        """Mean, lower and upper bands for the usable products, each (n_usable, horizon)."""
        raise NotImplementedError
