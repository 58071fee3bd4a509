import numpy as np
import pandas as pd
import pytest

from core.models.registry import create


def _frame():
    ds = pd.date_range("2024-01-01", periods=21, freq="D")
    a = pd.DataFrame({"unique_id": "a", "ds": ds, "y": np.tile([1, 2, 3, 4, 5, 6, 7], 3)})
    b = pd.DataFrame({"unique_id": "b", "ds": ds[-5:], "y": [5.0, 4, 3, 2, 1]})
    return pd.concat([a, b], ignore_index=True)


def test_seasonal_naive_repeats_last_week_and_falls_back_to_last_value_when_short():
    fc = create("seasonal_naive").fit(_frame(), freq="D").predict(9)
    a = fc[fc.unique_id == "a"]
    assert a.yhat.tolist() == [1, 2, 3, 4, 5, 6, 7, 1, 2]
    assert a.ds.iloc[0] == pd.Timestamp("2024-01-22")
    b = fc[fc.unique_id == "b"]
    assert b.yhat.tolist() == [1.0] * 9
    assert (fc.yhat_lo_95 <= fc.yhat_lo_80).all() and (fc.yhat_hi_80 <= fc.yhat_hi_95).all()
    assert (fc.yhat_lo_95 >= 0).all()


def test_naive_repeats_last_value():
    fc = create("naive").fit(_frame(), freq="D").predict(3)
    assert fc[fc.unique_id == "a"].yhat.tolist() == [7, 7, 7]


def test_predict_before_fit_is_a_clear_error():
    with pytest.raises(RuntimeError, match="fit"):
        create("naive").predict(3)


def _weekly(values, uid="a"):
    ds = pd.date_range("2024-01-07", periods=len(values), freq="W")
    return pd.DataFrame({"unique_id": uid, "ds": ds, "y": np.asarray(values, dtype=float)})


def test_moving_median_is_the_median_of_the_last_four_weeks_and_ignores_one_big_order():
    frame = pd.concat([_weekly([9, 9, 9, 1, 2, 200, 3]), _weekly([4, 6], "young")])
    fc = create("moving_median").fit(frame, freq="W").predict(3)
    assert fc[fc.unique_id == "a"].yhat.tolist() == [2.5] * 3  # median of 1, 2, 200, 3
    assert fc[fc.unique_id == "young"].yhat.tolist() == [5.0] * 3  # all it has
    three = create("moving_median", window=3).fit(frame, freq="W").predict(1)
    assert three[three.unique_id == "a"].yhat.tolist() == [3.0]


def test_moving_median_bands_are_the_rules_own_error_quantiles():
    rng = np.random.default_rng(0)
    history = rng.poisson(4, 200).astype(float)
    fc = create("moving_median").fit(_weekly(history), freq="W").predict(4, levels=(80,))
    # The rule's in-sample errors at leads 1..4, from every origin (medians of the last 4).
    med = np.array([np.median(history[max(0, t - 3):t + 1]) for t in range(len(history))])
    errors = np.concatenate([history[h:] - med[:-h] for h in range(1, 5)])
    level = np.median(history[-4:])
    assert fc.yhat.tolist() == [level] * 4
    assert np.allclose(fc.yhat_lo_80, max(level + np.quantile(errors, 0.1), 0))
    assert np.allclose(fc.yhat_hi_80, level + np.quantile(errors, 0.9))
    # Roughly 80 % of fresh draws from the same demand fall inside.
    fresh = rng.poisson(4, 4000)
    inside = (fresh >= fc.yhat_lo_80.iloc[0]) & (fresh <= fc.yhat_hi_80.iloc[0])
    assert 0.7 < inside.mean() < 0.97


def test_moving_median_band_of_a_short_product_is_normal_and_holds_the_forecast():
    fc = create("moving_median").fit(_weekly([3, 0, 5]), freq="W").predict(2, levels=(80, 95))
    assert (fc.yhat == 3.0).all()
    assert (fc.yhat_lo_95 <= fc.yhat_lo_80).all() and (fc.yhat_lo_80 <= fc.yhat).all()
    assert (fc.yhat <= fc.yhat_hi_80).all() and (fc.yhat_hi_80 < fc.yhat_hi_95).all()


def test_moving_median_default_window_follows_the_frequency():
    from core.models.statistical.baselines import MEDIAN_WINDOW

    days = pd.date_range("2024-01-01", periods=10, freq="D")
    frame = pd.DataFrame({"unique_id": "a", "ds": days, "y": [50, 50, 50, 1, 2, 3, 4, 5, 6, 7.0]})
    fc = create("moving_median").fit(frame, freq="D").predict(1)
    assert MEDIAN_WINDOW["D"] == 7 and fc.yhat.tolist() == [4.0]  # median of the last 7 days
    with pytest.raises(Exception, match="window|Periods"):
        create("moving_median", window=-1).fit(frame, freq="D")
