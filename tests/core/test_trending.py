"""Trending products (issue #13): classes, a ranking dead and tiny products cannot top, and the
backtest precision / recall of the up/down call, on hand-made runs."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.run_views import RunIndex
from core.trending import trending
from tests.fixtures.trending_shop import H, forecast, make_run, series, trending_shop


@pytest.fixture
def shop():
    return trending_shop()


def test_dead_products_are_fading_and_never_ranked_first_the_grower_is(shop):
    history, run = shop
    result = trending(run, history).products.set_index("unique_id")
    assert result.loc["dead", "class"] == "fading"
    assert result.loc["almost", "class"] == "fading"
    assert result.loc["almost", "change"] == pytest.approx(31.6)  # the old ranking's +3163 %
    assert np.isnan(result.loc["dead", "score"]) and np.isnan(result.loc["almost", "score"])
    assert result.loc["grower", "class"] == "rising"
    assert result.loc["grower", "change"] == pytest.approx(80 / 60 - 1)
    assert result.loc["grower", "recent_units"] == 480
    ranked = result.sort_values("score", ascending=False, na_position="last")
    assert ranked.index[0] == "grower"
    # The old growth column put the almost dead product first.
    summary = RunIndex(run, history).summary
    assert summary.sort_values("growth", ascending=False)["unique_id"].iloc[0] == "almost"
    assert summary.sort_values("score", ascending=False)["unique_id"].iloc[0] == "grower"


def test_tiny_products_under_the_floor_are_not_rising_young_ones_are_new(shop):
    history, run = shop
    result = trending(run, history)
    products = result.products.set_index("unique_id")
    assert products.loc["tiny", "change"] == pytest.approx(12 / 3 - 1)  # +300 %, but 3 units
    assert products.loc["tiny", "recent_units"] < result.floor
    assert products.loc["tiny", "class"] == "stable"
    assert np.isnan(products.loc["tiny", "score"])
    assert products.loc["young", "class"] == "new"
    assert result.floor >= H
    assert set(products.loc[[f"steady{k}" for k in range(6)], "class"]) == {"stable"}


def test_the_floor_comes_from_the_shop_distribution():
    recent = [10 * k for k in range(1, 41)]  # 10 .. 400 units in the last 8 weeks
    history = pd.concat([series(f"p{k}", [r / H] * 40) for k, r in enumerate(recent)],
                        ignore_index=True)
    run = make_run([forecast(f"p{k}", r / H) for k, r in enumerate(recent)])
    result = trending(run, history)
    assert result.floor == pytest.approx(np.quantile(recent, 0.25))


def test_precision_and_recall_of_the_call_by_hand():
    """Two windows of two periods for three products; the previous two periods before each
    origin are the reference, a change within 10 % is no call / no move."""
    ds = pd.date_range("2024-01-07", periods=10, freq="W")
    history = pd.concat([
        pd.DataFrame({"unique_id": "a", "ds": ds, "y": [10.0] * 6 + [15, 15, 5, 5]}),
        pd.DataFrame({"unique_id": "b", "ds": ds, "y": [10.0] * 6 + [10, 10, 10, 10]}),
        pd.DataFrame({"unique_id": "c", "ds": ds, "y": [10.0] * 6 + [20, 20, 10, 10]})],
        ignore_index=True)
    cut1, cut2 = ds[5], ds[7]

    def window(uid, cutoff, start, yhat, y):
        return pd.DataFrame({"unique_id": uid, "cutoff": cutoff, "ds": ds[start:start + 2],
                             "y": y, "yhat": yhat, "model": "m"})
    backtest = pd.concat([
        # a: prev 20. Window 1 predicted 30 (up), actual 30 (up): hit.
        window("a", cut1, 6, [15, 15], [15, 15]),
        # a: prev 30. Window 2 predicted 30 (no call), actual 10 (down): a missed move.
        window("a", cut2, 8, [15, 15], [5, 5]),
        # b: prev 20. predicted 30 (up), actual 20 (no move): a wrong call.
        window("b", cut1, 6, [15, 15], [10, 10]),
        # b: prev 20. predicted 10 (down), actual 20: wrong call.
        window("b", cut2, 8, [5, 5], [10, 10]),
        # c: prev 20 -> predicted 40 up, actual 40 up: hit; prev 40 -> predicted 20 down,
        # actual 20 down: hit. c is in another pool.
        window("c", cut1, 6, [20, 20], [20, 20]),
        window("c", cut2, 8, [10, 10], [10, 10]),
        # Another model's predictions must not count (only the chosen model's).
        window("c", cut1, 6, [1, 1], [20, 20]).assign(model="other")], ignore_index=True)
    forecasts = [forecast(u, 10.0) for u in "abc"]
    choices = pd.DataFrame({"unique_id": list("abc"), "model": "m",
                            "demand_class": ["smooth", "smooth", "lumpy"]})
    run = make_run(forecasts, backtest, choices, horizon=2)
    pools = trending(run, history).pools.set_index("pool")
    # smooth (a, b): calls 3 (a1 up, b1 up, b2 down), hits 1; moves 2 (a1 up, a2 down).
    assert pools.loc["smooth", ["calls", "hits", "moves"]].tolist() == [3, 1, 2]
    assert pools.loc["smooth", "precision"] == pytest.approx(1 / 3)
    assert pools.loc["smooth", "recall"] == pytest.approx(1 / 2)
    assert pools.loc["lumpy", "precision"] == 1.0 and pools.loc["lumpy", "recall"] == 1.0
    assert pools.loc["all", ["calls", "hits", "moves"]].tolist() == [5, 3, 4]
    products = trending(run, history).products.set_index("unique_id")
    assert products.loc["b", "precision"] == pytest.approx(1 / 3)
    assert products.loc["c", "pool"] == "lumpy"
