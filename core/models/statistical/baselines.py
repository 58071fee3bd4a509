"""Benchmarks every other model must beat: naive and seasonal naive."""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.models.base import Capabilities, ForecastModel
from core.models.panel import Panel, normal_intervals
from core.models.registry import register
from core.progress import CancelToken, ProgressCallback, ProgressEvent


class _PanelModel(ForecastModel):
    """Shared plumbing for models that work on the whole `Panel` at once."""

    def _fit(self, data: pd.DataFrame, progress: ProgressCallback, cancel: CancelToken) -> None:
        cancel.raise_if_cancelled()
        self.panel_ = Panel.from_frame(data, self.freq_)
        self._fit_panel(self.panel_, cancel)
        progress(ProgressEvent(1.0, f"{self.label} fitted", stage=self.name))

    def _fit_panel(self, panel: Panel, cancel: CancelToken) -> None:
        pass


@register
class SeasonalNaive(_PanelModel):
    name = "seasonal_naive"
    label = "Seasonal naive"
    family = "baseline"
    description = "Repeats the last full season (last week for daily data); the fallback model."
    capabilities = Capabilities(min_history=1)

    def _predict(self, horizon: int, levels: tuple[int, ...]) -> pd.DataFrame:
        panel = self.panel_
        values = panel.values
        n, width = values.shape
        # Use the season only where at least one full season of history exists, else last value.
        m = np.where(panel.lengths >= self.season_, self.season_, 1)
        steps = np.arange(horizon)
        cols = width - m[:, None] + (steps[None, :] % m[:, None])
        mean = values[np.arange(n)[:, None], cols]
        resid = np.full(n, np.nan)
        for season in np.unique(m):
            rows = m == season
            diff = values[rows, season:] - values[rows, :-season] if season < width else None
            if diff is not None and diff.shape[1]:
                with np.errstate(all="ignore"):
                    resid[rows] = np.sqrt(np.nanmean(diff ** 2, axis=1))
        resid = np.nan_to_num(resid, nan=0.0)
        k = steps[None, :] // m[:, None] + 1  # how many seasons ahead
        sigma = resid[:, None] * np.sqrt(k)
        lower, upper = normal_intervals(mean, sigma, levels)
        return panel.forecast_frame(mean, lower, upper, levels)


@register
class Naive(SeasonalNaive):
    name = "naive"
    label = "Naive (last value)"
    family = "baseline"
    description = "Every future period equals the last observed one."

    def _fit_panel(self, panel: Panel, cancel: CancelToken) -> None:
        self.season_ = 1
