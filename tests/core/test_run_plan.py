"""The run plan: every settings rule once, each problem naming its field; what the run fits."""
from pathlib import Path

import pandas as pd
import pytest

from core.messages import parse
from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.run_plan import (
    AUTO,
    DataShape,
    SettingsError,
    blocking,
    build,
    check,
    model_params,
)

FIXTURE = Path(__file__).parent / "fixtures" / "retail_weekly_40.csv"


@pytest.fixture(scope="module")
def weekly():
    return pd.read_csv(FIXTURE, dtype={"unique_id": str}, parse_dates=["ds"])


def settings(**changes):
    return ForecastSettings(**{"horizon": 8, "freq": "W", "windows": 3, **changes})


@pytest.mark.parametrize("changes, field, message_id", [
    ({"horizon": 0}, "horizon", "plan.horizon_min"),
    ({"windows": -1}, "windows", "plan.windows_min"),
    ({"step": 0}, "step", "plan.step_min"),
    ({"season_length": 0}, "season_length", "plan.season_min"),
    ({"freq": "H"}, "freq", "plan.freq_unknown"),
    ({"levels": (80, 100)}, "levels", "plan.levels_range"),
    ({"levels": ()}, "levels", "plan.levels_range"),
    ({"n_jobs": 0}, "n_jobs", "plan.jobs_min"),
    ({"models": ()}, "models", "plan.no_models"),
    ({"models": ("ets", "nope")}, "models", "plan.model_unknown"),
    ({"params": {"tcn": {"unitz": 3}}}, "params.tcn.unitz", "plan.param_unknown"),
    ({"params": {"tcn": {"units": 2}}}, "params.tcn.units", "plan.param_range"),
])
def test_each_rule_blocks_and_names_its_field(changes, field, message_id):
    problems = check(settings(**changes))
    assert [(p.field, p.message_id) for p in problems] == [(field, message_id)]
    assert all(p.blocking for p in problems)
    text = problems[0].text
    assert parse(text)[0][0] == message_id  # a template the app translates


def test_good_settings_have_no_problem():
    assert check(settings()) == []
    assert check(settings(windows=0, models=("ets", "theta"), step=2)) == []


def test_the_backtest_command_needs_a_window():
    assert check(settings(windows=0)) == []
    assert [p.message_id for p in check(settings(windows=0), backtest=True)] == [
        "plan.windows_backtest"]


@pytest.mark.parametrize("changes, longest, field, fields", [
    # No product long enough for one window (8 + 2): every product gets the new-product rate.
    ({}, 9, "horizon", {"need": "10", "most": "7"}),
    # 3 reported windows + 1 for choosing, step 8: 8 + 3 x 8 + 2 = 34 periods.
    ({}, 33, "windows", {"need": "34", "most": "2"}),
    ({"models": ("ets",)}, 25, "windows", {"need": "26", "most": "2"}),
    ({"season_length": 52}, 103, "season_length", {"need": "104"}),
    ({"models": ("tcn",), "params": {"tcn": {"lookback": 60}}}, 59, "params.tcn.lookback",
     {"lookback": "60"}),
])
def test_history_rules_warn_without_blocking(changes, longest, field, fields):
    problems = check(settings(**changes), DataShape((5, longest)))
    assert [p.field for p in problems] == [field]
    assert blocking(problems) == []
    assert fields.items() <= problems[0].fields.items()
    assert field not in [p.field for p in check(settings(**changes), DataShape((longest + 1,)))]


def test_enough_windows_for_the_longest_product_fit_exactly():
    # The advice "use at most N windows" is itself free of the warning.
    shape = DataShape((40,))
    (problem,) = check(settings(windows=5), shape)
    most = int(problem.fields["most"])
    assert check(settings(windows=most), shape) == []
    assert check(settings(windows=most + 1), shape) != []


def test_the_run_sets_the_networks_horizon_whatever_was_typed():
    typed = settings(horizon=10, params={"tcn": {"horizon": 4, "units": 8}})
    assert model_params("tcn", typed) == {"horizon": 10, "units": 8}
    assert check(typed) == []  # not a knob of its own, so no problem either
    assert model_params("ets", typed) == {}


def test_the_plan_lists_candidates_params_windows_and_history(weekly):
    from core.models.demand import classify

    frame = weekly.sort_values(["unique_id", "ds"])
    plan = build(frame, settings(models=(AUTO, "tcn"), params={"tcn": {"horizon": 3}}),
                 classify(frame))
    assert plan.auto and plan.selecting and plan.warmup == 1 and plan.windows == 4
    assert "tcn" in plan.fitted_models() and "seasonal_naive" in plan.fitted_models()
    assert plan.params["tcn"]["horizon"] == 8
    assert plan.history["tcn"] == 10 and plan.history["ets"] >= 1
    assert plan.combos == ["median", "weighted"]
    with pytest.raises(SettingsError, match="horizon: the horizon must be at least 1"):
        build(frame, settings(horizon=0), classify(frame))


def test_a_typed_network_horizon_no_longer_fails_the_run_after_training(weekly):
    from core.models.neural.model import TCN

    tiny = {**TCN.test_params, "horizon": 4}  # before: trained for 4, asked for 10, failed
    result = run(weekly, ForecastSettings(horizon=10, freq="W", windows=1, models=("tcn",),
                                          params={"tcn": tiny}, n_jobs=1))
    assert (result.forecast.groupby("unique_id").size() == 10).all()
    assert set(result.forecast.model) == {"tcn"}


def test_a_named_median_combines_its_own_members_only(weekly):
    members = {"median": {"members": "naive,seasonal_naive"}}
    result = run(weekly, ForecastSettings(horizon=4, freq="W", windows=1, n_jobs=1,
                                          models=("ets", "median"), params=members))
    fc = result.candidates.set_index(["unique_id", "ds", "model"]).yhat.unstack("model")
    expected = fc[["naive", "seasonal_naive"]].median(axis=1)
    pd.testing.assert_series_equal(fc["median"], expected, check_names=False)
    assert (fc["median"] - fc[["ets", "naive", "seasonal_naive"]].median(axis=1)).abs().max() > 0
