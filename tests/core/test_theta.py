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
