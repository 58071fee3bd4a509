"""Metrics against values worked out by hand."""
import math

import numpy as np
import pandas as pd
import pytest

from core.evaluation.metrics import score, window_scales


def _history(uid, values, start="2024-01-07"):
    ds = pd.date_range(start, periods=len(values), freq="W-SUN")
    return pd.DataFrame({"unique_id": uid, "ds": ds, "y": np.asarray(values, dtype=float)})


def _bt(uid, hist, actual, pred, lo=None, hi=None):
    cutoff = hist.ds.iloc[-len(actual) - 1]
    ds = hist.ds.iloc[-len(actual):]
    out = pd.DataFrame({"unique_id": uid, "cutoff": cutoff, "ds": ds.to_numpy(),
                        "y": actual, "yhat": pred, "model": "m"})
    if lo is not None:
        out["yhat_lo_80"], out["yhat_hi_80"] = lo, hi
    return out


def test_every_metric_on_one_product_by_hand():
    # Training part 1, 2, 4, 3; test 5, 0 forecast as 4, 1. Weekly: MASE season 1.
    hist = _history("a", [1, 2, 4, 3, 5, 0])
    bt = _bt("a", hist, [5.0, 0.0], [4.0, 1.0], lo=[4.5, 0.0], hi=[6.0, 0.5])
    overall, per_product = score(bt, hist, freq="W")
    row = overall.iloc[0]
    assert pytest.approx(1.0) == row.MAE
    assert pytest.approx(1.0) == row.MSE
    assert pytest.approx(1.0) == row.RMSE
    assert pytest.approx(1.0 / (4 / 3)) == row.MASE  # scale: mean(|1|, |2|, |-1|)
    assert pytest.approx(math.sqrt(1.0 / 2.0)) == row.RMSSE  # scale: mean(1, 4, 1)
    assert pytest.approx(20.0) == row.MAPE  # only the period with y = 5 counts
    assert row.mape_zeros_skipped == 1
    assert row.sMAPE == pytest.approx((200 / 9 + 200) / 2)
    assert pytest.approx(40.0) == row.WAPE
    assert row.bias == pytest.approx(0.0)
    assert row.coverage_80 == pytest.approx(1.0)  # 5 in [4.5, 6], 0 in [0, 0.5]
    assert row.zero_scale == 0
    assert pytest.approx(row.MASE) == per_product.iloc[0].MASE


def test_zero_scale_products_are_left_out_of_mase_and_counted():
    a = _history("a", [1, 2, 4, 3, 5, 0])
    flat = _history("flat", [2, 2, 2, 2, 3, 1])
    hist = pd.concat([a, flat])
    bt = pd.concat([_bt("a", a, [5.0, 0.0], [4.0, 1.0]),
                    _bt("flat", flat, [3.0, 1.0], [2.0, 2.0])])
    overall, per_product = score(bt, hist, freq="W")
    assert pytest.approx(0.75) == overall.iloc[0].MASE
    assert overall.iloc[0].zero_scale == 1
    assert np.isnan(per_product.set_index("unique_id").loc["flat", "MASE"])
    # Pooled metrics still use every product: MAE over 4 points = (1 + 1 + 1 + 1) / 4.
    assert pytest.approx(1.0) == overall.iloc[0].MAE


def test_mase_uses_the_season_of_the_frequency():
    # Daily: m = 7. A product repeating a weekly pattern has scale 0 at m = 7 except the bump.
    values = [1, 2, 3, 4, 5, 6, 7] * 2 + [8, 2]
    hist = pd.DataFrame({"unique_id": "d", "ds": pd.date_range("2024-01-01", periods=16),
                         "y": np.asarray(values, float)})
    scales = window_scales(hist, pd.DataFrame({"unique_id": ["d"], "cutoff": [hist.ds.iloc[14]],
                                               "horizon": [1]}), season=7)
    # Diffs at m = 7 up to the cutoff: seven zeros and |8 - 1| = 7 -> mean 7 / 8.
    assert scales.scale_mae.iloc[0] == pytest.approx(7 / 8)
    assert scales.prev_sum.iloc[0] == pytest.approx(8.0)


def test_trend_precision_and_recall():
    # Previous 2 periods sum to 2 for every product; the actual and predicted sums decide.
    rows, hists = [], []
    cases = {"tp": ([3, 3], [3, 3]), "fp": ([0, 0], [3, 3]), "fn": ([3, 3], [0, 0]),
             "tn": ([0, 0], [0, 0]), "tp2": ([5, 5], [2, 2])}
    for uid, (actual, pred) in cases.items():
        h = _history(uid, [1, 1, 1, 1, *actual])
        hists.append(h)
        rows.append(_bt(uid, h, np.asarray(actual, float), np.asarray(pred, float)))
    overall, per_product = score(pd.concat(rows), pd.concat(hists), freq="W")
    row = overall.iloc[0]
    # up = sum > 2. actual up: tp, fn, tp2; predicted up: tp, fp, tp2.
    assert row.trend_precision == pytest.approx(2 / 3)
    assert row.trend_recall == pytest.approx(2 / 3)
    assert row.trend_f1 == pytest.approx(2 / 3)
    assert per_product.set_index("unique_id").loc["tp", "trend_precision"] == 1.0


def test_scores_per_model_are_separate():
    hist = _history("a", [1, 2, 4, 3, 5, 0])
    good = _bt("a", hist, [5.0, 0.0], [5.0, 0.0])
    bad = _bt("a", hist, [5.0, 0.0], [0.0, 5.0]).assign(model="bad")
    overall, _ = score(pd.concat([good, bad]), hist, freq="W")
    by_model = overall.set_index("model")
    assert by_model.loc["m", "MAE"] == 0.0 and by_model.loc["bad", "MAE"] == 5.0
