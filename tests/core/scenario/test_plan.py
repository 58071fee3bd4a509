"""What-if plans: validation, JSON round trip, which rows a change covers."""
from __future__ import annotations

import pandas as pd
import pytest

from core.errors import TrendcastError
from core.scenario import PriceChange, Scenario
from core.scenario.plan import price_factors


def test_plans_round_trip_through_json():
    plan = Scenario((PriceChange(-10, "2012-03-01", "2012-03-31"),
                     PriceChange(5, products=("A", "B"), category="toys", promo=True)),
                    method="elasticity", name="März 三月")
    assert Scenario.from_json(plan.to_json()) == plan


@pytest.mark.parametrize("change, message", [
    (dict(percent=-95), "outside"),
    (dict(percent=float("nan")), "outside"),
    (dict(percent=10, start="2012-03-31", end="2012-03-01"), "ends .* before it starts"),
    (dict(percent=10, start="next March"), "is not a date"),
])
def test_impossible_changes_are_refused_with_a_reason(change, message):
    with pytest.raises(TrendcastError, match=message):
        PriceChange(**change)


@pytest.mark.parametrize("data, message", [
    ([], "JSON object"),
    ({"changes": {}}, "must be a list"),
    ({"changes": [{"start": "2012-01-01"}]}, "Change 1 needs at least a 'percent'"),
    ({"changes": [{"percent": "cheap"}]}, "Change 1"),
    ({"changes": [], "method": "magic"}, "Unknown what-if method"),
])
def test_malformed_json_plans_say_what_is_wrong(data, message):
    with pytest.raises(TrendcastError, match=message):
        Scenario.from_json(data)


def test_overlapping_changes_multiply_and_respect_dates_products_and_categories():
    dates = pd.date_range("2012-02-26", periods=4, freq="W-SUN")  # Feb 26, Mar 4, 11, 18
    rows = pd.DataFrame({"unique_id": ["A"] * 4 + ["B"] * 4 + ["C"] * 4,
                         "ds": list(dates) * 3})
    categories = pd.Series({"A": "toys", "B": "home", "C": "toys"})
    plan = Scenario((PriceChange(-10, start="2012-03-01", end="2012-03-11"),
                     PriceChange(50, category="toys", promo=True, start="2012-03-11"),
                     PriceChange(0, products=("B",), promo=True, end="2012-02-28")))
    factor, promo = price_factors(plan, rows, categories)
    assert factor.round(6).tolist() == [1, 0.9, 1.35, 1.5,   # A: toys
                                        1, 0.9, 0.9, 1,      # B: home
                                        1, 0.9, 1.35, 1.5]   # C: toys
    assert promo.tolist() == [False, False, True, True,
                              True, False, False, False,
                              False, False, True, True]


def test_a_fixed_elasticity_round_trips_and_must_be_plausible():
    plan = Scenario((PriceChange(-10),), method="elasticity", elasticity=-1.5)
    assert Scenario.from_json(plan.to_json()) == plan
    with pytest.raises(TrendcastError, match="not plausible"):
        Scenario((PriceChange(-10),), elasticity=-40)
    with pytest.raises(TrendcastError, match="needs the elasticity method"):
        Scenario((PriceChange(-10),), method="network", elasticity=-1)
    with pytest.raises(TrendcastError, match="not a number"):
        Scenario.from_json({"changes": [], "elasticity": "steep"})


def test_dates_with_a_time_zone_mean_their_calendar_day():
    change = PriceChange(-10, start="2012-03-01T10:00:00+01:00", end="2012-03-01")
    assert change.start == pd.Timestamp("2012-03-01")
    assert change.covers(pd.Series(pd.to_datetime(["2012-03-01", "2012-03-02"]))).tolist() == \
        [True, False]
