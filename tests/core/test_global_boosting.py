"""The global tree model: one LightGBM model across all products (global_boosting)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.models.registry import create, load_all
from core.models.statistical.global_boosting import _training_rows

FAST = {"rounds": 40, "horizon": 18}


def _smape(actual: np.ndarray, forecast: np.ndarray) -> float:
    return float(np.mean(200 * np.abs(actual - forecast) / (np.abs(actual) + np.abs(forecast))))


def test_registered_as_a_global_model_that_is_not_a_network():
    caps = load_all()["global_boosting"].capabilities
    assert caps.global_model and not caps.reports_epochs


def test_forecasts_every_m3_product_and_beats_seasonal_naive(m3_monthly_slice):
    train, test = m3_monthly_slice
    model = create("global_boosting", season_length=12, **FAST).fit(train, freq="M")
    forecast = model.predict(18)
    assert len(forecast) == 18 * train.unique_id.nunique()
    assert not model.fallbacks_
    assert np.isfinite(forecast.drop(columns=["unique_id", "ds"]).to_numpy()).all()
    scored = test.merge(forecast, on=["unique_id", "ds"])
    assert len(scored) == len(test)  # the official test months, every one
    naive = test.merge(create("seasonal_naive", season_length=12).fit(train, freq="M")
                       .predict(18), on=["unique_id", "ds"])
    assert _smape(scored.y, scored.yhat) < _smape(naive.y, naive.yhat) - 1.0


def test_training_rows_come_from_observed_periods_only():
    """One product of n periods, lookback L, horizon H: a row for every window end e and step h
    with e + h <= n, in that order; inputs and target the real values scaled by the mean of the
    window's last `span` periods. Nothing past the last period is ever a target."""
    n, lookback, horizon, span = 40, 6, 5, 3
    y = np.arange(1.0, n + 1)
    panel = np.r_[np.full(10, np.nan), y][None, :]  # right-aligned, NaN before the start
    features, target = _training_rows(panel, lookback, horizon, span, 10_000,
                                      np.random.default_rng(0))
    inputs, steps, expected = [], [], []
    for end in range(lookback, n):
        level = y[end - span:end].mean()
        for h in range(1, min(horizon, n - end) + 1):
            inputs.append(y[end - lookback:end] / level)
            steps.append(h)
            expected.append(y[end + h - 1] / level)
    np.testing.assert_allclose(target, expected)
    np.testing.assert_allclose(features, np.c_[np.array(inputs), steps])


def test_the_latest_period_moves_the_forecast(m3_monthly_slice):
    """The last period fitted on is the newest input (and a training target)."""
    train, _ = m3_monthly_slice
    ids = sorted(train.unique_id.unique())[:30]
    cut = train[train.unique_id.isin(ids)].groupby("unique_id").head(60)
    base = create("global_boosting", season_length=12, **FAST).fit(cut, freq="M").predict(6)
    moved = cut.copy()
    moved.loc[moved.groupby("unique_id").tail(1).index, "y"] *= 3
    other = create("global_boosting", season_length=12, **FAST).fit(moved, freq="M").predict(6)
    assert len(base) == len(other) == 6 * 30
    assert not np.allclose(base.yhat, other.yhat)


def test_same_seed_same_forecast_other_seed_other_sample(m3_monthly_slice):
    train, _ = m3_monthly_slice
    params = {**FAST, "max_windows": 500}  # fewer windows than the slice has: a random draw
    a = create("global_boosting", season_length=12, seed=3, **params).fit(train, freq="M")
    b = create("global_boosting", season_length=12, seed=3, **params).fit(train, freq="M")
    c = create("global_boosting", season_length=12, seed=4, **params).fit(train, freq="M")
    pd.testing.assert_frame_equal(a.predict(18), b.predict(18))
    assert not np.allclose(a.predict(18).yhat, c.predict(18).yhat)


def test_longer_horizon_than_trained_repeats_its_last_steps_view(m3_monthly_slice):
    train, _ = m3_monthly_slice
    model = create("global_boosting", season_length=12, rounds=20, horizon=6).fit(train,
                                                                                  freq="M")
    forecast = model.predict(12)
    assert len(forecast) == 12 * train.unique_id.nunique()
    assert np.isfinite(forecast.yhat).all()


def test_the_unadjusted_twin_learns_from_the_sales_as_they_are(m3_monthly_slice):
    train, _ = m3_monthly_slice
    adjusted = create("global_boosting", season_length=12, **FAST).fit(train, freq="M")
    plain = create("global_boosting_unadjusted", season_length=12, **FAST).fit(train, freq="M")
    assert plain.get_params()["deseasonalize"] == "never"
    assert (plain.indices_ == 1).all() and not (adjusted.indices_ == 1).all()
    assert not np.allclose(adjusted.predict(18).yhat, plain.predict(18).yhat)


@pytest.mark.parametrize("name", ["global_boosting", "global_boosting_unadjusted"])
def test_a_candidate_of_auto_for_monthly_products_that_sell_every_month(name):
    from core.models.demand import candidates_for

    for demand_class in ("smooth", "erratic"):
        assert name in candidates_for(demand_class, "M", 60)
        assert name not in candidates_for(demand_class, "W", 52)
        assert name not in candidates_for(demand_class, "D", 300)
    assert name not in candidates_for("lumpy", "M", 60)
