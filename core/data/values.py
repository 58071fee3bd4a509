"""Turning raw strings into numbers and dates, vectorised, with what could not be parsed.

Numbers: a dot or a comma as decimal mark (detected from the values, overridable), thousands
separators, currency signs and spaces are accepted. Dates: ISO, day-first or month-first (detected
from values such as 13/01 or 01/13, overridable), with or without time; a time-zone offset is
dropped so each order keeps the shop's local wall-clock date.
"""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
from pandas.tseries.api import guess_datetime_format

_CURRENCY = r"[£$€¥￥₹]|EUR|USD|GBP|CNY|RMB|元"
_COMMA_DECIMAL = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d+$|^-?\d+,\d{1,2}$")
_DOT_DECIMAL = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d+$|^-?\d+\.\d+$")
_TZ_SUFFIX = r"\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|[A-Z]{3,4})$"
_SLASHED = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})")


def detect_decimal(values: pd.Series) -> str:
    """',' if the values use a decimal comma (1,5 or 1.234,50), else '.'."""
    sample = values[values != ""].head(2000).astype(str).str.strip()
    commas = sample.str.match(_COMMA_DECIMAL.pattern).sum()
    dots = sample.str.match(_DOT_DECIMAL.pattern).sum()
    return "," if commas > dots else "."


def parse_numbers(values: pd.Series, decimal: str = ".") -> tuple[pd.Series, pd.Series]:
    """(floats, mask of non-empty cells that are not numbers). Empty cells become NaN."""
    values = values.astype(str)
    empty = values.str.strip() == ""
    if decimal == ".":
        fast = pd.to_numeric(values, errors="coerce")
        if not (fast.isna() & ~empty).any():
            return fast.astype(float), pd.Series(False, index=values.index)
    cleaned = values.str.replace(_CURRENCY, "", regex=True).str.replace(r"[\s\u00a0']", "",
                                                                          regex=True)
    if decimal == ",":
        cleaned = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        cleaned = cleaned.str.replace(",", "", regex=False)
    numbers = pd.to_numeric(cleaned, errors="coerce").astype(float)
    return numbers, numbers.isna() & ~empty


def detect_dayfirst(values: pd.Series) -> bool | None:
    """True/False when slashed or dotted dates show which field is the day; None if unclear."""
    sample = values[values != ""].head(5000).astype(str)
    parts = sample.str.extract(_SLASHED)
    if parts.empty or parts[0].isna().all():
        return None
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    if (first > 12).any() and not (second > 12).any():
        return True
    if (second > 12).any() and not (first > 12).any():
        return False
    return None


def is_slashed(values: pd.Series) -> bool:
    """True when dates are written like 01/02/2024 or 01.02.2024 (day and month could swap)."""
    sample = values[values != ""].head(50).astype(str)
    return bool(len(sample)) and bool(sample.str.match(_SLASHED.pattern).all())


def parse_dates(values: pd.Series, dayfirst: bool | None = None) -> tuple[pd.Series, pd.Series]:
    """(naive timestamps, mask of non-empty cells that are not dates)."""
    values = values.astype(str).str.strip()
    empty = values == ""
    if not (~empty).any():
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]"), ~empty
    first = values[~empty].iloc[0]
    if re.search(_TZ_SUFFIX, first) and re.search(r"\d:\d\d", first):
        values = values.str.replace(_TZ_SUFFIX, "", regex=True)
        first = values[~empty].iloc[0]
    if dayfirst is None:
        dayfirst = bool(detect_dayfirst(values))
    parsed = _with_format(values, first, dayfirst)
    bad = parsed.isna() & ~empty
    if bad.any():  # a few rows in another layout: parse just those, one by one
        parsed.loc[bad] = _mixed(values[bad], dayfirst)
        bad = parsed.isna() & ~empty
    return parsed.astype("datetime64[ns]"), bad


def _with_format(values: pd.Series, first: str, dayfirst: bool) -> pd.Series:
    fmt = guess_datetime_format(first, dayfirst=dayfirst)
    if fmt is None and re.fullmatch(r"\d{8}", first):
        fmt = "%Y%m%d"
    if fmt is None:
        return _mixed(values, dayfirst)
    return pd.to_datetime(values, format=fmt, errors="coerce")


def _mixed(values: pd.Series, dayfirst: bool) -> pd.Series:
    numeric = values.str.fullmatch(r"[\d.\-]+") & ~values.str.fullmatch(r"\d{4}-\d{1,2}(-\d{1,2})?")
    out = pd.to_datetime(values.where(~numeric), format="mixed", dayfirst=dayfirst,
                         errors="coerce")
    if getattr(out.dt, "tz", None) is not None:
        out = out.dt.tz_localize(None)
    return out


def date_share(values: pd.Series) -> float:
    """Share of non-empty values that parse as dates (used to find the date column)."""
    sample = values[values.astype(str).str.strip() != ""].head(200)
    if sample.empty or sample.str.fullmatch(r"-?[\d.,]+").mean() > 0.5:
        return 0.0
    _, bad = parse_dates(sample)
    return float(1 - bad.mean())


def number_share(values: pd.Series, decimal: str = ".") -> float:
    """Share of non-empty values that are numbers."""
    sample = values[values.astype(str).str.strip() != ""].head(200)
    if sample.empty:
        return 0.0
    _, bad = parse_numbers(sample, decimal)
    return float(1 - bad.mean())


def is_integer_like(numbers: pd.Series) -> bool:
    finite = numbers.dropna()
    return bool(len(finite)) and bool(np.allclose(finite, np.round(finite)))
