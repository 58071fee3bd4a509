"""Products too young to backtest: a cautious forecast, a visible flag, honest bands."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.messages import parse
from core.models.registry import create
from core.models.statistical.new_product import history_needed, rate_cap_of
from core.pipeline import run
from core.pipeline_types import ForecastSettings

FIXTURE = Path(__file__).parent / "fixtures" / "retail_weekly_40.csv"
HORIZON = 8


@pytest.fixture(scope="module")
def weekly():
    return pd.read_csv(FIXTURE, dtype={"unique_id": str}, parse_dates=["ds"])


def _with_one_big_sale(weekly: pd.DataFrame, size: float) -> pd.DataFrame:
    """The shop plus a product whose only week so far sold `size` units (a trade order)."""
    spike = pd.DataFrame({"unique_id": ["spike"], "ds": [weekly.ds.max()], "y": [size]})
    return pd.concat([weekly, spike], ignore_index=True)


@pytest.fixture(scope="module")
def spiked(weekly):
    shop_week = weekly.groupby("ds").y.sum().mean()
    size = 10 * shop_week  # one order ten times the whole shop's usual week
    data = _with_one_big_sale(weekly, size)
    return size, run(data, ForecastSettings(horizon=HORIZON, freq="W", windows=2, n_jobs=1))


def test_one_big_sale_does_not_make_the_shop_total_jump(weekly, spiked):
    size, result = spiked
    spike = result.forecast[result.forecast.unique_id == "spike"]
    # Spread over its one week of life plus the horizon it would still be size / 9 a week,
    # more than the whole shop's usual week (issue #11: Online Retail 23843, one 80,995-unit
    # order, became the best seller by five times). It is held to what the shop's top tenth
    # of established products sell a week lately.
    cap = rate_cap_of(weekly, HORIZON)
    recent = weekly.groupby("unique_id").tail(HORIZON).groupby("unique_id").y.mean()
    assert 0 < cap < size / (1 + HORIZON)
    assert cap == pytest.approx(recent.quantile(0.9))
    assert spike.yhat.to_numpy() == pytest.approx(np.full(HORIZON, cap))
    assert (recent > spike.yhat.iloc[0]).sum() >= 1  # some established products sell more
    shop = result.forecast[result.forecast.unique_id != "spike"].groupby("ds").yhat.sum()
    total = result.forecast.groupby("ds").yhat.sum()
    assert (total - shop).max() <= cap + 1e-9


def test_a_rate_cap_set_by_the_user_wins(weekly):
    data = _with_one_big_sale(weekly, 900.0)
    result = run(data, ForecastSettings(horizon=HORIZON, freq="W", windows=1, n_jobs=1,
                                        params={"new_product": {"rate_cap": 0.0}}))
    spike = result.forecast[result.forecast.unique_id == "spike"]
    assert spike.yhat.to_numpy() == pytest.approx(np.full(HORIZON, 900.0 / (1 + HORIZON)))


def test_a_capped_band_keeps_its_width_relative_to_the_rate():
    frame = pd.DataFrame({"unique_id": "a", "ds": pd.date_range("2024-01-01", periods=2),
                          "y": [0.0, 12.0]})
    free = create("new_product").fit(frame, freq="D").predict(4).iloc[0]
    held = create("new_product", rate_cap=1.0).fit(frame, freq="D").predict(4).iloc[0]
    assert held.yhat == pytest.approx(1.0)
    assert held.yhat_hi_80 - held.yhat == pytest.approx((free.yhat_hi_80 - free.yhat) / 2.0)


def test_a_young_product_is_flagged_and_says_how_it_was_forecast(spiked):
    _, result = spiked
    choice = result.choices.set_index("unique_id").loc["spike"]
    assert choice.model == "new_product"
    clauses = parse(choice.reason)
    assert [key for key, _ in clauses] == ["reason.too_little_history", "reason.new_product",
                                           "reason.new_product_capped"]
    assert clauses[0][1] == {"length": "1", "need": str(history_needed(HORIZON))}
    assert float(clauses[2][1]["cap"].replace(",", "")) == pytest.approx(
        result.forecast[result.forecast.unique_id == "spike"].yhat.iloc[0], rel=1e-3)
    assert set(result.forecast[result.forecast.unique_id == "spike"].model) == {"new_product"}


def test_the_threshold_is_one_backtest_window():
    # A window holds the horizon back and trains on at least 2 periods before it.
    assert history_needed(8) == 10
    assert history_needed(28) == 30


def test_products_long_enough_to_backtest_are_not_flagged(spiked):
    _, result = spiked
    others = result.choices[result.choices.unique_id != "spike"]
    assert not others.reason.str.contains("too little history").any()
    assert "new_product" not in set(others.model)


def test_a_named_network_leaves_young_products_to_the_new_product_rate(weekly):
    from core.models.neural.model import TCN

    tiny = {k: v for k, v in TCN.test_params.items() if k != "horizon"}
    data = _with_one_big_sale(weekly, 500.0)
    result = run(data, ForecastSettings(horizon=HORIZON, freq="W", windows=1, models=("tcn",),
                                        params={"tcn": tiny}, n_jobs=1))
    spike = result.forecast[result.forecast.unique_id == "spike"]
    assert len(spike) == HORIZON and set(spike.model) == {"new_product"}
    assert (spike.yhat_hi_95 - spike.yhat_lo_95 > 1.0).all()
    reason = result.choices.set_index("unique_id").reason["spike"]
    capped = rate_cap_of(weekly, HORIZON) < 500.0 / (1 + HORIZON)
    assert [k for k, _ in parse(reason)] == ["reason.settings", "reason.too_little_history",
                                             "reason.new_product",
                                             *(["reason.new_product_capped"] if capped else [])]
    assert set(result.forecast[result.forecast.unique_id != "spike"].model) == {"tcn"}


def _bands(name: str, series: dict[str, list[float]], horizon: int = 3) -> pd.DataFrame:
    frame = pd.concat([pd.DataFrame({"unique_id": uid, "y": values,
                                     "ds": pd.date_range(end="2024-03-31", periods=len(values))})
                       for uid, values in series.items()], ignore_index=True)
    fc = create(name).fit(frame, freq="D").predict(horizon)
    return fc.groupby("unique_id")[["yhat", "yhat_lo_80", "yhat_hi_80"]].first()


def test_one_observation_gets_a_band_not_a_point():
    # The [500, 500] of seasonal naive for a product that sold 500 once.
    for name in ("seasonal_naive", "naive", "moving_average", "new_product"):
        one = _bands(name, {"a": [500.0]}).loc["a"]
        assert one.yhat_hi_80 - one.yhat_lo_80 > 100, name
        assert one.yhat_lo_80 <= one.yhat <= one.yhat_hi_80


def test_less_history_gives_a_wider_band():
    # Same ups and downs of 4 units, seen once or eleven times.
    bands = _bands("naive", {"short": [10.0, 14.0], "long": [10.0, 14.0] * 6})
    width = bands.yhat_hi_80 - bands.yhat_lo_80
    assert width["short"] > 1.3 * width["long"] > 0


def test_new_product_rate_and_band_by_hand():
    fc = _bands("new_product", {"a": [0.0, 12.0]}, horizon=4).loc["a"]
    rate = 12.0 / (2 + 4)
    spread = np.sqrt(((0 - rate) ** 2 + (12 - rate) ** 2) / 2) * np.sqrt(1 + 1 / 2)
    assert fc.yhat == pytest.approx(rate)
    assert fc.yhat_hi_80 == pytest.approx(rate + 1.2815515655 * spread)
    assert fc.yhat_lo_80 == 0.0  # clipped: nothing sold is possible
