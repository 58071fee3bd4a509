"""Exponential smoothing (ETS) recursions in numpy, run across every product at once.

The state-space form of Hyndman et al. (2008) with additive or damped trend and additive or
multiplicative seasonality. Given the parameters, fitted values do not depend on the error type
(additive or multiplicative errors give the same updates); only the likelihood and the interval
width do, so one recursion serves both.

Rows are right-aligned (NaN before each product's start): a row's states stay frozen until its
first observation. Seasonal states sit in a ring buffer indexed by the absolute column mod m.
Parameter arrays have shape (n, C): C candidate parameter sets per product.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

TRENDS = ("N", "A", "Ad")
SEASONS = ("N", "A", "M")


@dataclass
class Smoothed:
    """Result of one pass: losses per (row, candidate) and the final states."""

    sse: np.ndarray  # sum of squared one-step errors
    rel_sse: np.ndarray  # sum of squared relative errors (multiplicative-error likelihood)
    log_mu: np.ndarray  # sum of log |one-step forecast| (multiplicative-error likelihood)
    count: np.ndarray  # observations used, (n, 1)
    level: np.ndarray
    slope: np.ndarray
    seasonal: np.ndarray  # (n, C, m) ring buffer
    fitted: np.ndarray | None = None  # (n, C, T) one-step forecasts when asked for


def initial_states(y: np.ndarray, lengths: np.ndarray, season: str, m: int
                   ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Heuristic initial level, slope and seasonal ring buffer (n, m) for every row.

    Seasonal indices come from the first two seasons (rows shorter than 2m get neutral ones);
    level and slope from a straight line through the first (deseasonalised) observations.
    """
    n, width = y.shape
    start = width - lengths
    rows = np.arange(n)[:, None]
    neutral = 1.0 if season == "M" else 0.0
    ring = np.full((n, max(m, 1)), neutral)
    first = np.full((n, max(m, 1)), neutral)
    if season != "N" and m > 1:
        ok = lengths >= 2 * m
        idx = np.minimum(start[:, None] + np.arange(2 * m)[None, :], width - 1)
        block = y[rows, idx].reshape(n, 2, m)
        cycle_mean = block.mean(axis=2, keepdims=True)
        with np.errstate(all="ignore"):
            dev = (block / cycle_mean) if season == "M" else (block - cycle_mean)
        s = dev.mean(axis=1)
        s = s / s.mean(axis=1, keepdims=True) if season == "M" else s - s.mean(axis=1,
                                                                              keepdims=True)
        first = np.where(ok[:, None] & np.isfinite(s), s, neutral)
        slots = (start[:, None] + np.arange(m)[None, :]) % m
        ring[rows, slots] = first
    k = np.minimum(lengths, max(10, 2 * m if season != "N" else 10))
    span = int(k.max())
    idx = np.minimum(start[:, None] + np.arange(span)[None, :], width - 1)
    head = y[rows, idx]
    seas = first[rows, np.arange(span)[None, :] % max(m, 1)]
    with np.errstate(all="ignore"):
        head = head / seas if season == "M" else head - seas
    used = np.arange(span)[None, :] < k[:, None]
    t = np.arange(1, span + 1, dtype=float)[None, :]
    w = used.astype(float)
    cnt = w.sum(axis=1)
    t_mean = (w * t).sum(axis=1) / cnt
    y_mean = np.where(used, head, 0.0).sum(axis=1) / cnt
    cov = (w * (t - t_mean[:, None]) * np.where(used, head - y_mean[:, None], 0.0)).sum(axis=1)
    var = (w * (t - t_mean[:, None]) ** 2).sum(axis=1)
    slope = np.where(var > 0, cov / np.where(var > 0, var, 1.0), 0.0)
    level = y_mean - slope * t_mean
    return level, slope, ring


def smooth(y: np.ndarray, lengths: np.ndarray, alpha: np.ndarray, beta: np.ndarray,
           gamma: np.ndarray, phi: np.ndarray, level0: np.ndarray, slope0: np.ndarray,
           ring0: np.ndarray, trend: str, season: str, m: int,
           keep_fitted: bool = False, relative: bool = False) -> Smoothed:
    """Run the ETS recursion for rows of y (n, T) and parameter sets (n, C).

    `relative` also accumulates the multiplicative-error likelihood terms (positive data only).
    """
    n, width = y.shape
    shape = alpha.shape
    if trend == "N":
        phi = np.zeros(shape)
    elif trend == "A":
        phi = np.ones(shape)
    m_eff = m if season != "N" else 1
    level = np.broadcast_to(level0[:, None], shape).copy()
    slope = np.broadcast_to(slope0[:, None], shape).copy() if trend != "N" else np.zeros(shape)
    ring = np.broadcast_to(ring0[:, None, :m_eff], (*shape, m_eff)).copy()
    sse = np.zeros(shape)
    rel_sse = np.zeros(shape)
    log_mu = np.zeros(shape)
    fitted = np.full((*shape, width), np.nan) if keep_fitted else None
    first_col = int(width - lengths.max()) if n else width
    valid = np.isfinite(y)
    filled = np.where(valid, y, 0.0)
    column_full = valid.all(axis=0)
    with np.errstate(all="ignore"):
        for t in range(first_col, width):
            # Most columns are observed for every row; skip the masking there (it is most of
            # the per-step cost when there are few products).
            full = column_full[t]
            active = None if full else valid[:, t][:, None]
            yt = filled[:, t][:, None]
            slot = t % m_eff
            s = ring[:, :, slot]
            if trend == "N":
                base = level
            elif trend == "A":
                base = level + slope
            else:
                base = level + phi * slope
            if season == "M":
                mu = base * s
            elif season == "A":
                mu = base + s
            else:
                mu = base
            e = yt - mu if full else np.where(active, yt - mu, 0.0)
            if keep_fitted:
                fitted[:, :, t] = mu if full else np.where(active, mu, np.nan)
            sse += e * e
            if relative:
                rel = e / mu
                log = np.log(np.abs(mu))
                if not full:
                    rel = np.where(active, rel, 0.0)
                    log = np.where(active, log, 0.0)
                rel_sse += rel * rel
                log_mu += log
            if season == "M":
                e_level = e / s
                update = s + gamma * e / base
                ring[:, :, slot] = update if full else np.where(active, update, s)
            else:
                e_level = e
                if season == "A":
                    ring[:, :, slot] = s + gamma * e
            new_level = base + alpha * e_level
            level = new_level if full else np.where(active, new_level, level)
            if trend != "N":
                new_slope = (slope if trend == "A" else phi * slope) + beta * e_level
                slope = new_slope if full else np.where(active, new_slope, slope)
    count = lengths[:, None].astype(float)
    return Smoothed(sse, rel_sse, log_mu, count, level, slope, ring, fitted)


def point_forecast(level: np.ndarray, slope: np.ndarray, ring: np.ndarray, phi: np.ndarray,
                   trend: str, season: str, m: int, width: int, horizon: int) -> np.ndarray:
    """(n, h) forecasts from final states of shape (n,) and ring (n, m)."""
    h = np.arange(1, horizon + 1)
    if trend == "N":
        growth = np.zeros((len(level), horizon))
    elif trend == "A":
        growth = slope[:, None] * h[None, :]
    else:
        damp = np.cumsum(phi[:, None] ** h[None, :], axis=1)
        growth = slope[:, None] * damp
    base = level[:, None] + growth
    if season == "N":
        return base
    slots = (width - 1 + h) % m
    s = ring[:, slots]
    return base * s if season == "M" else base + s


def horizon_sd(sigma: np.ndarray, alpha: np.ndarray, beta: np.ndarray, gamma: np.ndarray,
               phi: np.ndarray, trend: str, season: str, m: int, horizon: int) -> np.ndarray:
    """Class-1 forecast standard deviation (Hyndman et al. 2008, table 6.1), (n, h).

    sigma^2 * (1 + sum_{j<h} c_j^2) with c_j = alpha + beta * (j or phi + ... + phi^j)
    + gamma when j is a whole number of seasons. Multiplicative models pass a relative sigma
    times the point forecast, the usual small-sigma approximation.
    """
    j = np.arange(1, horizon)[None, :]
    if trend == "N":
        trend_part = np.zeros((len(alpha), horizon - 1))
    elif trend == "A":
        trend_part = beta[:, None] * j
    else:
        trend_part = beta[:, None] * np.cumsum(phi[:, None] ** j, axis=1)
    c = alpha[:, None] + trend_part
    if season != "N" and m > 1:
        c = c + gamma[:, None] * (j % m == 0)
    var = np.concatenate([np.zeros((len(alpha), 1)), np.cumsum(c * c, axis=1)], axis=1)
    return sigma[:, None] * np.sqrt(1.0 + var)
