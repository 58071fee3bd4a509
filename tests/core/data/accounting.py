"""The import's accounting invariant, checked from the raw cells (issue #11).

Every product with a positive quantity in the input is in the output, or named in a warning
with the reason it was left out; and for sales that are never netted (order lines, or tables
without negative quantities) units read = units left + units the rules say they removed.
"""
from __future__ import annotations

import pandas as pd
import pytest

from core.data.layouts import TOTAL_WORDS
from core.data.reading import read_table
from core.data.roles import normalise
from core.data.values import detect_decimal, parse_numbers
from core.schema import ID

ORDER_LAYOUTS = ("orders", "wide_orders")


def input_units(path, result) -> tuple[pd.Series, bool]:
    """(positive units per product, upper-cased; whether any quantity is negative)."""
    table = read_table(path)
    raw, roles = table.frame, result.roles
    decimal = "." if table.delimiter == "," else detect_decimal(
        pd.concat([raw[c] for c in raw.columns if c != roles.get("date")]))
    if result.layout in ("long", "orders"):
        product = raw[roles["product"]].astype(str).str.strip()
        if "title" in roles:
            product = product.where(product != "", raw[roles["title"]].astype(str).str.strip())
        qty, _ = parse_numbers(raw[roles["quantity"]], decimal)
        cells = pd.DataFrame({"product": product.str.upper(), "qty": qty})
    else:
        used = set(roles.values())
        columns = [c for c in raw.columns if c not in used and normalise(c) not in TOTAL_WORDS]
        parts = [pd.DataFrame({"product": str(c).strip().upper(),
                               "qty": parse_numbers(raw[c], decimal)[0]}) for c in columns]
        cells = pd.concat(parts) if parts else pd.DataFrame({"product": [], "qty": []})
    negative = bool((cells["qty"] < 0).any())
    positive = cells[cells["qty"] > 0]
    return positive.groupby("product")["qty"].sum(), negative


def assert_accounted(path, result) -> None:
    units, negative = input_units(path, result)
    out = set(result.frame[ID].astype(str).str.upper())
    said = " ".join(p.message for p in result.problems).upper()
    missing = [p for p in units.index if p not in out and p not in said]
    assert not missing, f"{path}: products lost without a word: {missing[:10]}"
    if result.layout in ORDER_LAYOUTS or not negative:
        read = float(units.sum())
        removed = sum(result.summary.units_removed.values())
        assert result.summary.total_quantity == pytest.approx(read - removed, rel=1e-9), (
            f"{path}: read {read}, left {result.summary.total_quantity}, removed "
            f"{result.summary.units_removed}")

