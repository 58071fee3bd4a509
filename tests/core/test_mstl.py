"""MSTL: weekly and yearly patterns where history allows, ETS on the rest."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.errors import NotEnoughHistory
from core.models.registry import create


def _daily(days: int, seed: int = 0) -> pd.DataFrame:
    t = np.arange(days)
    rng = np.random.default_rng(seed)
    y = (50 + 10 * np.sin(2 * np.pi * t / 7) + 20 * np.sin(2 * np.pi * t / 365.25)
         + rng.normal(0, 2, days))
    ds = pd.date_range("2021-01-01", periods=days, freq="D")
    return pd.DataFrame({"unique_id": "a", "ds": ds, "y": y})


def test_weekly_and_yearly_patterns_are_carried_forward():
    frame = _daily(800)
    train, test = frame.iloc[:-60], frame.iloc[-60:]
    model = create("mstl").fit(train, freq="D")
    assert model.components_[0][0] == (7, 365)
    mstl_mae = np.abs(model.predict(60).yhat.to_numpy() - test.y.to_numpy()).mean()
    naive = create("seasonal_naive").fit(train, freq="D").predict(60)
    naive_mae = np.abs(naive.yhat.to_numpy() - test.y.to_numpy()).mean()
    assert mstl_mae < 0.6 * naive_mae
    assert mstl_mae < 4  # the noise alone has a mean absolute size of 1.6


def test_less_than_two_years_uses_the_weekly_pattern_only():
    model = create("mstl").fit(_daily(300), freq="D")
    assert model.components_[0][0] == (7,)
    no_year = create("mstl", yearly=False).fit(_daily(800), freq="D")
    assert no_year.components_[0][0] == (7,)


def test_monthly_needs_two_years():
    frame = _daily(400).assign(ds=pd.date_range("2000-01-01", periods=400, freq="MS"))
    with pytest.raises(NotEnoughHistory, match="24 months"):
        create("mstl").fit(frame.iloc[:20], freq="M")


@pytest.mark.parametrize("days,periods", [(730, (7,)), (731, (7, 365))])
def test_exactly_two_years_is_not_yet_enough_for_the_yearly_season(days, periods):
    model = create("mstl").fit(_daily(days), freq="D")
    assert model.components_[0][0] == periods
    assert np.isfinite(model.predict(28).yhat).all()
