"""The Reorder step's inputs survive saving and reopening the project; supplier lead times are
edited in a small table, re-plan, and undo like other edits."""
from __future__ import annotations

import pandas as pd
from views import fake_window, load_sample

from gui.widgets.supplier_lead_times import LEAD

STOCK = ("sku,on_hand,on_order,supplier,lead_time_days,pack_size\n"
         "P0,3,0,Acme,7,6\nP1,40,5,Acme,7,1\nP2,1,0,Kent Paper Co,3,1\n")


def _trained(qtbot):
    window = load_sample(qtbot, fake_window(qtbot))
    window.setup_panel.horizon.setValue(28)
    with qtbot.waitSignal(window.forecast_view.run_shown, timeout=10_000):
        window.start_training()
    qtbot.waitUntil(lambda: not window.training_panel.is_running(), timeout=5000)
    return window


def _plan(qtbot, panel, action=None):
    with qtbot.waitSignal(panel.plan_made, timeout=60_000) as made:
        (action or panel.plan_button.click)()
    return made.args[0].table.set_index("unique_id")


def _set_supplier(qtbot, panel, supplier, days):
    row = next(r for r in range(panel.suppliers.rowCount())
               if panel.suppliers.item(r, 0).text() == supplier)
    return _plan(qtbot, panel, lambda: panel.suppliers.item(row, LEAD).setText(str(days)))


def test_edit_save_reopen_gives_the_same_plan(qtbot, tmp_path):
    stock = tmp_path / "stock.csv"
    stock.write_text(STOCK, encoding="utf-8")
    window = _trained(qtbot)
    panel = window.reorder_panel
    window.projects.dirty = False
    panel.set_stock_file(str(stock))
    assert window.projects.dirty  # an input of the step is a change to the project
    panel.lead_time.setValue(10)
    panel.review.setValue(3)
    panel.service.setValue(90)
    panel.measure.setCurrentIndex(panel.measure.findData("fill"))
    _plan(qtbot, panel)
    assert {panel.suppliers.item(r, 0).text(): panel.suppliers.item(r, LEAD).text()
            for r in range(panel.suppliers.rowCount())} == {"Acme": "7", "Kent Paper Co": "3"}
    table = _set_supplier(qtbot, panel, "Acme", 12)
    assert table.loc["P0", "lead_time_days"] == 12 and table.loc["P2", "lead_time_days"] == 3
    column = list(panel.model.frame().columns).index("on_hand")
    row = list(panel.model.frame()["unique_id"]).index("P2")
    before = _plan(qtbot, panel, lambda: panel.model.setData(panel.model.index(row, column), 25))
    assert before.loc["P2", "on_hand"] == 25
    assert "fill rate" in before.loc["P0", "why"]

    path = tmp_path / "shop.trendcast"
    with qtbot.waitSignal(window.projects.project_saved, timeout=30_000):
        window.projects.save_to(str(path))
    qtbot.waitUntil(lambda: not window.projects.is_busy(), timeout=5000)

    fresh = fake_window(qtbot)
    with qtbot.waitSignal(fresh.forecast_view.run_shown, timeout=30_000):
        fresh.open_path(str(path))
    qtbot.waitUntil(lambda: not fresh.projects.is_busy(), timeout=5000)
    again = fresh.reorder_panel
    assert not fresh.projects.dirty  # restoring is not an edit
    assert (again.lead_time.value(), again.review.value(), again.service.value()) == (10, 3, 90)
    assert again.measure.currentData() == "fill" and again.stock_path == str(stock)
    assert again.supplier_lead_times == {"Acme": 12.0}
    after = _plan(qtbot, again)
    pd.testing.assert_frame_equal(after, before)


def test_supplier_lead_time_edits_undo_and_redo(qtbot, tmp_path):
    stock = tmp_path / "stock.csv"
    stock.write_text(STOCK, encoding="utf-8")
    window = _trained(qtbot)
    panel = window.reorder_panel
    panel.set_stock_file(str(stock))
    first = _plan(qtbot, panel)
    longer = _set_supplier(qtbot, panel, "Kent Paper Co", 20)
    assert longer.loc["P2", "lead_time_days"] == 20
    assert longer.loc["P2", "reorder_point"] > first.loc["P2", "reorder_point"]
    assert window.undo_stack.undoText() == "Lead time of Kent Paper Co"
    undone = _plan(qtbot, panel, window.undo_stack.undo)
    assert undone.loc["P2", "lead_time_days"] == 3 and panel.supplier_lead_times == {}
    assert panel.suppliers.item(1, LEAD).text() == "3"
    redone = _plan(qtbot, panel, window.undo_stack.redo)
    assert redone.loc["P2", "lead_time_days"] == 20
    # a lead time that makes no sense is refused and the old one shown again
    panel.suppliers.item(1, LEAD).setText("soon")
    assert panel.suppliers.item(1, LEAD).text() == "20" and not panel.runner.busy()
