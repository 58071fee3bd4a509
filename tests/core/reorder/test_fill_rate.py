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
    assert "in 90% of cases (cycle service; safety stock 5)" in cycle["why"]
    assert "cycle service" not in fill["why"]


def test_unknown_measure_is_a_problem():
    assert "service measure must be cycle or fill" in ReorderSettings(
        service_measure="units").problems()[0]


def test_hand_worked_shortage_already_lost_before_the_order_arrives():
    # A week sells 0 (3 in 4) or a case of 8. Lead time 1 week, review 1 week: demand over the
    # 2-week span is 0 / 8 / 16 with chances 9/16, 6/16, 1/16; over the lead time 0 / 8 with
    # 12/16, 4/16; a cycle's demand is 2. For S in [0, 8] the shortage this cycle is
    # E[(D - S)+] - E[(L - S)+] = (64 - 7S)/16 - (32 - 4S)/16 = (32 - 3S)/16; at a 70 % fill
    # rate 0.6 may be short -> S = (32 - 9.6) / 3 = 7.47. Counting the lead-time lumps again
    # (the first version) asked (64 - 9.6) / 7 = 7.77.
    span = np.array([0.0] * 9 + [8.0] * 6 + [16.0])
    lead = np.array([0.0] * 12 + [8.0] * 4)
    assert fill_rate_level(span, 0.7, 2.0, lead) == pytest.approx(22.4 / 3)
    assert fill_rate_level(span, 0.7, 2.0) == pytest.approx(54.4 / 7)
    # above 8 only the 16 is short: (16 - S) / 16 <= 0.1 at 95 % -> S = 14.4 -> 15 units
    assert fill_rate_point(span, 0.95, 2.0, lead) == 15


def _simulated_fill_rate(base_stock: int, mean: float, periods: int = 3000) -> float:
    """stockpyl's simulation of a base-stock node, Poisson demand, backorders. With shipment
    lead time 2 a base-stock level protects two periods' demand, one passing before the order
    placed now arrives (its fill rate matched 1 - (n_2(S) - n_1(S)) / mean to 0.003 at S 14-20)."""
    from stockpyl.sim import simulation
    from stockpyl.supply_chain_network import single_stage_system

    network = single_stage_system(holding_cost=1, stockout_cost=10, demand_type="P",
                                  mean=mean, policy_type="BS", base_stock_level=base_stock,
                                  shipment_lead_time=2)
    simulation(network, periods, rand_seed=1, progress_bar=False)
    state = network.nodes[0].state_vars[periods - 1]
    return sum(state.demand_met_from_stock_cumul.values()) / sum(state.demand_cumul.values())


@pytest.mark.parametrize("target", [0.80, 0.92, 0.97])
def test_fill_rate_level_is_the_smallest_that_stockpyls_simulation_fills(target):
    # Poisson(5) a period, the order covering two periods of which one passes before it arrives:
    # the level is the smallest base stock whose simulated fill rate reaches the target.
    level = fill_rate_point(poisson_samples(10, 20000), target, 5.0, poisson_samples(5, 20000))
    assert _simulated_fill_rate(level, 5.0) >= target
    assert _simulated_fill_rate(level - 1, 5.0) < target
