"""Random bytes and random CSV-like text: the importer returns a valid frame or raises the
documented InputError, never anything else (and never its 'unexpected problem' safety net); a
frame it returns accounts for every product and unit read (tests/core/data/accounting.py)."""
from __future__ import annotations

import datetime
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.data import ImportOptions, load, preview
from core.data.values import parse_dates
from core.errors import InputError
from core.schema import DS, ID, Y
from tests.core.data.accounting import assert_accounted
from tests.core.data.conftest import FIXTURES

FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow])

cells = st.one_of(
    st.sampled_from(["2024-01-01", "2024-01-08", "01/02/2024", "13/01/2024", "2024-02-30",
                     "2024-03-01 10:00:00+01:00", "", "NA", "C123", "-3", "0", "1,5", "2.5",
                     "1.000,25", "£3", "abc", "POST", "日期", "数量", "\"", "x\ny", "1e9",
                     "inf", "nan", "date", "qty", "sku", "2024-01-01 10:00", "refunded",
                     "0001-01-01", "9999-12-31", "2024-01-01T00:00:00Z", "-0", "1 000", "1e308",
                     "-1e308", "9e15", "\ufeffC123", " C123\t", "C123\u200b", "43.0", "x" * 600,
                     "\ufeff2024-01-02", "\u200b7"]),
    st.text(max_size=8),
    st.integers(-5, 1000).map(str),
)
headers = st.lists(st.sampled_from(["date", "sku", "qty", "price", "InvoiceNo", "Description",
                                    "Created at", "Lineitem sku", "Lineitem quantity", "日期",
                                    "商品", "数量", "x", "", "date", "Name", "Financial Status",
                                    "Cancelled at", "Order Status", "apple", "pear", "stock",
                                    "category", "promo"]), min_size=1, max_size=6)


@st.composite
def csv_like(draw) -> str:
    head = draw(headers)
    sep = draw(st.sampled_from([",", ";", "\t", "|"]))
    rows = draw(st.lists(st.lists(cells, min_size=len(head) - 1, max_size=len(head) + 1),
                         max_size=25))
    return "\n".join(sep.join(row) for row in [head, *rows])


def check(data: bytes, options: ImportOptions | None = None, suffix: str = ".csv") -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_bytes(data)
        try:
            result = load(path, options)
        except InputError as exc:
            assert exc.problems, "an InputError carries its problems"
            assert "Unexpected problem" not in str(exc), str(exc)
        else:
            frame = result.frame
            assert list(frame.columns[:3]) == [ID, DS, Y]
            assert np.isfinite(frame[Y]).all()
            assert not frame.duplicated([ID, DS]).any()
            assert_accounted(path, result)  # no product or unit lost without a word
        try:
            preview(path)
        except InputError as exc:
            assert "Unexpected problem" not in str(exc), str(exc)


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes(data):
    check(data)


@FUZZ
@given(csv_like(), st.sampled_from(["utf-8", "gb18030", "latin-1", "utf-16"]),
       st.sampled_from([None, "D", "W", "M"]), st.booleans())
def test_random_csv_like_text(text, encoding, freq, complete):
    check(text.encode(encoding, errors="replace"),
          ImportOptions(freq=freq, complete_periods=complete))


FIXTURE_BYTES = sorted((p.name, p.read_bytes()) for p in FIXTURES.iterdir())


@st.composite
def mutated_fixture(draw) -> bytes:
    """A real fixture with a few bytes replaced, inserted or cut: deep paths, not just sniffing."""
    _, data = draw(st.sampled_from(FIXTURE_BYTES))
    data = bytearray(data)
    for _ in range(draw(st.integers(1, 6))):
        pos = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["replace", "insert", "cut"]))
        byte = draw(st.sampled_from(b",;\t\n\r\"-0123456789./: aCx\xe9\xff"))
        if action == "replace" and data:
            data[pos] = byte
        elif action == "insert":
            data.insert(pos, byte)
        else:
            del data[pos:pos + draw(st.integers(1, 40))]
    return bytes(data)


@FUZZ
@given(mutated_fixture(), st.sampled_from([None, "W"]))
def test_mutated_real_exports(data, freq):
    check(data, ImportOptions(freq=freq))


@FUZZ
@given(st.integers(1900, 2199), st.integers(1, 12), st.integers(0, 6))
def test_one_mistyped_year_never_explodes_the_grid(year, month, row):
    """Issue #11: a single stray year used to stretch a 2-day file to millions of rows."""
    lines = [f"2011-12-0{1 + i % 2},p{i % 3},1" for i in range(7)]
    lines[row] = f"{year}-{month:02d}-01,p{row % 3},1"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "stray.csv"
        path.write_text("date,sku,qty\n" + "\n".join(lines) + "\n")
        try:
            result = load(path)
        except InputError as exc:
            assert "Unexpected problem" not in str(exc), str(exc)
        else:
            assert len(result.frame) <= 3 * 400  # at most a year's grid per product


@FUZZ
@given(st.lists(st.tuples(st.dates(datetime.date(2000, 1, 1), datetime.date(2030, 12, 31)),
                          st.booleans()), min_size=2, max_size=30))
def test_mixed_iso_and_day_first_dates_are_read_as_written(dates):
    """Issue #11: ISO dates among dd/mm/yyyy ones had day and month swapped."""
    written = [d.isoformat() if iso else f"{d:%d/%m/%Y}" for d, iso in dates]
    parsed, bad = parse_dates(pd.Series(written + ["25/12/2020"]), dayfirst=True)
    assert not bad.any()
    assert [t.date() for t in parsed[:-1]] == [d for d, _ in dates]


@FUZZ
@given(st.integers(2, 60), st.data())
def test_a_stray_quote_never_loses_rows_silently(n_rows, data):
    """Issue #11: a quote opened in one line swallowed the next ones (66 of 4,999 rows lost)."""
    lines = [f"2024-01-{1 + i % 28:02d},p{i % 7},{1 + i % 5}" for i in range(n_rows)]
    for _ in range(data.draw(st.integers(1, 3))):  # two stray quotes pair up silently
        row = data.draw(st.integers(0, n_rows - 1))
        cut = data.draw(st.sampled_from([0, *[i + 1 for i, c in enumerate(lines[row])
                                              if c == ","]]))  # where a field starts
        lines[row] = lines[row][:cut] + '"' + lines[row][cut:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "quote.csv"
        path.write_text("date,sku,qty\n" + "\n".join(lines) + "\n")
        try:
            result = load(path)
        except InputError as exc:
            assert "Unexpected problem" not in str(exc), str(exc)
        else:
            assert result.summary.rows_read == n_rows
