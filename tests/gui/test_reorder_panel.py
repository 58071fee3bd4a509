"""Step 5, Reorder, on the sample shop: stock file, plan in a worker, filters, edits, export."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from gui.panels.reorder_panel import ReorderPanel
from gui.widgets.reorder_table_model import SHOWN

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "sample_shop_orders.csv.gz"
STOCK = ROOT / "resources" / "sample" / "sample_stock.csv"


@pytest.fixture(scope="module")
def sample_run():
    """The sample shop, weekly, forecast by a moving average with 2 backtest windows."""
    from core.data import ImportOptions, load
    from core.pipeline import run
    from core.pipeline_types import ForecastSettings

    frame = load(str(SAMPLE), ImportOptions(freq="W", complete_periods=True)).frame
    result = run(frame, ForecastSettings(horizon=6, freq="W", windows=2,
                                         models=("moving_average",), n_jobs=1))
    return frame, result


def _panel(qtbot, sample_run) -> ReorderPanel:
    panel = ReorderPanel()
    qtbot.addWidget(panel)
    panel.set_run(*sample_run)
    return panel


def _plan(qtbot, panel):
    with qtbot.waitSignal(panel.plan_made, timeout=60_000) as made:
        panel.plan_button.click()
    return made.args[0]


def test_plan_from_the_sample_stock_file(qtbot, sample_run, tmp_path):
    panel = _panel(qtbot, sample_run)
    assert not panel.use_sales_stock.isEnabled()  # the sample has no stock column
    assert panel.review.value() == 7  # one week of weekly data
    panel.set_stock_file(str(STOCK))
    plan = _plan(qtbot, panel)
    assert len(plan.table) == 300 and panel.model.rowCount() == 300
    # unmatched ids both ways are shown, not dropped
    assert plan.unknown_ids == ["RETIRED-1", "RETIRED-2"]
    assert len(plan.missing_ids) == 3
    assert "RETIRED-1" in panel.status.text() and "no stock figure" in panel.status.text()
    # every row explains itself in its tooltip and last column
    tip = panel.proxy.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "reorder point" in tip and tip == panel.proxy.index(0, SHOWN.index("why")).data()
    # exception filters
    ordering = int((plan.table["order_qty"] > 0).sum())
    panel.filter.setCurrentIndex(panel.filter.findData("order"))
    assert panel.proxy.rowCount() == ordering > 0
    panel.filter.setCurrentIndex(panel.filter.findData("no_stock"))
    assert panel.proxy.rowCount() == 3
    panel.filter.setCurrentIndex(panel.filter.findData("runs_out"))
    assert 0 < panel.proxy.rowCount() < 300
    # export: a sheet per supplier plus the plan
    path = tmp_path / "buy.xlsx"
    panel.export(str(path))
    qtbot.waitUntil(lambda: path.exists() and not panel.runner.busy(), timeout=30_000)
    assert openpyxl.load_workbook(path).sheetnames == [
        "Harbour Gifts Ltd", "Kent Paper Co", "Orient Imports", "Plan"]
    assert "products to order" in panel.status.text()


def test_service_level_by_revenue_class(qtbot, sample_run):
    panel = _panel(qtbot, sample_run)
    panel.set_stock_file(str(STOCK))
    panel.by_class.setChecked(True)
    assert not panel.service.isEnabled()
    table = _plan(qtbot, panel).table
    levels = table.groupby("abc_class")["service_level"].unique()
    assert {k: list(v) for k, v in levels.items()} == {"A": [0.97], "B": [0.95], "C": [0.9]}
    column = SHOWN.index("service_level")
    assert {panel.model.index(i, column).data() for i in range(300)} == {"97 %", "95 %", "90 %"}


def test_typing_stock_into_the_table_replans(qtbot, sample_run):
    panel = _panel(qtbot, sample_run)
    plan = _plan(qtbot, panel)  # no stock at all: every product flagged
    assert (plan.table["exceptions"] == "no_stock").all()
    uid = plan.table["unique_id"].iloc[0]
    column = SHOWN.index("on_hand")
    index = panel.model.index(0, column)
    assert panel.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    with qtbot.waitSignal(panel.plan_made, timeout=60_000) as made:
        assert panel.model.setData(index, 0)
    row = made.args[0].table.set_index("unique_id").loc[uid]
    assert row["on_hand"] == 0 and row["order_qty"] == row["reorder_point"] > 0
    with qtbot.waitSignal(panel.plan_made, timeout=60_000) as made:
        assert panel.model.setData(index, 1_000_000)
    row = made.args[0].table.set_index("unique_id").loc[uid]
    assert row["order_qty"] == 0 and "excess" in row["exceptions"]
    assert not panel.model.setData(panel.model.index(0, column), -5)  # refused


def test_a_bad_stock_file_shows_a_plain_error(qtbot, sample_run, tmp_path):
    bad = tmp_path / "stock.csv"
    bad.write_text("sku,on_hand\n85123A,lots\n", encoding="utf-8")
    panel = _panel(qtbot, sample_run)
    panel.set_stock_file(str(bad))
    with qtbot.waitSignal(panel.plan_failed, timeout=30_000) as failed:
        panel.plan_button.click()
    assert "row 2, column on_hand" in str(failed.args[0])
    assert panel.plan_button.isEnabled()
    box = panel.findChild(QMessageBox, "error_dialog")
    assert "row 2, column on_hand" in box.text()
    box.close()


def test_the_reorder_step_opens_with_a_finished_forecast(qtbot):
    from views import fake_window, load_sample

    from gui.main_window import PANEL_TITLES, REORDER

    window = load_sample(qtbot, fake_window(qtbot))
    assert PANEL_TITLES[REORDER] == "Reorder" and window.tabs.tabText(REORDER) == "Reorder"
    assert not window.tabs.isTabEnabled(REORDER)
    assert window.tabs.tabToolTip(REORDER) == "Train a forecast first."
    with qtbot.waitSignal(window.training_panel.training_finished, timeout=10_000):
        window.start_training()
    qtbot.waitUntil(lambda: not window.training_panel.is_running(), timeout=5000)
    assert window.tabs.isTabEnabled(REORDER)
    assert window.reorder_panel.run is window.training_panel.run
    assert window.reorder_panel.history is window.dataset.frame


def test_the_reorder_step_in_chinese_shows_no_untranslated_strings(qapp, qtbot, sample_run,
                                                                    tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings
    from test_i18n import untranslated, visible_texts

    from gui import i18n

    path = str(tmp_path / "settings.ini")
    monkeypatch.setattr(i18n, "QSettings", lambda: QSettings(path, QSettings.Format.IniFormat))
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    try:
        panel = _panel(qtbot, sample_run)
        panel.set_stock_file(str(STOCK))
        plan = _plan(qtbot, panel)
        history = sample_run[0]
        # Data the user brought: product codes, titles, suppliers, the stock file's name.
        data = (set(history.unique_id) | set(history.title.dropna()) | set(plan.table.supplier)
                | {*plan.unknown_ids, STOCK.name})
        texts = visible_texts(panel)
        texts += [panel.proxy.index(r, 0).data(Qt.ItemDataRole.ToolTipRole) for r in range(5)]
        assert any("再订货点" in t for t in texts) and "补货" not in data
        assert untranslated(texts, data) == []
    finally:
        i18n.remove_translators(qapp)


def test_cancel_stops_a_plan_and_a_new_forecast_drops_the_old_one(qtbot, sample_run):
    import threading

    started = threading.Event()

    def slow_plan(history, run, stock, settings, cancel):
        started.set()
        while not cancel.cancelled:
            threading.Event().wait(0.01)
        cancel.raise_if_cancelled()

    panel = ReorderPanel(make_plan=slow_plan)
    qtbot.addWidget(panel)
    panel.set_run(*sample_run)
    panel.plan_button.click()
    assert started.wait(10) and panel.cancel_button.isEnabled()
    assert not panel.plan_button.isEnabled()
    panel.cancel_button.click()
    qtbot.waitUntil(lambda: not panel.runner.busy(), timeout=5000)
    assert panel.status.text() == "Cancelled." and panel.plan is None
    assert panel.plan_button.isEnabled() and not panel.cancel_button.isEnabled()
    # a new forecast while a plan is being made: the old plan is dropped, not shown
    started.clear()
    panel.plan_button.click()
    assert started.wait(10)
    panel.set_run(*sample_run)
    qtbot.waitUntil(lambda: not panel.runner.busy(), timeout=5000)
    assert panel.plan is None and panel.plan_button.isEnabled()


def test_overrides_replan_on_the_adjusted_forecast(qtbot, sample_run):
    """A hand-made override changes what the plan orders, and a plan on screen follows it."""
    from core.overrides import Journal, Override

    panel = _panel(qtbot, sample_run)
    panel.set_stock_file(str(STOCK))
    journal = Journal()
    panel.overrides = lambda: journal
    before = _plan(qtbot, panel).table.set_index("unique_id")
    uid = before.index[0]
    journal = journal.add(Override(uid, "units", 1000, comment="trade fair"))
    with qtbot.waitSignal(panel.plan_made, timeout=60_000) as made:
        panel.forecast_adjusted()
    after = made.args[0].table.set_index("unique_id")
    assert after.loc[uid, "forecast_lead_time"] > before.loc[uid, "forecast_lead_time"] + 1000
    others = before.index[1:]
    assert (after.loc[others, "order_qty"].fillna(-1) == before.loc[others, "order_qty"]
            .fillna(-1)).all()
