"""File menu in the real window: save and reopen projects, unsaved-results question, export."""
from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox
from views import fake_window, load_sample

from gui.main_window import FORECAST
from gui.project_files import CANCEL, DISCARD, SAVE


def make_window(qtbot):
    return fake_window(qtbot)


def trained_window(qtbot):
    window = load_sample(qtbot, make_window(qtbot))
    window.setup_panel.horizon.setValue(14)
    with qtbot.waitSignal(window.forecast_view.run_shown, timeout=10_000):
        window.start_training()
    qtbot.waitUntil(lambda: not window.training_panel.is_running(), timeout=5000)
    return window


def save(qtbot, window, path):
    with qtbot.waitSignal(window.projects.project_saved, timeout=30_000):
        window.projects.save_to(str(path))
    qtbot.waitUntil(lambda: not window.projects.is_busy(), timeout=5000)


def test_save_then_reopen_in_a_fresh_window_shows_the_same_forecast(qtbot, tmp_path,
                                                                       monkeypatch):
    window = trained_window(qtbot)
    assert window.windowTitle().startswith("Untitled*")
    path = tmp_path / "my shop.trendcast"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "my shop"), ""))
    with qtbot.waitSignal(window.projects.project_saved, timeout=30_000):
        window.actions_by_name["save"].trigger()  # no file yet: asks where (Save as)
    qtbot.waitUntil(lambda: not window.projects.is_busy(), timeout=5000)
    assert path.exists()
    assert window.windowTitle() == "my shop - Trendcast"
    assert window.statusBar().currentMessage() == "Saved my shop.trendcast."
    assert window.recent_files()[0] == str(path)
    saved_run = window.training_panel.run

    fresh = make_window(qtbot)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(fresh.forecast_view.run_shown, timeout=30_000):
        fresh.actions_by_name["open"].trigger()
    qtbot.waitUntil(lambda: not fresh.projects.is_busy(), timeout=5000)
    assert fresh.tabs.currentIndex() == FORECAST and fresh.tabs.isTabEnabled(FORECAST)
    assert fresh.windowTitle() == "my shop - Trendcast"
    shown = fresh.forecast_view.index.run
    pd.testing.assert_frame_equal(shown.forecast, saved_run.forecast, check_dtype=False)
    assert shown.settings == saved_run.settings
    assert fresh.forecast_view.products.visible_ids() == \
        window.forecast_view.products.visible_ids()
    # The other steps are restored too: the data's summary and the settings, no retraining.
    assert fresh.import_panel.summary_label.text().startswith("3 products")
    assert fresh.import_panel.file_label.text() == "sample_shop.csv, as imported into the project"
    assert fresh.setup_panel.horizon.value() == 14
    assert fresh.setup_panel.settings().models == saved_run.settings.models
    assert fresh.actions_by_name["export"].isEnabled()
    assert not fresh.training_panel.is_running()


def test_dropping_a_project_on_the_window_opens_it(qtbot, tmp_path):
    window = trained_window(qtbot)
    path = tmp_path / "dropped.trendcast"
    save(qtbot, window, path)
    fresh = make_window(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(fresh.forecast_view.run_shown, timeout=30_000):
        fresh.import_panel.dropEvent(event)
    qtbot.waitUntil(lambda: not fresh.projects.is_busy(), timeout=5000)
    assert fresh.windowTitle() == "dropped - Trendcast"
    assert fresh.import_panel.path is None  # not read as a sales file
    assert fresh.recent_files()[0] == str(path)


@pytest.mark.parametrize("reader", ["thread", "child process"])
def test_a_damaged_project_shows_a_message_and_changes_nothing(qtbot, tmp_path, monkeypatch,
                                                              reader):
    import gui.project_files

    if reader == "child process":  # as big projects are read
        monkeypatch.setattr(gui.project_files, "LOAD_THREAD_BYTES", 0)
    window = trained_window(qtbot)
    run_before = window.training_panel.run
    damaged = tmp_path / "shop.trendcast"
    save(qtbot, window, damaged)
    data = damaged.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])  # cut short, like an interrupted copy
    title_before = window.windowTitle()
    with qtbot.waitSignal(window.projects.project_failed, timeout=30_000):
        window.open_path(str(damaged))
    qtbot.waitUntil(lambda: not window.projects.is_busy(), timeout=5000)
    box = window.findChild(QMessageBox, "error_dialog")
    assert box is not None and "damaged" in box.text() and "Traceback" not in box.text()
    box.close()
    assert window.training_panel.run is run_before
    assert window.windowTitle() == title_before
    assert window.tabs.currentIndex() == FORECAST

    foreign = tmp_path / "notes.trendcast"
    foreign.write_text("just some text")
    with qtbot.waitSignal(window.projects.project_failed, timeout=30_000):
        window.open_path(str(foreign))
    qtbot.waitUntil(lambda: not window.projects.is_busy(), timeout=5000)
    box = window.findChild(QMessageBox, "error_dialog")
    assert "not a Trendcast project" in box.text()
    box.close()
    assert window.training_panel.run is run_before


def test_unsaved_results_are_asked_about_before_new_and_quit(qtbot, tmp_path, monkeypatch):
    window = trained_window(qtbot)
    answers = []
    window.projects.ask_to_save = lambda answered: answers.append(1) or answered(CANCEL)
    window.actions_by_name["new"].trigger()
    assert answers == [1] and window.dataset is not None  # cancelled: nothing forgotten
    window.close()
    assert answers == [1, 1] and window.isVisible()

    window.projects.ask_to_save = lambda answered: answered(DISCARD)
    window.new_session()
    qtbot.waitUntil(lambda: window.dataset is None, timeout=2000)
    assert window.windowTitle() == "Trendcast"

    window = trained_window(qtbot)
    path = tmp_path / "quit.trendcast"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    window.projects.ask_to_save = lambda answered: answered(SAVE)
    window.close()  # saves first, then closes
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=30_000)
    assert path.exists()


def test_export_from_the_file_menu(qtbot, tmp_path, monkeypatch):
    window = make_window(qtbot)
    assert not window.actions_by_name["export"].isEnabled()
    window = trained_window(qtbot)
    assert window.actions_by_name["export"].isEnabled()
    target = tmp_path / "forecast.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (
        str(target), "Forecast as CSV (*.csv)"))
    window.actions_by_name["export"].trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Saved forecast.csv.",
                    timeout=10_000)
    written = pd.read_csv(target)
    assert len(written) >= 3 * 14


def test_big_projects_are_saved_and_read_by_a_child_process_and_reopen_the_same(qtbot, tmp_path,
                                                                       monkeypatch):
    import gui.project_files

    window = trained_window(qtbot)
    monkeypatch.setattr(gui.project_files, "SAVE_THREAD_ROWS", 0)  # every project is "big"
    monkeypatch.setattr(gui.project_files, "LOAD_THREAD_BYTES", 0)
    path = tmp_path / "big.trendcast"
    save(qtbot, window, path)
    assert window.windowTitle() == "big - Trendcast"
    fresh = make_window(qtbot)
    with qtbot.waitSignal(fresh.forecast_view.run_shown, timeout=30_000):
        fresh.open_path(str(path))
    qtbot.waitUntil(lambda: not fresh.projects.is_busy(), timeout=5000)
    pd.testing.assert_frame_equal(fresh.training_panel.run.forecast,
                                  window.training_panel.run.forecast, check_dtype=False)


@pytest.mark.parametrize("reader", ["thread", "child process"])
def test_a_crafted_project_shows_the_same_message_as_the_command_line(qtbot, tmp_path,
                                                                      monkeypatch, reader):
    import json
    import zipfile

    import gui.project_files
    from core.errors import TrendcastError
    from core.project import load_project
    from tests.core.test_project import SHOP_TCN

    if reader == "child process":
        monkeypatch.setattr(gui.project_files, "LOAD_THREAD_BYTES", 0)
    crafted = tmp_path / "crafted.trendcast"
    with zipfile.ZipFile(SHOP_TCN) as zin, zipfile.ZipFile(crafted, "w") as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "manifest.json":
                data = json.dumps({**json.loads(data), "models": []}).encode()
            zout.writestr(name, data)
    with pytest.raises(TrendcastError) as expected:
        load_project(crafted)
    window = make_window(qtbot)
    with qtbot.waitSignal(window.projects.project_failed, timeout=30_000):
        window.open_path(str(crafted))
    qtbot.waitUntil(lambda: not window.projects.is_busy(), timeout=5000)
    box = window.findChild(QMessageBox, "error_dialog")
    assert box is not None and str(expected.value) in box.text()
    assert "manifest.json.models should be an object" in box.text()
    box.close()
