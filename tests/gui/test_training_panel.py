"""Training step with fake engines: results, cancel within 2 s, an exception becomes a dialog."""
from __future__ import annotations

import threading
import time

import fakes
from PySide6.QtWidgets import QApplication, QMessageBox

from core.pipeline_types import ForecastSettings
from core.progress import ProgressEvent
from gui.panels.training_panel import TrainingPanel, format_duration

SETTINGS = ForecastSettings(horizon=7, models=("ets", "lstm_attention"), windows=2)


def make_panel(qtbot, run):
    panel = TrainingPanel(run_forecast=run)
    qtbot.addWidget(panel)
    return panel


def open_error_dialogs():
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "error_dialog" and w.isVisible()]


def test_results_arrive_with_per_model_rows_log_and_losses(qtbot):
    panel = make_panel(qtbot, fakes.fake_run_forecast)
    with qtbot.waitSignal(panel.training_finished, timeout=5000) as blocker:
        panel.start(fakes.make_frame(), SETTINGS)
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=2000)
    run = blocker.args[0]
    assert set(run.forecast["unique_id"]) == {"P0", "P1", "P2"}
    assert len(run.forecast) == 3 * 7
    models = [panel.models_table.item(r, 0).text() for r in range(panel.models_table.rowCount())]
    assert models == ["Exponential smoothing (ETS)", "LSTM with attention"]  # labels, not ids
    assert panel.models_table.item(1, 1).text() == "done"
    assert panel.loss_chart.series() == {"ets loss": [1.0], "lstm_attention loss": [0.5]}
    assert "[Exponential smoothing (ETS)] fitting" in panel.log.toPlainText()
    assert panel.progress.value() == 1000
    assert not panel.cancel_button.isEnabled()


def test_cancel_mid_training_stops_quickly_and_can_start_again(qtbot):
    panel = make_panel(qtbot, fakes.slow_run_forecast)
    panel.start(fakes.make_frame(), SETTINGS)
    qtbot.waitUntil(lambda: panel.models_table.rowCount() == 1, timeout=5000)
    began = time.monotonic()
    with qtbot.waitSignal(panel.training_cancelled, timeout=2000):
        panel.cancel_button.click()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=2000)
    assert time.monotonic() - began < 2.0
    assert panel.models_table.item(0, 1).text() == "cancelled"
    assert "cancelled" in panel.status_label.text()
    panel._run_forecast = fakes.fake_run_forecast  # usable again after a cancel
    with qtbot.waitSignal(panel.training_finished, timeout=5000):
        panel.start(fakes.make_frame(), SETTINGS)
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=2000)


def test_an_exception_in_the_worker_becomes_a_dialog_with_details(qtbot):
    panel = make_panel(qtbot, fakes.failing_run_forecast)
    with qtbot.waitSignal(panel.training_failed, timeout=5000):
        panel.start(fakes.make_frame(), SETTINGS)
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=2000)
    dialogs = open_error_dialogs()
    assert len(dialogs) == 1
    box = dialogs[0]
    assert "Something went wrong inside Trendcast" in box.text()
    assert "Traceback" not in box.text()
    assert "ZeroDivisionError" in box.detailedText()
    assert panel.models_table.item(0, 1).text() == "failed"
    box.close()


def test_durations_read_naturally():
    assert [format_duration(s) for s in (4.4, 75, 3725)] == ["4 s", "1 min 15 s", "1 h 02 min"]


def test_time_left_never_rises_and_the_bar_moves_between_events(qtbot):
    # A fake clock and a run that stalls at 82 % (the networks) while the panel ticks.
    now = [100.0]
    gate = threading.Event()

    def waiting_run(frame, settings, *, progress=None, cancel=None):
        while not gate.wait(0.05):
            cancel.raise_if_cancelled()
        return fakes.fake_run_forecast(frame, settings, progress=progress, cancel=cancel)

    panel = TrainingPanel(run_forecast=waiting_run, clock=lambda: now[0])
    qtbot.addWidget(panel)
    panel.start(fakes.make_frame(), SETTINGS, expected=120.0)
    assert panel.eta_label.text() == "about 2 min 00 s left"  # the plan's estimate
    shown = []
    for second in range(1, 300):
        now[0] = 100.0 + second
        if second <= 40:
            panel._on_progress(ProgressEvent(0.82 * second / 40, "", "ets"))
        else:
            panel._tick()
        shown.append((panel.eta_label.text(), panel.progress.value()))
    lefts = [_seconds(text) for text, _ in shown]
    assert all(b <= a for a, b in zip(lefts, lefts[1:], strict=False))
    bars = [value for _, value in shown]
    assert all(b >= a for a, b in zip(bars, bars[1:], strict=False))
    assert bars[-1] > bars[40] + 50 and bars[-1] < 1000  # moving, not done
    gate.set()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=5000)
    assert panel.progress.value() == 1000


def _seconds(text: str) -> int:
    """'about 1 min 05 s left' -> 65."""
    words = text.split()
    if "min" in words:
        return 60 * int(words[1]) + int(words[3])
    return int(words[1])



def test_the_projects_title_vectors_go_to_the_run(qtbot):
    seen = {}

    def run(frame, settings, **kwargs):
        seen.update(kwargs)
        return fakes.fake_run_forecast(frame, settings, progress=kwargs.get("progress"),
                                       cancel=kwargs.get("cancel"))

    panel = make_panel(qtbot, run)
    with qtbot.waitSignal(panel.training_finished, timeout=5000):
        panel.start(fakes.make_frame(), SETTINGS, embeddings=b"vectors")
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=2000)
    assert seen["embeddings"] == b"vectors"
