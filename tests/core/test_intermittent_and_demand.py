"""Intermittent-demand models and the demand classification, on hand-checked and real data."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.models.demand import candidates_for, classify, demand_statistics
from core.models.registry import create, load_all
from core.models.statistical.intermittent import croston_pass
from core.models.statistical.ses import fit_ses, ses_pass


def _frame(values, uid="a", freq="W-SUN"):
    ds = pd.date_range("2024-01-07", periods=len(values), freq=freq)
    return pd.DataFrame({"unique_id": uid, "ds": ds, "y": np.asarray(values, float)})


def test_croston_matches_a_hand_computed_example():
    y = np.array([[0, 3, 0, 0, 6, 0, 2.0]])
    (size, interval), _ = croston_pass(y, 0.1)
    # sizes 3, 6, 2 and gaps 2, 3, 2, each smoothed from its first value with alpha 0.1
    assert size[0] == pytest.approx((3 + 0.1 * 3) + 0.1 * (2 - 3.3))
    assert interval[0] == pytest.approx((2 + 0.1 * 1) + 0.1 * (2 - 2.1))
    fc = create("croston").fit(_frame(y[0]), freq="W").predict(2)
    assert fc.yhat.iloc[0] == pytest.approx(0.95 * size[0] / interval[0])


def test_ses_fitted_start_level_is_the_least_squares_one(m3_monthly_slice):
    train, _ = m3_monthly_slice
    y = train[train.unique_id == train.unique_id.iloc[0]].y.to_numpy()[None, :]
    alpha = np.array([[0.4]])
    level, sse, start = ses_pass(y, alpha)
    # brute force over starting levels around the closed form
    grid = start[0, 0] + np.linspace(-50, 50, 201)
    sses = [ses_pass(y, alpha, np.array([g]))[1][0, 0] for g in grid]
    assert sse[0, 0] == pytest.approx(min(sses), rel=1e-9)
    assert level[0, 0] == pytest.approx(ses_pass(y, alpha, start[:, 0])[0][0, 0])


def test_ses_alpha_agrees_with_statsmodels(m3_monthly_slice):
    from statsmodels.tsa.holtwinters import SimpleExpSmoothing

    train, _ = m3_monthly_slice
    y = train[train.unique_id == sorted(train.unique_id.unique())[3]].y.to_numpy()
    ours = fit_ses(y[None, :], np.array([len(y)]))
    theirs = SimpleExpSmoothing(y, initialization_method="estimated").fit()
    assert ours.sse[0] <= theirs.sse * (1 + 1e-6)
    assert ours.level[0] == pytest.approx(theirs.forecast(1)[0], rel=0.02)


@pytest.mark.parametrize("name", ["croston", "tsb", "adida", "imapa"])
def test_intermittent_forecast_is_near_the_average_rate(name, retail_weekly_slice):
    fc = create(name).fit(retail_weekly_slice, freq="W").predict(4)
    rate = retail_weekly_slice.groupby("unique_id").y.mean()
    first = fc.groupby("unique_id").yhat.first()
    # a smoothed rate stays inside the range of the product's own sales
    assert (first <= retail_weekly_slice.groupby("unique_id").y.max() + 1e-9).all()
    assert np.corrcoef(first, rate.loc[first.index])[0, 1] > 0.8


def test_tsb_forecast_decays_when_a_product_stops_selling():
    fc = create("tsb").fit(_frame([5, 0, 4, 6, 5, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0]), freq="W")
    stopped = fc.predict(1).yhat.iloc[0]
    busy = create("tsb").fit(_frame([5, 0, 4, 6, 5, 0, 5, 4, 5, 6, 5, 4, 5, 6, 5]), freq="W")
    assert stopped < 0.5 * busy.predict(1).yhat.iloc[0]


def test_classify_uses_the_syntetos_boylan_cut_offs():
    frame = pd.concat([
        _frame([5, 6, 5, 6, 5, 6, 5, 6], "smooth"),
        _frame([1, 20, 2, 30, 1, 25, 2, 40], "erratic"),
        _frame([5, 0, 0, 5, 0, 0, 6, 0], "intermittent"),
        _frame([1, 0, 0, 40, 0, 0, 2, 0], "lumpy"),
        _frame([0, 0, 0, 0], "never"),
    ])
    classes = classify(frame)
    assert classes.to_dict() == {"smooth": "smooth", "erratic": "erratic",
                                 "intermittent": "intermittent", "lumpy": "lumpy",
                                 "never": "intermittent"}
    stats = demand_statistics(frame)
    assert stats.loc["intermittent", "adi"] == pytest.approx(7 / 3)


def test_real_daily_retail_is_mostly_lumpy(retail_daily_slice):
    shares = classify(retail_daily_slice).value_counts(normalize=True)
    assert shares.get("lumpy", 0) > 0.8  # the data README: 96% of products are lumpy


@pytest.mark.parametrize("demand_class", ["smooth", "erratic", "intermittent", "lumpy"])
def test_candidates_are_registered_and_include_the_benchmark(demand_class):
    names = candidates_for(demand_class, "W", 52)
    assert "seasonal_naive" in names
    assert set(names) <= set(load_all())
    if demand_class in ("intermittent", "lumpy"):
        assert "croston" in names and "imapa" in names
    else:
        assert "ets" in names
    with pytest.raises(ValueError):
        candidates_for("sporadic", "W", 52)


def test_tsb_pass_matches_a_plain_loop():
    from core.models.statistical.intermittent import tsb_pass

    y = np.array([0, 4, 0, 0, 6, 2, 0, 0, 0, 5.0])
    a_size, a_prob = 0.2, 0.1
    prob, size, sse = None, None, 0.0
    for value in y:
        if prob is not None:
            sse += (value - prob * (size if size is not None else 0.0)) ** 2
        hit = float(value > 0)
        prob = hit if prob is None else prob + a_prob * (hit - prob)
        if value > 0:
            size = value if size is None else size + a_size * (value - size)
    ours = tsb_pass(y[None, :], np.array([[a_size]]), np.array([[a_prob]]))
    assert ours[0][0, 0] == pytest.approx(prob)
    assert ours[1][0, 0] == pytest.approx(size)
    assert ours[2][0, 0] == pytest.approx(sse)


def test_aggregation_sums_whole_buckets_ending_at_the_last_period():
    from core.models.statistical.intermittent import aggregate

    values = np.array([[np.nan, 1, 2, 3, 4, 5, 6], [0, 0, 1, 0, 0, 1, 0.0]])
    buckets, counts = aggregate(values, np.array([6, 7]), 3)
    np.testing.assert_array_equal(buckets[0, -2:], [6, 15])
    np.testing.assert_array_equal(buckets[1, -2:], [1, 1])
    assert counts.tolist() == [2, 2]
