"""Looking at raw bytes: compression, binary or non-table content, encoding and delimiter.

Encodings: a BOM decides; else UTF-8 if the bytes are valid UTF-8; else GB18030 or Windows-1252
by how the non-ASCII bytes cluster (see `_guess_encoding`); Latin-1 as the last resort, since it
decodes anything. The user can always name the encoding.
"""
from __future__ import annotations

import codecs
import csv
import gzip
import re
import zlib
from collections import Counter
from pathlib import Path

from core.data.error_texts import fail

SNIFF_BYTES = 256 * 1024  # enough to guess encoding and delimiter, small enough to be instant
DELIMITERS = (",", ";", "\t", "|")
GZIP_MAGIC = b"\x1f\x8b"
ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0"  # legacy .xls and other old Office files


def read_bytes(path: Path, limit: int | None) -> bytes:
    """The file's bytes (at most `limit`), decompressed when it is gzip whatever its name."""
    with path.open("rb") as fh:
        raw = fh.read(limit if limit else -1)
    if not raw.startswith(GZIP_MAGIC):
        return raw
    try:
        with gzip.open(path, "rb") as fh:
            return fh.read(limit if limit else -1)
    except (OSError, EOFError, zlib.error) as exc:
        if limit:  # a preview may stop inside a damaged tail; read what we can
            return gunzip_partial(raw)
        raise fail(path, "error.gzip", error=str(exc)) from None


def gunzip_partial(raw: bytes) -> bytes:
    """Decompress as much of a cut gzip stream as possible (for previews)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(raw)
    except zlib.error:
        return b""


def reject_non_text(path: Path, data: bytes) -> None:
    """Raise InputError for empty, binary, PDF, old-Excel, HTML/XML or JSON content."""
    if not data[:65536].strip() and not data.strip():
        raise fail(path, "error.empty_rows")
    if data.startswith(OLE_MAGIC):
        raise fail(path, "error.xls")
    if data.startswith(b"%PDF"):
        raise fail(path, "error.pdf")
    sample = data[:8192]
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 13))
    if b"\x00" in sample or controls > len(sample) * 0.02:
        raise fail(path, "error.binary")
    start = sample.lstrip()[:15].lower()
    if start.startswith((b"<!doctype", b"<html", b"<?xml")):
        raise fail(path, "error.html")
    if start.startswith((b"{", b"[")):
        raise fail(path, "error.json")


def decode(path: Path, data: bytes, forced: str | None, truncated: bool) -> tuple[str, str]:
    """(text, encoding used); `forced` is the user's choice, else see the module docstring."""
    if forced:
        try:
            return data.decode(forced, errors="replace" if truncated else "strict"), forced
        except (LookupError, UnicodeDecodeError) as exc:
            raise fail(path, "error.encoding", encoding=str(forced), error=str(exc)) from None
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    candidates = ["utf-8", _guess_encoding(data), "cp1252", "latin-1"]  # latin-1 never fails
    for name in dict.fromkeys(c for c in candidates if c):
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            if truncated and exc.start >= len(data) - 4:  # a character cut by the preview
                return data[: exc.start].decode(name, errors="replace"), name
    return data.decode("latin-1"), "latin-1"  # unreachable: latin-1 decodes any bytes


ENCODING_NAMES = {"gb18030": "GB18030 (Chinese, includes GBK)",
                  "cp1252": "Windows-1252 (Western European)", "latin-1": "Latin-1"}


def _guess_encoding(data: bytes) -> str:
    """GB18030 or Windows-1252 for text that is not UTF-8, by how non-ASCII bytes cluster.

    Chinese characters take two or more bytes above 0x80 in a row; accented Western letters
    are single bytes between ASCII ones. (A statistical detector misread short French and
    Chinese exports in our tests, so this simple rule wins; the user can always choose.)
    """
    runs = re.findall(rb"[\x80-\xff]+", data[:SNIFF_BYTES])
    total = sum(len(r) for r in runs)
    paired = sum(len(r) for r in runs if len(r) >= 2)
    return "gb18030" if total and paired / total >= 0.6 else "cp1252"


def sniff_delimiter(lines: list[str]) -> tuple[str, int, int]:
    """(delimiter, fields per row, index of the header line) from the first lines of a text."""
    best = (0.0, 0, ",", 1, 0)
    for delim in DELIMITERS:
        try:
            counts = [_filled_length(row) for row in csv.reader(lines, delimiter=delim)]
        except csv.Error:  # e.g. a giant field: not this delimiter
            continue
        if not counts:
            continue
        tally = Counter(counts)
        hits = max(tally.values())
        mode = min(c for c, n in tally.items() if n == hits)  # ties: the fewer fields
        if mode < 2 or hits < min(2, len(counts)):
            continue
        header = next(i for i, c in enumerate(counts) if c >= mode)  # titles have fewer
        score = (hits / len(counts), mode)
        if score > best[:2]:
            best = (*score, delim, mode, header)
    return best[2], best[3], best[4]


def _filled_length(row: list[str]) -> int:
    """Fields in a row, not counting empty ones at its end (some exports end rows with a ',')."""
    n = len(row)
    while n > 1 and not row[n - 1].strip():
        n -= 1
    return n
