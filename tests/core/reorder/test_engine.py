"""The reorder engine against hand-worked examples and against stockpyl's textbook formulas."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import stockpyl.newsvendor as nv

from core.reorder import ReorderSettings, build_plan
from core.reorder.lead_time_demand import span_weights
from core.reorder.policy import days_of_cover, days_until_stockout, order_quantity

START = pd.Timestamp("2024-01-01")


def test_order_quantity_rounds_to_moq_then_whole_packs():
    assert order_quantity(13.2, moq=20, pack_size=12) == 24  # 14 -> MOQ 20 -> 2 packs of 12
    assert order_quantity(30.0, moq=20, pack_size=12) == 36
    assert order_quantity(5.0) == 5
    assert order_quantity(0.0, moq=20) == 0
    assert order_quantity(-3.0, moq=20, pack_size=6) == 0


def test_stockout_and_cover_in_days():
    assert days_until_stockout(np.array([10.0, 10, 10]), 7, 25) == pytest.approx(17.5)
    assert days_until_stockout(np.array([10.0, 10]), 7, 50) == float("inf")
    assert days_of_cover(12, np.array([10.0, 10]), 7) == pytest.approx(8.4)


def test_span_weights_cover_part_periods():
    np.testing.assert_allclose(span_weights(17, "W"), [1, 1, 3 / 7])
    np.testing.assert_allclose(span_weights(3, "D"), [1, 1, 1])
    assert len(span_weights(0, "W")) == 0


def _weekly(uid, values, start=START):
    return pd.DataFrame({"unique_id": uid, "ds": pd.date_range(start, periods=len(values),
                                                                  freq="W-MON"), "y": values})


def _forecast(uid, history, level, periods=8):
    ds = pd.date_range(history["ds"].max() + pd.Timedelta(days=7), periods=periods, freq="W-MON")
    return pd.DataFrame({"unique_id": uid, "ds": ds, "yhat": float(level), "model": "m"})


def test_hand_worked_plan_from_own_history():
    # 20 weeks alternating 5, 15: every 3-week span sold 25 or 35 (9 times each), so the 95 %
    # quantile of demand over lead time 14 d + review 7 d is 35. Forecast 10 a week -> 30
    # expected, safety stock 5. Position 12 + 5 = 17 -> 18 short -> packs of 10 -> order 20.
    history = _weekly("a", [5.0, 15.0] * 10).assign(price=2.0)
    forecast = _forecast("a", history, 10)
    items = pd.DataFrame({"unique_id": ["a"], "on_hand": [12.0], "on_order": [5.0],
                          "pack_size": [10.0]})
    plan = build_plan(history, forecast, None, items, ReorderSettings(lead_time_days=14),
                      "W", demand_class=pd.Series({"a": "smooth"}))
    row = plan.table.iloc[0]
    assert row["basis"] == "own_history"
    assert row["forecast_lead_time"] == pytest.approx(20)
    assert row["forecast_lead_review"] == pytest.approx(30)
    assert row["reorder_point"] == 35
    assert row["safety_stock"] == pytest.approx(5)
    assert row["inventory_position"] == 17
    assert row["order_qty"] == 20
    # 12 units at 10 a week last 8.4 days: out on the 8th day after the forecast starts
    assert row["days_of_cover"] == pytest.approx(8.4)
    assert row["stockout_date"] == forecast["ds"].iloc[0] + pd.Timedelta(days=8)
    # every 2-week span sold 20: 3 units short of the position 17, at 2.00 each
    assert row["revenue_at_risk"] == pytest.approx(6.0)
    assert row["exceptions"] == "runs_out"
    assert "order 20 for the minimum order of 0 and packs of 10" in row["why"]
    assert "35" in row["why"] and "95%" in row["why"]


def _pooled_case(draw, products=60, windows=40, horizon=4, level=100.0, seed=0):
    """Products whose backtests were off by `draw(rng, n)` around a flat forecast `level`."""
    rng = np.random.default_rng(seed)
    uids = [f"p{i:02d}" for i in range(products)]
    weeks = pd.date_range(START, periods=60, freq="W-MON")
    history = pd.DataFrame({"unique_id": np.repeat(uids, len(weeks)),
                            "ds": np.tile(weeks, products), "y": draw(rng, products * 60)})
    forecast = pd.concat([_forecast(uid, history, level) for uid in uids])
    ds = pd.date_range(START, periods=windows * horizon, freq="W-MON")
    n = products * windows * horizon
    backtest = pd.DataFrame({"unique_id": np.repeat(uids, windows * horizon),
                             "cutoff": np.tile(np.repeat(ds[::horizon], horizon), products),
                             "ds": np.tile(ds, products), "y": draw(rng, n), "yhat": level,
                             "model": "m"})
    return history, forecast, backtest, pd.Series("smooth", index=uids)


def test_normal_demand_agrees_with_stockpyl_base_stock():
    # Demand N(100, 20) a week, forecast 100. Lead time 3 weeks + 1-week review: stockpyl's
    # newsvendor with lead_time=3 (demand over L + 1 periods) at critical ratio 19/(1+19) = 0.95.
    history, forecast, backtest, classes = _pooled_case(lambda rng, n: rng.normal(100, 20, n))
    items = pd.DataFrame({"unique_id": classes.index, "on_hand": 0.0})
    plan = build_plan(history, forecast, backtest, items,
                      ReorderSettings(lead_time_days=21, service_level=0.95), "W", classes)
    expected, _ = nv.newsvendor_normal(1, 19, 100, 20, lead_time=3)  # 465.8
    points = plan.table["reorder_point"]
    assert (plan.table["basis"] == "pool").all()
    assert points.sub(expected).abs().max() < 0.025 * expected
    assert plan.table["forecast_lead_review"].iloc[0] == pytest.approx(400)


def test_intermittent_demand_is_not_given_the_normal_answer():
    # A product sells nothing 4 weeks in 5 and a case of 50 in the fifth: mean 10, sd 20.
    # Over one week (lead 0 + review 7 days) at 90 %: the normal formula says 10 + 1.28 * 20 =
    # 35.6, which runs out every time the case is ordered; the true 90 % quantile is 50.
    def lumps(rng, n):
        return np.where(rng.random(n) < 0.2, 50.0, 0.0)

    history, forecast, backtest, classes = _pooled_case(lumps, level=10.0, horizon=1,
                                                        windows=60)
    classes[:] = "lumpy"
    items = pd.DataFrame({"unique_id": classes.index, "on_hand": 0.0})
    table = build_plan(history, forecast, backtest, items,
                       ReorderSettings(lead_time_days=0, service_level=0.9), "W",
                       classes).table
    normal, _ = nv.newsvendor_normal(1, 9, 10, 20)
    discrete, _ = nv.newsvendor_discrete(1, 9, demand_pmf={0: 0.8, 50: 0.2})
    assert normal == pytest.approx(35.6, abs=0.1)
    assert discrete == 50
    assert (table["reorder_point"] == discrete).all()
    # ... and at 70 % one week's stock of nothing is enough: no safety stock is invented
    table70 = build_plan(history, forecast, backtest, items,
                         ReorderSettings(lead_time_days=0, service_level=0.7), "W",
                         classes).table
    assert (table70["reorder_point"] == 0).all()
    assert nv.newsvendor_normal(3, 7, 10, 20)[0] > 20


def test_short_history_falls_back_to_poisson_like_stockpyl():
    history = _weekly("new", [3.0, 4.0])
    forecast = _forecast("new", history, 4)
    items = pd.DataFrame({"unique_id": ["new"], "on_hand": [0.0]})
    row = build_plan(history, forecast, None, items, ReorderSettings(lead_time_days=14), "W",
                     pd.Series({"new": "smooth"})).table.iloc[0]
    # 3 weeks at 4 a week = Poisson(12); stockpyl's Poisson newsvendor at 0.95
    expected, _ = nv.newsvendor_poisson(1, 19, 12)
    assert row["basis"] == "poisson"
    assert row["reorder_point"] == expected
    assert "too little history" in row["why"]


def test_products_without_stock_are_kept_and_flagged():
    history = pd.concat([_weekly("a", [5.0] * 20), _weekly("b", [5.0] * 20)])
    forecast = pd.concat([_forecast("a", history, 5), _forecast("b", history, 5)])
    items = pd.DataFrame({"unique_id": ["a", "b"], "on_hand": [3.0, np.nan]})
    table = build_plan(history, forecast, None, items, ReorderSettings(), "W").table
    b = table.set_index("unique_id").loc["b"]
    assert b["exceptions"] == "no_stock" and np.isnan(b["order_qty"])
    assert "no stock figure" in b["why"]


def test_dead_and_excess_stock_are_listed():
    history = pd.concat([_weekly("dead", [5.0] * 10 + [0.0] * 20),
                         _weekly("full", [5.0] * 30)])
    forecast = pd.concat([_forecast("dead", history, 0.0), _forecast("full", history, 5)])
    items = pd.DataFrame({"unique_id": ["dead", "full"], "on_hand": [40.0, 500.0]})
    table = build_plan(history, forecast, None, items, ReorderSettings(), "W").table
    flags = table.set_index("unique_id")["exceptions"]
    assert "dead" in flags["dead"].split()
    assert flags["full"] == "excess"  # 500 > reorder point + 180 days at 5 a week


def test_service_level_per_abc_class():
    history = pd.concat([_weekly("big", [100.0] * 20), _weekly("small", [1.0] * 20)])
    forecast = pd.concat([_forecast("big", history, 100), _forecast("small", history, 1)])
    items = pd.DataFrame({"unique_id": ["big", "small"], "on_hand": [0.0, 0.0]})
    settings = ReorderSettings(service_by_abc={"A": 0.97, "B": 0.95, "C": 0.9})
    table = build_plan(history, forecast, None, items, settings, "W").table.set_index("unique_id")
    assert table.loc["big", "abc_class"] == "A" and table.loc["big", "service_level"] == 0.97
    assert table.loc["small", "abc_class"] == "C" and table.loc["small", "service_level"] == 0.9


def test_a_lead_time_spread_raises_the_reorder_point():
    history, forecast, backtest, classes = _pooled_case(lambda rng, n: rng.normal(100, 20, n),
                                                        horizon=6)
    def points(**extra):
        items = pd.DataFrame({"unique_id": classes.index, "on_hand": 0.0, **extra})
        return build_plan(history, forecast, backtest, items,
                          ReorderSettings(lead_time_days=21), "W", classes).table

    steady, spread = points(), points(lead_time_sd_days=7.0)
    # lead time 3 weeks give or take one: mostly a week's sales of 100 more, or less
    assert (spread["reorder_point"] > steady["reorder_point"] + 40).all()
    assert (spread["forecast_lead_review"] == steady["forecast_lead_review"]).all()
    longer = points(lead_time_days=35.0)  # 2 spreads longer, no spread
    assert (spread["reorder_point"] < longer["reorder_point"]).all()


def test_a_forecast_shorter_than_lead_time_is_refused():
    from core.errors import TrendcastError

    history = _weekly("a", [5.0] * 20)
    forecast = _forecast("a", history, 5, periods=2)
    items = pd.DataFrame({"unique_id": ["a"], "on_hand": [3.0]})
    with pytest.raises(TrendcastError, match="covers 2 periods.*needs 3"):
        build_plan(history, forecast, None, items, ReorderSettings(lead_time_days=14), "W")


def test_impossible_settings_are_refused_by_name():
    from core.errors import TrendcastError

    history = _weekly("a", [5.0] * 20)
    items = pd.DataFrame({"unique_id": ["a"], "on_hand": [3.0]})
    with pytest.raises(TrendcastError, match="service level of class B must be between 0 and 1"):
        build_plan(history, _forecast("a", history, 5), None, items,
                   ReorderSettings(service_by_abc={"A": 0.97, "B": 95}), "W")


def test_lead_time_per_supplier_unless_the_product_has_its_own():
    history = pd.concat([_weekly(u, [10.0] * 20) for u in ("a", "b", "c")])
    forecast = pd.concat([_forecast(u, history, 10) for u in ("a", "b", "c")])
    items = pd.DataFrame({"unique_id": ["a", "b", "c"], "on_hand": 0.0,
                          "supplier": ["Slow", "Slow", "Other"],
                          "lead_time_days": [np.nan, 7.0, np.nan]})
    settings = ReorderSettings(lead_time_days=14, lead_time_by_supplier={"Slow": 28})
    table = build_plan(history, forecast, None, items, settings, "W").table
    assert table.set_index("unique_id")["lead_time_days"].to_dict() == {
        "a": 28, "b": 7, "c": 14}
    assert table.set_index("unique_id").loc["a", "forecast_lead_time"] == pytest.approx(40)
