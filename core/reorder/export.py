"""The purchase list: what to order, grouped by supplier, as CSV or Excel (atomic, formula-safe).

CSV: the products to order, sorted by supplier. Excel: a sheet per supplier (one "Purchase list"
sheet when there are no suppliers) plus the whole plan on a "Plan" sheet.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path

import pandas as pd

PURCHASE_COLUMNS = ["supplier", "unique_id", "title", "order_qty", "on_hand", "on_order",
                    "reorder_point", "lead_time_days", "stockout_date", "price", "order_value",
                    "why"]
_SHEET_BAD = re.compile(r"[\[\]:*?/\\]")


def purchase_list(table: pd.DataFrame, titles: pd.Series | None = None) -> pd.DataFrame:
    """Rows with something to order, supplier by supplier, biggest order value first."""
    rows = table[table["order_qty"].fillna(0) > 0].copy()
    rows["title"] = rows["unique_id"].map(titles) if titles is not None else ""
    rows["order_value"] = rows["order_qty"] * rows["price"]
    rows = rows.sort_values(["supplier", "order_value", "unique_id"],
                            ascending=[True, False, True], kind="stable")
    return rows[PURCHASE_COLUMNS].reset_index(drop=True)


def supplier_sheets(purchases: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """Sheet name -> that supplier's rows; Excel's 31-character, no-[]:*?/\\ names, unique."""
    suppliers = purchases["supplier"].fillna("").astype(str)
    if (suppliers == "").all():
        return {"Purchase list": purchases}
    sheets: dict[str, pd.DataFrame] = {}
    for name, rows in purchases.groupby(suppliers, sort=True):
        base = _SHEET_BAD.sub("_", name or "No supplier")[:28] or "Supplier"
        sheet, n = base, 2
        while sheet.lower() in (s.lower() for s in sheets) or sheet == "Plan":
            sheet, n = f"{base[:27]} {n}", n + 1
        sheets[sheet] = rows.drop(columns="supplier")
    return sheets


def write_purchase_list(path: str | os.PathLike, table: pd.DataFrame,
                        titles: pd.Series | None = None,
                        labels: Callable[[str], str] | None = None,
                        values: Callable[[pd.DataFrame], pd.DataFrame] | None = None) -> int:
    """Write the purchase list as .xlsx or .csv (by the file's suffix); returns rows to order.
    `labels` words the headers and our own sheet names (`gui.export_headers`); suppliers'
    sheets keep their names. `values` words the engine's codes in cells
    (`gui.export_values`)."""
    from core.csv_output import write_csv
    from core.export import write_xlsx

    label = labels or str
    if values is not None:
        table = values(table)
    purchases = purchase_list(table, titles)
    headed = purchases.rename(columns=label)
    if Path(path).suffix.lower() == ".xlsx":
        sheets = {label(name) if name == "Purchase list" else name: rows.rename(columns=label)
                  for name, rows in supplier_sheets(purchases).items()}
        write_xlsx(path, {**sheets, label("Plan"): table.rename(columns=label)})
    else:
        write_csv(path, headed, bom=True, date_format="%Y-%m-%d")
    return len(purchases)
