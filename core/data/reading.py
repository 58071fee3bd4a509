"""Reading a file into a table of raw strings: container, encoding, delimiter and header row.

Every cell comes back as a `str` ("" when empty) so that later stages decide what a value means
(a product code like `00123` or `NA` must survive). Nothing here runs code from the file: CSV goes
through pandas' C parser, Excel through openpyxl (macros are never evaluated).
"""
from __future__ import annotations

import codecs
import csv
import gzip
import io
import re
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from core.errors import InputError, Problem

SNIFF_BYTES = 256 * 1024  # enough to guess encoding and delimiter, small enough to be instant
PREVIEW_BYTES = 2 * 1024 * 1024
DELIMITERS = (",", ";", "\t", "|")
_GZIP_MAGIC = b"\x1f\x8b"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls and other old Office files


@dataclass
class RawTable:
    """A file's cells as strings, with what was found out while reading it."""

    frame: pd.DataFrame
    encoding: str | None = None
    delimiter: str | None = None
    header_line: int = 1  # 1-based line of the header; data row i sits on header_line + 1 + i
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, index: int) -> int:
        """The 1-based line (as a spreadsheet shows it) of the data row at position `index`."""
        return self.header_line + 1 + int(index)


def fail(path: Path | str, message: str, hint: str = "", **where) -> InputError:
    """An InputError with one problem about `path` (use: `raise fail(...)`)."""
    return InputError([Problem(message, hint, file=str(path), **where)])


def read_table(path: Path | str, *, encoding: str | None = None, delimiter: str | None = None,
               sheet: str | None = None, nrows: int | None = None) -> RawTable:
    """Read `path` (CSV/TSV/semicolon text, optionally gzipped, or .xlsx) into a RawTable.

    With `nrows` only the start of the file is read (for previews).
    """
    path = Path(path)
    if not path.exists():
        raise fail(path, "The file does not exist.", "Check the path and the file name.")
    if path.is_dir():
        raise fail(path, "This is a folder, not a file.", "Choose a sales file inside it.")
    head = _open_head(path)
    if head.startswith(_ZIP_MAGIC):
        return _read_excel(path, sheet, nrows)
    data = _read_bytes(path, PREVIEW_BYTES if nrows else None)
    truncated = nrows is not None and len(data) >= PREVIEW_BYTES
    _reject_non_text(path, data)
    text, used = _decode(path, data, encoding, truncated)
    if truncated:  # drop a possibly cut last line
        text = text[: text.rfind("\n") + 1] or text
    return _parse_text(path, text, used, delimiter, nrows)


def _open_head(path: Path) -> bytes:
    with path.open("rb") as fh:
        return fh.read(8)


def _read_bytes(path: Path, limit: int | None) -> bytes:
    with path.open("rb") as fh:
        raw = fh.read(limit if limit else -1)
    if not raw.startswith(_GZIP_MAGIC):
        return raw
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read(limit if limit else -1)
    except (OSError, EOFError, zlib.error) as exc:
        if limit:  # a preview may stop inside a damaged tail; read what we can
            return _gunzip_partial(raw)
        raise fail(path, f"The compressed file is damaged ({exc}).",
                   "Download or export the file again.") from None


def _gunzip_partial(raw: bytes) -> bytes:
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw)
    except zlib.error:
        return b""


def _reject_non_text(path: Path, data: bytes) -> None:
    if not data.strip():
        raise fail(path, "The file is empty.", "Export the sales history again; the file has "
                   "no rows.")
    if data.startswith(_OLE_MAGIC):
        raise fail(path, "This is an old Excel (.xls) or other Office file, which is not read.",
                   "Open it in Excel or LibreOffice and save it as .xlsx or CSV.")
    if data.startswith(b"%PDF"):
        raise fail(path, "This is a PDF document, not a table.",
                   "Export the sales as CSV or Excel from your shop system.")
    sample = data[:8192]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    if b"\x00" in sample or controls > len(sample) * 0.02:
        raise fail(path, "This is a binary file, not a table of text.",
                   "Choose a CSV, TSV or .xlsx export of your sales.")
    start = sample.lstrip()[:15].lower()
    if start.startswith((b"<!doctype", b"<html", b"<?xml")):
        raise fail(path, "This is a web page or XML document, not a table.",
                   "Save the sales as CSV or Excel instead.")
    if start.startswith((b"{", b"[")):
        raise fail(path, "This looks like JSON, not a table.",
                   "Export the sales as CSV or Excel instead.")


def _decode(path: Path, data: bytes, forced: str | None, truncated: bool) -> tuple[str, str]:
    if forced:
        try:
            return data.decode(forced, errors="replace" if truncated else "strict"), forced
        except (LookupError, UnicodeDecodeError) as exc:
            raise fail(path, f"The file cannot be read as {forced} ({exc}).",
                       "Choose another encoding, or leave it on automatic.") from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    candidates = ["utf-8", _guess_encoding(data), "cp1252", "latin-1"]
    for name in dict.fromkeys(c for c in candidates if c):
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            if truncated and exc.start >= len(data) - 4:  # a character cut by the preview
                return data[: exc.start].decode(name, errors="replace"), name
    return data.decode("latin-1"), "latin-1"  # unreachable: latin-1 decodes any bytes


def _guess_encoding(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:SNIFF_BYTES]).best()
    if best is None:
        return None
    name = best.encoding.lower().replace("_", "-")
    if name in ("gb2312", "gbk", "hz", "gb18030", "iso2022-cn"):
        return "gb18030"  # the superset: decodes whatever GB2312/GBK does
    return name


def sniff_delimiter(lines: list[str]) -> tuple[str, int, int]:
    """(delimiter, fields per row, index of the header line) from the first lines of a text."""
    best = (0.0, 0, ",", 1, 0)
    for delim in DELIMITERS:
        counts = [len(row) for row in csv.reader(lines, delimiter=delim)]
        if not counts:
            continue
        mode, hits = Counter(counts).most_common(1)[0]
        if mode < 2:
            continue
        header = next(i for i, c in enumerate(counts) if c == mode)
        score = (hits / len(counts), mode)
        if score > best[:2]:
            best = (*score, delim, mode, header)
    return best[2], best[3], best[4]


def _parse_text(path: Path, text: str, encoding: str, delimiter: str | None,
                nrows: int | None) -> RawTable:
    if text.startswith("\ufeff"):
        text = text[1:]
    lines = [ln for ln in text[:SNIFF_BYTES].splitlines()[:60] if ln.strip()]
    if not lines:
        raise fail(path, "The file is empty.", "Export the sales history again.")
    sniffed, fields, header = sniff_delimiter(lines[:-1] if len(lines) > 2 else lines)
    delim = delimiter or sniffed
    if fields < 2 and not delimiter:
        raise fail(path, "This is not a table: no line has more than one column.",
                   "A sales file needs at least a date column and a quantity column, separated "
                   "by commas, semicolons or tabs.")
    skip = _lines_before(text, lines[header]) if header else 0
    try:
        frame = pd.read_csv(io.StringIO(text), sep=delim, dtype=str, keep_default_na=False,
                            skiprows=skip, nrows=nrows, skip_blank_lines=True,
                            index_col=False)
    except pd.errors.EmptyDataError:
        raise fail(path, "The file is empty.", "Export the sales history again.") from None
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        raise _parser_problem(path, exc, skip) from None
    frame = _tidy(frame)
    problems = []
    if skip:
        problems.append(Problem(f"Skipped {skip} line(s) above the column names.",
                                file=str(path), row=skip + 1, severity="warning"))
    return RawTable(frame, encoding, delim, skip + 1, problems)


def _lines_before(text: str, header_line: str) -> int:
    """How many physical lines precede the header (blank ones included)."""
    pos = text.find(header_line)
    return text.count("\n", 0, pos) if pos > 0 else 0


def _parser_problem(path: Path, exc: Exception, skip: int) -> InputError:
    found = re.search(r"Expected (\d+) fields in line (\d+), saw (\d+)", str(exc))
    if found:
        want, line, saw = (int(g) for g in found.groups())
        return fail(path, f"This row has {saw} values but the header has {want} columns.",
                    "A value probably contains the separator without quotes around it; fix that "
                    "row or export the file again with quoted text.", row=line + skip)
    return fail(path, f"The table cannot be read: {str(exc).splitlines()[0]}",
                "Check that the file is a CSV, TSV or Excel export.")


def _tidy(frame: pd.DataFrame) -> pd.DataFrame:
    """Strip column names, drop unnamed empty columns and fully blank rows; "" for missing."""
    frame.columns = [str(c).strip() for c in frame.columns]
    frame = frame.fillna("")
    empty = [c for c in frame.columns
             if c.startswith("Unnamed:") and not frame[c].astype(bool).any()]
    if empty:
        frame = frame.drop(columns=empty)
    if len(frame.columns):
        blank = (frame == "").all(axis=1)
        if blank.any():
            frame = frame.loc[~blank]
    return frame


def _read_excel(path: Path, sheet: str | None, nrows: int | None) -> RawTable:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
    except zipfile.BadZipFile:
        raise fail(path, "The file is a damaged ZIP or Excel file.",
                   "Export it again.") from None
    if "xl/workbook.xml" not in names:
        raise fail(path, "This is a ZIP archive, not a table.",
                   "Unpack it and choose the CSV or Excel file inside.")
    try:
        raw = pd.read_excel(path, sheet_name=sheet or 0, header=None, dtype=str,
                            engine="openpyxl", nrows=None if nrows is None else nrows + 30)
    except ValueError as exc:  # e.g. a sheet name that does not exist
        raise fail(path, f"The workbook cannot be read: {exc}",
                   "Check the sheet name.") from None
    except Exception as exc:  # openpyxl raises many types on damaged files
        raise fail(path, f"The Excel file cannot be read ({type(exc).__name__}).",
                   "Open it in Excel or LibreOffice and save it again.") from None
    raw = raw.fillna("").astype(str)
    filled = (raw != "").sum(axis=1)
    if raw.empty or not filled.any():
        raise fail(path, "The sheet is empty.", "Choose the sheet that holds the sales.")
    header = int((filled >= max(2, filled.max() * 0.5)).idxmax()) if filled.max() >= 2 else 0
    frame = raw.iloc[header + 1:].reset_index(drop=True)
    frame.columns = _unique([str(c).strip() or f"Unnamed: {i}"
                             for i, c in enumerate(raw.iloc[header])])
    if nrows is not None:
        frame = frame.iloc[:nrows]
    return RawTable(_tidy(frame), None, None, header + 1)


def _unique(names: list[str]) -> list[str]:
    seen: Counter[str] = Counter()
    out = []
    for name in names:
        out.append(name if not seen[name] else f"{name}.{seen[name]}")
        seen[name] += 1
    return out
