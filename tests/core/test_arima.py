"""The vectorised CSS ARIMA pieces against statsmodels SARIMAX, and the automatic selection."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from statsmodels.tsa.statespace.sarimax import SARIMAX

from core.models.registry import create
from core.models.statistical.arima_css import (
    arma_forecast,
    css_residuals,
    difference,
    expand,
    integrate,
    kpss_rejects,
    psi_weights,
    with_differences,
)

M = 12


def _coefficients(phi, theta, big_phi, big_theta):
    ar = expand(np.array(phi, float).reshape(1, 1, -1), np.array(big_phi, float).reshape(1, 1, -1),
                M, -1.0)
    ma = expand(np.array(theta, float).reshape(1, 1, -1),
                np.array(big_theta, float).reshape(1, 1, -1), M, 1.0)
    return ar, ma


# Orders whose CSS and exact-likelihood forecasts coincide on a 100-month series (a seasonal
# MA's start-up effect fades too slowly for that; it is checked on simulated data below).
@pytest.mark.parametrize("order,seasonal_order,phi,theta,big_phi", [
    ((1, 1, 1), (0, 0, 0, 0), [0.5], [-0.3], []),
    ((2, 0, 1), (0, 0, 0, 0), [0.6, 0.2], [0.3], []),
    ((1, 0, 0), (1, 1, 0, M), [0.5], [], [0.4]),
    ((0, 2, 2), (0, 0, 0, 0), [], [-0.5, 0.2], []),
])
def test_forecast_and_variance_match_statsmodels(m3_monthly_slice, order, seasonal_order, phi,
                                                 theta, big_phi):
    train, _ = m3_monthly_slice
    y = train[train.unique_id == sorted(train.unique_id.unique())[3]].y.to_numpy()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = SARIMAX(y, order=order, seasonal_order=seasonal_order, trend="n").filter(
            [*phi, *theta, *big_phi, 1.0])
    d, big_d = order[1], seasonal_order[1]
    x = y[None, :]
    x1 = difference(x, M) if big_d else x
    chain = [x1]
    for _ in range(d):
        chain.append(difference(chain[-1], 1))
    ar, ma = _coefficients(phi, theta, big_phi, [])
    _, last = css_residuals(chain[-1], ar, ma)
    fc = arma_forecast(chain[-1], ar[:, 0], ma[:, 0], last[:, 0], 18)
    for before in reversed(chain[:-1]):
        fc = integrate(fc, before, 1)
    if big_d:
        fc = integrate(fc, x, M)
    np.testing.assert_allclose(fc[0], result.forecast(18), rtol=1e-6)
    psi = psi_weights(with_differences(ar[:, 0], d, big_d, M), ma[:, 0], 18)
    np.testing.assert_allclose(np.cumsum(psi[0] ** 2), result.get_forecast(18).var_pred_mean,
                               rtol=1e-6)


def test_css_residuals_recover_the_shocks_of_a_seasonal_ma():
    rng = np.random.default_rng(0)
    shocks = rng.normal(size=400)
    ar, ma = _coefficients([], [-0.4], [], [-0.5])
    lags = ma[0, 0]
    z = shocks.copy()
    for t in range(400):
        for lag, c in enumerate(lags, start=1):
            if t >= lag:
                z[t] += c * shocks[t - lag]
    sse, last = css_residuals(z[None, :], ar, ma)
    np.testing.assert_allclose(last[0, 0], shocks[-len(lags):], atol=1e-12)
    assert sse[0, 0] == pytest.approx((shocks ** 2).sum())


def test_kpss_flags_a_random_walk_and_not_white_noise():
    rng = np.random.default_rng(3)
    walk, noise = np.cumsum(rng.normal(size=200)), rng.normal(size=200)
    assert kpss_rejects(np.stack([walk, noise])).tolist() == [True, False]


def test_auto_arima_differences_a_trend_and_forecasts_it():
    rng = np.random.default_rng(4)
    y = 50 + np.cumsum(1.0 + rng.normal(0, 0.5, 120))
    ds = pd.date_range("2010-01-01", periods=120, freq="MS")
    model = create("arima").fit(pd.DataFrame({"unique_id": "a", "ds": ds, "y": y}), freq="M")
    assert model.d_[0] == 1
    fc = model.predict(12)
    assert fc.yhat.iloc[-1] - y[-1] == pytest.approx(12.0, abs=4)
    width = (fc.yhat_hi_80 - fc.yhat_lo_80).to_numpy()
    assert width[-1] > width[0]
