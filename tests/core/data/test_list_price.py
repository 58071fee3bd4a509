"""The list price of order lines: the shelf price, not the order mix or another buyer group."""
from __future__ import annotations

import pandas as pd

from core.data.regular import regularise


def lines(rows) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["unique_id", "ds", "y", "price"]).assign(
        ds=lambda f: pd.to_datetime(f.ds))


def test_bulk_tiers_and_a_second_buyer_group_do_not_move_it_but_a_price_change_does():
    week = {  # Sundays end the weeks
        "2024-01-07": [(2, 1.00), (3, 1.00), (100, 0.80)],       # a bulk order at a tier price
        "2024-01-14": [(1, 2.00), (1, 2.00), (2, 1.00)],         # buyers without an account
        "2024-01-21": [(1, 2.00)],                               # only them
        "2024-01-28": [(2, 1.20), (1, 1.20), (1, 1.00)],         # the shop raised the price
    }
    rows = [("A", day, qty, price) for day, sold in week.items() for qty, price in sold]
    frame = regularise(lines(rows), "W").frame.set_index("ds")
    assert frame["list_price"].tolist()[:2] == [1.0, 1.0]
    assert pd.isna(frame["list_price"].iloc[2])  # no shelf-price line that week
    assert frame["list_price"].iloc[3] == 1.2
    # The price stays what was paid on average (revenue / units).
    assert frame["price"].iloc[0] == round((5 * 1.0 + 100 * 0.8) / 105, 4)
