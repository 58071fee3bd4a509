"""A network trained on prices answers a price what-if in the direction the data taught it."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.scenario import PriceChange, Scenario, what_if
from core.scenario.network import responsive


def price_driven_shop(products: int = 12, periods: int = 150, seed: int = 1) -> pd.DataFrame:
    """Daily sales that double when the price is cut by a third, and nothing else moves them."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2023-01-01", periods=periods, freq="D")
    parts = []
    for i in range(products):
        cut = rng.random(periods) < 0.3
        price = np.where(cut, 2.0, 3.0) * (1 + 0.1 * i)
        parts.append(pd.DataFrame({"unique_id": f"p{i}", "ds": dates, "price": price,
                                   "y": rng.poisson(np.where(cut, 20.0, 10.0)).astype(float)}))
    return pd.concat(parts, ignore_index=True)


@pytest.fixture(scope="module")
def trained():
    shop = price_driven_shop()
    # The last day is at the full price, so the forecast holds the full price.
    shop.loc[shop.ds == shop.ds.max(), "price"] = 3.0 * (1 + 0.1 * shop.unique_id.str[1:]
                                                          .astype(int))
    params = {"units": 16, "epochs": 15, "windows_per_epoch": 2048, "batch_size": 64,
              "lookback": 14}
    result = run(shop, ForecastSettings(horizon=7, freq="D", windows=0, models=("tcn",),
                                        params={"tcn": params}, n_jobs=1, keep_networks=True))
    return shop, result


def test_a_price_cut_raises_the_networks_forecast_and_untouched_periods_stay(trained):
    shop, result = trained
    assert responsive(result.networks) == ["tcn"]
    first = result.forecast.ds.min()
    plan = Scenario((PriceChange(-33, start=first + pd.Timedelta(days=3)),), method="network")
    answer = what_if(result, shop, plan)
    assert answer.method == "network"
    # "auto" prefers elasticities when the history has prices.
    assert what_if(result, shop, Scenario(plan.changes)).method == "elasticity"
    f = answer.forecast
    inside = f.ds >= first + pd.Timedelta(days=3)
    np.testing.assert_allclose(f.yhat[~inside], f.yhat_base[~inside], atol=1e-6)
    lift = f.yhat[inside].sum() / f.yhat_base[inside].sum()
    print(f"\nnetwork's lift for a 33% price cut: x{lift:.2f} (the data's: x2)")
    assert 1.5 < lift < 2.5


def test_an_answer_against_the_price_change_comes_with_a_warning(trained, monkeypatch):
    from core.messages import parse
    from core.scenario import network

    shop, result = trained
    real = network.deltas

    def backwards(networks, plan, cancel=None):  # a network that learned it the wrong way round
        out = real(networks, plan, cancel)
        return out.assign(delta=-out["delta"])

    monkeypatch.setattr(network, "deltas", backwards)
    notes = what_if(result, shop, Scenario((PriceChange(-33),), method="network")).notes
    keys = [key for note in notes for key, _ in parse(note)]
    assert keys == ["whatif.networks", "whatif.wrong_sign"]
    monkeypatch.setattr(network, "deltas", real)
    notes = what_if(result, shop, Scenario((PriceChange(-33),), method="network")).notes
    assert [key for note in notes for key, _ in parse(note)] == ["whatif.networks"]
