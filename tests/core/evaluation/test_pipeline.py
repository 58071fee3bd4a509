"""The whole run on 40 real weekly products, and its fallbacks."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.errors import Cancelled, TrendcastError
from core.models import registry
from core.models.statistical.baselines import Naive
from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.progress import CancelToken

FIXTURE = Path(__file__).parents[1] / "fixtures" / "retail_weekly_40.csv"
COLUMNS = ["unique_id", "ds", "yhat", "yhat_lo_80", "yhat_hi_80", "yhat_lo_95", "yhat_hi_95",
           "model"]


@pytest.fixture(scope="module")
def weekly():
    return pd.read_csv(FIXTURE, dtype={"unique_id": str}, parse_dates=["ds"])


@pytest.fixture(scope="module")
def auto_run(weekly):
    events = []
    result = run(weekly, ForecastSettings(horizon=8, freq="W", windows=3, n_jobs=1),
                 progress=events.append)
    return result, events


def test_auto_forecasts_every_product_with_the_model_named(auto_run, weekly):
    result, events = auto_run
    fc = result.forecast
    assert list(fc.columns) == COLUMNS
    assert len(fc) == 40 * 8 and fc.unique_id.nunique() == 40
    assert (fc.groupby("unique_id").ds.min() > weekly.ds.max()).all()
    assert (fc.yhat >= 0).all() and (fc.yhat_lo_95 <= fc.yhat_lo_80).all()
    chosen = result.choices.set_index("unique_id").model
    used = fc.drop_duplicates("unique_id").set_index("unique_id").model
    assert (used.sort_index() == chosen.sort_index()).all()
    assert set(result.choices.columns) == {"unique_id", "demand_class", "model", "reason",
                                           "fallback", "reason_ids", "fallback_ids"}
    assert result.choices.reason.str.startswith("lowest MASE in backtest over").all()
    # Products of one demand class and candidate list share the choice.
    per_class = result.choices.groupby("demand_class").model.nunique()
    assert (per_class >= 1).all()
    assert events[-1].fraction == 1.0 and all(e.stage for e in events)
    fractions = [e.fraction for e in events]
    assert fractions == sorted(fractions)


def test_candidates_backtest_and_metrics_are_complete(auto_run):
    result, _ = auto_run
    models = set(result.candidates.model)
    assert {"seasonal_naive", "ets", "median", "weighted"} <= models
    assert set(result.metrics.model) == models | {"auto"}
    # Only the 3 reported windows are in the backtest; the warm-up window is not.
    assert result.backtest.groupby("model").window.nunique().eq(3).all()
    auto = result.backtest[result.backtest.model == "auto"]
    assert len(auto) == 40 * 3 * 8
    per_product = result.metrics_per_product
    assert len(per_product[per_product.model == "auto"]) == 40
    for col in ("MAE", "MASE", "RMSSE", "WAPE", "sMAPE", "coverage_80", "trend_f1"):
        assert col in result.metrics.columns


def test_a_named_model_is_used_for_every_product(weekly):
    result = run(weekly, ForecastSettings(horizon=4, freq="W", windows=2, models=("naive",),
                                          n_jobs=1))
    assert set(result.forecast.model) == {"naive"}
    assert set(result.metrics.model) == {"naive"}
    assert (result.choices.reason == "chosen in the settings").all()


class _Broken(Naive):
    """Fails on any group of products and on product 16219 alone."""

    name = "broken_for_test"

    def _fit(self, data, progress, cancel):
        if data.unique_id.nunique() > 1 or data.unique_id.iloc[0] == "16219":
            raise ZeroDivisionError("boom")
        super()._fit(data, progress, cancel)


def test_a_failing_model_falls_back_per_product_and_says_so(weekly, monkeypatch):
    monkeypatch.setitem(registry._REGISTRY, _Broken.name, _Broken)
    sub = weekly[weekly.unique_id.isin(["15036", "16219", "17012D"])]
    result = run(sub, ForecastSettings(horizon=3, freq="W", windows=1,
                                       models=(_Broken.name,), n_jobs=1))
    choices = result.choices.set_index("unique_id")
    assert "ZeroDivisionError" in choices.loc["16219", "fallback"]
    assert "seasonal_naive" in choices.loc["16219", "fallback"]
    by_product = result.forecast.drop_duplicates("unique_id").set_index("unique_id").model
    assert by_product["16219"] == "seasonal_naive"
    assert (by_product[["15036", "17012D"]] == _Broken.name).all()
    assert (choices.loc[["15036", "17012D"], "fallback"] == "").all()
    assert len(result.forecast) == 9


def test_bad_settings_are_clear_errors(weekly):
    with pytest.raises(TrendcastError, match="horizon"):
        run(weekly, ForecastSettings(horizon=0, freq="W"))
    with pytest.raises(TrendcastError, match="models: unknown model nope"):
        run(weekly, ForecastSettings(horizon=2, freq="W", models=("nope",)))


def test_cancel_before_start_raises(weekly):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        run(weekly, ForecastSettings(horizon=2, freq="W", n_jobs=1), cancel=token)


def test_products_too_short_for_any_window_still_get_a_forecast(weekly):
    short = pd.DataFrame({"unique_id": "new", "ds": pd.date_range("2011-11-20", periods=3,
                                                                  freq="W-SUN"),
                          "y": [1.0, 0.0, 2.0]})
    result = run(pd.concat([weekly, short]), ForecastSettings(horizon=4, freq="W", windows=1,
                                                               n_jobs=1))
    row = result.choices.set_index("unique_id").loc["new"]
    # No window of its own: it takes its demand class's choice, and the reason says so.
    assert row.model in set(result.candidates.model) and "this product" not in row.reason
    assert np.isfinite(result.forecast[result.forecast.unique_id == "new"].yhat).all()
    assert any("too short" in note for note in result.notes)


class _FakeGlobal(Naive):
    """A stand-in for the neural models: one model across all products."""

    name = "fake_global_for_test"
    capabilities = Naive.capabilities.__class__(global_model=True)
    seen: list = []

    def _fit(self, data, progress, cancel):
        _FakeGlobal.seen.append(data.unique_id.nunique())
        super()._fit(data, progress, cancel)


def test_global_models_are_fitted_once_on_all_products_and_can_join_combinations(
        weekly, monkeypatch):
    monkeypatch.setitem(registry._REGISTRY, _FakeGlobal.name, _FakeGlobal)
    _FakeGlobal.seen = []
    result = run(weekly, ForecastSettings(horizon=4, freq="W", windows=1, n_jobs=1,
                                          models=("auto", _FakeGlobal.name)))
    # 1 warm-up + 1 reported window + the final fit, each on every product at once.
    assert _FakeGlobal.seen == [40, 40, 40]
    assert _FakeGlobal.name in set(result.candidates.model)
    _FakeGlobal.seen = []
    result = run(weekly, ForecastSettings(
        horizon=4, freq="W", windows=1, n_jobs=1, models=("median",),
        params={"median": {"members": f"{_FakeGlobal.name},seasonal_naive"}}))
    assert _FakeGlobal.seen == [40, 40]
    assert set(result.forecast.model) == {"median"} and len(result.forecast) == 40 * 4
    assert set(result.metrics.model) == {"median", _FakeGlobal.name, "seasonal_naive"}


def test_cancel_during_a_parallel_run_returns_within_about_a_second():
    import threading
    import time

    rng = np.random.default_rng(0)
    n, days = 300, 500
    frame = pd.DataFrame({"unique_id": np.repeat([f"p{i}" for i in range(n)], days),
                          "ds": np.tile(pd.date_range("2023-01-01", periods=days), n),
                          "y": rng.poisson(2.0, n * days).astype(float)})
    token = CancelToken()
    fired = {}

    def cancel():
        fired["at"] = time.monotonic()
        token.cancel()

    timer = threading.Timer(4.0, cancel)
    timer.start()
    with pytest.raises(Cancelled):
        run(frame, ForecastSettings(horizon=28, freq="D", windows=3, n_jobs=2), cancel=token)
    timer.cancel()
    assert time.monotonic() - fired["at"] < 1.5


def test_history_too_short_for_any_window_gives_the_new_product_rate_and_says_why():
    frame = pd.DataFrame({"unique_id": ["a"] * 5 + ["b"],
                          "ds": list(pd.date_range("2024-01-01", periods=5)) + [
                              pd.Timestamp("2024-01-05")],
                          "y": [1.0, 0.0, 2.0, 3.0, 1.0, 4.0]})
    result = run(frame, ForecastSettings(horizon=30, freq="D", n_jobs=1))
    assert len(result.forecast) == 60 and set(result.forecast.model) == {"new_product"}
    assert result.choices.reason.str.startswith("too little history: ").all()
    # Sales so far spread over the life plus the horizon: b sold 4 on its only day.
    b = result.forecast[result.forecast.unique_id == "b"]
    assert b.yhat.to_numpy() == pytest.approx(np.full(30, 4.0 / 31))
    assert result.backtest.empty and result.metrics.empty


def test_networks_are_trained_for_the_horizon_the_run_asks_for(weekly):
    # The TCN's own default horizon for weekly data is 8; the run asks for 10 and gets 10.
    from core.models.neural.model import TCN

    tiny = dict(TCN.test_params)
    tiny.pop("horizon", None)
    result = run(weekly, ForecastSettings(horizon=10, freq="W", windows=1, models=("tcn",),
                                          params={"tcn": tiny}, n_jobs=1))
    assert (result.forecast.groupby("unique_id").size() == 10).all()
    assert set(result.forecast.model) == {"tcn"}
    assert result.networks == {}  # not asked to keep them


def test_kept_networks_come_back_as_files_that_forecast_the_same(weekly):
    from core.model_files import from_files
    from core.models.neural.model import TCN

    tiny = dict(TCN.test_params)
    result = run(weekly, ForecastSettings(horizon=4, freq="W", windows=1, models=("tcn", "naive"),
                                          params={"tcn": tiny}, n_jobs=1, keep_networks=True))
    assert set(result.networks) == {"tcn"}  # only saveable models
    assert {"model.keras", "meta.json", "state.npz"} <= set(result.networks["tcn"])
    model = from_files(result.networks["tcn"])
    again = model.predict(4).sort_values(["unique_id", "ds"]).reset_index(drop=True)
    kept = result.candidates[result.candidates.model == "tcn"].drop(columns="model")
    kept = kept.sort_values(["unique_id", "ds"]).reset_index(drop=True)
    # The run's bands are calibrated on its backtest errors (core.evaluation.conformal); the
    # saved network gives the same point forecast.
    cols = ["unique_id", "ds", "yhat"]
    pd.testing.assert_frame_equal(again[cols], kept[cols], check_exact=False, rtol=1e-5)
