"""ARIMA pieces in numpy, vectorised across products: differencing test, conditional sum of
squares (CSS) residuals, forecasts and forecast variances.

An order is (p, q, P, Q) on a series already differenced d times and seasonally D times.
AR and MA polynomials are expanded to plain lag vectors, so seasonal terms cost nothing extra:
(1 - phi_1 B - phi_2 B^2)(1 - Phi B^m) and (1 + theta_1 B + theta_2 B^2)(1 + Theta B^m).
Values before a product's start count as the mean (0 after centring), so every order is scored
on the same observations and the AICc values compare fairly.
"""
from __future__ import annotations

import numpy as np

KPSS_CRITICAL_5 = 0.463  # level stationarity, 5% (Kwiatkowski et al. 1992), as auto.arima


def difference(values: np.ndarray, lag: int) -> np.ndarray:
    """values[t] - values[t - lag], NaN where either is missing (rows stay right-aligned)."""
    out = np.full(values.shape, np.nan)
    if lag < values.shape[1]:
        out[:, lag:] = values[:, lag:] - values[:, :-lag]
    return out


def kpss_rejects(values: np.ndarray) -> np.ndarray:
    """True where the KPSS test rejects level stationarity at 5% (Newey-West, short lags)."""
    ok = np.isfinite(values)
    n = ok.sum(axis=1).astype(float)
    safe_n = np.maximum(n, 1)
    mean = np.where(ok, values, 0.0).sum(axis=1) / safe_n
    e = np.where(ok, values - mean[:, None], 0.0)
    partial = np.cumsum(e, axis=1)
    eta = (partial ** 2).sum(axis=1) / safe_n ** 2
    lags = np.floor(4 * (n / 100) ** 0.25).astype(int)
    var = (e * e).sum(axis=1) / safe_n
    for k in range(1, int(lags.max(initial=0)) + 1):
        gamma = (e[:, k:] * e[:, :-k]).sum(axis=1) / safe_n
        var += np.where(k <= lags, 2 * (1 - k / (lags + 1)) * gamma, 0.0)
    with np.errstate(all="ignore"):
        stat = np.where(var > 0, eta / var, 0.0)
    return (n >= 4) & (stat > KPSS_CRITICAL_5)


def expand(short: np.ndarray, seasonal: np.ndarray, m: int, sign: float) -> np.ndarray:
    """Lag coefficients of (1 + sign*sum short_i B^i)(1 + sign*seasonal B^m), without lag 0.

    `short` (..., p), `seasonal` (..., 1 or 0). AR passes sign -1 and gets back phi-style
    coefficients (y_t = sum a_i y_{t-i} + ...); MA passes +1.
    """
    p = short.shape[-1]
    has_seasonal = seasonal.shape[-1] > 0
    size = m + p if has_seasonal else p
    out = np.zeros((*short.shape[:-1], size))
    out[..., :p] = short
    if has_seasonal:
        big = seasonal[..., 0]
        out[..., m - 1] += big
        # Cross terms at lag m + i: AR (1 - aB)(1 - AB^m) = 1 - aB - AB^m + aA B^{m+1}, so the
        # phi-style coefficient is -aA; MA (1 + bB)(1 + BB^m) gives +bB.
        for i in range(p):
            out[..., m + i] += sign * short[..., i] * big
    return out


def css_residuals(w: np.ndarray, ar: np.ndarray, ma: np.ndarray) -> tuple[np.ndarray, ...]:
    """CSS one-step residuals for centred rows w (n, T) and coefficients (n, C, lags).

    Returns (sum of squares (n, C), last residuals (n, C, len(ma)) newest last).
    """
    n, width = w.shape
    shape = ar.shape[:2]
    p, q = ar.shape[2], ma.shape[2]
    filled = np.nan_to_num(w, nan=0.0)
    history = np.zeros((*shape, q))  # newest last
    sse = np.zeros(shape)
    first = int(np.argmax(np.isfinite(w).any(axis=0))) if n else width
    for t in range(first, width):
        active = np.isfinite(w[:, t])[:, None]
        pred = np.zeros(shape)
        if p:
            lo = max(0, t - p)
            past = filled[:, lo:t][:, ::-1]  # newest first
            pred += np.einsum("ncl,nl->nc", ar[:, :, : past.shape[1]], past)
        if q:
            pred += np.einsum("ncl,ncl->nc", ma, history[:, :, ::-1])
        e = np.where(active, filled[:, t][:, None] - pred, 0.0)
        sse += e * e
        if q:
            history = np.concatenate([history[:, :, 1:], e[:, :, None]], axis=2)
    return sse, history


def arma_forecast(w: np.ndarray, ar: np.ndarray, ma: np.ndarray, last_e: np.ndarray,
                  horizon: int) -> np.ndarray:
    """Forecasts of centred rows w (n, T) given coefficients (n, lags) and last residuals."""
    n, width = w.shape
    p, q = ar.shape[1], ma.shape[1]
    past = np.nan_to_num(w[:, max(0, width - p):], nan=0.0)[:, ::-1]  # newest first
    if past.shape[1] < p:
        past = np.concatenate([past, np.zeros((n, p - past.shape[1]))], axis=1)
    errors = last_e[:, ::-1] if q else np.zeros((n, 0))  # newest first
    out = np.zeros((n, horizon))
    for h in range(horizon):
        value = (ar * past).sum(axis=1) if p else np.zeros(n)
        if q:
            value = value + (ma * errors).sum(axis=1)
            errors = np.concatenate([np.zeros((n, 1)), errors[:, :-1]], axis=1)
        out[:, h] = value
        if p:
            past = np.concatenate([value[:, None], past[:, :-1]], axis=1)
    return out


def integrate(forecast: np.ndarray, history: np.ndarray, lag: int) -> np.ndarray:
    """Undo a lag-`lag` difference: history (n, T) is the series before differencing."""
    n, horizon = forecast.shape
    out = np.zeros((n, horizon))
    for h in range(horizon):
        base = history[:, history.shape[1] - lag + h] if h < lag else out[:, h - lag]
        out[:, h] = base + forecast[:, h]
    return out


def psi_weights(ar_full: np.ndarray, ma: np.ndarray, horizon: int) -> np.ndarray:
    """MA(infinity) weights psi_0..psi_{h-1} (n, h) of the differenced-and-integrated model."""
    n = len(ar_full)
    psi = np.zeros((n, horizon))
    psi[:, 0] = 1.0
    for j in range(1, horizon):
        value = ma[:, j - 1].copy() if j - 1 < ma.shape[1] else np.zeros(n)
        k = min(j, ar_full.shape[1])
        value += (ar_full[:, :k] * psi[:, j - 1::-1][:, :k]).sum(axis=1)
        psi[:, j] = value
    return psi


def with_differences(ar: np.ndarray, d: int, seasonal_d: int, m: int) -> np.ndarray:
    """AR lag coefficients of phi(B) (1 - B)^d (1 - B^m)^D, phi-style (n, lags)."""
    poly = np.concatenate([np.ones((len(ar), 1)), -ar], axis=1)  # 1 - sum a_i B^i
    factors = [np.array([1.0, -1.0])] * d
    if seasonal_d:
        factors.append(np.r_[1.0, np.zeros(m - 1), -1.0])
    for factor in factors:
        poly = np.stack([np.convolve(row, factor) for row in poly])
    return -poly[:, 1:]
