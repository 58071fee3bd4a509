"""Every product sold in the input is in the output or named in a warning with the reason, and
the units add up: what was read = what is left + what the rules say they removed (issue #11)."""
from __future__ import annotations

import pandas as pd

from core.data import load
from core.schema import ID, Y
from tests.core.data.conftest import FIXTURES

BAKERY = FIXTURES / "bakery_wide_orders.csv"


def test_a_product_first_sold_months_in_is_not_lost_from_a_wide_order_table():
    raw = pd.read_csv(BAKERY)
    assert raw["cheese cake"].iloc[:500].isna().all()  # blank in the first 500 receipts
    result = load(BAKERY)
    assert result.layout == "wide_orders"
    sold = result.frame.groupby(ID)[Y].sum()
    assert sold["cheese cake"] == raw["cheese cake"].sum() == 96
    assert sold["merinque cookies"] == raw["merinque cookies"].sum()
    assert result.summary.products == 21  # 23 item columns, two never sold
    assert not {"jam", "christmas common"} & set(sold.index)
    assert result.summary.total_quantity == raw.iloc[:, 2:].sum().sum()
