"""The run's holiday country and seed reach the networks fitted through the pipeline."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core import pipeline
from core.errors import TrendcastError
from core.model_files import from_files
from core.pipeline_types import ForecastSettings


def _settings(tiny, **changes) -> ForecastSettings:
    own = changes.pop("own", {})
    params = {k: v for k, v in tiny("tcn", epochs=1).items() if k != "horizon"}
    return ForecastSettings(horizon=7, freq="D", windows=1, models=("tcn",),
                            params={"tcn": {**params, **own}}, n_jobs=1, keep_networks=True,
                            **changes)


def _run(shop, settings):
    return pipeline.run(shop, settings)


def _network(run):
    return from_files(run.networks["tcn"])


@pytest.fixture(scope="module")
def gb_seed3(shop, tiny):
    return _run(shop, _settings(tiny, holiday_country="GB", seed=3))


def test_the_network_gets_the_runs_country(gb_seed3):
    model = _network(gb_seed3)
    assert model.country_ == "GB"
    assert model.get_params()["holiday_country"] == "GB"
    assert model.get_params()["seed"] == 3


def test_a_country_name_is_taken_as_its_code(shop, tiny):
    run = _run(shop, _settings(tiny, holiday_country="United Kingdom"))
    assert _network(run).country_ == "GB"


def test_no_country_means_no_holidays(shop, tiny):
    run = _run(shop, _settings(tiny))
    assert _network(run).country_ is None


def test_same_seed_same_run_and_another_seed_differs(gb_seed3, shop, tiny):
    again = _run(shop, _settings(tiny, holiday_country="GB", seed=3))
    pd.testing.assert_frame_equal(gb_seed3.forecast, again.forecast, check_exact=True)
    pd.testing.assert_frame_equal(gb_seed3.backtest, again.backtest, check_exact=True)
    other = _run(shop, _settings(tiny, holiday_country="GB", seed=4))
    assert not np.allclose(other.forecast.yhat_hi_95, gb_seed3.forecast.yhat_hi_95)


def test_a_models_own_values_win_over_the_runs(shop, tiny):
    run = _run(shop, _settings(tiny, holiday_country="GB", seed=3,
                               own={"holiday_country": "US", "seed": 9}))
    model = _network(run)
    assert model.country_ == "US"
    assert model.get_params()["seed"] == 9


def test_unknown_country_fails_before_any_fitting(shop, tiny, monkeypatch):
    fitted = []
    monkeypatch.setattr(pipeline, "fit_chunk", lambda *a, **k: fitted.append(a))
    monkeypatch.setattr(pipeline, "_fit_all", lambda *a, **k: fitted.append(a))
    with pytest.raises(TrendcastError, match="Unknown holiday country 'Narnia'"):
        _run(shop, _settings(tiny, holiday_country="Narnia"))
    assert fitted == []


def test_a_subdivision_reaches_the_network_and_its_calendar(shop, tiny):
    from core.models.neural.covariates import calendar_features

    run = _run(shop, _settings(tiny, holiday_country="gb-eng"))
    assert _network(run).country_ == "GB-ENG"
    easter_monday = pd.DatetimeIndex(["2011-04-24", "2011-04-25"])
    assert calendar_features(easter_monday, "D", "GB-ENG")[:, -1].tolist() == [0.0, 1.0]
