"""Reading a file into a table of raw strings: container, encoding, delimiter and header row.

Every cell comes back as a `str` ("" when empty) so that later stages decide what a value means
(a product code like `00123` or `NA` must survive). Nothing here runs code from the file: CSV goes
through pandas' C parser, Excel through openpyxl (macros are never evaluated).
"""
from __future__ import annotations

import codecs
import csv
import io
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from core.data.error_texts import fail
from core.data.excel import read_workbook
from core.data.problem_texts import warning
from core.data.quoting import check_runaway_quotes, unclosed_quote_problem
from core.data.sniffing import (
    ENCODING_NAMES,
    SNIFF_BYTES,
    ZIP_MAGIC,
    decode,
    read_bytes,
    reject_non_text,
    sniff_delimiter,
)
from core.errors import InputError, Problem

PREVIEW_BYTES = 2 * 1024 * 1024


@dataclass
class RawTable:
    """A file's cells as strings, with what was found out while reading it."""

    frame: pd.DataFrame
    encoding: str | None = None
    delimiter: str | None = None
    header_line: int = 1  # 1-based line of the header; data row i sits on header_line + 1 + i
    problems: list[Problem] = field(default_factory=list)
    sheets: list[str] = field(default_factory=list)  # a workbook's sheets (empty for text)
    sheet: str | None = None  # the sheet read
    # The line each row starts on, when cells hold line breaks (else header_line + 1 + index).
    row_lines: np.ndarray | None = None

    def line_of(self, index: int) -> int:
        """The 1-based line (as a spreadsheet shows it) of the data row at position `index`."""
        if self.row_lines is not None:
            return int(self.row_lines[int(index)])
        return self.header_line + 1 + int(index)


def read_table(path: Path | str, *, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | None = None, nrows: int | None = None) -> RawTable:
    """Read `path` (CSV/TSV/semicolon text, optionally gzipped, or .xlsx) into a RawTable.

    With `nrows` only the start of the file is read (for previews).
    """
    path = Path(path).expanduser()
    try:
        return _read_table(path, encoding, delimiter, sheet, nrows)
    except OSError as exc:  # permissions, a file locked by another program, a vanished drive
        raise fail(path, "error.unreadable", error=str(exc.strerror or exc)) from None


def _read_table(path: Path, encoding: str | None, delimiter: str | None, sheet: str | None,
                nrows: int | None) -> RawTable:
    if not path.exists():
        raise fail(path, "error.missing")
    if path.is_dir():
        raise fail(path, "error.folder")
    head = _open_head(path)
    if head.startswith(ZIP_MAGIC):
        return _read_excel(path, sheet, nrows)
    data = read_bytes(path, PREVIEW_BYTES if nrows else None)
    truncated = nrows is not None and len(data) >= PREVIEW_BYTES
    reject_non_text(path, data)
    text, used = decode(path, data, encoding, truncated)
    problems = []
    if not encoding and used in ENCODING_NAMES:
        problems.append(warning("import.not_utf8", file=str(path),
                                encoding=ENCODING_NAMES[used]))
    if truncated:  # drop a possibly cut last line
        text = text[: text.rfind("\n") + 1] or text
    if text.startswith("\ufeff"):
        text = text[1:]
    # pandas' C parser reads UTF-8 bytes fastest; other encodings are converted once.
    if used in ("utf-8", "utf-8-sig") and not truncated:
        source = data[3:] if data.startswith(codecs.BOM_UTF8) else data
    else:
        source = text.encode("utf-8")
    head = text[:SNIFF_BYTES]
    del text, data
    table = _parse_text(path, head, source, used, delimiter, nrows)
    table.problems[:0] = problems
    return table


def _open_head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(8)


def _parse_text(path: Path, head: str, source: bytes, encoding: str, delimiter: str | None,
                nrows: int | None) -> RawTable:
    """Parse UTF-8 `source`; `head` (its decoded start) is used to sniff the layout."""
    lines = [ln for ln in head.splitlines()[:60] if ln.strip()]
    if not lines:
        raise fail(path, "error.empty")
    sniffed, fields, header = sniff_delimiter(lines)
    delim = delimiter or sniffed
    if fields < 2 and not delimiter:
        raise fail(path, "error.one_column")
    skip = _lines_before(head, lines[header]) if header else 0
    options = dict(sep=delim, dtype=object, keep_default_na=False, skiprows=skip, nrows=nrows,
                   skip_blank_lines=False, index_col=False, encoding="utf-8")
    try:
        with warnings.catch_warnings():  # pandas would drop surplus values with a warning
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(io.BytesIO(source), **options)
    except pd.errors.ParserWarning:
        problem = _surplus_problem(path, source.decode("utf-8"), delim, skip)
        if problem:
            raise problem from None
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.ParserWarning)
            frame = pd.read_csv(io.BytesIO(source), **options)
    except pd.errors.EmptyDataError:
        raise fail(path, "error.empty") from None
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise _parser_problem(path, exc, skip) from None
    lines_of_rows = None
    if source.count(b"\n") > skip + 1 + len(frame):  # some cell holds a line break
        breaks = check_runaway_quotes(path, frame, delim, skip + 2)
        lines_of_rows = skip + 2 + np.arange(len(frame)) + np.cumsum(breaks) - breaks
    frame = _tidy(frame)
    problems = []
    if skip:
        problems.append(warning("import.skipped_lines", file=str(path), row=skip + 1,
                                lines=str(skip)))
    return RawTable(frame, encoding, delim, skip + 1, problems, row_lines=lines_of_rows)


def _lines_before(text: str, header_line: str) -> int:
    """How many physical lines precede the header (blank ones included)."""
    pos = text.find(header_line)
    return text.count("\n", 0, pos) if pos > 0 else 0


def _parser_problem(path: Path, exc: Exception, skip: int) -> InputError:
    unclosed = unclosed_quote_problem(path, str(exc), skip)
    if unclosed:
        return unclosed
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
    if found:
        want, line, saw = (int(g) for g in found.groups())
        return fail(path, "error.row_width", saw=str(saw), want=str(want), row=line + skip)
    return fail(path, "error.table", error=str(exc).splitlines()[0])


def _surplus_problem(path: Path, text: str, delim: str, skip: int) -> InputError | None:
    """The first row with more (non-empty) values than column names, if any."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=delim)
    want = 0
    try:
        for line, row in enumerate(rows, start=1):
            if line == skip + 1:
                want = len(row)
            elif line > skip + 1 and len(row) > want and any(v.strip() for v in row[want:]):
                return fail(path, "error.row_width", saw=str(len(row)), want=str(want),
                            row=line)
    except csv.Error as exc:
        return fail(path, "error.table_quoting", error=str(exc))
    return None  # only empty values at the ends of rows: safe to drop


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Strip column names, drop unnamed empty columns and fully blank rows; "" for missing."""
    frame.columns = [str(c).strip() for c in frame.columns]
    if len(frame.columns) and frame.iloc[:, -1].isna().any():  # short rows end in NaN
        frame = frame.fillna("")
    empty = [c for c in frame.columns
             if c.startswith("Unnamed:") and not (frame[c] != "").any()]
    if empty:
        frame = frame.drop(columns=empty)
    if len(frame.columns):
        maybe = (frame.iloc[:, 0] == "").to_numpy()  # check the other columns only there
        if maybe.any():
            blank = np.zeros(len(frame), dtype=bool)
            blank[maybe] = (frame.loc[maybe] == "").all(axis=1).to_numpy()
            if blank.any():
                frame = frame.loc[~blank]
    return frame


def _read_excel(path: Path, sheet: str | None, nrows: int | None) -> RawTable:
    table = read_workbook(path, sheet, nrows)
    return RawTable(_tidy(table.frame), None, None, table.header_line, table.problems,
                    table.sheets, table.sheet)
