"""Decomposition of one product's sales: parts add up, seasons only when the data supports them."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.decomposition import decompose, usable_periods
from tests.fixtures.runs import load_history


def test_parts_add_up_to_the_observed_series():
    history = load_history()
    series = history[history.unique_id == "21876"].set_index("ds")["y"]
    result = decompose(series, "W", season_length=4)
    assert result.periods == (4,)
    np.testing.assert_allclose(result.trend + result.seasonal + result.remainder, series.values)
    assert list(result.ds) == list(series.index)


def test_one_year_of_weeks_has_no_yearly_season_and_says_so():
    history = load_history()
    series = history[history.unique_id == "21876"].set_index("ds")["y"]
    result = decompose(series, "W")
    assert result.periods == ()
    assert not result.seasonal.any()
    assert "two full seasons" in result.note


def test_daily_series_recovers_a_weekly_pattern():
    ds = pd.date_range("2024-01-01", periods=140, freq="D")
    weekly = np.tile([5, 1, 1, 1, 1, 8, 10], 20).astype(float)
    series = pd.Series(weekly + np.linspace(0, 14, 140), index=ds)
    result = decompose(series, "D")
    assert result.periods == (7,)
    assert np.corrcoef(result.seasonal, weekly - weekly.mean())[0, 1] > 0.95
    assert result.trend[-1] - result.trend[0] == pytest.approx(14, abs=2)


def test_usable_periods_need_two_cycles():
    assert usable_periods(800, "D") == (7, 365)
    assert usable_periods(100, "D") == (7,)
    assert usable_periods(30, "M") == (12,)
    assert usable_periods(20, "M") == ()
