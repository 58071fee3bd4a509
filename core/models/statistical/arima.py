"""Automatic ARIMA / seasonal ARIMA, fitted across all products at once.

Order selection in the spirit of Hyndman & Khandakar's auto.arima, kept small so it is fast:
- seasonal differencing (D = 1) where the seasonal strength exceeds 0.64 and three seasons
  exist; then up to two ordinary differences while a 5% KPSS test rejects stationarity;
- a constant (a drift after one difference) when d + D <= 1;
- every order in a fixed grid, fitted by conditional sum of squares (CSS) with a vectorised
  pattern search: ARMA(p, q) for p, q in 0..2, plus seasonal AR(1) or MA(1) terms on
  p, q in 0..1 for products with three seasons of history (whether or not seasonally
  differenced: M3 monthly sMAPE 15.49 against 15.84 when only differenced ones got them);
  the lowest AICc wins per product.
Coefficients are kept stationary and invertible. Intervals from the psi weights of the full
(integrated) model.
"""
from __future__ import annotations

import numpy as np

from core.models.base import Capabilities, ParamSpec
from core.models.panel import Panel, normal_intervals
from core.models.registry import register
from core.models.statistical.arima_css import (
    arma_forecast,
    css_residuals,
    difference,
    expand,
    integrate,
    kpss_rejects,
    psi_weights,
    with_differences,
)
from core.models.statistical.panel_model import Bands, PanelModel
from core.models.statistical.seasonality import seasonal_strength
from core.models.statistical.vector_search import pattern_search, row_loss
from core.progress import CancelToken, ProgressCallback, said

SHORT_ORDERS = ((0, 0), (1, 0), (0, 1), (1, 1), (2, 0), (0, 2), (2, 1), (1, 2), (2, 2))
SEASONAL_ORDERS = tuple((p, q, big_p, big_q) for p, q in SHORT_ORDERS[:4]
                        for big_p, big_q in ((1, 0), (0, 1)))
BOUND = 0.98


def _split(u: np.ndarray, order: tuple[int, int, int, int]) -> tuple[np.ndarray, ...]:
    p, q, big_p, big_q = order
    return (u[..., :p], u[..., p:p + q], u[..., p + q:p + q + big_p],
            u[..., p + q + big_p:p + q + big_p + big_q])


def _admissible(phi: np.ndarray, theta: np.ndarray) -> np.ndarray:
    """Stationary AR(<=2) and invertible MA(<=2) (the triangle conditions)."""
    ok = np.ones(phi.shape[:-1], bool)
    if phi.shape[-1] == 2:
        a1, a2 = phi[..., 0], phi[..., 1]
        ok &= (a1 + a2 < BOUND) & (a2 - a1 < BOUND)
    if theta.shape[-1] == 2:
        b1, b2 = theta[..., 0], theta[..., 1]
        ok &= (1 + b2 > np.abs(b1) + 1 - BOUND)
    return ok


class OrderFit:
    """CSS fit of one (p, q, P, Q) order for some rows of the centred, differenced series."""

    def __init__(self, w: np.ndarray, counts: np.ndarray, n_params: np.ndarray,
                 order: tuple[int, int, int, int], m: int, cancel: CancelToken) -> None:
        self.order, self.m = order, m
        k = sum(order)
        observed = np.isfinite(w)
        # Keeps a perfect fit (constant product) finite so the simplest order still wins.
        floor = 1e-12 * (np.where(observed, w, 0.0) ** 2).sum(axis=1) / np.maximum(counts, 1) \
            + 1e-300
        if k:
            def loss(rows: np.ndarray, u: np.ndarray) -> np.ndarray:
                ar, ma = self.coefficients(u)
                sse, _ = css_residuals(w[rows], ar, ma)
                phi, theta = _split(u, order)[:2]
                value = counts[rows, None] * np.log(np.maximum(sse / counts[rows, None],
                                                             floor[rows, None]))
                return np.where(_admissible(phi, theta), value, np.inf)

            lower, upper = np.full(k, -BOUND), np.full(k, BOUND)
            u, _ = pattern_search(row_loss(loss, len(w)), np.zeros((len(w), k)), lower, upper,
                                  step=0.3, rounds=10, tol=5e-3, cancel=cancel)
        else:
            u = np.zeros((len(w), 0))
        ar, ma = self.coefficients(u[:, None, :])
        sse, last_e = css_residuals(w, ar, ma)
        self.ar, self.ma, self.last_e = ar[:, 0], ma[:, 0], last_e[:, 0]
        params = n_params + k
        with np.errstate(all="ignore"):
            self.sigma2 = sse[:, 0] / np.maximum(counts - params, 1)
            penalty = np.where(counts - params - 1 > 0,
                               2 * params * (params + 1) / (counts - params - 1), np.inf)
            aicc = counts * np.log(np.maximum(sse[:, 0] / counts, floor)) + 2 * params + penalty
        self.aicc = np.where(np.isfinite(aicc), aicc, np.inf)

    def coefficients(self, u: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        phi, theta, big_phi, big_theta = _split(u, self.order)
        return expand(phi, big_phi, self.m, -1.0), expand(theta, big_theta, self.m, 1.0)


@register
class AutoARIMA(PanelModel):
    """ARIMA/SARIMA with differencing and order chosen per product (CSS, AICc)."""

    name = "arima"
    label = "ARIMA (automatic)"
    family = "classical"
    description = ("Models each product's sales from its own recent values and surprises; "
                   "picks the differencing and the model order automatically (lowest AICc).")
    capabilities = Capabilities(min_history=8)
    params = (ParamSpec("seasonal", "bool", True, "Seasonal terms",
                        "Allow seasonal differencing and seasonal terms for products with at "
                        "least three seasons of clearly seasonal history."),)

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        y, lengths = panel.values, panel.lengths
        m = int(self.season_)
        seasonal = np.zeros(len(y), bool)
        seasonal_terms = np.zeros(len(y), bool)
        if self.seasonal and m > 1:
            seasonal_terms = lengths >= 3 * m
            seasonal = seasonal_terms & (seasonal_strength(y, m) > 0.64)
        self.big_d_ = seasonal.astype(int)
        x1 = np.where(seasonal[:, None], difference(y, m), y)
        self.d_ = np.zeros(len(y), int)
        w = x1.copy()
        for _ in range(2):
            room = np.isfinite(w).sum(axis=1) >= 12
            step = kpss_rejects(w) & room
            w = np.where(step[:, None], difference(w, 1), w)
            self.d_ += step
        with_mean = self.d_ + self.big_d_ <= 1
        counts = np.isfinite(w).sum(axis=1).astype(float)
        mean = np.where(np.isfinite(w), w, 0).sum(axis=1) / np.maximum(counts, 1)
        self.mean_ = np.where(with_mean, mean, 0.0)
        centred = w - self.mean_[:, None]
        n_params = 1 + with_mean.astype(float)  # sigma and the constant
        best = np.full(len(y), np.inf)
        self.choice_: list[tuple[OrderFit, np.ndarray]] = []
        self.order_ = np.full(len(y), "", dtype=object)
        orders = [(p, q, 0, 0) for p, q in SHORT_ORDERS]
        if seasonal_terms.any():
            orders += list(SEASONAL_ORDERS)
        for i, order in enumerate(orders):
            cancel.raise_if_cancelled()
            rows = np.flatnonzero(seasonal_terms if order[2] + order[3] else np.ones(len(y), bool))
            fit = OrderFit(centred[rows], counts[rows], n_params[rows], order, m, cancel)
            better = fit.aicc < best[rows]
            best[rows[better]] = fit.aicc[better]
            self.order_[rows[better]] = str(order)
            self.choice_.append((fit, rows))
            progress(said((i + 1) / len(orders), "progress.arima", stage=self.name, order=order))
        self.best_ = best
        self.w_, self.x1_, self.y_ = centred, x1, y

    def _details(self) -> np.ndarray:
        out = []
        for order, d, big_d, mean in zip(self.order_, self.d_, self.big_d_, self.mean_,
                                         strict=True):
            p, q, big_p, big_q = (int(v) for v in order.strip("()").split(","))
            text = f"ARIMA({p},{d},{q})"
            if big_p or big_q or big_d:
                text += f"({big_p},{big_d},{big_q})[{int(self.season_)}]"
            if mean != 0:
                text += " with drift" if d + big_d == 1 else " with mean"
            out.append(text)
        return np.array(out, dtype=object)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        n = len(self.y_)
        mean = np.full((n, horizon), np.nan)
        sd = np.full((n, horizon), np.nan)
        m = int(self.season_)
        for fit, rows in self.choice_:
            chosen = self.order_[rows] == str(fit.order)
            idx = rows[chosen]
            if not len(idx):
                continue
            fc = arma_forecast(self.w_[idx], fit.ar[chosen], fit.ma[chosen],
                               fit.last_e[chosen], horizon) + self.mean_[idx, None]
            for d in (2, 1):
                level = self.d_[idx] >= d
                if level.any():
                    before = self.x1_[idx][level]
                    if d == 2:
                        before = difference(before, 1)
                    fc[level] = integrate(fc[level], before, 1)
            seasonal = self.big_d_[idx] == 1
            if seasonal.any():
                fc[seasonal] = integrate(fc[seasonal], self.y_[idx][seasonal], m)
            mean[idx] = fc
            for d in np.unique(self.d_[idx]):
                for big_d in np.unique(self.big_d_[idx]):
                    sub = (self.d_[idx] == d) & (self.big_d_[idx] == big_d)
                    if not sub.any():
                        continue
                    ar_full = with_differences(fit.ar[chosen][sub], int(d), int(big_d), m)
                    psi = psi_weights(ar_full, fit.ma[chosen][sub], horizon)
                    sd[idx[sub]] = np.sqrt(fit.sigma2[chosen][sub, None]
                                           * np.cumsum(psi ** 2, axis=1))
        lower, upper = normal_intervals(mean, sd, levels)
        return mean, lower, upper
