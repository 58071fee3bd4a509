"""The networks through the whole run on series that end on different dates (issue #11 sections 4
and 5): every product gets every horizon step at the dates after its own last period, and every
backtest point a classical model is scored on gets a network prediction too, including products
shorter than the lookback, products without a training window of their own and products too young
to backtest. Imported from M3 (own series ends) as the CLI does; tiny networks, one epoch."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from core.data import ImportOptions, load
from core.messages import parse
from core.models.statistical.new_product import history_needed
from core.pipeline import run
from core.pipeline_types import ForecastSettings

TRAIN = Path(__file__).resolve().parents[1] / "fixtures" / "m3_monthly_150_train.csv.gz"
H, WINDOWS, LOOKBACK = 6, 2, 12
# One network is enough: windows, forecast dates and fallbacks are shared by all three (the
# contract suite runs each on short products); TCN is the quickest to train.
NAMES = ("tcn",)
# Copies of full series cut to their last few periods: they keep their series' end date.
# 3 and 7: too young to backtest (new-product rate); 10: backtested, but no training window of
# its own in the final fit (needs H + 1 + H held out for validation = 13); 16: shorter than
# the lookback plus the horizon in every backtest window.
CUTS = (3, 7, 10, 16)


@pytest.fixture(scope="module")
def frame():
    result = load(TRAIN, ImportOptions(freq="M"))
    data = result.frame[["unique_id", "ds", "y"]]
    ends = data.groupby("unique_id")["ds"].max()
    keep = ends.groupby(ends).head(1).index[:6]  # six series, six different end dates
    full = data[data["unique_id"].isin(keep)]
    cut = [full[full["unique_id"] == uid].tail(n).assign(unique_id=f"{uid}_last{n}")
           for uid, n in zip(keep, CUTS, strict=False)]
    out = pd.concat([full, *cut], ignore_index=True)
    assert out.groupby("unique_id")["ds"].max().nunique() == 6
    return out


@pytest.fixture(scope="module")
def classical(frame):
    return run(frame, ForecastSettings(horizon=H, freq="M", windows=WINDOWS, models=("naive",),
                                       n_jobs=1))


def _own_dates(frame: pd.DataFrame) -> set[tuple[str, pd.Timestamp]]:
    ends = frame.groupby("unique_id")["ds"].max()
    return {(uid, end + pd.DateOffset(months=k)) for uid, end in ends.items()
            for k in range(1, H + 1)}


def _keys(table: pd.DataFrame, *cols: str) -> set[tuple]:
    return set(zip(*(table[c] for c in cols), strict=True))


@pytest.mark.parametrize("name", NAMES)
def test_a_network_forecasts_and_backtests_every_product_at_its_own_dates(frame, classical,
                                                                          tiny, name):
    params = {k: v for k, v in tiny(name, epochs=1, lookback=LOOKBACK).items() if k != "horizon"}
    result = run(frame, ForecastSettings(horizon=H, freq="M", windows=WINDOWS, models=(name,),
                                         params={name: params}, n_jobs=1))
    expected = _own_dates(frame)
    lengths = frame.groupby("unique_id").size()
    young = set(lengths.index[lengths < history_needed(H)])
    assert young == {uid for uid in lengths.index if uid.endswith(("_last3", "_last7"))}

    # The chosen forecast: every product, every step, at its own dates, finite.
    fc = result.forecast
    assert len(fc) == len(expected) and _keys(fc, "unique_id", "ds") == expected
    assert fc.filter(like="yhat").notna().all().all()
    by_product = fc.groupby("unique_id")["model"].first()
    assert set(by_product[list(young)]) == {"new_product"}
    assert set(by_product.drop(list(young))) == {name}
    # The network's own forecast covers the young products too (shown as a candidate).
    own = result.candidates[result.candidates["model"] == name]
    assert _keys(own, "unique_id", "ds") == expected

    # The product without a training window of its own says how it was forecast.
    choices = result.choices.set_index("unique_id")
    windowless = [uid for uid in choices.index if uid.endswith("_last10")]
    assert windowless and all(
        "fallback.average_product" in [k for k, _ in parse(choices.fallback[uid])]
        for uid in windowless)
    assert not choices.drop(windowless).fallback.astype(bool).any()

    # Backtest: exactly the points the classical model is scored on, none lost to a date join.
    bt = result.backtest[result.backtest["model"] == name]
    ref = classical.backtest[classical.backtest["model"] == "naive"]
    assert len(ref) > 0 and len(bt) == len(ref)
    assert _keys(bt, "unique_id", "window", "ds", "y") == _keys(ref, "unique_id", "window", "ds",
                                                                "y")
    assert bt["yhat"].notna().all()
    assert set(result.metrics["model"]) == {name}
