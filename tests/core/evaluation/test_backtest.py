"""Rolling-origin backtests never let a model see the period it is scored on."""
import numpy as np
import pandas as pd

from core.evaluation.backtest import backtest
from core.models.statistical.baselines import Naive


class _Recorder(Naive):
    """Naive forecast that remembers every training frame it was fitted on."""

    seen: list = []

    def _fit(self, data, progress, cancel):
        _Recorder.seen.append((id(self), data[["unique_id", "ds"]].copy()))
        super()._fit(data, progress, cancel)


def _frame():
    rng = np.random.default_rng(1)
    parts = []
    for uid, n in (("long", 60), ("mid", 30), ("short", 9)):
        ds = pd.date_range(end="2024-06-30", periods=n, freq="D")
        parts.append(pd.DataFrame({"unique_id": uid, "ds": ds, "y": rng.poisson(3, n) * 1.0}))
    return pd.concat(parts, ignore_index=True)


def test_no_leakage_fresh_model_per_window_and_short_products_counted():
    _Recorder.seen = []
    frame = _frame()
    out = backtest(_Recorder, frame, horizon=7, windows=3, step=5, freq="D")
    assert len(_Recorder.seen) == 3
    assert len({model_id for model_id, _ in _Recorder.seen}) == 3  # a fresh model per window
    for w, (_, train) in enumerate(_Recorder.seen):
        test = out[out.window == w]
        for uid, rows in test.groupby("unique_id"):
            trained = train[train.unique_id == uid].ds
            cutoff = rows.cutoff.iloc[0]
            assert trained.max() == cutoff  # the model saw everything up to the cutoff...
            assert (trained <= cutoff).all() and (rows.ds > cutoff).all()  # ...and nothing after
            assert len(rows) == 7
    # Windows end 0, 5 and 10 periods before each product's last day.
    last = out[out.unique_id == "long"].groupby("window").ds.max()
    assert list(last) == list(pd.to_datetime(["2024-06-20", "2024-06-25", "2024-06-30"]))
    # 'short' (9 days) has no history left before the oldest two cutoffs.
    assert set(out[out.window == 0].unique_id) == {"long", "mid"}
    assert out.attrs["skipped"] == {0: 1, 1: 1, 2: 0}


def test_backtest_predictions_match_the_model():
    frame = _frame()
    out = backtest(Naive, frame, horizon=3, windows=1, freq="D")
    long = frame[frame.unique_id == "long"]
    expected_last = long.y.iloc[-4]
    assert (out[out.unique_id == "long"].yhat == expected_last).all()
    assert {"yhat_lo_80", "yhat_hi_95", "cutoff", "y"} <= set(out.columns)
