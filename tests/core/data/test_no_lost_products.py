"""Every product sold in the input is in the output or named in a warning with the reason, and
the units add up: what was read = what is left + what the rules say they removed (issue #11)."""
from __future__ import annotations

import pandas as pd
import pytest

from core.data import load
from core.schema import ID, Y
from tests.core.data.accounting import assert_accounted
from tests.core.data.conftest import FIXTURES, ROOT

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


FIXTURE_FILES = sorted(p for p in [*ROOT.glob("tests/**/fixtures/*"),
                                   *ROOT.glob("resources/sample/*")]
                       if p.suffix in (".csv", ".tsv", ".gz", ".xlsx")
                       and p.name != "sample_stock.csv")  # stock for the Reorder step, not sales


def test_the_fixtures_are_all_found():
    names = {p.name for p in FIXTURE_FILES}
    assert {"bakery_wide_orders.csv", "sample_shop_orders.csv.gz", "wide_orders.csv",
            "shopify_orders.csv", "m3_monthly_150_train.csv.gz"} <= names


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.name)
def test_every_product_and_unit_of_every_fixture_is_accounted_for(path):
    assert_accounted(path, load(path))


def test_the_real_orders_file_is_accounted_for(retail_orders):
    assert_accounted(retail_orders, load(retail_orders))


def test_a_product_whose_quantities_are_all_blank_is_named(write):
    path = write("blank.csv", "date,sku,qty\n2024-01-01,A,3\n2024-01-02,A,4\n2024-01-03,A,\n"
                 "2024-01-01,X,\n2024-01-02,X, \n")
    result = load(path)
    assert set(result.frame[ID]) == {"A"}
    assert result.summary.dropped["no quantity"] == 3
    named = [p.message for p in result.problems if "left out by the import rules" in p.message]
    assert named and "X (no quantity)" in named[0]


def test_a_cancelled_product_is_named_with_its_rule(write):
    path = write("o.csv", "InvoiceNo,StockCode,Quantity,InvoiceDate,CustomerID\n"
                 "1,A,2,2024-01-01 10:00,7\n2,Z,900,2024-01-02 10:00,7\n"
                 "C3,Z,-900,2024-01-02 10:05,7\n4,A,1,2024-01-03 10:00,8\n")
    result = load(path)
    assert any("Z (cancellation)" in p.message for p in result.problems)
    assert result.summary.units_removed == {"cancellation": 900}


def test_a_wide_column_that_is_mostly_text_is_named(write):
    rows = "".join(f"2024-01-{d:02d},{d},{'x' if d % 3 else d}\n" for d in range(1, 21))
    result = load(write("w.csv", "date,apple,pear\n" + rows))
    assert set(result.frame[ID]) == {"apple"}
    assert any("pear" in p.message and "90%" in p.message for p in result.problems)


def test_the_rules_list_the_row_rules():
    from core.data import CLEANING_RULES
    for rule in ("no quantity", "no date", "no product", "total row", "cancellation"):
        assert rule in CLEANING_RULES
