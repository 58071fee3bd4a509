"""What the app plans with: the stock file, then supplier lead times typed, then product edits."""
from __future__ import annotations

import pandas as pd

from core.reorder.typed_stock import stock_for_plan

FILE = pd.DataFrame({"unique_id": ["a", "b", "c"], "on_hand": [1.0, 2.0, 3.0],
                     "supplier": ["Acme", "Acme", "Kent"], "lead_time_days": [7.0, 7.0, 3.0]})


def test_supplier_lead_times_beat_the_file_and_product_edits_beat_both():
    stock = stock_for_plan(pd.DataFrame(), "stock.csv", False, lambda _path: FILE.copy(),
                           {("b", "lead_time_days"): 30.0, ("c", "on_hand"): 9.0},
                           {"Acme": 12.0}).set_index("unique_id")
    assert stock["lead_time_days"].to_dict() == {"a": 12.0, "b": 30.0, "c": 3.0}
    assert stock.loc["c", "on_hand"] == 9.0


def test_supplier_lead_times_fill_a_file_without_lead_times():
    stock = stock_for_plan(pd.DataFrame(), "stock.csv", False,
                           lambda _path: FILE.drop(columns="lead_time_days"), {},
                           {"Kent": 5.0}).set_index("unique_id")
    assert stock.loc["c", "lead_time_days"] == 5.0 and stock["lead_time_days"].isna().sum() == 2
