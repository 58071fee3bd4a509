"""Intermittent demand: Croston (SBA), TSB, ADIDA and IMAPA, across all products at once.

For products that sell on some periods only. Each forecasts a flat rate of sales per period.
Intervals come from the in-sample one-step errors of the same rule, widened with the horizon
as a smoothed level's error grows (1 + (h-1) alpha^2); they are clipped at zero.
"""
from __future__ import annotations

import numpy as np

from core.models.base import Capabilities, ParamSpec
from core.models.panel import Panel, normal_intervals
from core.models.registry import register
from core.models.statistical.panel_model import Bands, PanelModel
from core.models.statistical.ses import fit_ses
from core.progress import CancelToken, ProgressCallback

ALPHA_HELP = ("How fast the forecast follows recent sales: small values (0.05-0.2) average over "
              "a long past, large ones react to the latest sales.")


def _flat_bands(rate: np.ndarray, sigma: np.ndarray, alpha: np.ndarray, horizon: int,
                levels: tuple[int, ...]) -> Bands:
    mean = np.repeat(rate[:, None], horizon, axis=1)
    h = np.arange(horizon)[None, :]
    sd = sigma[:, None] * np.sqrt(1 + h * alpha[:, None] ** 2)
    lower, upper = normal_intervals(mean, sd, levels)
    return mean, lower, upper


def croston_pass(y: np.ndarray, alpha: float) -> tuple[np.ndarray, np.ndarray]:
    """Croston's smoothed demand size and inter-demand interval, updated at each sale.

    Returns (size, interval) at the end and the in-sample one-step rate forecasts (n, T), NaN
    until the first sale (statsforecast's initialisation: first size and first interval).
    """
    n, width = y.shape
    size = np.full(n, np.nan)
    interval = np.full(n, np.nan)
    since = np.zeros(n)  # periods since the last sale, counting the current one
    rate = np.full((n, width), np.nan)
    for t in range(width):
        obs = y[:, t]
        active = np.isfinite(obs)
        rate[:, t] = size / interval
        since = since + active
        sale = active & (obs > 0)
        fresh = sale & np.isnan(size)
        size = np.where(fresh, obs, np.where(sale, size + alpha * (obs - size), size))
        interval = np.where(fresh, since,
                            np.where(sale, interval + alpha * (since - interval), interval))
        since = np.where(sale, 0.0, since)
    return np.stack([size, interval]), rate


def _residual_sigma(y: np.ndarray, fitted: np.ndarray) -> np.ndarray:
    err = y - fitted
    ok = np.isfinite(err)
    count = ok.sum(axis=1)
    sse = np.where(ok, err, 0.0) ** 2
    with np.errstate(all="ignore"):
        sigma = np.sqrt(sse.sum(axis=1) / count)
    return np.where(count > 0, sigma, 0.0)


@register
class Croston(PanelModel):
    """Croston's method with the Syntetos-Boylan bias correction (SBA)."""

    name = "croston"
    label = "Croston (SBA)"
    family = "intermittent"
    description = ("For products that sell now and then: smooths the size of each sale and the "
                   "gap between sales separately (with the Syntetos-Boylan correction).")
    capabilities = Capabilities(min_history=2)
    params = (ParamSpec("alpha", "float", 0.1, "Smoothing weight", ALPHA_HELP,
                        minimum=0.01, maximum=1.0),)

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        cancel.raise_if_cancelled()
        alpha = float(self.alpha)
        (size, interval), rate = croston_pass(panel.values, alpha)
        debias = 1 - alpha / 2  # Syntetos & Boylan (2005)
        self.rate_ = np.nan_to_num(debias * size / interval, nan=0.0)
        self.sigma_ = _residual_sigma(panel.values, debias * rate)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        alpha = np.full(len(self.rate_), float(self.alpha))
        return _flat_bands(self.rate_, self.sigma_, alpha, horizon, levels)


TSB_GRID = (0.02, 0.05, 0.1, 0.2, 0.3)


def tsb_pass(y: np.ndarray, alpha_size: np.ndarray, alpha_prob: np.ndarray
             ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """TSB for parameter sets (n, C): returns final probability, size and in-sample SSE."""
    n, width = y.shape
    shape = alpha_size.shape
    prob = np.full(shape, np.nan)
    size = np.full(shape, np.nan)
    sse = np.zeros(shape)
    for t in range(width):
        obs = y[:, t][:, None]
        active = np.isfinite(obs)
        if not active.any():
            continue
        forecast = np.nan_to_num(prob * size, nan=0.0)
        sse += np.where(active & np.isfinite(prob), (obs - forecast) ** 2, 0.0)
        sale = active & (obs > 0)
        hit = sale.astype(float)
        prob = np.where(active, np.where(np.isnan(prob), hit, prob + alpha_prob * (hit - prob)),
                        prob)
        size = np.where(sale, np.where(np.isnan(size), obs, size + alpha_size * (obs - size)),
                        size)
    return prob, size, sse


@register
class TSB(PanelModel):
    """Teunter-Syntetos-Babai: smoothed sale probability times smoothed sale size."""

    name = "tsb"
    label = "TSB (Teunter-Syntetos-Babai)"
    family = "intermittent"
    description = ("For products that sell now and then: smooths the chance of a sale in each "
                   "period and the usual size of a sale; reacts when a product stops selling.")
    capabilities = Capabilities(min_history=2)

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        cancel.raise_if_cancelled()
        grid = np.array([(a, b) for a in TSB_GRID for b in TSB_GRID])
        n = len(panel)
        a_size = np.broadcast_to(grid[None, :, 0], (n, len(grid)))
        a_prob = np.broadcast_to(grid[None, :, 1], (n, len(grid)))
        prob, size, sse = tsb_pass(panel.values, a_size, a_prob)
        best = np.argmin(sse, axis=1)
        rows = np.arange(n)
        self.alpha_size_, self.alpha_prob_ = grid[best, 0], grid[best, 1]
        self.rate_ = np.nan_to_num(prob[rows, best] * size[rows, best], nan=0.0)
        self.sigma_ = np.sqrt(sse[rows, best] / np.maximum(panel.lengths - 1, 1))

    def _details(self) -> np.ndarray:
        return np.array([f"TSB, size weight {a:.2f}, chance weight {b:.2f}"
                         for a, b in zip(self.alpha_size_, self.alpha_prob_, strict=True)],
                        dtype=object)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        return _flat_bands(self.rate_, self.sigma_, self.alpha_prob_, horizon, levels)


def mean_interval(panel: Panel) -> np.ndarray:
    """Average number of periods between sales (the first counts from the product's start)."""
    sales = np.nan_to_num(panel.values, nan=0.0) > 0
    count = sales.sum(axis=1)
    with np.errstate(all="ignore"):
        last_sale = panel.values.shape[1] - 1 - np.argmax(sales[:, ::-1], axis=1)
        span = last_sale - (panel.values.shape[1] - panel.lengths) + 1
        return np.where(count > 0, span / np.maximum(count, 1), np.inf)


def aggregate(values: np.ndarray, lengths: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Sums over non-overlapping buckets of k periods, aligned to the end (NaN if incomplete)."""
    n, width = values.shape
    usable = width - width % k
    if usable == 0:
        return np.full((n, 0), np.nan), np.zeros(n, int)
    buckets = values[:, width - usable:].reshape(n, usable // k, k).sum(axis=2)
    return buckets, lengths // k


def aggregated_ses(panel: Panel, levels_k: np.ndarray, cancel: CancelToken
                   ) -> tuple[np.ndarray, np.ndarray]:
    """Per-period rate and its one-step sigma from SES on k-period totals (k per row)."""
    rate = np.zeros(len(panel))
    sigma = np.zeros(len(panel))
    for k in np.unique(levels_k):
        cancel.raise_if_cancelled()
        rows = levels_k == k
        buckets, counts = aggregate(panel.values[rows], panel.lengths[rows], int(k))
        ok = counts >= 1
        if not ok.any():
            continue
        idx = np.flatnonzero(rows)[ok]
        fit = fit_ses(buckets[ok], counts[ok], bounds=(0.1, 0.3), points=5, refine=1,
                      optimise_start=False)
        rate[idx] = fit.level / k
        # Bucket errors spread over k periods; a period's share has sd / sqrt(k).
        sigma[idx] = np.sqrt(fit.sse / np.maximum(fit.count, 1) / k)
    return rate, sigma


def aggregation_levels(panel: Panel) -> np.ndarray:
    gaps = mean_interval(panel)
    k = np.where(np.isfinite(gaps), np.round(gaps), 1).astype(int)
    return np.clip(k, 1, np.maximum(panel.lengths // 2, 1))


@register
class ADIDA(PanelModel):
    """SES on sales totals over the mean gap between sales, spread back per period."""

    name = "adida"
    label = "ADIDA (temporal aggregation)"
    family = "intermittent"
    description = ("For products that sell now and then: adds sales up over the usual gap "
                   "between sales, smooths those totals and spreads them back per period.")
    capabilities = Capabilities(min_history=2)

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        self.levels_ = aggregation_levels(panel)
        self.rate_, self.sigma_ = aggregated_ses(panel, self.levels_, cancel)

    def _details(self) -> np.ndarray:
        return np.array([f"{self.name.upper()}, sales summed over {k} period(s)"
                         for k in self.levels_], dtype=object)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        return _flat_bands(self.rate_, self.sigma_, np.full(len(self.rate_), 0.2), horizon,
                           levels)


@register
class IMAPA(ADIDA):
    """The mean of ADIDA forecasts at every aggregation level up to the mean gap."""

    name = "imapa"
    label = "IMAPA (multiple aggregation)"
    family = "intermittent"
    description = ("For products that sell now and then: averages ADIDA forecasts made at "
                   "every aggregation level from one period up to the usual gap between sales.")

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        top = aggregation_levels(panel)
        self.levels_ = top
        total = np.zeros(len(panel))
        sigma2 = np.zeros(len(panel))
        for k in range(1, int(top.max()) + 1):
            rows = top >= k
            rate, sigma = aggregated_ses(panel.subset(rows), np.full(rows.sum(), k), cancel)
            total[rows] += rate
            sigma2[rows] += sigma ** 2
        self.rate_ = total / top
        self.sigma_ = np.sqrt(sigma2 / top)
