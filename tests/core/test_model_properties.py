"""Random shop-like data through every statistical model: no crash, sane output."""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.models.registry import available

OURS = sorted((c for c in available() if c.family in ("baseline", "classical", "intermittent")),
              key=lambda c: c.name)


@st.composite
def shop_frames(draw):
    """2-4 products, 1-80 days each, ending on different days; zeros, spikes, constants."""
    n = draw(st.integers(2, 4))
    parts = []
    for i in range(n):
        length = draw(st.integers(1, 80))
        end_gap = draw(st.integers(0, 5))
        kind = draw(st.sampled_from(["poisson", "zeros", "constant", "spiky", "trend"]))
        seed = draw(st.integers(0, 10_000))
        rng = np.random.default_rng(seed)
        if kind == "poisson":
            y = rng.poisson(draw(st.floats(0.05, 30)), length).astype(float)
        elif kind == "zeros":
            y = np.zeros(length)
        elif kind == "constant":
            y = np.full(length, float(draw(st.integers(1, 500))))
        elif kind == "spiky":
            y = np.where(rng.random(length) < 0.05, rng.integers(1, 1000, length), 0.0)
        else:
            y = np.maximum(0.0, np.arange(length) * draw(st.floats(-3, 3)) + 50
                           + rng.normal(0, 5, length))
        end = pd.Timestamp("2024-06-30") - pd.Timedelta(days=end_gap)
        ds = pd.date_range(end=end, periods=length, freq="D")
        parts.append(pd.DataFrame({"unique_id": f"p{i}", "ds": ds, "y": y}))
    return pd.concat(parts, ignore_index=True)


@pytest.mark.parametrize("cls", OURS, ids=lambda cls: cls.name)
@settings(max_examples=10, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow])
@given(frame=shop_frames())
def test_any_shop_data_gives_a_sane_forecast_or_a_clear_error(cls, frame):
    from core.errors import NotEnoughHistory

    longest = frame.groupby("unique_id").size().max()
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        model = cls()
        try:
            model.fit(frame, freq="D")
        except NotEnoughHistory:
            assert longest < max(cls.capabilities.min_history, 14 if cls.name == "mstl" else 0)
            return
        fc = model.predict(14)
    values = fc[["yhat", "yhat_lo_80", "yhat_hi_80", "yhat_lo_95", "yhat_hi_95"]].to_numpy()
    assert np.isfinite(values).all() and (values >= 0).all()
    assert (fc.yhat_lo_95 <= fc.yhat_lo_80).all() and (fc.yhat_hi_80 <= fc.yhat_hi_95).all()
    assert len(fc) == 14 * frame.unique_id.nunique()
    # no forecast wildly beyond anything the shop has ever sold in a day
    assert fc.yhat.max() <= 10 * frame.y.max() + 1
