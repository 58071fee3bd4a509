"""Windows, scaling and covariates: plain NumPy, no TensorFlow."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.countries import check_country
from core.errors import TrendcastError
from core.models.neural.covariates import calendar_features
from core.models.neural.windows import WindowSource, product_scales, validation_end
from core.models.panel import Panel


def _source(frame, lookback=14, horizon=7, country=None):
    panel = Panel.from_frame(frame, "D")
    return panel, WindowSource(panel, frame, lookback=lookback, horizon=horizon, country=country,
                               scales=product_scales(panel),
                               product_index=np.arange(1, len(panel) + 1),
                               category_index=np.zeros(len(panel), int))


def test_scales_are_mean_absolute_sales_and_never_zero():
    frame = pd.DataFrame({"unique_id": ["a"] * 4 + ["z"] * 4,
                          "ds": list(pd.date_range("2024-01-01", periods=4)) * 2,
                          "y": [2.0, 0, 4, 2, 0, 0, 0, 0]})
    scales = product_scales(Panel.from_frame(frame, "D"))
    assert scales.tolist() == [2.0, 1.0]


def test_a_window_is_the_lookback_then_the_next_horizon_scaled(shop):
    panel, source = _source(shop)
    row, cut = 1, 40
    batch = source.batch(np.array([row]), np.array([cut]), with_target=True)
    y = panel.values[row]
    scale = source.scales[row]
    np.testing.assert_allclose(batch.past[0, :, 0], y[cut - 14:cut] / scale, rtol=1e-6)
    np.testing.assert_allclose(batch.target[0], y[cut:cut + 7] / scale, rtol=1e-6)
    assert batch.past[0, :, 1].tolist() == [1.0] * 14  # all observed
    # Future covariates of the window are the calendar of the target days (day-of-week one-hot
    # after one constant channel; 84 days are too few for month channels).
    dow = batch.future[0, :, 1:8].argmax(axis=1)
    days = pd.date_range(panel.last_dates[row], periods=1)[0] - pd.Timedelta(
        days=panel.values.shape[1] - 1 - cut)
    assert dow.tolist() == list(pd.date_range(days, periods=7).day_of_week)


def test_sampled_windows_repeat_with_the_seed_and_never_reach_the_validation_part(shop):
    _, source = _source(shop)
    end = validation_end(source)
    assert end == source.width - 7
    a = source.sample(np.random.default_rng(3), 50, end)
    b = source.sample(np.random.default_rng(3), 50, end)
    np.testing.assert_array_equal(a.past, b.past)
    np.testing.assert_array_equal(a.target, b.target)
    assert len(a) == 50
    # The late product's windows are zero-padded before its first sale, flagged unobserved.
    late = source.batch(np.array([4]), np.array([source.starts[4] + 1]), with_target=True)
    assert late.past[0, :, 1].tolist() == [0.0] * 13 + [1.0]


def test_validation_holds_out_each_products_last_horizon(shop):
    panel, source = _source(shop)
    val = source.validation()
    np.testing.assert_allclose(val.target * source.scales[:, None],
                               panel.values[:, -7:], rtol=1e-6)


def test_forecast_inputs_hold_price_at_its_last_value(shop):
    frame = shop.copy()
    frame.loc[(frame.unique_id == "p0") & (frame.ds == frame.ds.max()), "price"] = 4.0
    _, source = _source(frame)
    latest = source.latest()
    price = latest.future[0, :, -1]  # log(price / typical price)
    np.testing.assert_allclose(price, np.log(4.0 / 2.0), rtol=1e-6)


def test_holidays_are_a_channel_and_unknown_countries_a_clear_error():
    dates = pd.date_range("2024-12-23", periods=5, freq="D")
    gb = calendar_features(dates, "D", check_country("gb"))
    assert gb[:, -1].tolist() == [0, 0, 1, 1, 0]  # Christmas and Boxing Day
    with pytest.raises(TrendcastError, match="holiday country"):
        check_country("Narnia")


def test_position_in_the_year_is_used_only_with_a_year_of_history():
    dates = pd.date_range("2024-01-01", periods=10, freq="D")
    assert calendar_features(dates, "D", None, yearly=False).shape[1] == 1 + 7
    assert calendar_features(dates, "D", None, yearly=True).shape[1] == 1 + 2 + 7
    long = pd.DataFrame({"unique_id": "a", "ds": pd.date_range("2022-01-01", periods=400),
                         "y": 1.0})
    assert _source(long)[1].future_channels == 1 + 2 + 7
