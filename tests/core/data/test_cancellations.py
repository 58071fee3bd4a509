"""Cancellations and refunds are matched to the order lines they undo and removed with them;
what matches nothing is reported and dropped, never taken off someone else's sales."""
from __future__ import annotations

import numpy as np
import pytest

from core.data import ImportOptions, load
from core.data.cancellations import _lifo
from core.schema import DS, ID, Y

HEADER = "InvoiceNo,StockCode,Quantity,InvoiceDate,UnitPrice,CustomerID\n"
OTHER_SALES = ("900,A,7,2024-01-01 08:00,1.0,99\n"
               "901,A,5,2024-01-08 08:00,1.0,98\n"
               "902,K,1,2024-01-08 09:00,1.0,98\n")


def total(result, product: str) -> float:
    frame = result.frame
    return float(frame.loc[frame[ID] == product, Y].sum())


def imported(write, body: str):
    return load(write("orders.csv", HEADER + OTHER_SALES + body), ImportOptions(freq="D"))


def test_an_exactly_cancelled_order_is_removed_with_its_cancellation(write):
    result = imported(write, "1,A,500,2024-01-02 10:00,1.0,7\nC2,A,-500,2024-01-02 10:16,1.0,7\n")
    assert total(result, "A") == 12  # the other customers' sales stay
    assert result.summary.dropped["cancellation"] == 1
    assert result.summary.dropped["cancelled order line"] == 1
    assert result.summary.units_removed["cancellation"] == 500


def test_a_product_whose_only_order_was_cancelled_is_gone(write):
    result = imported(write, "1,Z,80995,2024-01-03 09:00,0.5,7\n"
                             "C2,Z,-80995,2024-01-03 09:00,0.5,7\n")
    assert "Z" not in set(result.frame[ID])


def test_a_partial_cancellation_reduces_the_order(write):
    result = imported(write, "1,A,10,2024-01-02 10:00,1.0,7\nC2,A,-3,2024-01-03 10:00,1.0,7\n")
    day = result.frame[(result.frame[ID] == "A") & (result.frame[DS] == "2024-01-02")]
    assert day[Y].iloc[0] == 7
    assert "cancelled order line" not in result.summary.dropped


def test_a_larger_cancellation_undoes_several_earlier_orders_newest_first(write):
    body = ("1,A,4,2024-01-02 10:00,1.0,7\n2,A,5,2024-01-03 10:00,1.0,7\n"
            "C3,A,-8,2024-01-04 10:00,1.0,7\n")
    result = imported(write, body)
    sold = result.frame[result.frame[ID] == "A"].set_index(DS)[Y]
    assert sold["2024-01-02"] == 1 and sold["2024-01-03"] == 0
    assert result.summary.units_removed["cancellation"] == 8


def test_a_line_of_exactly_the_cancelled_quantity_is_matched_first(write):
    body = ("1,A,12,2024-01-02 10:00,1.0,7\n2,A,1,2024-01-03 10:00,1.0,7\n"
            "C3,A,-12,2024-01-04 10:00,1.0,7\n")
    sold = imported(write, body).frame.query(f"{ID} == 'A'").set_index(DS)[Y]
    assert sold["2024-01-02"] == 0 and sold["2024-01-03"] == 1


def test_a_cancellation_never_takes_units_from_later_orders_or_other_customers(write):
    body = ("C1,A,-6,2024-01-02 10:00,1.0,7\n2,A,6,2024-01-03 10:00,1.0,7\n"
            "C3,K,-1,2024-01-09 10:00,1.0,55\n")
    result = imported(write, body)
    assert total(result, "A") == 18 and total(result, "K") == 1
    assert result.summary.dropped["cancellation"] == 2
    unmatched = [p for p in result.problems if "match no earlier purchase" in p.message]
    assert len(unmatched) == 1
    assert unmatched[0].message.startswith("2 cancellation lines")
    assert "7 cancelled units match nothing" in unmatched[0].message


def test_lines_without_a_customer_match_only_the_same_day(write):
    body = ("1,A,3,2024-01-02 10:00,1.0,\nC2,A,-3,2024-01-02 11:00,1.0,\n"
            "3,A,4,2024-01-03 10:00,1.0,\nC4,A,-4,2024-01-04 10:00,1.0,\n")
    sold = imported(write, body).frame.query(f"{ID} == 'A'").set_index(DS)[Y]
    assert sold["2024-01-02"] == 0 and sold["2024-01-03"] == 4


def test_a_refund_line_naming_its_order_reduces_that_order(write):
    path = write("shop.csv", "Name,Created at,Financial Status,Lineitem quantity,Lineitem sku\n"
                 "#1,2024-03-01 10:00,paid,2,T\n#2,2024-03-02 10:00,partially_refunded,5,T\n"
                 "#2,2024-03-02 10:00,,-3,T\n#3,2024-03-03 10:00,paid,1,T\n"
                 "#4,2024-03-04 10:00,paid,-2,T\n")
    result = load(path)
    sold = result.frame.set_index(DS)[Y]
    assert list(sold) == [2, 2, 1]  # #4 names no order with purchases: a plain return
    assert result.summary.dropped == {"cancellation": 1, "returns": 1}
    assert not any("partially refunded" in p.message for p in result.problems)


def test_a_partially_refunded_order_without_refund_lines_is_counted_in_full_and_said():
    from tests.core.data.conftest import FIXTURES
    result = load(FIXTURES / "shopify_orders.csv")
    said = [p.message for p in result.problems if "partially refunded" in p.message]
    assert said and "#1004" in said[0]


def test_the_vectorised_matching_equals_a_plain_stack():
    rng = np.random.default_rng(3)
    for _ in range(200):
        n = int(rng.integers(1, 30))
        group = rng.integers(0, 3, n)
        time = rng.integers(0, 10, n)
        amount = rng.integers(1, 9, n) * np.where(rng.random(n) < 0.4, -1.0, 1.0)
        left, short = _lifo(group, time, amount)
        expect_left, expect_short = amount.clip(0), np.zeros(n)
        for g in np.unique(group):
            stack = []
            for i in sorted(np.flatnonzero(group == g), key=lambda i: (time[i], amount[i] < 0)):
                if amount[i] > 0:
                    stack.append(i)
                    continue
                need = -amount[i]
                while need and stack:
                    take = min(need, expect_left[stack[-1]])
                    expect_left[stack[-1]] -= take
                    need -= take
                    if not expect_left[stack[-1]]:
                        stack.pop()
                expect_short[i] = need
        assert left == pytest.approx(expect_left) and short == pytest.approx(expect_short)


def test_the_rule_is_documented():
    from core.data import CLEANING_RULES
    assert "same customer id" in CLEANING_RULES and "unmatched" in CLEANING_RULES
