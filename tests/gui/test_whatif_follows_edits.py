"""A what-if on screen follows the forecast under it, and showing a saved scenario is a step of
the window's undo stack."""
from __future__ import annotations

import numpy as np
import pytest
from views import shown_forecast_view

from core.overrides import Journal, Override
from core.scenario import PriceChange, Scenario, what_if
from core.scenario.library import ScenarioLibrary
from tests.fixtures.runs import shared_run

UID = "21876"


@pytest.fixture
def view(qtbot):
    widget = shown_forecast_view(qtbot)
    widget.select_product(UID)
    return widget


def _apply_cut(view, qtbot):
    panel = view.whatif
    panel.percent.setValue(-10)
    panel.scope.setCurrentIndex(panel.scope.findData(f"product:{UID}"))
    panel.own_elasticity.setChecked(True)
    panel.elasticity.setValue(-1.0)
    with qtbot.waitSignal(panel.applied, timeout=30_000):
        panel.apply_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)


def test_an_override_recomputes_the_whatif_on_screen_and_undo_too(view, qtbot):
    _apply_cut(view, qtbot)
    panel = view.whatif
    model = panel.result.product(UID)["yhat_base"].to_numpy()
    assert not np.allclose(model, 80)
    with qtbot.waitSignal(panel.result_changed, timeout=30_000) as changed:
        view.overrides.edit(Journal((Override(UID, "absolute", 80),)), "Adjust")
    mine = changed.args[0].product(UID)
    assert (mine["yhat_base"] == 80).all()  # the plan now moves the adjusted forecast
    np.testing.assert_allclose(mine["yhat"], 80 / 0.9, rtol=1e-3)
    assert changed.args[0].plan == panel.result.plan and [c.percent for c in panel.changes] == [-10]
    _x, y = view.chart.curve_data("whatif")
    np.testing.assert_allclose(y[1:], mine["yhat"])
    with qtbot.waitSignal(panel.result_changed, timeout=30_000) as changed:
        view.undo_stack.undo()
    np.testing.assert_allclose(changed.args[0].product(UID)["yhat_base"], model)
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)


def test_an_override_without_a_whatif_starts_nothing(view):
    view.overrides.edit(Journal((Override(UID, "absolute", 80),)), "Adjust")
    assert view.whatif.result is None and not view.whatif.is_busy()


def _result(percent):
    run, history = shared_run()
    return what_if(run, history, Scenario((PriceChange(percent),), method="elasticity",
                                          elasticity=-1.5))


def test_showing_a_saved_scenario_is_an_undo_step(view, qtbot):
    panel = view.whatif
    panel.percent.setValue(-20)
    panel.add_button.click()  # a plan being edited, not applied yet
    tab = view.scenarios
    tab.set_library(ScenarioLibrary().save("Cut", _result(-10)).save("Rise", _result(10)))
    tab.names.setCurrentRow(1)
    tab.show_button.click()
    assert view.scenario().plan.name == "Rise" and [c.percent for c in panel.changes] == [10]
    assert view.undo_stack.undoText() == "Show scenario Rise"
    with qtbot.waitSignal(view.scenario_applied) as shown:
        view.undo_stack.undo()
    assert shown.args[0] is None and view.scenario() is None
    assert [c.percent for c in panel.changes] == [-20]  # the plan as it was
    view.undo_stack.redo()
    assert view.scenario().plan.name == "Rise"
    view.undo_stack.undo()
    view.undo_stack.undo()  # and the edit before it
    assert panel.changes == []
