"""The whole window with fake engine functions: flow, step gating, menus, settings, quitting."""
from __future__ import annotations

import fakes
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from views import fake_window, load_sample

from gui.main_window import FORECAST, IMPORT, SETUP, TRAINING
from gui.worker import running_handles


def make_window(qtbot, run=fakes.fake_run_forecast):
    return fake_window(qtbot, run)


def test_steps_open_as_their_inputs_become_ready(qtbot):
    window = make_window(qtbot)
    assert [window.tabs.isTabEnabled(i) for i in range(4)] == [True, False, False, False]
    assert window.tabs.tabToolTip(SETUP) == "Import sales data first."
    assert window.tabs.tabToolTip(FORECAST) == "Train a forecast first."
    load_sample(qtbot, window)
    assert [window.tabs.isTabEnabled(i) for i in range(4)] == [True, True, True, False]
    window.setup_panel.horizon.setValue(100)  # too long to backtest on 120 days: it still runs
    assert window.tabs.isTabEnabled(TRAINING)  # (as the CLI does), with a warning
    window.setup_panel.auto_check.setChecked(False)
    for item in window.setup_panel.model_items.values():
        item.setCheckState(0, Qt.CheckState.Unchecked)
    assert not window.tabs.isTabEnabled(TRAINING)  # no model: the run plan refuses
    assert "Fix the settings" in window.tabs.tabToolTip(TRAINING)


def test_sample_fast_preset_train_results(qtbot):
    window = make_window(qtbot)
    load_sample(qtbot, window)
    window.tabs.setCurrentIndex(SETUP)
    window.setup_panel.preset_buttons["fast"].click()
    with qtbot.waitSignal(window.training_panel.training_finished, timeout=10000):
        window.setup_panel.start_button.click()
        assert window.tabs.currentIndex() == TRAINING
    qtbot.waitUntil(lambda: not window.training_panel.is_running(), timeout=2000)
    assert window.tabs.isTabEnabled(FORECAST)
    assert window.tabs.currentIndex() == FORECAST
    qtbot.waitUntil(lambda: window.forecast_view.index is not None, timeout=10_000)
    assert len(window.forecast_view.index.run.forecast) == 3 * 28
    assert len(window.forecast_view.products.visible_ids()) == 3 + 1  # and the total
    assert window.statusBar().currentMessage() == "Forecast ready."


def test_recent_files_and_geometry_persist(qtbot, isolated_settings):
    window = make_window(qtbot)
    load_sample(qtbot, window)
    assert window.recent_files() == [fakes.fake_sample_path()]
    assert [a.text() for a in window.recent_menu.actions()] == ["sample_shop.csv"]
    window.resize(760, 690)  # within the offscreen screen (800 x 600) and above the minimum
    size = (window.width(), window.height())
    window.close()
    assert (isolated_settings).exists()
    again = make_window(qtbot)
    assert again.recent_files() == [fakes.fake_sample_path()]
    assert (again.width(), again.height()) == size == (760, 690)


def test_menus_and_shortcuts(qtbot):
    window = make_window(qtbot)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&View", "&Help"]
    view_menu = window.menuBar().actions()[2].menu()
    assert [a.text() for a in view_menu.actions()] == ["Language"]
    actions = window.actions_by_name
    assert actions["import"].shortcut().toString() == "Ctrl+I"
    assert actions["quit"].shortcut().toString() == "Ctrl+Q"
    assert actions["save"].isEnabled() and actions["open"].isEnabled()
    assert not actions["export"].isEnabled()  # until a forecast is shown
    actions["shortcuts"].trigger()
    box = window.findChild(QMessageBox, "shortcuts_dialog")
    assert "Ctrl+I" in box.text() and "Import data" in box.text()
    assert "Ctrl+Z" in box.text() and "Undo" in box.text()
    box.close()


def test_quitting_during_training_asks_then_cancels_and_waits(qtbot):
    window = make_window(qtbot, run=fakes.slow_run_forecast)
    load_sample(qtbot, window)
    answers = []
    window.confirm_quit_during_work = lambda: answers.append("asked") or len(answers) > 1
    window.start_training()
    qtbot.waitUntil(lambda: window.training_panel.models_table.rowCount() == 1, timeout=5000)
    window.close()  # first answer: no, keep working
    assert window.isVisible() and window.training_panel.is_running()
    window.close()  # second answer: yes
    assert answers == ["asked", "asked"]
    assert not window.isVisible()
    assert not running_handles()


def test_quitting_when_idle_does_not_ask(qtbot):
    window = make_window(qtbot)
    window.confirm_quit_during_work = lambda: (_ for _ in ()).throw(AssertionError("asked"))
    window.close()
    assert not window.isVisible()
    assert QSettings().value("window/geometry") is not None
    assert window.tabs.currentIndex() == IMPORT
    assert QApplication.instance() is not None
