"""From a raw table to sale lines: one row per product and timestamp, whatever the layout.

The result has `unique_id`, `ds`, `y` and, when the file has them, `price`, `title`, `category`,
`stock`, `promo`, plus `order`, `status`, `cancelled` for the order-line cleaning rules. Cells that
cannot be read stop the import with the file, row, column and value named.
"""
from __future__ import annotations

import pandas as pd

from core.data.reading import RawTable
from core.data.roles import numeric_columns
from core.data.values import parse_dates, parse_numbers
from core.errors import InputError, Problem

MAX_LISTED = 5  # cells named one by one in an error; the rest are counted
_DATE_HINT = ("Dates must look like 2024-01-31, 31/01/2024 or 01/31/2024; fix these cells or "
              "choose another date column.")
_NUMBER_HINT = ("Quantities must be numbers such as 3 or 2.5 (or 2,5 with a decimal comma); fix "
                "these cells or choose another quantity column.")
_TEXT_ROLES = ("title", "category", "order", "status", "cancelled")


def to_lines(raw: RawTable, layout: str, roles: dict[str, str], *, path: str,
             dayfirst: bool | None, decimal: str) -> tuple[pd.DataFrame, dict[str, float]]:
    """(sale lines, rows dropped per reason) for `layout`; raises InputError on unreadable cells."""
    frame = raw.frame
    _require(frame, roles, layout, path)
    if "order" in roles:
        frame = _fill_order_fields(frame, roles)
    if layout in ("wide", "wide_orders"):
        frame, roles = _melt(raw, frame, roles, path, decimal)
    out = pd.DataFrame(index=frame.index)
    problems: list[Problem] = []
    out["ds"], bad = parse_dates(frame[roles["date"]], dayfirst)
    problems += _cell_problems(raw, frame, bad, roles["date"], "is not a date", _DATE_HINT, path)
    out["y"], bad = parse_numbers(frame[roles["quantity"]], decimal)
    problems += _cell_problems(raw, frame, bad, roles["quantity"], "is not a number",
                               _NUMBER_HINT, path)
    if problems:
        raise InputError(problems)
    out["unique_id"] = frame[roles["product"]].astype(str).str.strip()
    if "title" in roles:
        titles = frame[roles["title"]].astype(str).str.strip()
        out["unique_id"] = out["unique_id"].where(out["unique_id"] != "", titles)
    for role in ("price", "stock", "promo"):
        if role in roles:
            out[role] = parse_numbers(frame[roles[role]], decimal)[0]
    for role in _TEXT_ROLES:
        if role in roles:
            out[role] = frame[roles[role]].astype(str).str.strip()
    dropped = {}
    gone = pd.Series(False, index=out.index).to_numpy()
    for reason, missing in (("no date", out["ds"].isna()), ("no quantity", out["y"].isna()),
                            ("no product", out["unique_id"] == "")):
        missing = missing.to_numpy() & ~gone
        if missing.any():
            dropped[reason] = float(missing.sum())
            gone |= missing
    return (out.loc[~gone] if gone.any() else out), dropped


def _require(frame: pd.DataFrame, roles: dict[str, str], layout: str, path: str) -> None:
    columns = ", ".join(f"'{c}'" for c in frame.columns[:12])
    if "date" not in roles:
        raise InputError([Problem(
            "No date column found.", f"Choose the column that holds the dates (--date-col in the "
            f"command line, the Date box in the Import panel). Columns are: {columns}.",
            file=path)])
    if layout in ("long", "orders"):
        for role, flag in (("product", "--id-col"), ("quantity", "--qty-col")):
            if role not in roles and not (role == "product" and "title" in roles):
                raise InputError([Problem(
                    f"No {role} column found.", f"Choose the {role} column ({flag} in the command "
                    f"line, the Import panel's role boxes). Columns are: {columns}.", file=path)])
        if "product" not in roles:
            roles["product"] = roles["title"]


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
          decimal: str) -> tuple[pd.DataFrame, dict[str, str]]:
    """One column per product -> one row per product and date (empty cells are no sale)."""
    keep = [roles[r] for r in ("date", "order", "status", "cancelled") if r in roles]
    products = numeric_columns(frame, set(keep), decimal)
    if not products:
        raise InputError([Problem(
            "No quantity or product columns found.",
            "A long table needs product and quantity columns; a wide table needs one numeric "
            "column per product. Choose the columns in the Import panel or on the command line.",
            file=path)])
    problems = []
    for col in products:
        _, bad = parse_numbers(frame[col], decimal)
        problems += _cell_problems(raw, frame, bad, col, "is not a number", _NUMBER_HINT, path)
        if len(problems) >= MAX_LISTED:
            break
    if problems:
        raise InputError(problems)
    frame = frame.assign(_row=frame.index)
    long = frame.melt(id_vars=[*keep, "_row"], value_vars=products, var_name="_product",
                      value_name="_qty")
    long.index = pd.Index(long.pop("_row"))
    long["_qty"] = long["_qty"].where(long["_qty"].astype(str).str.strip() != "", "0")
    roles = {r: c for r, c in roles.items() if c in keep}
    return long, {**roles, "product": "_product", "quantity": "_qty"}


def _cell_problems(raw: RawTable, frame: pd.DataFrame, bad: pd.Series, column: str, what: str,
                   hint: str, path: str) -> list[Problem]:
    if not bad.any():
        return []
    values = frame.loc[bad.to_numpy(), column]
    values = values[~values.index.duplicated()]
    problems = [Problem(f"'{value}' {what}.", hint, file=path, row=raw.line_of(row),
                        column=column) for row, value in values.head(MAX_LISTED).items()]
    if len(values) > MAX_LISTED:
        problems.append(Problem(f"{len(values) - MAX_LISTED} more rows in column '{column}' have "
                                f"the same problem.", file=path, column=column))
    return problems
