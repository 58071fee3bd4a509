"""Seasonality test and classical multiplicative decomposition, for all products at once.

Rows are right-aligned, so a column's position in the season (column mod m) is the same for
every product relative to its own last period.
"""
from __future__ import annotations

import numpy as np
from scipy.stats import norm

from core.models.statistical.panel_model import quiet_nanmean


def acf(values: np.ndarray, max_lag: int) -> np.ndarray:
    """Sample autocorrelations r_1..r_max_lag per row (R's `acf` normalisation), (n, max_lag)."""
    ok = np.isfinite(values)
    count = ok.sum(axis=1)
    mean = np.where(ok, values, 0.0).sum(axis=1) / np.maximum(count, 1)
    x = np.where(ok, values - mean[:, None], 0.0)
    c0 = (x * x).sum(axis=1)
    out = np.zeros((len(values), max_lag))
    for lag in range(1, max_lag + 1):
        if lag < values.shape[1]:
            out[:, lag - 1] = (x[:, lag:] * x[:, :-lag]).sum(axis=1)
    with np.errstate(all="ignore"):
        return np.where(c0[:, None] > 0, out / c0[:, None], 0.0)


def seasonal_test(values: np.ndarray, lengths: np.ndarray, m: int,
                  level: float = 0.90) -> np.ndarray:
    """True where the lag-m autocorrelation is significant (two-sided `level`), as in M3 Theta.

    |r_m| > z * sqrt((1 + 2 sum_{k<m} r_k^2) / n), tested only with more than 2m observations.
    """
    if m < 2:
        return np.zeros(len(values), bool)
    r = acf(values, m)
    limit = norm.ppf(0.5 + level / 2) * np.sqrt(
        (1 + 2 * (r[:, :-1] ** 2).sum(axis=1)) / np.maximum(lengths, 1))
    return (lengths > 2 * m) & (np.abs(r[:, -1]) > limit)


def centred_moving_average(values: np.ndarray, m: int) -> np.ndarray:
    """Trend by a centred moving average over one season (2 x m for even m), NaN at the ends."""
    n, width = values.shape
    kernel = np.full(m, 1.0 / m) if m % 2 else np.r_[0.5, np.ones(m - 1), 0.5] / m
    k = len(kernel)
    trend = np.full((n, width), np.nan)
    if width >= k:
        windows = np.lib.stride_tricks.sliding_window_view(values, k, axis=1)
        trend[:, k // 2: width - k // 2] = windows @ kernel
    return trend


def multiplicative_indices(values: np.ndarray, m: int) -> np.ndarray:
    """Seasonal indices (n, m) by classical decomposition (R's `decompose`, multiplicative).

    Index j belongs to the columns with (column mod m) == j. Trend: centred moving average
    (2 x m for even m); indices: mean ratio to trend per position, scaled to average 1.
    """
    width = values.shape[1]
    with np.errstate(all="ignore"):
        ratio = values / centred_moving_average(values, m)
    cols = np.arange(width) % m
    figure = np.stack([quiet_nanmean(ratio[:, cols == j], axis=1) for j in range(m)], axis=1)
    figure = figure / quiet_nanmean(figure, axis=1)[:, None]
    return np.where(np.isfinite(figure), figure, 1.0)


def seasonal_strength(values: np.ndarray, m: int) -> np.ndarray:
    """Strength of seasonality 1 - Var(remainder) / Var(season + remainder), in [0, 1].

    Additive classical decomposition; Hyndman & Athanasopoulos (FPP3 4.3), the measure
    auto.arima uses to decide on seasonal differencing.
    """
    n, width = values.shape
    detrended = values - centred_moving_average(values, m)
    cols = np.arange(width) % m
    ok = np.isfinite(detrended)
    figure = np.zeros((n, m))
    for j in range(m):
        part = np.where(ok[:, cols == j], detrended[:, cols == j], 0.0)
        figure[:, j] = part.sum(axis=1) / np.maximum(ok[:, cols == j].sum(axis=1), 1)
    figure -= figure.mean(axis=1, keepdims=True)
    remainder = detrended - figure[:, cols]

    def variance(x: np.ndarray) -> np.ndarray:
        count = np.maximum(ok.sum(axis=1), 1)
        mean = np.where(ok, x, 0).sum(axis=1, keepdims=True) / count[:, None]
        return (np.where(ok, x - mean, 0.0) ** 2).sum(axis=1) / count

    var_r, var_sr = variance(remainder), variance(detrended)
    with np.errstate(all="ignore"):
        strength = np.where(var_sr > 0, 1 - var_r / var_sr, 0.0)
    return np.clip(np.nan_to_num(strength), 0, 1)
