"""Elasticities on data with a known answer, and what-if results on real products."""
from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest

from core.errors import TrendcastError
from core.scenario import PriceChange, Scenario, what_if
from core.scenario.elasticity import estimate
from tests.fixtures.runs import shared_run


def priced_shop(elasticities: dict[str, float | None], periods: int = 104, seed: int = 0
                ) -> pd.DataFrame:
    """Weekly sales with a trend and a season; the shelf price changes every 4-8 weeks (None:
    never) and sales follow it with the given elasticity."""
    rng = np.random.default_rng(seed)
    dates = pd.date_range("2020-01-05", periods=periods, freq="W-SUN")
    t = np.arange(periods)
    parts = []
    for uid, e in elasticities.items():
        moves = e is not None
        steps = np.zeros(periods)
        if moves:
            start = 0
            while start < periods:
                length = int(rng.integers(4, 9))
                steps[start:start + length] = rng.choice([0.0, -0.2, 0.15])
                start += length
        price = 10 * np.exp(steps)
        level = 50 * (1 + 0.005 * t) * (1 + 0.3 * np.sin(2 * np.pi * t / 52))
        mean = level * (price / 10) ** (e if moves else 0)
        parts.append(pd.DataFrame({"unique_id": uid, "ds": dates,
                                   "y": rng.poisson(mean).astype(float), "price": price,
                                   "category": "toys" if uid < "c" else "home"}))
    return pd.concat(parts, ignore_index=True)


def test_elasticities_are_recovered_and_products_without_price_moves_get_the_pooled_one():
    shop = priced_shop({"a": -2.0, "b": -1.0, "c": -1.5, "d": None})
    found = estimate(shop, "W").set_index("unique_id")
    assert found.loc["a", "elasticity"] == pytest.approx(-2.0, abs=0.3)
    assert found.loc["b", "elasticity"] == pytest.approx(-1.0, abs=0.3)
    assert found.loc["c", "source"] == "product"
    assert found.loc["d", "source"] == "pooled" and np.isnan(found.loc["d", "own"])
    assert found.loc["a", "elasticity"] < found.loc["d", "elasticity"] < found.loc["b",
                                                                                 "elasticity"]


def test_data_without_prices_gets_a_clear_message():
    shop = priced_shop({"a": -1.0}).drop(columns="price")
    with pytest.raises(TrendcastError, match="no prices"):
        estimate(shop, "W")


def _run_of(shop: pd.DataFrame, horizon: int = 8):
    from core.models.registry import create
    from core.pipeline_types import ForecastRun, ForecastSettings

    fc = create("naive").fit(shop[["unique_id", "ds", "y"]], freq="W").predict(horizon)
    empty = pd.DataFrame()
    return ForecastRun(ForecastSettings(horizon=horizon, freq="W"), fc.assign(model="naive"),
                       empty, empty, empty, empty, empty)


def test_a_price_cut_moves_units_and_revenue_by_the_elasticity_in_the_planned_periods_only():
    shop = priced_shop({"a": -2.0, "b": -1.0, "c": -1.5})
    run = _run_of(shop)
    first = run.forecast.ds.min()
    plan = Scenario((PriceChange(-10, start=first + pd.Timedelta(weeks=2),
                                 end=first + pd.Timedelta(weeks=3), category="toys"),),
                    method="elasticity")
    result = what_if(run, shop, plan)
    assert result.method == "elasticity"
    f = result.forecast.set_index(["unique_id", "ds"])
    e = result.effects.set_index("unique_id")["elasticity"]
    last_price = shop.sort_values("ds").groupby("unique_id").price.last()
    for uid in ("a", "b"):  # toys
        rows = f.loc[uid]
        inside = rows.index.isin([first + pd.Timedelta(weeks=2), first + pd.Timedelta(weeks=3)])
        np.testing.assert_allclose(rows.price[inside], 0.9 * last_price[uid])
        np.testing.assert_allclose(rows.yhat[inside], rows.yhat_base[inside] * 0.9 ** e[uid])
        np.testing.assert_allclose(rows.yhat[~inside], rows.yhat_base[~inside])
        np.testing.assert_allclose(rows.revenue, rows.yhat * rows.price)
        assert (rows.yhat_lo_80 <= rows.yhat).all() and (rows.yhat <= rows.yhat_hi_80).all()
    np.testing.assert_allclose(f.loc["c"].yhat, f.loc["c"].yhat_base)  # home: untouched
    totals = result.totals()
    assert totals["units"] > totals["units_base"]
    assert result.totals("c")["units"] == pytest.approx(result.totals("c")["units_base"])


def test_auto_uses_elasticities_when_the_run_kept_no_networks():
    run, history = shared_run()
    result = what_if(run, history, Scenario((PriceChange(-20),)))
    assert result.method == "elasticity" and len(result.forecast) == len(run.forecast)
    assert result.totals()["units"] > result.totals()["units_base"]
    assert (result.effects.elasticity <= 0).all() and (result.effects.elasticity >= -4).all()


@pytest.mark.parametrize("plan, message", [
    (Scenario(()), "no changes"),
    (Scenario((PriceChange(-10, products=("nope",)),)), "does not have: nope"),
    (Scenario((PriceChange(-10, category="garden"),)), "no product is in category"),
    (Scenario((PriceChange(-10, start="2030-01-01"),)), "No forecast period"),
    (Scenario((PriceChange(-10),), method="network"), "no trained network"),
])
def test_plans_that_cannot_apply_say_why(plan, message):
    run, history = shared_run()
    history = history.assign(category="toys")
    with pytest.raises(TrendcastError, match=message):
        what_if(run, history, plan)


def test_the_run_and_history_are_not_changed():
    run, history = shared_run()
    before = (run.forecast.copy(), history.copy())
    what_if(dataclasses.replace(run), history, Scenario((PriceChange(-20),)))
    pd.testing.assert_frame_equal(run.forecast, before[0])
    pd.testing.assert_frame_equal(history, before[1])


def bulk_buyer_shop(products: int = 20, seed: int = 0) -> pd.DataFrame:
    """The list price never changes, but in some weeks a bulk buyer takes 100 units at a 20 %
    tier discount, which pulls the week's mean price down exactly when sales are high."""
    rng = np.random.default_rng(seed)
    rows = []
    for p in range(products):
        for ds in pd.date_range("2011-01-02", periods=52, freq="W-SUN"):
            small, bulk = int(rng.poisson(10)), 100 if rng.random() < 0.25 else 0
            y = small + bulk
            rows.append((f"P{p}", ds, float(y), (small * 1.0 + bulk * 0.8) / y if y else np.nan,
                         1.0))
    return pd.DataFrame(rows, columns=["unique_id", "ds", "y", "price", "list_price"])


def test_bulk_discounts_are_not_read_as_price_response():
    shop = bulk_buyer_shop()
    # The list price never moved: nothing to learn from.
    found = estimate(shop, "W")
    assert (found.source == "assumed").all() and (found.elasticity == -1).all()
    # The mean price moves with every bulk order, but those moves do not last into the next
    # week, so the instrument rejects them (a plain slope gave -4 for every product here).
    mean_price_only = estimate(shop.drop(columns="list_price"), "W")
    assert (mean_price_only.source == "assumed").all()


def test_a_fixed_elasticity_replaces_the_estimates_and_says_so():
    run, history = shared_run()
    result = what_if(run, history, Scenario((PriceChange(-10),), elasticity=-2.0))
    assert result.method == "elasticity"
    np.testing.assert_allclose(result.forecast.yhat, result.forecast.yhat_base * 0.9 ** -2)
    assert (result.effects.source == "fixed").all()
    assert "-2 for every product" in " ".join(result.notes)


def test_list_prices_that_move_give_the_elasticity_back():
    shop = priced_shop({"a": -2.0, "b": -1.0, "c": -1.5})
    confounded = shop.assign(list_price=shop.price, price=shop.price * 0.9)  # revenue price
    found = estimate(confounded, "W").set_index("unique_id")
    assert found.loc["a", "elasticity"] == pytest.approx(-2.0, abs=0.3)


def test_each_elasticity_comes_with_an_interval_that_brackets_the_planned_units():
    shop = priced_shop({"a": -2.0, "b": -1.0, "c": -1.5, "d": None})
    found = estimate(shop, "W").set_index("unique_id")
    for uid, truth in (("a", -2.0), ("b", -1.0), ("c", -1.5)):
        assert found.loc[uid, "low"] <= truth <= found.loc[uid, "high"]
    assert (found.low <= found.elasticity).all() and (found.elasticity <= found.high).all()
    # The product whose price never moved is any product: its interval is the widest.
    width = found.high - found.low
    assert width["d"] == width.max()
    result = what_if(_run_of(shop), shop, Scenario((PriceChange(-10),), method="elasticity"))
    f = result.forecast
    assert (f.yhat_range_lo <= f.yhat + 1e-9).all() and (f.yhat <= f.yhat_range_hi + 1e-9).all()
    t = result.totals()
    assert t["units_lo"] < t["units"] < t["units_hi"]


def test_a_fixed_or_assumed_elasticity_has_no_range_to_speak_of():
    run, history = shared_run()
    fixed = what_if(run, history, Scenario((PriceChange(-10),), elasticity=-1.2)).totals()
    assert fixed["units_lo"] == pytest.approx(fixed["units"]) == pytest.approx(fixed["units_hi"])
    shop = bulk_buyer_shop()
    assumed = what_if(_run_of(shop), shop, Scenario((PriceChange(-10),))).totals()
    assert np.isnan(assumed["units_lo"]) and np.isnan(assumed["units_hi"])


def test_what_if_notes_are_engine_templates_the_gui_can_translate():
    from core.message_parts import decode, english

    run, history = shared_run()
    for plan in (Scenario((PriceChange(-10, promo=True),)),
                 Scenario((PriceChange(-10),), elasticity=-1.5)):
        result = what_if(run, history, plan)
        assert len(result.notes) == len(result.note_ids) >= 1
        # Each note travels as ids too, and its English is written from them.
        assert [english(decode(ids)) for ids in result.note_ids] == result.notes
    shop = bulk_buyer_shop()
    assumed = what_if(_run_of(shop), shop, Scenario((PriceChange(-10),))).note_ids
    assert [key for ids in assumed for key, _ in decode(ids)] == ["whatif.assumed"]


def test_auto_uses_elasticities_and_the_networks_only_for_what_they_cannot_answer():
    import json

    from core.scenario.whatif import resolve_method

    run, history = shared_run()

    def with_networks(*inputs):
        meta = json.dumps({"model": "tcn", "exog_names": list(inputs)}).encode()
        return dataclasses.replace(run, networks={"tcn": {"meta.json": meta}})

    cut, promo = (Scenario((PriceChange(-10),)),
                  Scenario((PriceChange(0, promo=True),)))
    both = with_networks("log_price_ratio", "promo")
    assert resolve_method(cut, both, history) == "elasticity"
    assert resolve_method(promo, both, history) == "network"
    assert resolve_method(promo, with_networks("log_price_ratio"), history) == "elasticity"
    no_prices = history.drop(columns=["price", "list_price"], errors="ignore")
    assert resolve_method(cut, both, no_prices) == "network"
    assert resolve_method(Scenario(cut.changes, method="network"), both, history) == "network"
    assert resolve_method(Scenario(cut.changes, elasticity=-1), both, no_prices) == "elasticity"


def test_planning_facts_say_what_the_data_offers_a_plan():
    from core.scenario import planning_facts

    shop = priced_shop({"a": -1.0, "c": None})
    facts = planning_facts(shop)
    assert facts.categories == {"a": "toys", "c": "home"}
    assert facts.priced and not facts.promo
    bare = planning_facts(shop.drop(columns=["price", "category"]).assign(promo=0))
    assert bare.categories == {} and not bare.priced and bare.promo


def test_a_network_that_reads_only_promotions_answers_a_promotion():
    import json

    from core.scenario import network

    kept = {"tcn": {"meta.json": json.dumps({"exog_names": ["promo"]}).encode()},
            "lstm_attention": {"meta.json": json.dumps({"exog_names": []}).encode()}}
    assert network.answering(kept) == ["tcn"] and network.responsive(kept) == []
    with pytest.raises(TrendcastError, match="reads prices or promotions"):
        network.deltas({"lstm_attention": kept["lstm_attention"]}, pd.DataFrame())


def test_totals_count_the_products_whose_revenue_is_unknown():
    run, history = shared_run()
    plan = Scenario((PriceChange(-10),), elasticity=-1.5)
    priced = what_if(run, history, plan).totals()
    assert priced["unpriced_products"] == 0 and np.isfinite(priced["revenue"])
    one = history.unique_id.iloc[0]
    partly = history.copy()
    partly.loc[partly.unique_id == one, ["price", "list_price"]] = np.nan
    t = what_if(run, partly, plan).totals()
    assert t["unpriced_products"] == 1 and 0 < t["revenue_base"] < priced["revenue_base"]
    none = what_if(run, history.drop(columns=["price", "list_price"], errors="ignore"),
                   plan).totals()
    assert np.isnan(none["revenue"]) and none["unpriced_products"] == history.unique_id.nunique()


def test_no_price_effect_in_the_history_gets_an_assumed_response_and_says_so():
    from core.messages import parse

    # Prices move often, sales do not fall when they rise: every estimate is held at 0.
    shop = priced_shop({"a": 0.6, "b": 0.6, "c": 0.6, "d": 0.6})
    found = estimate(shop, "W")
    assert (found.elasticity > -0.05).all()
    result = what_if(_run_of(shop), shop, Scenario((PriceChange(-10),), method="elasticity"))
    assert (result.effects.source == "no_effect").all()
    np.testing.assert_allclose(result.forecast.yhat, result.forecast.yhat_base / 0.9)
    keys = [key for note in result.notes for key, _ in parse(note)]
    assert keys == ["whatif.no_effect"]
    assert "an assumption" in result.notes[0]
    # "0 plans with no effect": a fixed 0 gives the history's answer back
    flat = what_if(_run_of(shop), shop, Scenario((PriceChange(-10),), elasticity=0.0))
    np.testing.assert_allclose(flat.forecast.yhat, flat.forecast.yhat_base)


def test_learned_elasticities_are_kept_beside_assumed_ones():
    shop = priced_shop({"a": -2.0, "b": -1.5, "c": 0.8, "d": 0.8}, seed=1)
    result = what_if(_run_of(shop), shop, Scenario((PriceChange(-10),), method="elasticity"))
    effects = result.effects.set_index("unique_id")
    assert effects.loc["a", "source"] == "product" and effects.loc["a", "elasticity"] < -1
    flat = effects[effects.source == "no_effect"]
    assert (flat.elasticity == -1.0).all() and flat.low.isna().all()
    assert all(e <= -0.05 for e in effects.elasticity)
