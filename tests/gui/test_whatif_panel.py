"""The What-if tab: plan a price change, apply it in a worker, see it on the chart and in the
tables, and keep it in the project."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from views import shown_forecast_view

from core.run_views import ALL_PRODUCTS
from tests.fixtures.runs import shared_run


@pytest.fixture
def view(qtbot):
    widget = shown_forecast_view(qtbot)
    widget.tabs.setCurrentWidget(widget.whatif)
    return widget


def apply(qtbot, panel):
    with qtbot.waitSignal(panel.applied, timeout=30_000) as blocker:
        panel.apply_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    return blocker.args[0]


def test_a_price_cut_for_one_product_is_drawn_and_tabulated(qtbot, view):
    run, history = shared_run()
    panel = view.whatif
    assert panel.isEnabled() and panel.result is None
    view.select_product("21876")
    dates = sorted(run.forecast.ds.unique())
    panel.percent.setValue(-20)
    panel.start.setCurrentIndex(2)
    panel.end.setCurrentIndex(4)
    panel.scope.setCurrentIndex(panel.scope.findData("product:21876"))
    panel.add_button.click()
    assert panel.changes_list.count() == 1
    assert "-20.0 %" in panel.changes_list.item(0).text()
    assert "21876" in panel.changes_list.item(0).text()

    result = apply(qtbot, panel)
    assert result.method == "elasticity" and panel.result is result
    mine = result.product("21876")
    e = result.effects.set_index("unique_id").loc["21876", "elasticity"]
    inside = mine.ds.isin(dates[2:5])
    np.testing.assert_allclose(mine.yhat[inside], mine.yhat_base[inside] * 0.8 ** e)
    np.testing.assert_allclose(mine.yhat[~inside], mine.yhat_base[~inside])
    # The chart overlays the planned forecast (joined to the last sale, like the forecast).
    x, y = view.chart.curve_data("whatif")
    np.testing.assert_allclose(y[1:], mine.yhat)
    assert view.chart.labels["whatif"] == "What-if plan"
    # The table lists the product's periods; the summary the shop's and the product's totals.
    assert panel.table_model.rowCount() == len(dates)
    assert "All products: units" in panel.summary.text()
    assert "21876: units" in panel.summary.text() and "elasticity" in panel.summary.text()
    assert "within the elasticity's 95 % interval" in panel.summary.text()
    assert "elasticities from short-run moves of list price" in panel.summary.text()  # a note
    # Other products are untouched; the total moves by this product's change.
    view.select_product("20752")
    x, y = view.chart.curve_data("whatif")
    np.testing.assert_allclose(y[1:], result.product("20752").yhat_base)
    view.select_product(ALL_PRODUCTS)
    x, y = view.chart.curve_data("whatif")
    total = run.forecast.groupby("ds").yhat.sum().to_numpy()
    delta = (mine.yhat - mine.yhat_base).to_numpy()
    np.testing.assert_allclose(y[1:], total + delta)


def test_the_form_as_it_stands_is_the_plan_and_bad_plans_say_why(qtbot, view):
    panel = view.whatif
    panel.percent.setValue(0)
    panel.apply_button.click()
    assert "changes nothing" in panel.message.text() and panel.result is None
    assert not panel.is_busy()
    panel.percent.setValue(10)
    result = apply(qtbot, panel)  # no change added: the form is used as it is
    assert len(result.plan.changes) == 1 and result.totals()["units"] < \
        result.totals()["units_base"]
    # Without trained networks the panel does not offer them.
    assert [panel.method.itemData(i) for i in range(panel.method.count())] == \
        ["auto", "elasticity"]
    # A new run clears the plan and the result.
    run, history = shared_run()
    with qtbot.waitSignal(view.run_shown, timeout=30_000):
        view.show_run(run, history)
    assert panel.result is None and panel.changes_list.count() == 0
    assert "whatif" not in view.chart.series


def test_an_engine_error_is_a_message_not_a_crash(qtbot, view):
    def broken(run, history, plan, *, progress=None, cancel=None):
        raise RuntimeError("disk on fire")

    view.whatif._what_if = broken
    view.whatif.apply_button.click()
    qtbot.waitUntil(lambda: not view.whatif.is_busy(), timeout=5000)
    assert "disk on fire" in view.whatif.message.text()
    assert view.whatif.result is None


def test_a_saved_what_if_is_shown_when_the_run_is_shown_again(qtbot, view):
    panel = view.whatif
    panel.percent.setValue(-10)
    result = apply(qtbot, panel)
    fresh = shown_forecast_view(qtbot, scenario=result)
    assert fresh.scenario() is result
    assert fresh.whatif.changes_list.count() == 1
    x, y = fresh.chart.curve_data("whatif")
    np.testing.assert_allclose(y[1:], result.product(None).yhat)
    assert isinstance(result.forecast, pd.DataFrame)


def test_an_own_elasticity_is_used_for_every_product(qtbot, view):
    panel = view.whatif
    assert not panel.elasticity.isEnabled()
    panel.own_elasticity.setChecked(True)
    assert panel.elasticity.isEnabled()
    panel.elasticity.setValue(-2)
    panel.percent.setValue(-10)
    result = apply(qtbot, panel)
    assert result.plan.elasticity == -2 and (result.effects.source == "fixed").all()
    np.testing.assert_allclose(result.forecast.yhat, result.forecast.yhat_base * 0.9 ** -2)
    view.select_product("21876")
    assert "as you set it" in panel.summary.text()


def test_without_prices_the_tab_says_why_until_an_elasticity_is_assumed(qtbot):
    run, history = shared_run()
    widget = shown_forecast_view(qtbot, run, history.drop(columns=["price", "list_price"],
                                                          errors="ignore"))
    panel = widget.whatif
    assert "no prices" in panel.message.text() and not panel.apply_button.isEnabled()
    panel.own_elasticity.setChecked(True)
    assert panel.apply_button.isEnabled()
    # Applied with an assumed elasticity: units move, and the revenue is said to be unknown
    # instead of "nan → nan".
    panel.elasticity.setValue(-1.5)
    panel.percent.setValue(-10)
    apply(qtbot, panel)
    widget.select_product("21876")
    text = panel.summary.text()
    assert "All products: units" in text and "21876: units" in text
    assert text.count("revenue unknown: the data has no prices") == 2
    assert "nan" not in text.lower()


def test_cancel_stops_a_running_what_if_and_the_tab_is_ready_again(qtbot, view):
    import time

    from core.errors import Cancelled

    def slow(run, history, plan, *, progress=None, cancel=None):
        while True:  # like a network loading in a child process
            if cancel.cancelled:
                raise Cancelled()
            time.sleep(0.01)

    panel = view.whatif
    panel._what_if = slow
    panel.apply_button.click()
    assert panel.is_busy() and not panel.apply_button.isEnabled()
    assert panel.cancel_button.isVisibleTo(panel)
    began = time.monotonic()
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=2000)
    assert time.monotonic() - began < 1.0
    assert panel.message.text() == "What-if cancelled." and panel.result is None
    assert panel.apply_button.isEnabled() and not panel.cancel_button.isVisibleTo(panel)


def test_big_histories_are_worked_out_in_a_child_process_with_the_same_answer(monkeypatch):
    import core.subprocess_runner
    from core.scenario import PriceChange, Scenario, what_if
    from gui import engine

    run, history = shared_run()
    plan = Scenario((PriceChange(-10),))
    here = engine.what_if(run, history, plan)
    children = []
    real = core.subprocess_runner.run_in_process
    monkeypatch.setattr(core.subprocess_runner, "run_in_process",
                        lambda *a, **k: children.append(a[0]) or real(*a, **k))
    monkeypatch.setattr(engine, "WHAT_IF_THREAD_ROWS", len(history) - 1)
    there = engine.what_if(run, history, plan)
    assert children == [engine.WHAT_IF_TARGET]
    pd.testing.assert_frame_equal(there.forecast, here.forecast)
    pd.testing.assert_frame_equal(there.forecast, what_if(run, history, plan).forecast)


def test_when_the_history_shows_no_price_effect_the_tab_says_what_it_assumed(qtbot, view):
    import dataclasses

    from core.messages import render

    panel = view.whatif
    result = apply(qtbot, panel)
    note = render("whatif.no_effect", products="12", elasticity="-1")
    flat = dataclasses.replace(result, notes=[note], note_ids=[],
                               effects=result.effects.assign(elasticity=-1.0, source="no_effect"))
    panel._set_result(flat)
    text = panel.summary.text()
    assert "no measurable effect of price on sales for 12 products" in text
    assert "an assumption, not learned from the data" in text
