"""Dates far away from the bulk of the data: a mistyped year (2030 or 2199 in 2011 data, 1900).

One such row stretches every product's daily grid from its first sale to the stray date (a
2-day file with one 2030 row became 11.5 million rows). The rule starts from the middle half of
the rows (row-weighted quartiles of the dates, which a few stray rows cannot move) and grows that
span outwards over the sorted distinct days while the next gap is at most twice the span reached
so far, and never less than a year (a shop closed for a season, or for a few months, keeps its
history). Days beyond a larger gap are set aside and named; the user fixes or keeps them.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.data.problem_texts import warning
from core.errors import Problem
from core.schema import DS

MAX_NAMED = 5  # rows named one by one in the warning; the rest are counted
MIN_GAP_DAYS = 366  # a gap up to a year is always believable (seasonal shops, closures)


def far_from_bulk(dates: pd.Series) -> np.ndarray:
    """Boolean mask of the rows whose date lies beyond a gap far larger than the data's span."""
    valid = dates.notna().to_numpy()
    days = np.zeros(len(dates), dtype=np.int64)
    days[valid] = dates[valid].to_numpy().astype("datetime64[D]").astype(np.int64)
    distinct, counts = np.unique(days[valid], return_counts=True)
    if len(distinct) < 2:
        return np.zeros(len(dates), dtype=bool)
    cumulative = np.cumsum(counts)
    left = int(np.searchsorted(cumulative, 0.25 * cumulative[-1]))
    right = int(np.searchsorted(cumulative, 0.75 * cumulative[-1]))
    gaps = np.diff(distinct)  # gaps[i] lies between distinct[i] and distinct[i + 1]
    grown = True
    while grown:
        grown = False
        while right + 1 < len(distinct) and gaps[right] <= _allowed(distinct, left, right):
            right += 1
            grown = True
        while left > 0 and gaps[left - 1] <= _allowed(distinct, left, right):
            left -= 1
            grown = True
    return valid & ((days < distinct[left]) | (days > distinct[right]))


def _allowed(distinct: np.ndarray, left: int, right: int) -> int:
    return max(2 * int(distinct[right] - distinct[left]), MIN_GAP_DAYS)


def set_aside_far_dates(path: str, lines: pd.DataFrame, line_of
                        ) -> tuple[pd.DataFrame, int, list[Problem]]:
    """(lines without dates far from the bulk, how many were set aside, a warning naming them).

    `line_of` maps a row's index label to the line the user sees in the file."""
    far = far_from_bulk(lines[DS])
    if not far.any():
        return lines, 0, []
    kept = lines.loc[~far]
    aside = lines.loc[far, DS]
    listed = ", ".join(f"{line_of(label)} ({stamp:%Y-%m-%d})"
                       for label, stamp in aside.head(MAX_NAMED).items())
    more = len(aside) - MAX_NAMED
    fields = {"count": f"{len(aside):,}", "first": f"{kept[DS].min():%Y-%m-%d}",
              "last": f"{kept[DS].max():%Y-%m-%d}", "rows": listed}
    problem = warning("import.far_dates_more" if more > 0 else "import.far_dates",
                      hint_key="import.far_dates.hint", file=path,
                      row=line_of(aside.index[0]), **fields,
                      **({"more": f"{more:,}"} if more > 0 else {}))
    return kept, int(far.sum()), [problem]
