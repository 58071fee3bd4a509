"""The stock table the app's Reorder step plans with: what it read plus what the user typed.

Order of precedence, later wins: the stock file (or the sales file's stock column), the lead
times typed per supplier in the app (newer than the file's), what was typed per product.
"""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd

from core.reorder.inputs import stock_from_sales


def stock_for_plan(history: pd.DataFrame, path: str, from_sales: bool,
                   read_stock: Callable[[str], pd.DataFrame],
                   edits: dict[tuple[str, str], float],
                   by_supplier: dict[str, float] | None = None) -> pd.DataFrame:
    """The stock table the plan uses (runs in the worker): file or sales column, then the lead
    times typed per supplier (newer than the file's), then what was typed per product."""
    if path:
        stock = read_stock(path)
    elif from_sales:
        stock = stock_from_sales(history)
    else:
        stock = pd.DataFrame({"unique_id": pd.Series(dtype=str), "on_hand": pd.Series(dtype=float)})
    if by_supplier and "supplier" in stock:
        typed = stock["supplier"].map(by_supplier)
        if typed.notna().any():
            old = stock.get("lead_time_days", typed)
            stock = stock.assign(lead_time_days=typed.fillna(old))
    stock = stock.set_index("unique_id")
    for (uid, column), value in edits.items():
        stock.loc[uid, column] = value
    return stock.reset_index()
