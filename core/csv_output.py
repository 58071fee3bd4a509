"""The one CSV writer: every CSV Trendcast writes (CLI outputs, GUI exports, smoke mode) goes here.

Two promises, the same everywhere:
- Atomic: written to a temporary file beside the target and renamed (`core.atomic_write`), so a
  crash, a kill or a full disk never leaves half a file, and a failed write keeps the old one.
- Formula-safe: product titles and ids come from shop exports, so a text cell such as
  `=HYPERLINK(...)`, `@SUM(1)`, `+1` or `-1+1` must never run as a formula when the file is opened
  in a spreadsheet. Text cells starting with `=`, `+`, `-`, `@` (or a tab / carriage return, which
  some spreadsheets strip first) get a leading apostrophe, the OWASP advice for CSV injection.
  Number and date columns are written untouched.
"""
from __future__ import annotations

import os
from pathlib import Path

import pandas as pd

from core.atomic_write import atomic_open
from core.errors import TrendcastError

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: object) -> object:
    """A text cell that a spreadsheet could read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_frame(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and header) neutralised; number and date columns are left
    alone, so their values are written exactly as before."""
    out = frame.copy()
    for column in out.columns:
        if not (pd.api.types.is_numeric_dtype(out[column])
                or pd.api.types.is_datetime64_any_dtype(out[column])):
            out[column] = out[column].map(neutralise)
    out.columns = [neutralise(c) for c in out.columns]
    return out


def write_csv(path: str | os.PathLike, frame: pd.DataFrame, *, bom: bool = False,
              date_format: str | None = None) -> None:
    """Write `frame` to `path` atomically with formula-safe text cells.

    `bom`: start with a UTF-8 byte-order mark (for files meant for spreadsheets, which otherwise
    misread non-English titles); the CLI writes plain UTF-8 for scripts. Raises TrendcastError
    naming the file when it cannot be written.
    """
    folder = Path(path).resolve().parent
    if not folder.is_dir():
        raise TrendcastError(f"Could not write {path}: the folder {folder} does not exist.")
    try:
        with atomic_open(path, "w", encoding="utf-8-sig" if bom else "utf-8",
                         newline="") as handle:
            neutralise_frame(frame).to_csv(handle, index=False, date_format=date_format)
    except OSError as exc:
        raise TrendcastError(f"Could not write {path}: {exc.strerror or exc}.") from exc


def print_csv(frame: pd.DataFrame, stream, *, date_format: str | None = None) -> None:
    """The same formula-safe CSV to an open text stream (a CLI command printing to stdout)."""
    neutralise_frame(frame).to_csv(stream, index=False, date_format=date_format,
                                   lineterminator="\n")
