"""Turning raw strings into numbers and dates, vectorised, with what could not be parsed.

Numbers: a dot or a comma as decimal mark (detected from the values, overridable), thousands
separators, currency signs and spaces are accepted, and so are the negatives of accounting
exports: (3) in Excel's accounting format, 3- from SAP. Dates: ISO, day-first or month-first
(detected from values such as 13/01 or 01/13, overridable), with or without time; a time-zone
offset is dropped so each order keeps the shop's local wall-clock date.
"""
from __future__ import annotations

import re
import warnings

import numpy as np
import pandas as pd
from pandas.tseries.api import guess_datetime_format

_CURRENCY = r"[£$€¥￥₹]|EUR|USD|GBP|CNY|RMB|元"
_COMMA_DECIMAL = re.compile(r"^-?\d{1,3}(\.\d{3})*,\d+$|^-?\d+,\d{1,2}$")
_DOT_DECIMAL = re.compile(r"^-?\d{1,3}(,\d{3})*\.\d+$|^-?\d+\.\d+$")
# A number whose other mark groups thousands: 1.234.567,5 (decimal comma), 1,234,567.5 (point).
_GROUPED = {",": r"[-+]?\d{1,3}(?:\.\d{3})+(?:,\d*)?", ".": r"[-+]?\d{1,3}(?:,\d{3})+(?:\.\d*)?"}
# (3) or 3- (digits, grouping and decimal marks only): a negative number in accounting exports.
_ACCOUNTING_NEGATIVE = r"^\((\d[\d.,]*)\)$|^(\d[\d.,]*)-$"
_TZ_SUFFIX = r"(?<=\d)\s*(?:Z|[+-]\d{2}(?::?\d{2})?|UTC|GMT)$"
# Byte-order mark (U+FEFF, e.g. where two exported files were joined), zero-width space,
# non-joiner and joiner, word joiner, soft hyphen: never part of a code, a date or a number.
INVISIBLE = "[\ufeff\u200b\u200c\u200d\u2060\u00ad]"
EARLIEST, LATEST = pd.Timestamp("1900-01-01"), pd.Timestamp("2199-12-31")
# Excel counts days from 1899-12-30; its day numbers of 1954-10-03 .. 2119-01-10 (five digits).
EXCEL_EPOCH, EXCEL_DAYS = pd.Timestamp("1899-12-30"), (20_000, 80_000)
_DAY_NUMBER = r"\d{5}(?:\.\d+)?"
_SLASHED = re.compile(r"^\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2,4})")
# Year first (2024-01-31, 2024/01/31): always year-month-day, whatever the other rows' order.
_YEAR_FIRST = r"^\s*\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)"


def spread_sample(values: pd.Series, n: int) -> pd.Series:
    """At most `n` values picked evenly over the whole column, never just its first rows.

    A product first sold months into the file must count when a column's role is decided.
    """
    if len(values) <= n:
        return values
    return values.iloc[np.unique(np.linspace(0, len(values) - 1, n).astype(np.int64))]


def detect_decimal(values: pd.Series) -> str:
    """',' if the values use a decimal comma (1,5 or 1.234,50), else '.'."""
    sample = values[values != ""].astype(str)
    sample = sample.str.replace(_CURRENCY, "", regex=True).str.replace(r"[\s\u00a0]", "",
                                                                       regex=True)
    commas = sample.str.match(_COMMA_DECIMAL.pattern).sum()
    dots = sample.str.match(_DOT_DECIMAL.pattern).sum()
    return "," if commas > dots else "."


def distinct(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """(codes, distinct values): parse each distinct cell once, then spread with `codes`.

    Exports repeat the same dates, quantities and prices over and over, so this turns a
    million parses into a few thousand.
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = values.cat.codes.to_numpy()
        uniques = pd.Series(values.cat.categories, dtype=object)
    else:
        codes, uniques = pd.factorize(values.to_numpy(dtype=object))
        uniques = pd.Series(uniques, dtype=object)
    if (codes < 0).any():  # missing cells count as empty text
        codes = np.where(codes < 0, len(uniques), codes)
        uniques = pd.concat([uniques, pd.Series([""], dtype=object)], ignore_index=True)
    return codes, uniques


def spread(codes: np.ndarray, parsed: pd.Series, index: pd.Index) -> pd.Series:
    """The inverse of `distinct`: one value per original row."""
    return pd.Series(parsed.to_numpy()[codes], index=index)


def text_categories(values: pd.Series) -> pd.Series:
    """Stripped text as a categorical column (cheap to group and compare on long exports)."""
    codes, uniques = distinct(values)
    small = pd.Categorical(uniques.astype(str).str.strip())
    return pd.Series(pd.Categorical.from_codes(small.codes[codes], categories=small.categories),
                     index=values.index)


def per_distinct(values: pd.Series, rule) -> pd.Series:
    """`rule` (Series -> Series) evaluated once per distinct value, spread to every row."""
    codes, uniques = distinct(values)
    return spread(codes, rule(uniques.astype(str)), values.index)


def parse_numbers(values: pd.Series, decimal: str = ".") -> tuple[pd.Series, pd.Series]:
    """(floats, mask of non-empty cells that are not numbers). Empty cells become NaN."""
    codes, uniques = distinct(values)
    numbers, bad = _parse_numbers(uniques, decimal)
    return spread(codes, numbers, values.index), spread(codes, bad, values.index)


def decimal_conflicts(values: pd.Series, decimal: str) -> pd.Series:
    """Mask of cells whose other mark is not thousands grouping: 43.0 with a decimal comma
    (read as 430) or 2,5 with a decimal point (read as 25)."""
    return per_distinct(values, lambda u: _conflicts(_bare(u), decimal)).astype(bool)


def _bare(values: pd.Series) -> pd.Series:
    """Without currency signs and spaces, accounting negatives with a leading minus (as numbers
    are read)."""
    bare = values.str.replace(_CURRENCY, "", regex=True).str.replace(
        rf"[\s\u00a0']|{INVISIBLE}", "", regex=True)
    return bare.str.replace(_ACCOUNTING_NEGATIVE, r"-\1\2", regex=True)


def _conflicts(cleaned: pd.Series, decimal: str) -> pd.Series:
    grouping = "." if decimal == "," else ","
    return (cleaned.str.contains(grouping, regex=False)
            & ~cleaned.str.fullmatch(_GROUPED[decimal]))


def _parse_numbers(values: pd.Series, decimal: str) -> tuple[pd.Series, pd.Series]:
    values = values.astype(str).str.replace(INVISIBLE, "", regex=True)
    empty = values.str.strip() == ""
    if decimal == ".":
        fast = pd.to_numeric(values, errors="coerce").astype(float)
        if not (fast.isna() & ~empty).any() and np.isfinite(fast[~empty]).all():
            return fast, pd.Series(False, index=values.index)
    cleaned = _bare(values)
    conflicting = _conflicts(cleaned, decimal)  # never guess: 43.0 is not 430
    if decimal == ",":
        cleaned = cleaned.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        cleaned = cleaned.str.replace(",", "", regex=False)
    numbers = pd.to_numeric(cleaned, errors="coerce").astype(float)
    numbers = numbers.where(np.isfinite(numbers) & ~conflicting)  # "inf" is not a quantity
    return numbers, numbers.isna() & ~empty


def detect_dayfirst(values: pd.Series) -> bool | None:
    """True/False when slashed or dotted dates show which field is the day; None if unclear.

    Decided from every distinct value of the column: one 13/01 in row 90,000 counts."""
    parts = _slashed_parts(values)
    if parts is None:
        return None
    first, second = parts
    if (first > 12).any() and not (second > 12).any():
        return True
    if (second > 12).any() and not (first > 12).any():
        return False
    return None


def day_order_unclear(values: pd.Series) -> bool:
    """True when some dates are written like 01/02/2024 and none shows which field is the day."""
    parts = _slashed_parts(values)
    return parts is not None and not ((parts[0] > 12).any() or (parts[1] > 12).any())


def _slashed_parts(values: pd.Series) -> tuple[pd.Series, pd.Series] | None:
    """(first, second) numbers of the distinct slashed or dotted dates; None if there are none."""
    _, uniques = distinct(values)
    parts = uniques.astype(str).str.extract(_SLASHED)
    if parts.empty or parts[0].isna().all():
        return None
    parts = parts.dropna()
    return pd.to_numeric(parts[0]), pd.to_numeric(parts[1])


def parse_dates(values: pd.Series, dayfirst: bool | None = None) -> tuple[pd.Series, pd.Series]:
    """(naive timestamps, mask of non-empty cells that are not dates). Excel day numbers
    (`excel_day_numbers`) are dates too."""
    codes, uniques = distinct(values)
    if dayfirst is None:
        dayfirst = bool(detect_dayfirst(_visible(uniques)))
    dates, bad = _parse_dates(uniques, dayfirst)
    if bad.any():
        days = _day_numbers(uniques[bad])
        dates.loc[days.index] = dates.loc[days.index].fillna(days)
        bad = bad & dates.isna()
    return (spread(codes, dates, values.index).astype("datetime64[ns]"),
            spread(codes, bad, values.index).astype(bool))


def excel_day_numbers(values: pd.Series) -> pd.Series:
    """Mask of cells that are Excel day numbers (44946 = 2023-01-20): a date cell that lost its
    date format in a spreadsheet shows one. Five digits, optionally a time fraction, 1954-2119."""
    return per_distinct(values, lambda u: _day_numbers(u).reindex(u.index).notna())


def _day_numbers(values: pd.Series) -> pd.Series:
    text = _visible(values)
    days = pd.to_numeric(text.where(text.str.fullmatch(_DAY_NUMBER)), errors="coerce")
    days = days[(days >= EXCEL_DAYS[0]) & (days <= EXCEL_DAYS[1])]
    return (EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).astype("datetime64[ns]")


def _visible(values: pd.Series) -> pd.Series:
    """As text, without invisible characters and surrounding spaces."""
    return values.astype(str).str.replace(INVISIBLE, "", regex=True).str.strip()


def _parse_dates(values: pd.Series, dayfirst: bool) -> tuple[pd.Series, pd.Series]:
    values = _visible(values)
    empty = values == ""
    if not (~empty).any():
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]"), ~empty
    if values.str.contains("年", regex=False).any():  # 2024年1月5日 -> 2024-1-5
        values = values.str.replace(r"(\d)\s*[年月]\s*(?=\d)", r"\1-", regex=True).str.replace(
            r"(\d)\s*日", r"\1", regex=True)
    if _has_zone(spread_sample(values[~empty], 1000)):
        values = _strip_zone(values)
    # Year-first dates and the others are parsed apart: a format guessed with dayfirst from
    # 2024-01-05 is %Y-%d-%m, which swapped day and month of ISO dates mixed with 13/01/2024.
    year_first = values.str.match(_YEAR_FIRST) & ~empty
    parsed = pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")
    for group, order in ((year_first, False), (~year_first & ~empty, dayfirst)):
        if group.any():
            cells = values[group]
            dated = cells[~cells.str.fullmatch(_DAY_NUMBER)]  # the format from a real date
            first = dated.iloc[0] if len(dated) else cells.iloc[0]
            parsed.loc[group] = _with_format(cells, first, order)
            bad = group & parsed.isna()
            if bad.any():  # a few rows in another layout: parse just those, one by one
                parsed.loc[bad] = _mixed(values[bad], order)
    return parsed, parsed.isna() & ~empty


def _with_format(values: pd.Series, first: str, dayfirst: bool) -> pd.Series:
    with warnings.catch_warnings():  # "dayfirst ignored for ISO dates": that is what we want
        warnings.simplefilter("ignore", UserWarning)
        fmt = guess_datetime_format(first, dayfirst=dayfirst)
    if fmt is None and re.fullmatch(r"\d{8}", first):
        fmt = "%Y%m%d"
    if fmt is None:
        return _mixed(values, dayfirst)
    return _to_naive(values, format=fmt)


def _to_naive(values: pd.Series, **how) -> pd.Series:
    """pandas.to_datetime, always naive datetime64[ns]; anything unusable becomes NaT."""
    try:
        out = pd.to_datetime(values, errors="coerce", **how)
        if isinstance(out.dtype, pd.DatetimeTZDtype):
            out = out.dt.tz_localize(None)  # the wall-clock time where the order was made
        if not pd.api.types.is_datetime64_dtype(out.dtype):
            raise TypeError("not dates")
        out = out.where((out >= EARLIEST) & (out <= LATEST))  # typos such as 0024 or 20245
        return out.astype("datetime64[ns]")
    except (ValueError, TypeError, OverflowError):  # e.g. zones pandas cannot reconcile
        return pd.Series(pd.NaT, index=values.index, dtype="datetime64[ns]")


def _has_zone(values: pd.Series) -> bool:
    return bool(values.str.contains(":").any() and values.str.contains(_TZ_SUFFIX).any())


def _strip_zone(values: pd.Series) -> pd.Series:
    """Drop a time-zone suffix after a time: keep the local wall-clock date of each order."""
    timed = values.str.contains(":", regex=False)
    return values.where(~timed, values.str.replace(_TZ_SUFFIX, "", regex=True))


def _mixed(values: pd.Series, dayfirst: bool) -> pd.Series:
    values = _strip_zone(values)
    numeric = values.str.fullmatch(r"[\d.\-]+") & ~values.str.fullmatch(r"\d{4}-\d{1,2}(-\d{1,2})?")
    return _to_naive(values.where(~numeric), format="mixed", dayfirst=dayfirst)


def date_share(values: pd.Series) -> float:
    """Share of non-empty values that parse as dates (used to find the date column)."""
    sample = spread_sample(values[values.astype(str).str.strip() != ""], 200)
    if sample.empty or sample.str.fullmatch(r"-?[\d.,]+").mean() > 0.5:
        return 0.0
    _, bad = parse_dates(sample)
    return float(1 - bad.to_numpy().mean())


def number_share(values: pd.Series, decimal: str = ".") -> float:
    """Share of non-empty values that are numbers."""
    sample = spread_sample(values[values.astype(str).str.strip() != ""], 200)
    if sample.empty:
        return 0.0
    _, bad = parse_numbers(sample, decimal)
    return float(1 - bad.mean())


def is_integer_like(numbers: pd.Series) -> bool:
    finite = numbers.dropna()
    return bool(len(finite)) and bool(np.allclose(finite, np.round(finite)))
