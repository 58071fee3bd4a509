"""Reading an .xlsx workbook into a table of raw strings, with memory bounded by its filled cells.

openpyxl streams the sheet (read-only mode, formulas' cached values, macros never run); only the
filled cells are kept. pandas' `read_excel` builds the sheet's whole rectangle, so a 5 KB file
with one value in XFD1048576 took ~7.9 GB before failing. Rows keep their spreadsheet numbers,
so problems name the row the user sees.

Which sheet: the one asked for; else the first that holds a table (a header and a row), so data
on the second sheet of a workbook whose first is empty or a note is found. The other sheets are
listed in a warning, with whether they hold data and whether it has the same columns (a history
split over sheets would otherwise load in part without a word).
"""
from __future__ import annotations

import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import openpyxl
import pandas as pd

from core.data.error_texts import fail
from core.errors import InputError, Problem

PEEK_ROWS = 50  # rows looked at to tell whether another sheet holds a table


@dataclass
class SheetTable:
    """One sheet's cells as strings (index: spreadsheet row - header_line - 1)."""

    frame: pd.DataFrame
    header_line: int  # spreadsheet row of the column names
    problems: list[Problem]
    sheets: list[str]  # every sheet of the workbook, in order
    sheet: str  # the one read


def read_workbook(path: Path, sheet: str | None, nrows: int | None) -> SheetTable:
    """`sheet` (or the first sheet with a table); `nrows` limits the rows for previews."""
    _check_container(path)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types on damaged files
        raise fail(path, "error.excel", error=type(exc).__name__) from None
    try:
        names = list(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise fail(path, "error.no_sheet", sheet=str(sheet), sheets=_quoted(names))
        chosen = sheet or next((n for n in names if _holds_table(book[n])), names[0])
        limit = None if nrows is None else nrows + 30
        rows = _filled_cells(book[chosen], limit)
        others = {n: _peek(book[n]) for n in names if n != chosen}
    except InputError:
        raise
    except Exception as exc:
        raise fail(path, "error.excel", error=type(exc).__name__) from None
    finally:
        book.close()
    if not rows:
        raise fail(path, "error.empty_sheet", sheet=str(chosen))
    header_row, header = _header(rows)
    width = max(max(cells) for cells in rows.values()) + 1
    columns = _unique([str(header.get(i, "")).strip() or f"Unnamed: {i}" for i in range(width)])
    below = {r: cells for r, cells in rows.items() if r > header_row}
    frame = pd.DataFrame.from_dict(
        {r - header_row - 1: [_text(cells.get(i)) for i in range(width)]
         for r, cells in below.items()}, orient="index", columns=columns, dtype=object)
    if frame.empty:
        frame = pd.DataFrame(columns=columns, dtype=object)
    if nrows is not None:
        frame = frame.iloc[:nrows]
    problems = _other_sheets(path, chosen, others, list(header.values()))
    return SheetTable(frame, header_row, problems, names, chosen)


def _check_container(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        raise fail(path, "error.zip_damaged") from None
    if "xl/workbook.xml" not in names:
        raise fail(path, "error.zip")


def _filled_cells(sheet, limit: int | None = None) -> dict[int, dict[int, object]]:
    """spreadsheet row number -> {column index: value} of the non-empty cells only."""
    sheet.reset_dimensions()  # a stale or huge <dimension> must not pad every row
    rows: dict[int, dict[int, object]] = {}
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        cells = {i: v for i, v in enumerate(values) if v is not None and _text(v) != ""}
        if cells:
            rows[number] = cells
            if limit is not None and len(rows) > limit:
                break
    return rows


def _header(rows: dict[int, dict[int, object]]) -> tuple[int, dict[int, object]]:
    """The first row at least half as filled as the fullest one (titles above it have less)."""
    most = max(len(cells) for cells in rows.values())
    if most < 2:
        first = min(rows)
        return first, rows[first]
    number = next(r for r, cells in rows.items() if len(cells) >= max(2, most * 0.5))
    return number, rows[number]


def _holds_table(sheet) -> bool:
    return _peek(sheet) is not None


def _peek(sheet) -> list[str] | None:
    """The header of the table on `sheet` (its first rows), or None when it holds no table."""
    rows = _filled_cells(sheet, PEEK_ROWS)
    wide = {r: cells for r, cells in rows.items() if len(cells) >= 2}
    if len(wide) < 2:
        return None
    _, header = _header(wide)
    return [str(v).strip() for v in header.values()]


def _other_sheets(path: Path, chosen: str, others: dict[str, list[str] | None],
                  header: list[object]) -> list[Problem]:
    if not others:
        return []
    columns = [str(v).strip() for v in header]
    described = []
    for name, found in others.items():
        if found is None:
            described.append(f"'{name}' (no table)")
        elif found == columns:
            described.append(f"'{name}' (data with the same columns)")
        else:
            described.append(f"'{name}' (data)")
    with_data = [n for n, found in others.items() if found is not None]
    hint = ("Choose another sheet with --sheet or the Sheet box in the Import panel"
            + ("; if the history is split over sheets, copy it into one sheet first."
               if any(others[n] == columns for n in with_data) else "."))
    return [Problem(f"Read the sheet '{chosen}'; the workbook also has {', '.join(described)}.",
                    hint if with_data else "", file=str(path), severity="warning")]


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _quoted(names: list[str]) -> str:
    return ", ".join(f"'{n}'" for n in names)


def _unique(names: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        out.append(name if not seen[name] else f"{name}.{seen[name]}")
        seen[name] += 1
    return out
