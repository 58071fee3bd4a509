"""The vectorised ETS recursion against statsmodels, and the automatic selection on real data."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

from core.models.registry import create
from core.models.statistical.exp_smoothing import point_forecast, smooth

PARAMS = {"smoothing_level": 0.3, "smoothing_trend": 0.05, "smoothing_seasonal": 0.1,
          "damping_trend": 0.9}
CODES = {None: "N", "add": "A", "mul": "M"}


def _series(m3_monthly_slice, k=5):
    train, _ = m3_monthly_slice
    uid = sorted(train.unique_id.unique())[k]
    return train[train.unique_id == uid].y.to_numpy()


def _ours(y, trend, damped, seasonal, s0, level0, slope0=5.0):
    m = len(s0)
    one = lambda v: np.array([[v]])  # noqa: E731
    trend_code = "N" if trend is None else ("Ad" if damped else "A")
    return smooth(y[None, :], np.array([len(y)]), one(0.3), one(0.05), one(0.1), one(0.9),
                  np.array([level0]), np.array([slope0]), s0[None, :].copy(), trend_code,
                  CODES[seasonal], m, keep_fitted=True)


@pytest.mark.parametrize("error,trend,damped,seasonal", [
    ("add", None, False, None), ("add", "add", False, None), ("add", "add", True, None),
    ("add", None, False, "add"), ("add", "add", False, "add"), ("add", "add", True, "add"),
    ("mul", None, False, None), ("mul", "add", True, None), ("mul", "add", True, "add"),
])
def test_recursion_matches_statsmodels_ets(m3_monthly_slice, error, trend, damped, seasonal):
    y = _series(m3_monthly_slice)
    m = 12
    s0 = np.linspace(-1, 1, m) * 50
    s0 -= s0.mean()
    level0 = y[:12].mean()
    model = ETSModel(y, error=error, trend=trend, damped_trend=damped, seasonal=seasonal,
                     seasonal_periods=m if seasonal else None, initialization_method="known",
                     initial_level=level0, initial_trend=5.0 if trend else None,
                     initial_seasonal=s0 if seasonal else None)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        expected = model.smooth([PARAMS[p] for p in model.param_names])
    ours = _ours(y, trend, damped, seasonal, s0 if seasonal else np.zeros(1), level0)
    np.testing.assert_allclose(ours.fitted[0, 0], expected.fittedvalues, rtol=1e-9)
    trend_code = "N" if trend is None else ("Ad" if damped else "A")
    fc = point_forecast(ours.level[:, 0], ours.slope[:, 0], ours.seasonal[:, 0],
                        np.array([0.9]), trend_code, CODES[seasonal], m, len(y), 18)
    np.testing.assert_allclose(fc[0], expected.forecast(18), rtol=1e-9)


def test_multiplicative_season_follows_the_textbook_state_space_equations(m3_monthly_slice):
    # statsmodels updates multiplicative seasons in Holt-Winters form; we follow Hyndman et al.
    # (2008), as R's forecast and statsforecast do, so the reference here is a plain loop.
    y = _series(m3_monthly_slice)
    m = 12
    s0 = 1 + np.linspace(-0.1, 0.1, m)
    s0 /= s0.mean()
    level, slope, seasons = y[:12].mean(), 5.0, list(s0)
    alpha, beta, gamma, phi = 0.3, 0.05, 0.1, 0.9
    fitted = []
    for t, obs in enumerate(y):
        s = seasons[t % m]
        base = level + phi * slope
        mu = base * s
        e = obs - mu
        fitted.append(mu)
        seasons[t % m] = s + gamma * e / base
        level = base + alpha * e / s
        slope = phi * slope + beta * e / s
    ours = _ours(y, "add", True, "mul", s0, y[:12].mean())
    np.testing.assert_allclose(ours.fitted[0, 0], fitted, rtol=1e-9)


def test_auto_ets_finds_trend_and_season_and_widens_its_intervals():
    ds = pd.date_range("2015-01-01", periods=72, freq="MS")
    t = np.arange(72)
    rng = np.random.default_rng(1)
    y = 100 + 2 * t + 20 * np.sin(2 * np.pi * t / 12) + rng.normal(0, 2, 72)
    frame = pd.DataFrame({"unique_id": "a", "ds": ds, "y": y})
    model = create("ets").fit(frame, freq="M")
    assert model.form_[0].split(",")[2] in ("A", "M")
    assert model.form_[0].split(",")[1] in ("A", "Ad")
    fc = model.predict(12)
    truth = 100 + 2 * np.arange(72, 84) + 20 * np.sin(2 * np.pi * np.arange(72, 84) / 12)
    assert np.abs(fc.yhat.to_numpy() - truth).mean() < 6
    width = (fc.yhat_hi_95 - fc.yhat_lo_95).to_numpy()
    assert width[-1] > width[0] > 0


def test_products_with_different_lengths_and_end_dates_are_fitted_together(m3_monthly_slice):
    train, _ = m3_monthly_slice
    fc = create("ets").fit(train, freq="M").predict(18)
    last = train.groupby("unique_id").ds.max()
    first_fc = fc.groupby("unique_id").ds.min()
    assert (first_fc == last + pd.offsets.MonthBegin(1)).all()
    assert len(fc) == 18 * train.unique_id.nunique()
