"""Fill-rate mode: the order-up-to level whose expected shortage per cycle is 1 - target of the
cycle's demand, checked by hand and against stockpyl's Poisson loss function."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import stockpyl.loss_functions as lf

from core.reorder import ReorderSettings, build_plan
from core.reorder.fill_rate import expected_shortage, fill_rate_level, fill_rate_point
from core.reorder.lead_time_demand import poisson_samples

START = pd.Timestamp("2024-01-01")


def test_hand_worked_lumpy_demand():
    # Demand over the span is 0 three times in four and 10 once: E[(D - S)+] = (10 - S) / 4.
    # Cycle demand 2, target 90 % -> at most 0.2 short -> S = 9.2 -> 10 whole units, while
    # the 90 % cycle-service quantile of the same demand is 10 too and the 70 % one is 0.
    samples = np.array([0.0, 0.0, 0.0, 10.0])
    assert fill_rate_level(samples, 0.9, 2.0) == pytest.approx(9.2)
    assert expected_shortage(samples, 9.2) == pytest.approx(0.2)
    assert fill_rate_point(samples, 0.9, 2.0) == 10
    # a looser target: 50 % of 2 units may be short -> (10 - S) / 4 = 1 -> S = 6
    assert fill_rate_level(samples, 0.5, 2.0) == pytest.approx(6.0)


def test_level_below_every_sample_and_nothing_expected():
    # all spans sell 10 or 12; allowing 2 short per cycle needs only mean - 2 = 9
    assert fill_rate_level(np.array([10.0, 12.0]), 0.8, 10.0) == pytest.approx(9.0)
    assert fill_rate_level(np.zeros(5), 0.95, 3.0) == 0.0
    assert fill_rate_level(np.array([4.0]), 0.95, 0.0) == 0.0


@pytest.mark.parametrize(("mean", "cycle", "target"),
                         [(30, 10, 0.95), (30, 10, 0.90), (5, 2, 0.90), (80, 20, 0.98)])
def test_poisson_level_matches_stockpyl(mean, cycle, target):
    # stockpyl: the smallest whole S with E[(D - S)+] <= (1 - target) * cycle, D ~ Poisson
    expected = next(s for s in range(1000) if lf.poisson_loss(s, mean)[0] <= (1 - target) * cycle)
    samples = poisson_samples(mean, 20000)
    assert fill_rate_point(samples, target, cycle) == expected
    assert expected_shortage(samples, expected) == pytest.approx(
        lf.poisson_loss(expected, mean)[0], abs=2e-3)


def _weekly(values):
    return pd.DataFrame({"unique_id": "a", "ds": pd.date_range(START, periods=len(values),
                                                                 freq="W-MON"), "y": values})


def test_plan_in_fill_rate_mode_uses_the_cycle_demand():
    # 20 weeks alternating 5, 15 (own-history fallback): 3-week spans sell 25 or 35, half each.
    # Review 7 of the 21-day span: cycle demand = 30 / 3 = 10; 90 % fill -> at most 1 short:
    # E[(D - S)+] = (35 - S) / 2 on [25, 35] -> S = 33. Cycle service at 90 % says 35.
    history = _weekly([5.0, 15.0] * 10)
    ds = pd.date_range(history["ds"].max() + pd.Timedelta(days=7), periods=8, freq="W-MON")
    forecast = pd.DataFrame({"unique_id": "a", "ds": ds, "yhat": 10.0, "model": "m"})
    items = pd.DataFrame({"unique_id": ["a"], "on_hand": [0.0]})

    def plan(measure):
        settings = ReorderSettings(lead_time_days=14, service_level=0.9, review_days=7,
                                   service_measure=measure)
        return build_plan(history, forecast, None, items, settings, "W",
                          demand_class=pd.Series({"a": "smooth"})).table.iloc[0]

    cycle, fill = plan("cycle"), plan("fill")
    assert cycle["reorder_point"] == 35 and fill["reorder_point"] == 33
    assert "fill rate" in fill["why"] and "fill rate" not in cycle["why"]
    assert "in 90% of cases" in cycle["why"]


def test_unknown_measure_is_a_problem():
    assert "service measure must be cycle or fill" in ReorderSettings(
        service_measure="units").problems()[0]
