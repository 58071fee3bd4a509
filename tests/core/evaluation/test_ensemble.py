"""`median` and `weighted` are real registered models."""
from pathlib import Path

import pandas as pd
import pytest

from core.models.registry import create, get

FIXTURE = Path(__file__).parents[1] / "fixtures" / "retail_weekly_40.csv"


@pytest.fixture(scope="module")
def weekly():
    return pd.read_csv(FIXTURE, dtype={"unique_id": str}, parse_dates=["ds"])


def test_median_of_members_per_period(weekly):
    model = create("median", members="naive,seasonal_naive")
    fc = model.fit(weekly, freq="W").predict(4)
    naive = create("naive").fit(weekly, freq="W").predict(4)
    snaive = create("seasonal_naive").fit(weekly, freq="W").predict(4)
    expected = (naive.yhat.to_numpy() + snaive.yhat.to_numpy()) / 2  # median of two = mean
    assert fc.sort_values(["unique_id", "ds"]).yhat.to_numpy() == pytest.approx(expected)
    assert get("median").family == "combination"
    assert {p.name for p in get("weighted").params} == {"members", "k"}


def test_weighted_uses_inner_backtest_weights_of_the_best_k(weekly):
    model = create("weighted", members="naive,seasonal_naive", k=1)
    fc = model.fit(weekly, freq="W").predict(3)
    assert model.weights_.groupby("unique_id").weight.sum().round(9).eq(1).all()
    assert (model.weights_.groupby("unique_id").size() == 1).all()  # k = 1
    assert len(fc) == 40 * 3 and (fc.yhat >= 0).all()


def test_unknown_member_is_a_clear_error(weekly):
    from core.errors import TrendcastError

    with pytest.raises(TrendcastError, match="nope"):
        create("median", members="naive,nope").fit(weekly, freq="W")
