"""The canonical long frame every part of the engine speaks, and its frequencies.

One row per product and period: `unique_id` (str), `ds` (period timestamp), `y` (units sold, float),
plus optional covariates. Series are regular: every period between a product's first sale and the
end of the data is present (missing periods are 0 sales).
"""
from __future__ import annotations

import pandas as pd

ID, DS, Y = "unique_id", "ds", "y"
REQUIRED = (ID, DS, Y)
OPTIONAL = ("price", "list_price", "promo", "title", "category", "stock")
COLUMNS = REQUIRED + OPTIONAL

# The user picks D, W or M; pandas needs an anchored alias. Weeks end on Sunday (the shared
# weekly data does too); months are stamped with their first day.
FREQ_ALIASES = {"D": "D", "W": "W-SUN", "M": "MS"}
FREQ_UNITS = {"D": "days", "W": "weeks", "M": "months"}
# Season length the models use by default, and the one MASE scales by (the benchmarks' rule:
# weekly MASE is scaled by the one-step naive forecast).
DEFAULT_SEASON = {"D": 7, "W": 52, "M": 12}
MASE_SEASON = {"D": 7, "W": 1, "M": 12}


def pandas_freq(freq: str) -> str:
    """'D'/'W'/'M' -> the pandas alias used for date ranges."""
    try:
        return FREQ_ALIASES[freq]
    except KeyError:
        raise ValueError(f"Unknown frequency {freq!r}; use one of D, W, M.") from None


def infer_freq(df: pd.DataFrame) -> str:
    """Guess 'D', 'W' or 'M' from the spacing of a canonical frame's dates."""
    ds = pd.DatetimeIndex(df[DS].drop_duplicates()).sort_values()
    if len(ds) < 2:
        return "D"
    step = pd.Series(ds).diff().dropna().dt.days.median()
    if step >= 27:
        return "M"
    if step >= 6.5:
        return "W"
    return "D"


def future_dates(last: pd.Timestamp, horizon: int, freq: str) -> pd.DatetimeIndex:
    """The `horizon` periods after `last`."""
    return pd.date_range(last, periods=horizon + 1, freq=pandas_freq(freq))[1:]


def season_for(freq: str, season_length: int | None) -> int:
    return int(season_length) if season_length else DEFAULT_SEASON[freq]
