"""Level anchoring (issue #12): a network's near-zero median forecast of products that sell now
and then is scaled per pool so the pool's total matches its recent sales, from data up to each
forecast origin only; `auto` gets it as the candidate `lstm_anchored`, and the guard judges it."""
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

from core import pipeline
from core.evaluation.anchoring import ANCHOR_IDS, anchor_reasons, with_anchored
from core.level_anchor import MAX_FACTOR, MIN_BAND, anchored, factors
from core.message_parts import decode, english
from core.models.registry import get
from core.selection import choose
from core.selection_guard import (
    classical_models,
    guarded_choose,
    total_errors,
    window_totals,
)

DAYS = pd.date_range("2024-01-01", periods=60, freq="D")
CUTOFF = DAYS[39]  # the backtest window forecasts days 41-60


def _history(rate: float = 2.0) -> pd.DataFrame:
    """Two products selling 10 units every 5th day (0.5 of `rate` ...), steady."""
    rows = []
    for uid, size in (("a", 10.0), ("b", 5.0)):
        y = np.where(np.arange(len(DAYS)) % 5 == 4, size, 0.0)
        rows.append(pd.DataFrame({"unique_id": uid, "ds": DAYS, "y": y}))
    return pd.concat(rows, ignore_index=True)


def _network_rows(value: float, cutoff=CUTOFF, horizon: int = 20) -> pd.DataFrame:
    """A network's backtest rows: a tiny constant forecast for both products."""
    rows = []
    for uid in ("a", "b"):
        for t in range(1, horizon + 1):
            rows.append({"unique_id": uid, "ds": cutoff + pd.Timedelta(days=t), "cutoff": cutoff,
                         "window": 0, "yhat": value, "yhat_lo_80": value / 2,
                         "yhat_hi_80": value * 2})
    return pd.DataFrame(rows)


POOLS = pd.Series({"a": "lumpy", "b": "lumpy"})


def test_anchored_total_matches_the_pools_recent_sales():
    history = _history()
    out = anchored(_network_rows(0.2), history, POOLS, periods=20)
    recent = history[(history["ds"] <= CUTOFF) & (history["ds"] > CUTOFF - pd.Timedelta(days=20))]
    assert out["yhat"].sum() == pytest.approx(recent["y"].sum())  # 60 units, not 8
    # Every column scaled by the same factor: the band stays around the forecast.
    assert (out["yhat_hi_80"] / out["yhat"]).round(9).eq(2.0).all()
    assert (out["yhat_lo_80"] <= out["yhat"]).all()


def test_only_sales_up_to_the_origin_count():
    history = _history()
    later = history.copy()
    later.loc[later["ds"] > CUTOFF, "y"] *= 100  # what the window is scored on
    rows = _network_rows(0.2)
    assert anchored(rows, later, POOLS, periods=20)["yhat"].tolist() == \
        anchored(rows, history, POOLS, periods=20)["yhat"].tolist()


def test_forecast_rows_anchor_to_the_end_of_the_history():
    history = _history()
    future = _network_rows(0.2, cutoff=DAYS[-1]).drop(columns=["cutoff", "window"])
    table = factors(future, history, POOLS, periods=20)
    assert table["recent"].iloc[0] == pytest.approx(history[history["ds"] > DAYS[-21]]["y"].sum())


def test_factor_is_bounded_and_a_zero_forecast_is_left_alone():
    history = _history()
    assert factors(_network_rows(1e-6), history, POOLS, periods=20)["factor"].iloc[0] == \
        MAX_FACTOR
    zero = anchored(_network_rows(0.0), history, POOLS, periods=20)
    assert (zero["yhat"] == 0).all()


def test_each_pool_has_its_own_factor():
    pools = pd.Series({"a": "lumpy", "b": "smooth"})
    table = factors(_network_rows(1.0), _history(), pools, periods=20).set_index("pool")
    assert table.loc["lumpy", "factor"] == pytest.approx(40 / 20)  # a sold 4 x 10
    assert table.loc["smooth", "factor"] == pytest.approx(20 / 20)  # b sold 4 x 5


def test_pipeline_adds_the_anchored_candidate_from_the_networks_rows():
    history = _history()
    network = _network_rows(0.2).assign(model="lstm_attention", y=0.0)
    theta = network.assign(model="theta", yhat=3.0)
    bt = pd.concat([network, theta], ignore_index=True)
    fc = _network_rows(0.2, cutoff=DAYS[-1]).drop(columns=["cutoff", "window"]) \
        .assign(model="lstm_attention")
    scores = pd.DataFrame(columns=["model", "unique_id", "window", "score"])
    plan = SimpleNamespace(anchors=("lstm_anchored",), horizon=20,
                           groups=[(["a", "b"], ["theta", "lstm_attention"])])
    pools = pipeline._pools(plan.groups, pd.Series({"a": "lumpy", "b": "lumpy"}))
    bt2, fc2, scores2, scaled_by = with_anchored(bt, fc, scores, history, plan.anchors, pools,
                                                 plan.horizon, "D")
    assert set(bt2["model"]) == {"lstm_attention", "theta", "lstm_anchored"}
    assert bt2.loc[bt2["model"] == "lstm_anchored", "yhat"].sum() == pytest.approx(60.0)
    assert fc2.loc[fc2["model"] == "lstm_anchored", "yhat"].sum() == pytest.approx(60.0)
    assert set(scores2["model"]) == {"lstm_anchored"}
    assert len(bt2[bt2["model"] == "theta"]) == len(theta)  # the others untouched
    # The reason of a product that gets the anchored forecast says by how much it was scaled.
    pool = "lumpy|theta,lstm_attention"
    assert scaled_by == {("lstm_anchored", "a"): pytest.approx(60 / 8),
                         ("lstm_anchored", "b"): pytest.approx(60 / 8)}
    final = pd.DataFrame({"unique_id": ["a", "b"], "model": ["lstm_anchored", "theta"],
                          "pool": [pool, pool]})
    clauses = [decode(ids) for ids in anchor_reasons(final, scaled_by, plan.horizon)
               [ANCHOR_IDS]]
    assert clauses[1] is None
    assert english(clauses[0]) == ("lstm_attention's forecast scaled x7.5 so that, over the "
                                   "products of its pool that sold about as much lately, it "
                                   "adds up to their sales of the last 20 periods")


def test_registered_as_a_network_that_the_guard_still_judges():
    cls = get("lstm_anchored")
    assert cls.family == "neural" and cls.capabilities.global_model
    assert not cls.capabilities.saveable  # its anchor is not in the saved files
    assert classical_models(["theta", "lstm_anchored"]) == ["theta"]  # never the reference


def test_guard_refuses_the_raw_network_and_lets_the_anchored_one_through():
    """Products selling every 5th day; the network puts its mass on the right days but at
    a twentieth of the level: its total misses by 93 %, the guard refuses it. Anchored to the
    last 10 days' sales it hits the total and has the lowest error: chosen."""
    history = _history()
    actual = history.set_index(["unique_id", "ds"])["y"]
    rows = []
    for w, cutoff in enumerate((DAYS[19], DAYS[29], CUTOFF)):
        net = _network_rows(0.0, cutoff=cutoff, horizon=10).assign(window=w)
        net["y"] = [actual.get((u, d), 0.0) for u, d in zip(net["unique_id"], net["ds"],
                                                            strict=True)]
        net["yhat"] = np.where(net["ds"].map(DAYS.get_loc) % 5 == 4, 0.5, 0.0)
        rows += [net.assign(model="lstm_attention"), net.assign(model="theta", yhat=1.5),
                 anchored(net, history, POOLS, periods=10).assign(model="lstm_anchored")]
    bt = pd.concat(rows, ignore_index=True)
    scores = (bt.assign(score=(bt["yhat"] - bt["y"]).abs())
              .groupby(["model", "unique_id", "window"])["score"].mean().reset_index())
    order = ["theta", "lstm_attention", "lstm_anchored"]
    totals = window_totals(bt)
    errors = total_errors(totals, POOLS).set_index("model")["total_error"]
    assert errors["lstm_attention"] > 0.9 and errors["lstm_anchored"] < 0.01
    assert choose(scores[scores["model"] != "lstm_anchored"], order,
                  pools=POOLS)["model"].iloc[0] == "lstm_attention"  # the unguarded winner
    pick = guarded_choose(scores, order, totals=totals, classical=classical_models(order),
                          pools=POOLS)
    assert set(pick["model"]) == {"lstm_anchored"}
    without = guarded_choose(scores[scores["model"] != "lstm_anchored"], order, totals=totals,
                             classical=classical_models(order), pools=POOLS)
    assert set(without["model"]) == {"theta"}  # the guard still refuses the raw network
    assert "lstm_attention not chosen" in without["guard"].iloc[0]


def test_fitted_on_its_own_it_forecasts_the_recent_total_per_demand_class():
    from core.models.demand import classify
    from core.models.registry import create

    rng = np.random.default_rng(0)
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    data = pd.concat([pd.DataFrame({"unique_id": f"p{i}", "ds": days,
                                    "y": rng.poisson(0.3, len(days)) * (i + 1.0)})
                      for i in range(6)], ignore_index=True)
    cls = get("lstm_anchored")
    model = create("lstm_anchored", **cls.test_params).fit(data, freq="D")
    forecast = model.predict(14)
    classes = classify(data)
    recent = data[data["ds"] > days[-15]].groupby(data["unique_id"].map(classes))["y"].sum()
    totals = forecast.groupby(forecast["unique_id"].map(classes))["yhat"].sum()
    for demand_class, total in totals.items():
        factor = recent[demand_class] / max(total, 1e-9)
        assert total == pytest.approx(recent[demand_class], rel=1e-6) or factor > 0.999


@pytest.mark.parametrize("models, anchors, fitted", [
    (("auto", "lstm_attention", "lstm_anchored"), ("lstm_anchored",), False),  # Best accuracy
    (("lstm_attention", "lstm_anchored"), ("lstm_anchored",), False),
    (("lstm_anchored",), (), True),  # alone: it fits its own network
    (("theta", "lstm_attention"), (), False),  # not asked for, not auto
])
def test_plan_builds_the_anchored_network_from_a_network_it_fits_anyway(models, anchors,
                                                                          fitted):
    from core.models.demand import classify
    from core.pipeline_types import ForecastSettings
    from core.run_plan import build

    frame = _history()
    plan = build(frame, ForecastSettings(horizon=7, freq="D", windows=1, models=models),
                 classify(frame))
    assert plan.anchors == anchors
    assert ("lstm_anchored" in plan.fitted_models()) == fitted


def test_a_run_derives_the_anchored_forecast_without_a_second_network():
    from core.pipeline_types import ForecastSettings

    rng = np.random.default_rng(1)
    days = pd.date_range("2024-01-01", periods=90, freq="D")
    frame = pd.concat([pd.DataFrame({"unique_id": f"p{i}", "ds": days,
                                     "y": rng.poisson(0.4, len(days)) * 3.0})
                       for i in range(4)], ignore_index=True)
    params = {"lstm_attention": dict(get("lstm_attention").test_params)}
    run = pipeline.run(frame, ForecastSettings(
        horizon=7, freq="D", windows=1, n_jobs=1, models=("lstm_attention", "lstm_anchored"),
        params=params, cold_start=False))
    net = run.candidates[run.candidates["model"] == "lstm_attention"]
    anchored_fc = run.candidates[run.candidates["model"] == "lstm_anchored"]
    assert len(anchored_fc) == len(net) > 0
    # The same network's forecast, scaled: one factor per pool (here one pool).
    ratio = anchored_fc["yhat"].to_numpy() / net["yhat"].to_numpy()
    assert np.allclose(ratio, ratio[0])
    assert anchored_fc["yhat"].sum() == pytest.approx(
        frame[frame["ds"] > days[-8]]["y"].sum(), rel=1e-6)
    assert set(run.backtest["model"]) >= {"lstm_attention", "lstm_anchored"}


def test_a_large_pool_is_anchored_band_by_band_of_recent_sales():
    """Anchored per pool, the products the network under-weights stay low (Online Retail daily:
    the middle fifths of products by sales 22-25 % short). A pool of at least 2 x MIN_BAND
    products is split by recent sales into bands, each matching its own recent sales; the
    pool's total is unchanged."""
    n = 2 * MIN_BAND
    days = pd.date_range("2024-01-01", periods=40, freq="D")
    # half the products sell 1 a day, half 9 a day; the network forecasts 1 a day for all
    sizes = np.where(np.arange(n) < n // 2, 1.0, 9.0)
    ids = [f"p{i:03d}" for i in range(n)]
    history = pd.DataFrame({"unique_id": np.repeat(ids, len(days)), "ds": np.tile(days, n),
                            "y": np.repeat(sizes, len(days))})
    future = pd.DataFrame({"unique_id": np.repeat(ids, 10),
                           "ds": np.tile(pd.date_range(days[-1], periods=11)[1:], n),
                           "yhat": 1.0})
    pools = pd.Series("lumpy", index=ids)
    out = anchored(future, history, pools, periods=10)
    per_product = out.groupby("unique_id")["yhat"].sum().to_numpy()
    assert per_product == pytest.approx(10 * sizes)  # each band: its own sales, not the mean 5
    assert out["yhat"].sum() == pytest.approx(10 * sizes.sum())
    table = factors(future, history, pools, periods=10)
    assert sorted(table["factor"]) == pytest.approx([1.0, 9.0])
    assert table["products"].tolist() == [MIN_BAND, MIN_BAND]
    # in any row order, the same bands (ties are broken by product id)
    shuffled = future.sample(frac=1.0, random_state=0)
    again = anchored(shuffled, history, pools, periods=10).sort_index()
    assert again["yhat"].tolist() == out["yhat"].tolist()
    # a smaller pool stays one band
    small = pools.iloc[: 2 * MIN_BAND - 1]
    table = factors(future[future["unique_id"].isin(small.index)], history, small, periods=10)
    assert len(table) == 1
