"""From a raw table to sale lines: one row per product and timestamp, whatever the layout.

The result has `unique_id`, `ds`, `y` and, when the file has them, `price`, `title`, `category`,
`stock`, `promo`, plus `order`, `status`, `cancelled`, `customer` for the order-line cleaning
rules, and for wide period tables `blank` (an empty cell read as 0 sales). Cells that cannot be
read stop the import with the file, row, column and value named; rows that can be read but hold
no sale are left out by `ROW_RULES`, counted in the summary.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.data.error_texts import fail, problem
from core.data.ledger import Ledger
from core.data.problem_texts import warning
from core.data.reading import RawTable
from core.data.roles import normalise, numeric_columns
from core.data.values import (
    excel_day_numbers,
    parse_dates,
    parse_numbers,
    per_distinct,
    text_categories,
)
from core.errors import InputError, Problem

MAX_LISTED = 5  # cells named one by one in an error; the rest are counted
ROW_RULES = """Every layout (long and wide tables, order lines, wide order tables) first leaves out:

- total row: rows and columns labelled as totals ("Total", "Sum", "Subtotal", "合计", ...),
  which would count sales twice;
- no date: rows whose date cell is blank;
- no quantity: rows whose quantity cell is blank (a blank cell of a wide table is 0 sold in a
  period table and "not bought" on a receipt, so it leaves out no row there);
- no product: rows whose product cell is blank (and no title to use instead);
- cancelled: rows of orders that were cancelled, so none is a sale: the status says cancelled,
  refunded, voided, failed, declined or returned (Shopify "Financial Status", WooCommerce "Order
  Status", the Chinese platforms' words, and German, French, Spanish and Italian ones; partially
  refunded orders are kept), or is a status you name as cancelled, or a "Cancelled at" date is
  filled in. A status the import does not know counts as a sale and is named in a warning.

A cell that is filled but cannot be read (a date or quantity that is not one) stops the import
and is named. A product that loses all of its rows to a rule is named in a warning with the rule.
"""
# Larger values are typos or broken exports (1e308 summed to inf and gave infinite forecasts);
# below them, sums over any file stay far from float overflow.
MAX_QUANTITY = 1e10
MAX_PRICE = 1e9
_TEXT_ROLES = ("title", "category", "order", "status", "cancelled", "customer")
TOTAL_WORDS = frozenset({"total", "totals", "sum", "grandtotal", "subtotal", "overall", "合计",
                         "总计", "小计", "总数", "gesamt", "summe", "totaal", "somme"})


def to_lines(raw: RawTable, layout: str, roles: dict[str, str], *, path: str,
             dayfirst: bool | None, decimal: str, ledger: Ledger
             ) -> tuple[pd.DataFrame, list[Problem]]:
    """(sale lines, warnings) for `layout`; rows left out are counted in `ledger` (ROW_RULES).

    Raises InputError on cells that cannot be read.
    """
    frame = raw.frame
    _require(frame, roles, layout, path)
    notes: list[Problem] = []
    totals = _total_rows(frame, roles)
    if totals.any():  # totals, not sales: no units are taken away
        ledger.count("total row", float(totals.sum()), 0.0)
        frame = frame.loc[~totals]
    if "order" in roles:
        frame = _fill_order_fields(frame, roles)
    if layout in ("wide", "wide_orders"):
        table = frame
        frame, roles, skipped, texts = _melt(raw, frame, roles, path, decimal)
        if skipped:
            notes.append(warning("import.total_columns", file=path, columns=", ".join(skipped)))
        if texts:  # their numbers are not sales: account for them
            ledger.count("mostly-text column", 0.0, float(sum(
                parse_numbers(table[c], decimal)[0].clip(lower=0).sum() for c in texts)))
            notes.append(warning("import.text_columns", file=path, columns=", ".join(texts)))
    out = pd.DataFrame(index=frame.index)
    problems: list[Problem] = []
    out["ds"], bad = parse_dates(frame[roles["date"]], dayfirst)
    problems += _cell_problems(raw, frame, bad, roles["date"], "error.not_date", path)
    day_numbers = excel_day_numbers(frame[roles["date"]]).to_numpy(dtype=bool)
    if day_numbers.any():  # read as dates, and said: the user may not know the cells lost it
        first = int(np.flatnonzero(day_numbers)[0])
        notes.append(warning("import.day_numbers", file=path, column=roles["date"],
                             cells=f"{int(day_numbers.sum()):,}",
                             example=str(frame[roles["date"]].iloc[first]).strip(),
                             date=f"{out['ds'].iloc[first]:%Y-%m-%d}"))
    out["y"], bad = parse_numbers(frame[roles["quantity"]], decimal)
    problems += _cell_problems(raw, frame, bad, roles["quantity"], "error.not_number",
                               path)
    problems += _cell_problems(raw, frame, (out["y"].abs() > MAX_QUANTITY).to_numpy(),
                               roles["quantity"], "error.huge_quantity", path)
    if problems:
        raise InputError(problems)
    if layout == "wide":
        out, frame = _empty_cells(out, frame)
    out["unique_id"] = text_categories(frame[roles["product"]])
    if "title" in roles:
        out["title"] = text_categories(frame[roles["title"]])
        if (out["unique_id"] == "").any():  # e.g. Shopify lines without a SKU: use the name
            ids = out["unique_id"].astype(str)
            out["unique_id"] = ids.where(ids != "", out["title"].astype(str)).astype("category")
    for role in ("price", "stock", "promo"):
        if role in roles:
            out[role], bad = parse_numbers(frame[roles[role]], decimal)
            if bad.any():  # covariates are optional: report and carry on without those values
                example = frame.loc[bad.to_numpy(), roles[role]].iloc[0]
                notes.append(warning("import.bad_covariate", file=path, column=roles[role],
                                     cells=f"{int(bad.sum()):,}", role=role,
                                     example=str(example)))
    if "price" in out:
        problems = _cell_problems(raw, frame, (out["price"].abs() > MAX_PRICE).to_numpy(),
                                  roles["price"], "error.huge_price", path)
        if problems:
            raise InputError(problems)
    for role in _TEXT_ROLES:
        if role in roles and role not in out:
            out[role] = text_categories(frame[roles[role]])
    for reason, missing in (("no date", lambda o: o["ds"].isna()),
                            ("no quantity", lambda o: o["y"].isna()),
                            ("no product", lambda o: o["unique_id"] == "")):
        out = ledger.remove(reason, out, missing(out).to_numpy())
    return out, notes


def _require(frame: pd.DataFrame, roles: dict[str, str], layout: str, path: str) -> None:
    columns = ", ".join(f"'{c}'" for c in frame.columns[:12])
    if "date" not in roles:
        raise fail(path, "error.no_date_column", columns=columns)
    if layout in ("long", "orders"):
        for role, flag in (("product", "--id-col"), ("quantity", "--qty-col")):
            if role not in roles and not (role == "product" and "title" in roles):
                raise fail(path, "error.no_role_column", role=role, flag=flag, columns=columns)
        if "product" not in roles:
            roles["product"] = roles["title"]


def _total_rows(frame: pd.DataFrame, roles: dict[str, str]) -> np.ndarray:
    """Rows whose date, order or product cell says "Total" (or Sum, Subtotal, 合计, ...), or
    whose title does while the product cell is blank (the title would stand in for it)."""
    def says_total(role: str) -> np.ndarray:
        return per_distinct(frame[roles[role]],
                            lambda u: u.map(normalise).isin(TOTAL_WORDS)).to_numpy(bool)

    mask = np.zeros(len(frame), dtype=bool)
    for role in ("date", "order", "product"):
        if role in roles:
            mask |= says_total(role)
    if "title" in roles and "product" in roles:
        blank = frame[roles["product"]].isna() | (frame[roles["product"]].astype(str).str.strip()
                                                  == "")
        mask |= says_total("title") & blank.to_numpy(bool)
    return mask


def _fill_order_fields(frame: pd.DataFrame, roles: dict[str, str]) -> pd.DataFrame:
    """Copy order-level fields (date, status, cancelled) to every line of the same order.

    Shopify writes them only on an order's first line.
    """
    cols = [roles[r] for r in ("date", "status", "cancelled") if r in roles]
    gaps = [c for c in cols if (frame[c] == "").any()]
    if not gaps:
        return frame
    frame = frame.copy()
    order = frame[roles["order"]]
    for col in gaps:
        filled = frame[col].where(frame[col] != "").groupby(order).transform("first")
        frame[col] = filled.fillna("")
    return frame


def _melt(raw: RawTable, frame: pd.DataFrame, roles: dict[str, str], path: str,
          decimal: str) -> tuple[pd.DataFrame, dict[str, str], list[str], list[str]]:
    """One column per product -> one row per product and date (empty cells are no sale).

    Also returns the total columns left out and the columns left out as mostly text although
    they hold some positive numbers (both are named in warnings).
    """
    keep = [roles[r] for r in ("date", "order", "status", "cancelled", "customer") if r in roles]
    products = numeric_columns(frame, set(keep), decimal)
    skipped = [c for c in products if normalise(c) in TOTAL_WORDS]
    products = [c for c in products if c not in skipped]
    if not products:
        raise fail(path, "error.no_columns")
    long = frame[keep + products].melt(id_vars=keep, value_vars=products,
                                       var_name="_product", value_name="_qty", ignore_index=False)
    blank = per_distinct(long["_qty"], lambda u: u.str.strip() == "").to_numpy(bool)
    if "order" in roles:  # an empty cell on a receipt: that product was not bought
        long = long.loc[~blank]
    # In a period table an empty cell is no sale, or, after a product's last filled cell, a
    # record that stopped: `_empty_cells` decides once the dates are read.
    others = [c for c in frame.columns if c not in keep and c not in products
              and c not in skipped and c not in roles.values()]
    texts = [c for c in others if (parse_numbers(frame[c], decimal)[0] > 0).any()]
    roles = {r: c for r, c in roles.items() if c in keep}
    return long, {**roles, "product": "_product", "quantity": "_qty"}, skipped, texts


def _empty_cells(out: pd.DataFrame, frame: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Empty cells of a wide period table: up to the product's last filled cell they are 0
    sales (marked in `blank`, so `core.data.series_end` can tell them from a written 0); after
    it, nothing was recorded and they are left out (the series end decides how it ends)."""
    empty = out["y"].isna().to_numpy() & per_distinct(
        frame["_qty"], lambda u: u.str.strip() == "").to_numpy(bool)
    product = frame["_product"].to_numpy()
    filled_until = pd.Series(out["ds"].to_numpy()[~empty]).groupby(product[~empty]).max()
    last = pd.Series(product).map(filled_until).to_numpy()
    keep = ~empty | (out["ds"].to_numpy() <= last)
    out = out.assign(y=out["y"].where(~empty, 0.0), blank=empty)
    return out.loc[keep] if not keep.all() else out, frame.loc[keep] if not keep.all() else frame


def _cell_problems(raw: RawTable, frame: pd.DataFrame, bad, column: str, key: str,
                   path: str) -> list[Problem]:
    if not bad.any():
        return []
    picked = frame.loc[np.asarray(bad)]
    melted = column == "_qty" and "_product" in picked  # a wide table: name the product column
    cells = pd.DataFrame({"value": picked[column].to_numpy(),
                          "column": picked["_product"].to_numpy() if melted else column},
                         index=picked.index).sort_index(kind="stable")
    if not melted:  # a wide row repeats its date once per product: report it once
        cells = cells[~cells.index.duplicated()]
    problems = [problem(path, key, row=raw.line_of(row), column=name, value=str(value))
                for row, value, name in cells.head(MAX_LISTED).itertuples()]
    more = f"{len(cells) - MAX_LISTED}"
    if len(cells) > MAX_LISTED and melted:
        problems.append(problem(path, "error.more_cells", count=more))
    elif len(cells) > MAX_LISTED:
        problems.append(problem(path, "error.more_rows", column=column, count=more,
                                name=column))
    return problems
