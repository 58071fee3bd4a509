"""Import step with fake engine functions: good file, bad file, drop, re-read, cancel."""
from __future__ import annotations

import threading

import fakes
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from core.progress import ProgressEvent
from gui.panels.import_panel import ImportPanel


def make_panel(qtbot, load=fakes.fake_load):
    panel = ImportPanel(preview=fakes.fake_preview, load=load,
                        sample_path=fakes.fake_sample_path)
    qtbot.addWidget(panel)
    return panel


def wait_idle(qtbot, panel):
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)


def test_sample_loads_with_summary_roles_and_chart(qtbot):
    panel = make_panel(qtbot)
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000) as blocker:
        panel.open_sample()
    wait_idle(qtbot, panel)
    result = blocker.args[0]
    assert result.summary.products == 3
    assert "3 products" in panel.summary_label.text()
    assert "5% of periods without sales" in panel.summary_label.text()
    assert panel.role_combos["product"].currentData() == "sku"
    assert panel.role_combos["quantity"].currentData() == "qty"
    assert panel.raw_model.rowCount() == 2
    assert panel.chart.point_count() == 120  # one total per day
    assert panel.problems_shown() == []


def test_bad_file_shows_problems_with_row_and_column(qtbot):
    panel = make_panel(qtbot)
    with qtbot.waitSignal(panel.dataset_cleared, timeout=5000):
        panel.open_path("/data/bad_orders.csv")
    wait_idle(qtbot, panel)
    assert panel.problems_shown() == [
        "error | 3 | Datum | 'yesterday' is not a date | Use dates like 2024-01-31."]
    assert "could not be used" in panel.file_label.text()
    assert panel.raw_model.rowCount() == 2  # the raw preview still shows what was read
    assert panel.result is None


def test_dropping_a_file_reads_it(qtbot):
    panel = make_panel(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile("/data/orders.csv")])
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        panel.dropEvent(event)
    wait_idle(qtbot, panel)
    assert panel.path == "/data/orders.csv"


def test_changed_roles_and_frequency_are_passed_to_the_engine(qtbot):
    seen = []

    def load(path, options=None, **kwargs):
        seen.append(options)
        return fakes.fake_load(path, options, **kwargs)

    panel = make_panel(qtbot, load=load)
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        panel.open_path("/data/orders.csv")
    wait_idle(qtbot, panel)
    panel.role_combos["quantity"].setCurrentIndex(panel.role_combos["quantity"].findData("sku"))
    panel.freq_combo.setCurrentIndex(panel.freq_combo.findData("W"))
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        panel.apply_button.click()
    wait_idle(qtbot, panel)
    assert seen[0] is None
    assert seen[1].roles["quantity"] == "sku" and seen[1].freq == "W"
    assert seen[1].complete_periods  # a half-recorded last week must not look like a drop


def test_a_slow_read_shows_progress_and_can_be_cancelled(qtbot):
    reading = threading.Event()

    def slow_load(path, options=None, *, progress, cancel):
        progress(ProgressEvent(0.3, "reading rows"))
        reading.set()
        while True:
            cancel.raise_if_cancelled()
            threading.Event().wait(0.01)

    panel = make_panel(qtbot, load=slow_load)
    panel.open_path("/data/huge.csv")
    qtbot.waitUntil(reading.is_set, timeout=5000)
    qtbot.waitUntil(lambda: panel.progress.value() == 300, timeout=5000)
    assert panel.open_button.isEnabled()  # the panel stays usable while reading
    panel.cancel_button.click()
    wait_idle(qtbot, panel)
    assert "cancelled" in panel.file_label.text()
    assert not panel.progress.isVisible()


def test_a_workbook_shows_its_sheets_and_another_sheet_is_read_in_the_worker(qtbot):
    seen = []

    def preview(path, options=None):
        table = fakes.fake_preview(path, options)
        if str(path).endswith(".xlsx"):
            table.sheets = ["Cover", "Data"]
            table.sheet = options.sheet if options and options.sheet else "Data"
        return table

    def load(path, options=None, **kwargs):
        seen.append((options, threading.current_thread() is threading.main_thread()))
        return fakes.fake_load(path, options, **kwargs)

    panel = ImportPanel(preview=preview, load=load, sample_path=fakes.fake_sample_path)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        panel.open_path("/data/orders.csv")
    wait_idle(qtbot, panel)
    assert panel.sheet_combo.isHidden() and panel.current_options().sheet is None
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        panel.open_path("/data/shop.xlsx")
    wait_idle(qtbot, panel)
    combo = panel.sheet_combo
    assert not combo.isHidden()
    assert [combo.itemText(i) for i in range(combo.count())] == ["Cover", "Data"]
    assert combo.currentText() == "Data"
    combo.setCurrentIndex(0)
    with qtbot.waitSignal(panel.dataset_loaded, timeout=5000):
        combo.activated.emit(0)  # what a user's choice sends
    wait_idle(qtbot, panel)
    options, on_ui_thread = seen[-1]
    assert options.sheet == "Cover" and not on_ui_thread
    assert combo.currentText() == "Cover" and panel.current_options().sheet == "Cover"


def test_the_open_dialog_offers_exactly_what_the_importer_reads(qtbot):
    panel = make_panel(qtbot)
    patterns = panel.file_filter().split(";;")[0]
    assert "*.csv.gz" in patterns and "*.xlsx" in patterns
    assert "*.xls " not in patterns + " " and "*.xls)" not in patterns
