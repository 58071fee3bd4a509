"""The Forecast view's Similar products tab: neighbours by title with their sales, worked out in
a worker; young products forecast from their neighbours and flagged in the list."""
from __future__ import annotations

import dataclasses

import numpy as np
from views import shown_forecast_view

from core.text.cache import EmbeddingCache
from gui.widgets.product_list import COLUMNS
from tests.fixtures.runs import shared_run


def _ready_view(qtbot, run=None, history=None):
    view = shown_forecast_view(qtbot, run, history)
    assert view.similar.handle is None  # nothing runs until the tab is opened
    with qtbot.waitSignal(view.similar.ready, timeout=60_000):
        view.tabs.setCurrentWidget(view.similar)
    return view


def test_selected_product_is_listed_first_then_its_nearest_titles_with_their_sales(qtbot):
    view = _ready_view(qtbot)
    _run, history = shared_run()
    view.select_product("21876")
    frame = view.similar.model.frame
    assert frame["unique_id"].iloc[0] == "21876"
    assert len(frame) == 11  # the product and its 10 nearest of the other 19
    sims = frame["similarity"].iloc[1:].to_numpy()
    assert (np.diff(sims) <= 0).all() and sims.max() <= 1.0
    other = frame["unique_id"].iloc[1]
    assert frame["total"].iloc[1] == history.loc[history.unique_id == other, "y"].sum()
    assert view.similar.model.marked_row == 0
    assert view.similar.progress.isHidden()
    view.select_product(view.products.visible_ids()[0])  # the shop total has no neighbours
    assert view.similar.model.frame.empty


def test_young_products_get_a_title_forecast_and_a_flag_in_the_list(qtbot):
    run, history = shared_run()
    choices = run.choices.copy()
    choices.loc[choices["unique_id"] == "21876", "model"] = "new_product"
    young_run = dataclasses.replace(run, choices=choices)
    view = _ready_view(qtbot, young_run, history)
    assert view.products.model.cold_start == {"21876"}
    row = view.products.model.row_of("21876")
    cell = view.products.model.index(row, COLUMNS.index("accuracy"))
    assert cell.data() == "by title"
    view.select_product("21876")
    assert "Too new to backtest" in view.similar.cold_label.text()
    view.select_product(view.products.visible_ids()[2])
    assert view.similar.cold_label.text() == ""


def test_cache_is_kept_for_the_project_and_cancel_stops_the_work(qtbot):
    view = _ready_view(qtbot)
    data = view.similar.cache_bytes()
    cache = EmbeddingCache.from_bytes(data)
    assert len(cache.vectors) == 20
    run, history = shared_run()
    view.similar.set_run(run, history)
    handle = view.similar.handle
    with qtbot.waitSignal(handle.finished, timeout=30_000):
        view.similar.cancel()
    assert view.similar.view is None and "cancelled" in view.similar.message.text()
    assert view.similar.progress.isHidden()


def test_titles_from_the_project_are_not_encoded_again(qtbot):
    view = _ready_view(qtbot)
    assert view.similar.view.embedded == 20
    data = view.similar.cache_bytes()
    run, history = shared_run()
    fresh = shown_forecast_view(qtbot, run, history)
    fresh.similar.set_cache_bytes(data)
    with qtbot.waitSignal(fresh.run_shown, timeout=30_000):  # else it replaces the tab's run
        fresh.show_run(run, history)
    with qtbot.waitSignal(fresh.similar.ready, timeout=60_000):
        fresh.tabs.setCurrentWidget(fresh.similar)
    assert fresh.similar.view.embedded == 0


def test_switching_products_with_the_tab_open_stays_fast(qtbot):
    import time

    view = _ready_view(qtbot)
    ids = view.products.visible_ids()[1:]
    times = []
    for uid in ids:
        view.select_product(uid)
        start = time.perf_counter()  # the tab's own share of a switch, shown again
        view.similar.set_product(uid)
        times.append(time.perf_counter() - start)
        assert view.similar.model.frame["unique_id"].iloc[0] == uid
    # 3,778 Online Retail products: 10 ms per product for the table (bench, load 17)
    assert np.median(times) < 0.05, times
