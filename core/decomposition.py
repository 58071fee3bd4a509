"""Split one product's sales into trend, seasonality and remainder (STL / MSTL from statsmodels).

A season can only be estimated from at least two full cycles, so periods the history cannot
support are dropped and the result says so; with no usable period the trend is a LOWESS smooth
and the seasonal part is zero.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.schema import DEFAULT_SEASON

# Seasons worth looking for, per frequency (weekly and yearly for daily data).
CANDIDATE_PERIODS = {"D": (7, 365), "W": (52,), "M": (12,)}


@dataclass(frozen=True)
class Decomposition:
    ds: pd.DatetimeIndex
    observed: np.ndarray
    trend: np.ndarray
    seasonal: np.ndarray  # the sum of all seasonal components
    remainder: np.ndarray
    periods: tuple[int, ...]  # the seasons actually estimated
    note: str = ""  # why a season was left out, for the user


def usable_periods(n: int, freq: str, season_length: int | None = None) -> tuple[int, ...]:
    wanted = CANDIDATE_PERIODS.get(freq, (DEFAULT_SEASON.get(freq, 7),))
    if season_length and season_length > 1:
        wanted = (int(season_length),) + tuple(p for p in wanted if p != season_length)
    return tuple(sorted(p for p in set(wanted) if p >= 2 and n >= 2 * p))


def decompose(series: pd.Series, freq: str, season_length: int | None = None) -> Decomposition:
    """Decompose a regular series indexed by date (one product's `y`)."""
    series = series.astype(float).fillna(0.0)
    values = series.to_numpy()
    index = pd.DatetimeIndex(series.index)
    n = len(values)
    periods = usable_periods(n, freq, season_length)
    note = ""
    if n < 4:
        return Decomposition(index, values, values.copy(), np.zeros(n), np.zeros(n), (),
                             "Too little history to decompose.")
    if not periods:
        from statsmodels.nonparametric.smoothers_lowess import lowess

        trend = lowess(values, np.arange(n), frac=min(1.0, max(0.3, 13 / n)),
                       return_sorted=False)
        seasonal = np.zeros(n)
        longest = max(CANDIDATE_PERIODS.get(freq, (2,)))
        note = (f"Seasonality needs at least two full seasons ({2 * longest} periods); "
                f"this product has {n}.")
    elif len(periods) == 1:
        from statsmodels.tsa.seasonal import STL

        fit = STL(values, period=periods[0], robust=True).fit()
        trend, seasonal = np.asarray(fit.trend), np.asarray(fit.seasonal)
    else:
        from statsmodels.tsa.seasonal import MSTL

        fit = MSTL(values, periods=list(periods)).fit()
        trend = np.asarray(fit.trend)
        seasonal = np.asarray(fit.seasonal).reshape(n, -1).sum(axis=1)
    remainder = values - trend - seasonal
    return Decomposition(index, values, np.asarray(trend, float), seasonal, remainder, periods,
                         note)
