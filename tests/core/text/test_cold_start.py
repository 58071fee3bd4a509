"""Cold start: a young or unsold product forecast from its title neighbours' sales."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.schema import DS, ID, Y
from core.text.cold_start import borrow, cold_start, scale_by_own_sales, weighted_median
from core.text.encoder import load_encoder
from core.text.neighbours import TextIndex
from core.text.products import index_products


def test_weighted_median_is_not_pulled_by_one_best_seller():
    levels = np.array([2.0, 3.0, 4.0, 900.0])
    assert weighted_median(levels, np.ones(4)) == 3.0
    assert weighted_median(levels, np.array([0.1, 0.1, 0.1, 0.9])) == 900.0


def test_borrow_takes_the_k_most_similar_candidates():
    sims = np.array([0.9, 0.8, 0.7, 0.95, 0.1])
    level = np.array([10.0, 12.0, 11.0, np.nan, 500.0])
    candidates = np.array([True, True, True, True, False])
    value, picked, weights = borrow(sims, level, candidates, k=2)
    assert picked.tolist() == [0, 1]  # 3 has no level, 4 is not a candidate
    assert value == 10.0 and weights.sum() == pytest.approx(1.0)
    assert borrow(sims, level, candidates, k=3, how="mean")[0] == pytest.approx(
        (0.9 * 10 + 0.8 * 12 + 0.7 * 11) / 2.4)
    assert np.isnan(borrow(sims, level, np.zeros(5, dtype=bool))[0])


def test_scaling_by_own_sales():
    assert scale_by_own_sales(10.0, own_total=5.0, neighbour_total=20.0) == 2.5
    assert scale_by_own_sales(10.0, own_total=5.0, neighbour_total=0.0) == 10.0
    assert scale_by_own_sales(10.0, 5.0, 20.0, power=0.5) == 5.0


def shop() -> tuple[pd.DataFrame, TextIndex]:
    """Three mugs selling about 10 a week, three pans about 100; a new pan with two weeks at
    half its neighbours' rate; a new mug not sold yet (in the index, not in the sales)."""
    weeks = pd.date_range("2024-01-07", periods=12, freq="W-SUN")
    rows = []
    for pid, rate in [("mug1", 9), ("mug2", 10), ("mug3", 11),
                      ("pan1", 90), ("pan2", 100), ("pan3", 110)]:
        rows += [{ID: pid, DS: d, Y: float(rate)} for d in weeks]
    rows += [{ID: "pan-new", DS: d, Y: 50.0} for d in weeks[-2:]]
    mug, pan = np.array([1.0, 0.0]), np.array([0.0, 1.0])
    vectors = np.array([mug, mug * 0.9 + pan * 0.1, mug, pan, pan, pan * 0.9 + mug * 0.1,
                        pan, mug], dtype=np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    ids = ["mug1", "mug2", "mug3", "pan1", "pan2", "pan3", "pan-new", "mug-new"]
    return pd.DataFrame(rows), TextIndex(ids, ids, vectors)


def test_new_products_are_forecast_from_their_neighbours_and_say_which():
    frame, index = shop()
    result = cold_start(frame, index, ["mug-new", "pan-new"], horizon=4, freq="W", k=3)
    fc = result.forecast.set_index(ID)
    assert len(result.forecast) == 8 and set(fc["model"]) == {"cold_start"}
    assert fc.loc["mug-new", "yhat"].tolist() == [10.0] * 4  # the mugs' weighted median
    # the pans' level 100, scaled by 100 sold in its 2 weeks against the pans' 200 then
    assert fc.loc["pan-new", "yhat"].to_numpy() == pytest.approx([50.0] * 4, rel=1e-3)
    assert fc.loc["mug-new", DS].min() == pd.Timestamp("2024-03-31")  # after 03-24
    why = result.neighbours[result.neighbours[ID] == "mug-new"]
    assert set(why["neighbour"]) == {"mug1", "mug2", "mug3"}
    assert why["weight"].sum() == pytest.approx(1.0, abs=1e-3)
    assert not (result.neighbours["neighbour"].isin(["mug-new", "pan-new"])).any()


def test_a_product_without_title_or_neighbours_gets_no_forecast():
    frame, index = shop()
    result = cold_start(frame, index, ["no-such-product"], horizon=2, freq="W")
    assert result.forecast.empty and result.neighbours.empty


def test_with_the_sentence_model_a_chinese_title_borrows_from_english_mugs():
    weeks = pd.date_range("2024-01-07", periods=10, freq="W-SUN")
    titles = {"M1": "ceramic coffee mug", "M2": "porcelain tea cup with handle",
              "S1": "wool winter scarf", "S2": "knitted wool hat", "NEW": "陶瓷咖啡杯"}
    rates = {"M1": 20.0, "M2": 24.0, "S1": 300.0, "S2": 280.0}
    frame = pd.DataFrame([{ID: p, DS: d, Y: r, "title": titles[p]}
                          for p, r in rates.items() for d in weeks]
                         + [{ID: "NEW", DS: weeks[-1], Y: 0.0, "title": titles["NEW"]}])
    loaded = load_encoder()
    index = index_products(frame, loaded.encoder)
    result = cold_start(frame[frame[ID] != "NEW"], index, ["NEW"], horizon=3, freq="W", k=1)
    assert result.neighbours["neighbour"].tolist() == ["M1"]
    assert result.forecast["yhat"].tolist() == [20.0] * 3


def test_text_view_lists_neighbours_with_sales_and_young_products_cold_start():
    from core.text.view import cold_start_of, prepare_text_view, similar_with_sales

    weeks = pd.date_range("2024-01-07", periods=10, freq="W-SUN")
    titles = {"M1": "ceramic coffee mug", "M2": "porcelain coffee cup", "S1": "wool scarf",
              "NEW": "陶瓷咖啡杯"}
    rates = {"M1": 20.0, "M2": 30.0, "S1": 300.0}
    frame = pd.DataFrame([{ID: p, DS: d, Y: r, "title": titles[p]}
                          for p, r in rates.items() for d in weeks]
                         + [{ID: "NEW", DS: weeks[-1], Y: 5.0, "title": titles["NEW"]}])
    seen = []
    view = prepare_text_view(frame, ["NEW"], horizon=4, freq="W", progress=seen.append)
    assert seen[-1].fraction == 1.0 and view.is_model
    table = similar_with_sales(view, "M1", top=2)
    assert table["unique_id"].iloc[0] == "M1"
    assert set(table["unique_id"].iloc[1:]) == {"NEW", "M2"}  # the scarf is the least similar
    assert np.isnan(table["similarity"].iloc[0])
    assert table.set_index("unique_id").loc["M2", "total"] == 300.0
    level, neighbours = cold_start_of(view, "NEW")
    assert set(neighbours["neighbour"]) <= {"M1", "M2", "S1"} and level > 0
    assert cold_start_of(view, "M1") is None
    # the cache comes back as bytes and a second view embeds nothing new
    assert view.embedded == 4
    again = prepare_text_view(frame, [], horizon=4, freq="W", cache=view.cache_bytes)
    np.testing.assert_array_equal(again.index.vectors, view.index.vectors)
    assert again.embedded == 0
    assert prepare_text_view(frame.drop(columns="title"), [], 4, "W") is None
