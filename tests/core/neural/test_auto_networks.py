"""Networks as `auto` candidates (issue #12): the data-shape rule, and one network fit per
backtest window, each later window warm-started from the one before."""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.evaluation.fitting import ChunkTask, fit_chunk
from core.models.neural import auto_candidates
from core.models.neural.auto_candidates import AUTO_NETWORK, networks_for, with_auto_params
from core.models.neural.model import NeuralModel
from core.pipeline import _candidate_groups
from core.pipeline_types import ForecastSettings
from core.run_plan import build


def _frame(products: int, length: int, seed: int = 0) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    days = pd.date_range("2024-01-01", periods=length, freq="D")
    return pd.DataFrame({"unique_id": np.repeat([f"p{i}" for i in range(products)], length),
                         "ds": np.tile(days, products),
                         "y": rng.poisson(3.0, products * length).astype(float)})


def test_a_network_joins_auto_only_with_enough_long_products():
    # Daily, h = 28, 4 windows: the first window must leave 56 + 56 periods -> 224 days.
    assert networks_for(_frame(100, 224), "D", 28, 4) == (AUTO_NETWORK,)
    assert networks_for(_frame(100, 223), "D", 28, 4) == ()  # one day too short
    assert networks_for(_frame(99, 400), "D", 28, 4) == ()  # too few products
    # Weekly Online Retail's shape (52 weeks, h = 8) and M3 monthly's (<= 126 months, h = 18).
    assert networks_for(_frame(100, 52), "W", 8, 4) == ()
    assert networks_for(_frame(100, 126), "M", 18, 4) == ()


def test_auto_plans_the_network_and_its_settings_and_keeps_the_users():
    frame = _frame(100, 240)
    classes = pd.Series("smooth", index=frame["unique_id"].unique())
    plan = build(frame, ForecastSettings(horizon=28, freq="D", windows=3), classes,
                 _candidate_groups)
    assert plan.networks == (AUTO_NETWORK,)
    assert all(AUTO_NETWORK in models for _, models in plan.groups)
    assert not build(frame, ForecastSettings(horizon=28, freq="D", windows=0), classes,
                     _candidate_groups).networks
    params = with_auto_params({AUTO_NETWORK: {"epochs": 50}}, plan.networks)
    assert params[AUTO_NETWORK] == {**auto_candidates.AUTO_PARAMS, "epochs": 50}


def test_each_window_continues_from_the_previous_windows_network(monkeypatch):
    calls = []
    original = NeuralModel.fine_tune

    def spy(self, data, **kwargs):
        calls.append((id(self), data["ds"].max(), kwargs.get("epochs")))
        return original(self, data, **kwargs)

    monkeypatch.setattr(NeuralModel, "fine_tune", spy)
    frame = _frame(6, 60)
    params = {"tcn": {**NeuralModel.test_params, "lookback": 7}}
    task = ChunkTask(frame, ("tcn",), 7, 3, None, "D", None, (80,), params, warm=("tcn",),
                     warm_epochs=1)
    result = fit_chunk(task)
    # Window 0 is fitted afresh; windows 1, 2 and the final fit continue the same network on
    # ever longer histories, one epoch each.
    ends = sorted(frame["ds"].unique())
    assert [c[1] for c in calls] == [ends[-15], ends[-8], ends[-1]]
    assert len({c[0] for c in calls}) == 1 and {c[2] for c in calls} == {1}
    assert set(result.backtest["window"]) == {0, 1, 2}
    assert result.forecast["unique_id"].nunique() == 6
    assert np.isfinite(result.forecast["yhat"]).all()
