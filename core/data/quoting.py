"""Runaway quoted fields: one stray quote makes the CSV parser swallow the following lines.

A quote that opens a field and is closed only lines later (or never) turns those lines into one
cell: a 6-line file gave 3 products without a warning, and the fuzz lost 66 and 265 of 4,999 rows.
A quoted cell may hold a line break (a description over two lines), so the sign is a line inside
a cell that holds a whole row of values: as many separators as the header has, less one.
"""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from core.data.error_texts import fail
from core.errors import InputError

_HINT = ("Remove the stray quote or close it (a quote inside a value is written twice: \"\"), "
         "then import the file again.")


def check_runaway_quotes(path: Path, frame: pd.DataFrame, delim: str, first_line: int
                         ) -> np.ndarray:
    """The line breaks inside each row's cells; InputError naming the line where a quoted
    field swallowed whole rows.

    `first_line` is the 1-based line of the first data row."""
    columns = [c for c in frame.columns if frame[c].dtype == object]
    breaks = np.zeros(len(frame), dtype=np.int64)  # line breaks inside each row's cells
    runaway = np.zeros(len(frame), dtype=bool)
    if not columns or len(frame.columns) < 2:
        return breaks
    whole_row = re.compile(f"(?:[^\n]*{re.escape(delim)}){{{len(frame.columns) - 1}}}")
    for column in columns:
        cells = frame[column].astype(str)
        multi = cells.str.contains("\n", regex=False).to_numpy()
        if not multi.any():
            continue
        breaks[multi] += cells[multi].str.count("\n").to_numpy()
        tails = cells[multi].str.split("\n", n=1).str[1]
        runaway[multi] |= tails.str.split("\n").map(
            lambda lines: any(whole_row.match(line) for line in lines)).to_numpy(bool)
    if runaway.any():
        at = int(np.flatnonzero(runaway)[0])
        line = first_line + at + int(breaks[:at].sum())
        raise fail(path, "error.quote_runaway", row=line)
    return breaks


def unclosed_quote_problem(path: Path, message: str, skip: int) -> InputError | None:
    """The parser's "EOF inside string starting at row N" as a problem naming the line."""
    found = re.search(r"EOF inside string starting at row (\d+)", message)
    if not found:
        return None
    return fail(path, "error.quote_open", row=int(found.group(1)) + 1 + skip)
