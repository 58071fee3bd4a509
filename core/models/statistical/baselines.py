"""Benchmarks every other model must beat: naive, seasonal naive, moving average, moving median
and drift."""
from __future__ import annotations

import warnings

import numpy as np

from core.models.base import Capabilities, ParamSpec
from core.models.panel import Panel, normal_intervals
from core.models.registry import register
from core.models.statistical.panel_model import (
    Bands,
    PanelModel,
    quiet_nanmean,
    seasonal_naive_bands,
    young_spread,
)
from core.progress import CancelToken, ProgressCallback


@register
class SeasonalNaive(PanelModel):
    """Repeat the last observed season (the last value while a season is not yet observed)."""

    name = "seasonal_naive"
    label = "Seasonal naive"
    family = "baseline"
    description = "Repeats the last full season (last week for daily data); the fallback model."
    capabilities = Capabilities(min_history=1)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        return seasonal_naive_bands(self.fit_panel_, self.season_, horizon, levels)


@register
class Naive(SeasonalNaive):
    """Repeat the last observed value."""

    name = "naive"
    label = "Naive (last value)"
    family = "baseline"
    description = "Every future period equals the last observed one."

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        self.season_ = 1


@register
class MovingAverage(PanelModel):
    """The mean of the last `window` periods, flat into the future."""

    name = "moving_average"
    label = "Moving average"
    family = "baseline"
    description = "Every future period equals the average of the most recent periods."
    capabilities = Capabilities(min_history=1)
    params = (ParamSpec("window", "int", 0, "Periods averaged",
                        "How many recent periods to average. 0 means one season (7 days, "
                        "52 weeks or 12 months); shorter products use all they have.",
                        minimum=0, maximum=1000),)

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        window = int(self.window) or self.season_
        recent = panel.values[:, -window:] if panel.values.shape[1] else panel.values
        self.level_ = quiet_nanmean(recent, axis=1)
        # One-step errors of the same rule in-sample give the interval width.
        values = panel.values
        if values.shape[1] > 1:
            csum = np.nancumsum(values, axis=1)
            count = np.cumsum(np.isfinite(values), axis=1)
            lag_sum, lag_count = np.zeros_like(csum), np.zeros_like(count)
            if window < values.shape[1]:
                lag_sum[:, window:] = csum[:, :-window]
                lag_count[:, window:] = count[:, :-window]
            with np.errstate(all="ignore"):
                avg = (csum - lag_sum) / (count - lag_count)
                err = values[:, 1:] - avg[:, :-1]
                sigma, count = np.sqrt(quiet_nanmean(err ** 2, axis=1)), np.isfinite(err).sum(1)
        else:
            sigma, count = np.zeros(len(values)), np.zeros(len(values))
        # _forecast widens for the few values averaged; here only a lone value needs a scale.
        self.sigma_ = young_spread(values, sigma, count, widen=False)
        self.window_ = np.minimum(panel.lengths, window)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        mean = np.repeat(self.level_[:, None], horizon, axis=1)
        # The average of `window` noisy values is itself uncertain: var = s2 * (1 + 1/window).
        sigma = np.repeat((self.sigma_ * np.sqrt(1 + 1 / self.window_))[:, None], horizon, axis=1)
        lower, upper = normal_intervals(mean, sigma, levels)
        return mean, lower, upper


@register
class Drift(PanelModel):
    """The line through the first and last observation, extended."""

    name = "drift"
    label = "Drift (straight line)"
    family = "baseline"
    description = ("Continues the straight line from the first to the last observation: "
                   "the average change per period carries on.")
    capabilities = Capabilities(min_history=2)

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        values = panel.values
        n, width = values.shape
        first = values[np.arange(n), width - panel.lengths]
        last = values[:, -1]
        steps = np.maximum(panel.lengths - 1, 1)
        self.slope_ = (last - first) / steps
        self.last_ = last
        with np.errstate(all="ignore"):
            err = np.diff(values, axis=1) - self.slope_[:, None]
            self.sigma_ = np.nan_to_num(np.sqrt(quiet_nanmean(err ** 2, axis=1)), nan=0.0)
        self.steps_ = steps

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        h = np.arange(1, horizon + 1)[None, :]
        mean = self.last_[:, None] + self.slope_[:, None] * h
        # Hyndman & Athanasopoulos (FPP3 5.5): the drift's own estimation error widens the band.
        sigma = self.sigma_[:, None] * np.sqrt(h * (1 + h / self.steps_[:, None]))
        lower, upper = normal_intervals(mean, sigma, levels)
        return mean, lower, upper


# A few recent periods: on Online Retail weekly the median of the last 4 weeks scored MASE 1.607,
# of 8 weeks 1.652, of 13 weeks 1.687 (bench/README.md, [wkmed]). Daily and monthly: the same
# span of about a month / a quarter, not tuned.
MEDIAN_WINDOW = {"D": 7, "W": 4, "M": 3}
MIN_ERRORS = 10  # fewer in-sample errors than this: a normal band, not empirical quantiles


@register
class MovingMedian(PanelModel):
    """The median of the last `window` periods, flat into the future.

    Unlike the mean, one unusually large order does not lift the forecast of every coming period.
    The bands are the empirical quantiles of the same rule's in-sample errors at every lead time
    up to the horizon (where a product has too few, a normal band from their spread).
    """

    name = "moving_median"
    label = "Moving median"
    family = "baseline"
    description = ("Every future period equals the median of the most recent periods; "
                   "one unusually large order does not lift it.")
    capabilities = Capabilities(min_history=1)
    params = (ParamSpec("window", "int", 0, "Periods in the median",
                        "How many recent periods the median is taken over. 0 means a month or "
                        "so (7 days, 4 weeks or 3 months); shorter products use all they have.",
                        minimum=0, maximum=1000),)

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        self.window_ = int(self.window) or MEDIAN_WINDOW.get(self.freq_, 4)
        self.medians_ = rolling_median(panel.values, self.window_)
        self.level_ = self.medians_[:, -1] if self.medians_.shape[1] else \
            np.full(len(panel), np.nan)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        mean = np.repeat(self.level_[:, None], horizon, axis=1)
        values = self.fit_panel_.values
        # The rule's error at lead h from every in-sample origin t: y[t + h] - median up to t.
        errors = [values[:, h:] - self.medians_[:, :-h] for h in range(1, horizon + 1)
                  if h < values.shape[1]]
        errors = np.concatenate(errors, axis=1) if errors else np.full((len(values), 0), np.nan)
        count = np.isfinite(errors).sum(axis=1)
        sigma = np.sqrt(quiet_nanmean(errors ** 2, axis=1)) if errors.shape[1] else \
            np.full(len(values), np.nan)
        lower, upper = normal_intervals(mean, np.repeat(
            young_spread(values, sigma, count)[:, None], horizon, axis=1), levels)
        many = count >= MIN_ERRORS
        for level in levels:
            if not many.any():
                break
            tail = (1 - level / 100) / 2
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                low, high = np.nanquantile(errors[many], [tail, 1 - tail], axis=1)
            # A band that leaves out its own forecast would be no band: it holds the mean.
            lower[level][many] = np.minimum(mean[many], (self.level_[many] + low)[:, None])
            upper[level][many] = np.maximum(mean[many], (self.level_[many] + high)[:, None])
        return mean, lower, upper


def rolling_median(values: np.ndarray, window: int) -> np.ndarray:
    """(n, T) -> (n, T): at column t the median of columns t - window + 1 .. t, NaNs (before a
    product's start) left out; NaN where the window holds no value at all."""
    n, width = values.shape
    if width == 0:
        return values.copy()
    padded = np.concatenate([np.full((n, window - 1), np.nan), values], axis=1)
    windows = np.lib.stride_tricks.sliding_window_view(padded, window, axis=1)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return np.nanmedian(windows, axis=2)
