"""All products as one right-aligned matrix, so recursions can run across every series at once.

Row i holds product `ids[i]`; its last observation sits in the last column and the earlier columns
before its first period are NaN. Products may end on different dates (M3 does), so each row keeps
its own last date.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist

import numpy as np
import pandas as pd

from core.models.base import interval_columns
from core.schema import DS, ID, Y, future_dates


@dataclass
class Panel:
    ids: np.ndarray  # (n,) str
    values: np.ndarray  # (n, T) float64, NaN before each series' start
    lengths: np.ndarray  # (n,) number of observed periods
    last_dates: np.ndarray  # (n,) datetime64 of each series' last period
    freq: str

    @classmethod
    def from_frame(cls, df: pd.DataFrame, freq: str) -> Panel:
        df = df[[ID, DS, Y]].sort_values([ID, DS], kind="stable")
        # Object strings: `.astype(str)` made a fixed-width array as wide as the longest id
        # times every row (a 20,000-character id allocated 7 GiB).
        ids, start_idx, lengths = np.unique(df[ID].astype(str).to_numpy(dtype=object),
                                            return_index=True, return_counts=True)
        order = np.argsort(start_idx)
        ids, start_idx, lengths = ids[order], start_idx[order], lengths[order]
        width = int(lengths.max()) if len(lengths) else 0
        values = np.full((len(ids), width), np.nan)
        y = df[Y].to_numpy(dtype=float)
        # Column of each row inside its right-aligned series.
        row = np.repeat(np.arange(len(ids)), lengths)
        pos = np.arange(len(y)) - np.repeat(start_idx, lengths)
        values[row, width - np.repeat(lengths, lengths) + pos] = y
        last_dates = df[DS].to_numpy()[start_idx + lengths - 1]
        return cls(ids=ids, values=values, lengths=lengths, last_dates=last_dates, freq=freq)

    def __len__(self) -> int:
        return len(self.ids)

    def subset(self, mask: np.ndarray) -> Panel:
        lengths = self.lengths[mask]
        width = int(lengths.max()) if len(lengths) else 0
        return Panel(self.ids[mask], self.values[mask][:, self.values.shape[1] - width:],
                     lengths, self.last_dates[mask], self.freq)

    def forecast_frame(self, mean: np.ndarray, lower: dict[int, np.ndarray] | None = None,
                       upper: dict[int, np.ndarray] | None = None,
                       levels: Sequence[int] = ()) -> pd.DataFrame:
        """Long forecast frame from (n, h) arrays; clips at 0 and orders the intervals."""
        n, h = mean.shape
        dates = np.empty((n, h), dtype="datetime64[ns]")
        last = pd.to_datetime(self.last_dates)
        for value in np.unique(last):
            rows = last == value
            dates[rows] = future_dates(pd.Timestamp(value), h, self.freq).to_numpy()
        out = {ID: np.repeat(self.ids, h), DS: dates.ravel(),
               "yhat": np.clip(mean, 0, None).ravel()}
        for level in sorted(levels):
            lo, hi = lower[level], upper[level]
            lo_c = np.clip(np.minimum(lo, mean), 0, None)
            hi_c = np.clip(np.maximum(hi, mean), 0, None)
            out[f"yhat_lo_{level}"] = lo_c.ravel()
            out[f"yhat_hi_{level}"] = hi_c.ravel()
        frame = pd.DataFrame(out)
        return frame[[ID, DS, "yhat", *interval_columns(levels)]]


def normal_intervals(mean: np.ndarray, sigma_h: np.ndarray, levels: Sequence[int]
                     ) -> tuple[dict[int, np.ndarray], dict[int, np.ndarray]]:
    """Symmetric Gaussian bands: mean ± z * sigma_h, with sigma_h of shape (n, h)."""
    lower, upper = {}, {}
    for level in levels:
        z = NormalDist().inv_cdf(0.5 + level / 200.0)
        lower[level] = mean - z * sigma_h
        upper[level] = mean + z * sigma_h
    return lower, upper
