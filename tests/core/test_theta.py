"""Theta's pieces against statsmodels on real M3 series, and its behaviour on seasonal data."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.forecasting.theta import ThetaModel
from statsmodels.tsa.seasonal import seasonal_decompose

from core.models.registry import create
from core.models.statistical.seasonality import multiplicative_indices, seasonal_test
from core.models.statistical.ses import ses_pass
from core.models.statistical.theta import theta_mean, trend_slope


def _m3(m3_monthly_slice, k):
    train, _ = m3_monthly_slice
    uid = sorted(train.unique_id.unique())[k]
    return train[train.unique_id == uid]


@pytest.mark.parametrize("k", [0, 7, 21])
def test_forecast_matches_statsmodels_theta_given_its_smoothing_weight(m3_monthly_slice, k):
    one = _m3(m3_monthly_slice, k)
    y = one.y.to_numpy()
    series = pd.Series(y, index=pd.DatetimeIndex(one.ds, freq="MS"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        res = ThetaModel(series, deseasonalize=False).fit()
    alpha = np.array([res.params["alpha"]])
    level, _, _ = ses_pass(y[None, :], alpha[:, None], y[:1])
    ours = theta_mean(level[:, 0], trend_slope(y[None, :]), alpha, np.array([len(y)]), 18)
    np.testing.assert_allclose(ours[0], res.forecast(18).to_numpy(), rtol=1e-7)


@pytest.mark.parametrize("k", [1, 5, 9])
def test_seasonal_indices_match_statsmodels_decomposition(m3_monthly_slice, k):
    y = _m3(m3_monthly_slice, k).y.to_numpy()
    expected = seasonal_decompose(y, model="multiplicative", period=12).seasonal[:12]
    np.testing.assert_allclose(multiplicative_indices(y[None, :], 12)[0], expected, rtol=1e-9)


def test_trend_slope_ignores_the_missing_start():
    y = np.array([[np.nan, np.nan, 1.0, 3.0, 5.5, 7.0]])
    assert trend_slope(y)[0] == pytest.approx(np.polyfit(np.arange(4), y[0, 2:], 1)[0])


def test_seasonality_test_finds_a_clear_season_and_not_noise():
    rng = np.random.default_rng(0)
    t = np.arange(60)
    seasonal = 100 + 30 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 3, 60)
    noise = 100 + rng.normal(0, 10, 60)
    found = seasonal_test(np.stack([seasonal, noise]), np.array([60, 60]), 12)
    assert found.tolist() == [True, False]


def test_a_shop_closed_on_saturdays_gets_zero_on_saturdays():
    ds = pd.date_range("2024-01-01", periods=10 * 7, freq="D")
    rng = np.random.default_rng(2)
    y = np.where(ds.day_of_week == 5, 0.0, 20 + rng.normal(0, 2, len(ds)))
    fc = create("theta").fit(pd.DataFrame({"unique_id": "a", "ds": ds, "y": y}),
                             freq="D").predict(14)
    saturdays = fc.ds.dt.day_of_week == 5
    assert (fc.yhat[saturdays] == 0).all()
    assert (fc.yhat[~saturdays] > 15).all()


def _theta_lines_by_hand(y, alpha, theta, horizon):
    """Fitted one-step values and forecasts of SES(Z)/theta + (1 - 1/theta) L, plain loop."""
    t = np.arange(len(y))
    slope, intercept = np.polyfit(t, y, 1)
    line = intercept + slope * t
    z = theta * y + (1 - theta) * line
    level, fitted = z[0], []
    for k in range(len(y)):
        fitted.append(level / theta + (1 - 1 / theta) * line[k])
        level += alpha * (z[k] - level)
    future = intercept + slope * np.arange(len(y), len(y) + horizon)
    return np.array(fitted), level / theta + (1 - 1 / theta) * future


def test_optimized_theta_weight_is_the_least_squares_one(m3_monthly_slice):
    from core.models.statistical.optimized_theta import best_lambda, theta_line_pass, trend_line

    y = _m3(m3_monthly_slice, 8).y.to_numpy()
    x = y[None, :]
    a, b = trend_line(x)
    line = a[:, None] + b[:, None] * np.arange(len(y))[None, :]
    _, _, rr, ru, uu = theta_line_pass(x, line, np.array([[0.3]]))
    lam, sse = best_lambda(rr, ru, uu)
    by_hand = [((y - _theta_lines_by_hand(y, 0.3, 1 / g, 1)[0]) ** 2).sum()
               for g in np.linspace(0.01, 1, 100)]
    assert sse[0, 0] == pytest.approx(min(by_hand), rel=1e-3)
    fitted, _ = _theta_lines_by_hand(y, 0.3, 1 / lam[0, 0], 1)
    assert sse[0, 0] == pytest.approx(((y - fitted) ** 2).sum(), rel=1e-9)


def test_optimized_theta_forecast_is_the_theta_line_combination(m3_monthly_slice):
    one = _m3(m3_monthly_slice, 8)
    model = create("optimized_theta", deseasonalize="never").fit(one, freq="M")
    _, expected = _theta_lines_by_hand(one.y.to_numpy(), model.alpha_[0], 1 / model.lambda_[0],
                                       18)
    np.testing.assert_allclose(model.predict(18).yhat.to_numpy(), np.clip(expected, 0, None),
                               rtol=1e-9)
