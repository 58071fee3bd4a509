"""The Theta method (Assimakopoulos & Nikolopoulos 2000), the M3 competition's winner.

As in M3 and R's `forecast::thetaf`: where a 90% autocorrelation test finds seasonality, the
series is seasonally adjusted by classical multiplicative decomposition; the adjusted series is
forecast by simple exponential smoothing plus a drift of half its linear-trend slope (Hyndman &
Billah 2003: Theta = SES with drift), and the seasonal indices are put back. Products with
a zero season (a shop closed every Saturday) keep those periods at zero.
"""
from __future__ import annotations

import numpy as np

from core.models.base import Capabilities, ParamSpec
from core.models.panel import Panel, normal_intervals
from core.models.registry import register
from core.models.statistical.panel_model import Bands, PanelModel
from core.models.statistical.seasonality import multiplicative_indices, seasonal_test
from core.models.statistical.ses import fit_ses
from core.progress import CancelToken, ProgressCallback

CLOSED = 1e-3  # a seasonal index below this means "no sales in this part of the season"


def trend_slope(values: np.ndarray) -> np.ndarray:
    """Least-squares slope per period of each row, ignoring NaN."""
    ok = np.isfinite(values)
    t = np.broadcast_to(np.arange(values.shape[1], dtype=float), values.shape)
    count = ok.sum(axis=1)
    with np.errstate(all="ignore"):
        t_mean = np.where(ok, t, 0).sum(axis=1) / count
        y_mean = np.where(ok, values, 0).sum(axis=1) / count
        dt = np.where(ok, t - t_mean[:, None], 0.0)
        cov = (dt * np.where(ok, values - y_mean[:, None], 0.0)).sum(axis=1)
        var = (dt * dt).sum(axis=1)
        return np.where(var > 0, cov / var, 0.0)


def theta_mean(level: np.ndarray, slope: np.ndarray, alpha: np.ndarray, n: np.ndarray,
               horizon: int) -> np.ndarray:
    """SES level plus half the trend slope, with Hyndman & Billah's finite-sample term, (n, h)."""
    h = np.arange(1, horizon + 1)[None, :]
    a = alpha[:, None]
    return level[:, None] + slope[:, None] / 2 * (h - 1 + (1 - (1 - a) ** n[:, None]) / a)


@register
class Theta(PanelModel):
    """Standard Theta (SES with half the trend slope) on seasonally adjusted data."""

    name = "theta"
    label = "Theta"
    family = "classical"
    description = ("Exponential smoothing plus half the long-run trend, on seasonally adjusted "
                   "sales; the M3 competition winner and a strong default.")
    capabilities = Capabilities(min_history=4)
    params = (ParamSpec("deseasonalize", "choice", "auto", "Seasonal adjustment",
                        "'auto' removes a seasonal pattern only where the sales history shows "
                        "one clearly (90% test); 'always' or 'never' force the choice.",
                        choices=("auto", "always", "never")),)

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        m = int(self.season_)
        y = panel.values
        n, width = y.shape
        non_negative = np.nanmin(np.where(np.isfinite(y), y, 0.0), axis=1) >= 0
        if self.deseasonalize == "never" or m < 2:
            seasonal = np.zeros(n, bool)
        elif self.deseasonalize == "always":
            seasonal = panel.lengths >= 2 * m
        else:
            seasonal = seasonal_test(y, panel.lengths, m)
        seasonal &= non_negative
        indices = np.ones((n, max(m, 1)))
        if seasonal.any():
            indices[seasonal] = multiplicative_indices(y[seasonal], m)
        factors = indices[:, np.arange(width) % max(m, 1)]
        with np.errstate(all="ignore"):
            adjusted = np.where(factors >= CLOSED, y / factors, np.nan)
        self.indices_ = np.where(indices >= CLOSED, indices, 0.0)
        self.seasonal_ = seasonal
        self.width_ = width
        self.n_ = np.isfinite(adjusted).sum(axis=1)
        cancel.raise_if_cancelled()
        self._fit_adjusted(adjusted, panel.lengths, cancel)

    def _fit_adjusted(self, adjusted: np.ndarray, lengths: np.ndarray,
                      cancel: CancelToken) -> None:
        """Fit the seasonally adjusted series; sets alpha_ and sigma_ for the intervals."""
        ses = fit_ses(adjusted, lengths, cancel=cancel)
        self.alpha_ = ses.alpha
        self.level_ = ses.level
        self.slope_ = trend_slope(adjusted)
        self.sigma_ = np.sqrt(ses.sse / np.maximum(self.n_, 1))

    def _details(self) -> np.ndarray:
        return np.array([f"{self.label}, alpha {a:.2f}" + (", seasonally adjusted" if s else "")
                         for a, s in zip(self.alpha_, self.seasonal_, strict=True)],
                        dtype=object)

    def _adjusted_forecast(self, horizon: int) -> np.ndarray:
        return theta_mean(self.level_, self.slope_, self.alpha_, self.n_, horizon)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        h = np.arange(1, horizon + 1)[None, :]
        alpha = self.alpha_[:, None]
        m = self.indices_.shape[1]
        factor = self.indices_[:, (self.width_ - 1 + h[0]) % m]
        mean = self._adjusted_forecast(horizon) * factor
        sd = self.sigma_[:, None] * np.sqrt(1 + (h - 1) * alpha ** 2) * factor
        lower, upper = normal_intervals(mean, sd, levels)
        return mean, lower, upper
