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
