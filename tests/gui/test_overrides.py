"""Hand-made adjustments in the Forecast view and the window: the dialog from the forecast
table and from a chart range, the chart and table after overrides, the journal tab, one undo
stack (with what-if plan edits) behind Edit > Undo / Redo, projects and exports."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QKeySequence
from test_project_files import save, trained_window
from views import fake_window, shown_forecast_view

from core.overrides import Journal, Override
from core.run_views import ALL_PRODUCTS
from gui.widgets.forecast_chart import to_seconds
from tests.fixtures.runs import shared_run

UID = "21876"


@pytest.fixture
def view(qtbot):
    widget = shown_forecast_view(qtbot)
    widget.select_product(UID)
    return widget


def model_forecast(uid=UID) -> pd.DataFrame:
    run, _ = shared_run()
    return run.forecast[run.forecast.unique_id == uid].reset_index(drop=True)


def select_rows(view, rows):
    view.tabs.setCurrentWidget(view.forecast_table)
    selection = view.forecast_table.selectionModel()
    selection.clearSelection()
    for row in rows:
        selection.select(view.forecast_model.index(row, 0),
                         QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)


def adjust(view, kind, value, comment=""):
    dialog = view.adjustments.adjust()
    dialog.set_change(kind, value, comment)
    dialog.accept()
    return dialog


def test_adjusting_selected_table_periods_changes_table_chart_and_journal(view):
    base = model_forecast()
    select_rows(view, [1, 2])
    dialog = adjust(view, "percent", 50, "trade fair")
    assert [f"{p:%Y-%m-%d}" for p in dialog.periods] == [
        f"{d:%Y-%m-%d}" for d in base.ds.iloc[1:3]]
    journal = view.overrides.journal
    assert len(journal) == 1 and journal.overrides[0].comment == "trade fair"
    # the table: final numbers, the model's beside them
    table = view.forecast_model.frame
    np.testing.assert_allclose(table["yhat"], base.yhat * np.r_[1, 1.5, 1.5,
                                                                np.ones(len(base) - 3)])
    np.testing.assert_allclose(table["yhat_model"], base.yhat)
    assert view.tr("Model forecast") in view.forecast_model.headers
    # the chart: the final line (solid, markers on changed periods), the model's dashed
    x, y = view.chart.curve_data("override")
    np.testing.assert_allclose(y[1:], table["yhat"])
    np.testing.assert_array_equal(x[1:], to_seconds(base.ds))
    line = view.chart.series[f"forecast:{view.current.chosen}"]
    assert line.opts["pen"].style() == view.chart.override_curve.opts["pen"].style().DashLine
    _bx, lo, hi = view.chart.curve_data("band80")
    assert (lo <= table["yhat"].to_numpy() + 1e-9).all()
    assert (hi >= table["yhat"].to_numpy() - 1e-9).all()
    # the journal tab
    journal_model = view.adjustments.journal_view.model
    assert journal_model.frame.loc[0, "change"] == "+50 %"
    assert journal_model.frame.loc[0, "comment"] == "trade fair"


def test_undo_and_redo_restore_the_forecast(view):
    base = model_forecast()
    select_rows(view, [0])
    adjust(view, "absolute", 999)
    assert view.forecast_model.frame["yhat"].iloc[0] == 999
    stack = view.undo_stack
    assert stack.undoText() == f"Adjust forecast of {UID}"
    stack.undo()
    assert not view.overrides.journal
    np.testing.assert_allclose(view.forecast_model.frame["yhat"], base.yhat)
    assert "override" not in view.chart.series
    stack.redo()
    assert view.forecast_model.frame["yhat"].iloc[0] == 999


def test_a_range_on_the_chart_is_adjusted_and_the_total_follows(view):
    base = model_forecast()
    view.tabs.setCurrentWidget(view.chart)
    view.adjustments.range_button.setChecked(True)
    start, end = base.ds.iloc[2], base.ds.iloc[-1]
    view.chart.region.setRegion((to_seconds([start])[0] - 3600, to_seconds([end])[0]))
    dialog = adjust(view, "units", 10)
    override = view.overrides.journal.overrides[0]
    # snapped to the forecast periods inside the dragged range
    assert (override.start, override.end, override.periods) == (start, end, ())
    assert "to" in dialog.periods_text()
    _x, y = view.chart.curve_data("override")
    np.testing.assert_allclose(y[1:], base.yhat + np.where(np.arange(len(base)) >= 2, 10, 0))
    view.select_product(ALL_PRODUCTS)
    assert not view.adjustments.adjust_button.isEnabled()
    run, _ = shared_run()
    total = view.forecast_model.frame
    assert total["yhat"].sum() == pytest.approx(run.forecast.yhat.sum() + 10 * (len(base) - 2))


def test_the_dialog_refuses_what_the_engine_refuses(view):
    select_rows(view, [0])
    view.chart.region.setRegion((0, 1))  # 1970: no forecast period inside
    view.adjustments.range_button.setChecked(True)
    view.tabs.setCurrentWidget(view.chart)
    view.chart.region.setRegion((0, 1))
    assert view.adjustments.adjust() is None
    assert "holds no forecast period" in view.status_label.text()
    view.adjustments.range_button.setChecked(False)
    dialog = view.adjustments.adjust()
    dialog.kind.setCurrentIndex(dialog.kind.findData("percent"))
    assert dialog.value.minimum() == -100  # the spin box already keeps it in range
    dialog.start, dialog.periods = pd.Timestamp("2031-01-01"), ()
    dialog.end = pd.Timestamp("2030-01-01")
    dialog.accept()
    assert "before it starts" in dialog.message.text() and dialog.override() is None
    assert not view.overrides.journal


def test_removing_from_the_journal_is_undoable(view):
    view.overrides.reset(Journal((Override(UID, "units", 3, comment="a"),
                                  Override(UID, "units", 4, comment="b"))))
    journal_view = view.adjustments.journal_view
    assert journal_view.model.rowCount() == 2
    journal_view.table.selectRow(0)
    journal_view.remove_button.click()
    assert [o.comment for o in view.overrides.journal] == ["b"]
    view.undo_stack.undo()
    assert [o.comment for o in view.overrides.journal] == ["a", "b"]


def test_whatif_plan_edits_share_the_undo_stack(view):
    panel = view.whatif
    panel.percent.setValue(-20)
    panel.add_button.click()
    panel.percent.setValue(10)
    panel.add_button.click()
    assert [c.percent for c in panel.changes] == [-20, 10]
    panel.changes_list.setCurrentRow(0)
    panel.remove_button.click()
    assert [c.percent for c in panel.changes] == [10]
    assert view.undo_stack.undoText() == "Remove price change"
    view.undo_stack.undo()
    assert [c.percent for c in panel.changes] == [-20, 10]
    assert panel.changes_list.count() == 2
    view.undo_stack.undo()
    view.undo_stack.undo()
    assert panel.changes == [] and not view.undo_stack.canUndo()


def test_edit_menu_undo_redo_with_standard_shortcuts(qtbot):
    window = fake_window(qtbot)
    undo, redo = window.actions_by_name["undo"], window.actions_by_name["redo"]
    assert undo.shortcut() == QKeySequence("Ctrl+Z")
    assert QKeySequence("Ctrl+Shift+Z") in redo.shortcuts()
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert [a for a in menus["Edit"].actions()] == [undo, redo]
    assert not undo.isEnabled()
    window.forecast_view.overrides.edit(Journal((Override("A", "units", 1),)), "Adjust A")
    assert undo.isEnabled() and undo.text() == "&Undo Adjust A"
    assert window.windowTitle().endswith("* - Trendcast")  # an unsaved change
    undo.trigger()
    assert not window.forecast_view.overrides.journal and redo.isEnabled()


def test_overrides_are_saved_in_the_project_and_reopened(qtbot, tmp_path):
    window = trained_window(qtbot)
    uid = window.training_panel.run.forecast.unique_id.iloc[0]
    window.forecast_view.overrides.edit(
        Journal((Override(uid, "absolute", 7, comment="why not"),)), "Adjust")
    path = tmp_path / "shop.trendcast"
    save(qtbot, window, path)
    fresh = fake_window(qtbot)
    with qtbot.waitSignal(fresh.forecast_view.run_shown, timeout=30_000):
        fresh.projects.open_path(str(path))
    assert fresh.forecast_view.overrides.journal.overrides[0].comment == "why not"
    assert not fresh.undo_stack.canUndo()  # opening is not an edit
    fresh.forecast_view.select_product(uid)
    assert (fresh.forecast_view.forecast_model.frame["yhat"] == 7).all()
    out = tmp_path / "fc.csv"
    with qtbot.waitSignal(fresh.forecast_view.exports.finished, timeout=30_000):
        fresh.forecast_view.exports.export("forecast_csv", out)
    table = pd.read_csv(out, dtype={"unique_id": str}, encoding="utf-8-sig")
    assert (table.loc[table.unique_id == uid, "yhat"] == 7).all()
    assert table.overridden.sum() == (table.unique_id == uid).sum()
    # the journal as a file for `python main.py forecast --overrides`
    from core.overrides import read_journal

    journal_path = tmp_path / "adjustments.json"
    with qtbot.waitSignal(fresh.forecast_view.exports.finished, timeout=30_000):
        fresh.forecast_view.exports.export("journal_json", journal_path)
    assert read_journal(journal_path) == fresh.forecast_view.overrides.journal


def test_the_pdf_report_totals_the_final_forecast(view, qtbot, tmp_path, monkeypatch):
    from core.run_views import CHOSEN
    from gui import report

    seen = {}
    monkeypatch.setattr(report, "write_pdf_report",
                        lambda path, run, history, index, title: seen.update(index=index))
    view.overrides.reset(Journal((Override(UID, "units", 50),)))
    with qtbot.waitSignal(view.exports.finished, timeout=30_000):
        view.exports.export("pdf", tmp_path / "report.pdf")
    run, _ = shared_run()
    total = seen["index"].product(ALL_PRODUCTS).forecasts[CHOSEN]
    added = 50 * len(model_forecast())
    assert total["yhat"].sum() == pytest.approx(run.forecast.yhat.sum() + added)


def test_typing_into_the_forecast_cell_sets_that_period(view, qtbot):
    from PySide6.QtCore import Qt

    base = model_forecast()
    model = view.forecast_model
    column = list(model.frame.columns).index("yhat")
    cell = model.index(2, column)
    assert model.flags(cell) & Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(2, 0)) & Qt.ItemFlag.ItemIsEditable  # the date
    assert not model.setData(cell, -5)  # refused, nothing recorded
    assert model.setData(cell, 42.5)
    override = view.overrides.journal.overrides[0]
    assert (override.kind, override.value, override.periods) == ("absolute", 42.5,
                                                                 (base.ds.iloc[2],))
    assert view.forecast_model.frame["yhat"].iloc[2] == 42.5
    view.undo_stack.undo()
    assert view.forecast_model.frame["yhat"].iloc[2] == pytest.approx(base.yhat.iloc[2])
    view.select_product(ALL_PRODUCTS)
    assert not model.flags(model.index(0, column)) & Qt.ItemFlag.ItemIsEditable


def test_editing_a_journal_entry_replaces_it_as_one_undo_step(view):
    view.overrides.reset(Journal((Override(UID, "absolute", 5, periods=("2011-12-25",)),
                                  Override(UID, "units", 4, comment="b"))))
    journal_view = view.adjustments.journal_view
    journal_view.table.selectRow(0)
    dialog = journal_view.edit_selected()
    assert dialog.kind.currentData() == "absolute" and dialog.value.value() == 5
    dialog.set_change("absolute", 6, "customer confirmed")
    dialog.accept()
    first = view.overrides.journal.overrides[0]
    assert (first.value, first.comment) == (6, "customer confirmed")
    assert [f"{p:%Y-%m-%d}" for p in first.periods] == ["2011-12-25"]
    assert len(view.overrides.journal) == 2
    assert view.undo_stack.undoText() == f"Edit adjustment of {UID}"
    view.undo_stack.undo()
    assert view.overrides.journal.overrides[0].value == 5


def test_a_whatif_plan_moves_the_adjusted_forecast(view, qtbot):
    view.overrides.edit(Journal((Override(UID, "absolute", 80),)), "Adjust")
    panel = view.whatif
    panel.percent.setValue(-10)
    panel.scope.setCurrentIndex(panel.scope.findData(f"product:{UID}"))
    panel.own_elasticity.setChecked(True)
    panel.elasticity.setValue(-1.0)
    with qtbot.waitSignal(panel.applied, timeout=30_000) as blocker:
        panel.apply_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    mine = blocker.args[0].product(UID)
    assert (mine["yhat_base"] == 80).all()
    np.testing.assert_allclose(mine["yhat"], 80 / 0.9, rtol=1e-3)


def test_the_product_list_shows_the_adjusted_units_and_follows_undo(view):
    from gui.widgets.product_list import COLUMNS

    model = view.products.model

    def cell(uid, column):
        return model.data(model.index(model.row_of(uid), COLUMNS.index(column)))

    base = model_forecast().sort_values("ds")
    before_total = cell(ALL_PRODUCTS, "forecast")
    view.overrides.edit(Journal((Override(UID, "units", 100, comment="trade fair"),)),
                        "Adjust")
    horizon = len(base)
    assert cell(UID, "forecast") == f"{base.yhat.sum() + 100 * horizon:,.0f}"
    assert cell(UID, "next") == f"{base.yhat.iloc[0] + 100:,.0f}"
    assert cell(ALL_PRODUCTS, "forecast") != before_total
    assert view.products.current_id() == UID  # the selection stays
    view.undo_stack.undo()
    assert cell(UID, "forecast") == f"{base.yhat.sum():,.0f}"
    assert cell(ALL_PRODUCTS, "forecast") == before_total
