"""The Scenarios tab: save the current what-if under a name, rename, delete (undoable), compare
two side by side, and keep them in the project."""
from __future__ import annotations

import numpy as np
import pytest
from test_project_files import save, trained_window
from views import fake_window, shown_forecast_view

from core.scenario import PriceChange, Scenario, what_if
from core.scenario.library import ScenarioLibrary
from tests.fixtures.runs import shared_run


def result(percent):
    run, history = shared_run()
    return what_if(run, history, Scenario((PriceChange(percent),), method="elasticity",
                                          elasticity=-1.5))


@pytest.fixture
def view(qtbot):
    widget = shown_forecast_view(qtbot)
    widget.tabs.setCurrentWidget(widget.scenarios)
    return widget


def test_save_rename_delete_through_the_undo_stack(view, monkeypatch):
    tab = view.scenarios
    tab.save_current()
    assert "Apply a what-if plan first" in tab.message.text() and not tab.library
    cut = result(-10)
    monkeypatch.setattr(view.whatif, "result", cut)
    tab.name.setText("")
    tab.save_current()
    assert "name" in tab.message.text() and not tab.library
    tab.name.setText("Spring sale")
    tab.save_current()
    assert tab.library.names() == ["Spring sale"] and tab.names.count() == 1
    assert view.undo_stack.undoText() == "Save scenario Spring sale"
    tab.names.setCurrentRow(0)
    tab.name.setText("Easter sale")
    tab.rename_button.click()
    assert tab.library.names() == ["Easter sale"]
    tab.names.setCurrentRow(0)
    tab.delete_button.click()
    assert not tab.library and tab.names.count() == 0
    view.undo_stack.undo()
    assert tab.library.names() == ["Easter sale"]
    view.undo_stack.undo()
    assert tab.library.names() == ["Spring sale"]


def test_two_scenarios_side_by_side_for_the_shop_and_a_product(view):
    cut, rise = result(-10), result(10)
    tab = view.scenarios
    tab.set_library(ScenarioLibrary().save("Cut", cut).save("Rise", rise))
    assert (tab.first.currentText(), tab.second.currentText()) == ("Cut", "Rise")
    _x, base = tab.comparison_data("base")
    _x, a = tab.comparison_data("a")
    _x, b = tab.comparison_data("b")
    np.testing.assert_allclose(a, cut.product(None)["yhat"])
    np.testing.assert_allclose(b, rise.product(None)["yhat"])
    np.testing.assert_allclose(base, cut.product(None)["yhat_base"])
    totals = tab.totals_model.frame
    assert totals.loc[0, "a"] == pytest.approx(cut.totals()["units"])
    assert totals.loc[0, "difference"] == pytest.approx(rise.totals()["units"]
                                                        - cut.totals()["units"])
    assert tab.totals_model.headers[2:4] == ["Cut", "Rise"]
    view.select_product("21876")
    _x, a = tab.comparison_data("a")
    np.testing.assert_allclose(a, cut.product("21876")["yhat"])


def test_scenarios_are_saved_in_the_project_and_reopened(qtbot, tmp_path):
    window = trained_window(qtbot)
    run = window.training_panel.run
    plan = Scenario((PriceChange(-10),), method="elasticity", elasticity=-1.0)
    named = what_if(run, window.dataset.frame, plan)
    tab = window.forecast_view.scenarios
    tab.set_library(ScenarioLibrary().save("Sale", named))
    tab.name.setText("Sale copy")
    window.forecast_view.whatif.result = named
    tab.save_current()
    assert window.windowTitle().startswith("Untitled*")
    path = tmp_path / "shop.trendcast"
    save(qtbot, window, path)
    fresh = fake_window(qtbot)
    with qtbot.waitSignal(fresh.forecast_view.run_shown, timeout=30_000):
        fresh.projects.open_path(str(path))
    assert fresh.forecast_view.scenarios.library.names() == ["Sale", "Sale copy"]
    assert fresh.forecast_view.scenarios.names.count() == 2


def test_a_saved_scenario_can_be_made_the_current_whatif_again(view, qtbot):
    cut, rise = result(-10), result(10)
    tab = view.scenarios
    tab.set_library(ScenarioLibrary().save("Cut", cut).save("Rise", rise))
    tab.names.setCurrentRow(1)
    with qtbot.waitSignal(view.scenario_applied) as signal:
        tab.show_button.click()
    shown = signal.args[0]
    assert view.scenario() is shown and shown.plan.name == "Rise"
    assert view.tabs.currentWidget() is view.whatif
    assert [c.percent for c in view.whatif.changes] == [10]
    _x, y = view.chart.curve_data("whatif")
    np.testing.assert_allclose(y[1:], rise.product(None)["yhat"])  # joined to the last sale
