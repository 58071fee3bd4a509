"""The shop's country from a country column, by units over the whole file: the holidays default."""
from __future__ import annotations

import pandas as pd
import pytest

from core.data import load
from core.data.country import ShopCountry
from core.messages import render

UCI_HEADER = "InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n"


def uci_like(lines: list[tuple[str, int]]) -> str:
    """Order lines over two weeks, one (country, quantity) each, as the UCI file writes them."""
    rows = [f"{536000 + i},P{i % 3},Thing {i % 3},{qty},2011-01-{1 + i % 14:02d} 10:00,1.5,"
            f"{17000 + i},{country}" for i, (country, qty) in enumerate(lines)]
    return UCI_HEADER + "\n".join(rows) + "\n"


def test_dominant_country_by_units_not_lines(write):
    # France has 6 of 8 lines, the UK 90 % of the units: the shop is British.
    path = write("orders.csv", uci_like([("France", 1)] * 6 + [("United Kingdom", 27)] * 2))
    result = load(path)
    assert result.summary.country == ShopCountry("Country", "United Kingdom", 0.9, "GB")
    assert result.holiday_country == "GB"
    assert render("summary.country", code="GB", country="United Kingdom", share="90%",
                  column="Country") in result.summary.lines()


def test_a_mixed_shop_gets_no_default_and_says_so(write):
    lines = [("United Kingdom", 5), ("Germany", 3), ("EIRE", 2)] * 4
    result = load(write("orders.csv", uci_like(lines)))
    assert result.summary.country.value == "United Kingdom"
    assert result.summary.country.share == pytest.approx(0.5)
    assert result.holiday_country is None
    assert ("no default for holidays: the largest country, United Kingdom, bought only 50% of "
            "the units (column 'Country'; a default needs over 60%)") in result.summary.lines()


def test_cancellations_and_blank_countries_are_not_units_sold(write):
    # Negative lines are returns; lines without a country still count in the whole.
    lines = [("EIRE", 7), ("EIRE", -50), ("", 3)] * 3
    result = load(write("orders.csv", uci_like(lines)))
    assert result.summary.country == ShopCountry("Country", "EIRE", 0.7, "IE")
    assert result.holiday_country == "IE"


def test_a_dominant_country_without_holidays_gives_no_default(write):
    result = load(write("orders.csv", uci_like([("Unspecified", 9), ("France", 1)] * 3)))
    assert result.holiday_country is None
    assert any("Unspecified bought 90% of the units (column 'Country'), but has no public "
               "holidays known" in line for line in result.summary.lines())


def test_shopify_country_written_on_each_orders_first_line_only(write):
    # The 40-unit line of order #1001 has no country cell: it is the order's, Germany's.
    text = ("Name,Financial Status,Created at,Lineitem quantity,Lineitem name,Lineitem price,"
            "Lineitem sku,Billing Country,Shipping Country\n"
            "#1001,paid,2024-03-01 10:15:42 +0100,1,Tea Tin,8.00,TT-1,AT,DE\n"
            "#1001,,2024-03-01 10:15:42 +0100,40,Tea Spoon,3.00,TS-2,,\n"
            "#1002,paid,2024-03-02 11:00:00 +0100,5,Tea Tin,8.00,TT-1,FR,FR\n"
            "#1003,paid,2024-03-09 11:00:00 +0100,4,Tea Spoon,3.00,TS-2,FR,FR\n")
    result = load(write("orders_export.csv", text))
    assert result.summary.country == ShopCountry("Shipping Country", "DE", 0.82, "DE")
    assert result.holiday_country == "DE"


def test_woocommerce_billing_country(write):
    text = ('"Order Number","Order Date","Order Status","SKU","Item Name","Quantity",'
            '"Item Cost","Billing Country"\n'
            '"501","2024-04-01 10:00:00","wc-completed","W-1","Candle","2","12.00","US"\n'
            '"502","2024-04-02 10:00:00","wc-completed","W-2","Soap","3","4.50","US"\n'
            '"503","2024-04-09 10:00:00","wc-completed","W-1","Candle","1","12.00","CA"\n')
    result = load(write("woo.csv", text))
    assert result.summary.country.column == "Billing Country"
    assert result.holiday_country == "US"


def test_no_country_column_no_country(write):
    text = "date,sku,qty\n2024-01-01,A,3\n2024-01-02,A,4\n2024-01-03,B,1\n"
    result = load(write("long.csv", text))
    assert result.summary.country is None and result.holiday_country is None
    assert not any("holidays" in line for line in result.summary.lines())


def test_the_real_uci_file_is_a_uk_shop(retail_orders):
    result = load(retail_orders)
    found = result.summary.country
    assert (found.column, found.value, found.code) == ("Country", "United Kingdom", "GB")
    assert result.holiday_country == "GB"
    # Independently: the UK's share of the positive units of every line in the file.
    raw = pd.read_csv(retail_orders, usecols=["Quantity", "Country"])
    sold = raw[raw.Quantity > 0]
    by_units = sold.Quantity[sold.Country == "United Kingdom"].sum() / sold.Quantity.sum()
    assert found.share == pytest.approx(by_units)
    assert 0.83 < found.share < 0.84  # 91 % of the lines, but 83.6 % of the units
    assert (raw.Country == "United Kingdom").mean() == pytest.approx(0.914, abs=0.001)
