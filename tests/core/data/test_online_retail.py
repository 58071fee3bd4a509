"""The real UCI Online Retail orders: totals match the documented cleaning rule, computed here
independently of the importer, and weeks match the shared weekly series."""
from __future__ import annotations

import re

import pandas as pd
import pytest

from core.data import ImportOptions, load
from core.schema import DS, ID, Y
from tests.core.data.conftest import shared_data

NON_PRODUCT = {"POST", "DOT", "M", "D", "C2", "C3", "S", "B", "CRUK", "PADS", "BANK CHARGES",
               "AMAZONFEE", "ADJUST", "ADJUST2"}


@pytest.fixture(scope="module")
def raw(retail_orders) -> pd.DataFrame:
    return pd.read_csv(retail_orders, dtype={"InvoiceNo": str, "StockCode": str})


@pytest.fixture(scope="module")
def expected_total(raw) -> float:
    code = raw["StockCode"].str.strip().str.upper()
    keep = (~raw["InvoiceNo"].str.startswith("C") & (raw["Quantity"] > 0)
            & (raw["UnitPrice"] > 0) & ~code.isin(NON_PRODUCT)
            & ~code.map(lambda c: bool(re.match(r"^(GIFT_.*|TEST\d*)$", c))))
    return float(raw.loc[keep, "Quantity"].sum())


@pytest.fixture(scope="module")
def daily(retail_orders):
    return load(retail_orders)


@pytest.fixture(scope="module")
def weekly(retail_orders):
    return load(retail_orders, ImportOptions(freq="W"))


def test_daily_total_equals_raw_total_under_the_cleaning_rule(daily, expected_total, raw):
    assert daily.layout == "orders"
    assert daily.freq == "D"
    assert daily.frame[Y].sum() == pytest.approx(expected_total, abs=1e-6)
    assert daily.summary.total_quantity == pytest.approx(expected_total)
    assert daily.summary.rows_read == len(raw)
    assert set(daily.summary.dropped) == {"cancelled", "returns", "non-positive price",
                                          "non-product code"}


def test_weekly_total_equals_raw_total_and_weeks_end_on_sunday(weekly, expected_total):
    frame = weekly.frame
    assert frame[Y].sum() == pytest.approx(expected_total, abs=1e-6)
    assert (frame[DS].dt.day_of_week == 6).all()
    assert any("only has data up to 2011-12-09" in p.message for p in weekly.problems)


def test_complete_weeks_match_the_shared_weekly_file(retail_orders):
    """The shared file holds the 52 complete weeks of 1,817 products, cleaned by the same rule."""
    weekly = load(retail_orders, ImportOptions(freq="W", complete_periods=True))
    reference = pd.read_csv(shared_data() / "online_retail" / "online_retail_weekly.csv",
                            dtype={ID: str}, parse_dates=[DS])
    assert (weekly.frame[DS].min(), weekly.frame[DS].max()) == (reference[DS].min(),
                                                                reference[DS].max())
    ours = weekly.frame.assign(**{ID: weekly.frame[ID].str.upper()}).set_index([ID, DS])[Y]
    joined = reference.join(ours.rename("ours"), on=[ID, DS])
    joined["ours"] = joined["ours"].fillna(0.0)  # weeks before our first sale
    assert len(joined) > 90_000
    assert (joined["ours"] == joined[Y]).all()


def test_series_are_regular_and_share_the_last_period(daily):
    frame = daily.frame
    assert list(frame.columns[:3]) == [ID, DS, Y]
    assert {"price", "title"} <= set(frame.columns)
    end = frame[DS].max()
    assert (frame.groupby(ID)[DS].max() == end).all()
    first = frame.groupby(ID).head(1)
    assert (first[Y] > 0).all(), "leading zeros are trimmed"
    steps = frame.groupby(ID)[DS].diff().dropna()
    assert (steps == pd.Timedelta(days=1)).all()
    assert not frame.duplicated([ID, DS]).any()


def test_price_is_the_quantity_weighted_mean_and_title_the_most_frequent(daily, raw):
    row = daily.frame[(daily.frame[ID] == "85123A") & (daily.frame[DS] == "2010-12-01")].iloc[0]
    lines = raw[(raw["StockCode"] == "85123A") & raw["InvoiceDate"].str.startswith("2010-12-01")
                & (raw["Quantity"] > 0) & (raw["UnitPrice"] > 0)
                & ~raw["InvoiceNo"].str.startswith("C")]
    weighted = (lines["Quantity"] * lines["UnitPrice"]).sum() / lines["Quantity"].sum()
    assert row[Y] == lines["Quantity"].sum()
    assert row["price"] == pytest.approx(weighted, abs=1e-4)
    # The list price: what most lines paid (ties: the higher price), not moved by bulk tiers.
    counts = lines.groupby("UnitPrice").size()
    modal = counts[counts == counts.max()].index.max()
    assert row["list_price"] == pytest.approx(modal, abs=1e-4)
    moved = daily.frame.dropna(subset=["price", "list_price"])
    assert (moved["price"] != moved["list_price"]).mean() > 0.1
    assert row["title"] == raw.loc[raw["StockCode"] == "85123A", "Description"].mode()[0]
