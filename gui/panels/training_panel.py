"""Step 3, Training: run the backtests and final fits, show progress, losses and a log.

The default `run_forecast` runs `core.pipeline.run` in a spawned process driven by a worker
thread, so neither statsmodels nor Keras can freeze the window; cancel reaches the child
through a multiprocessing Event and a child that does not stop in time is terminated.
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.eta import Eta
from core.progress import ProgressEvent
from gui import engine
from gui.core_texts import event_text, note_texts, stage_label
from gui.model_names import model_label
from gui.widgets.error_dialog import plain_message, show_error
from gui.widgets.loss_chart import LossChart
from gui.worker import WorkerHandle, make_worker

LOG_LINES = 2000


def format_duration(seconds: float) -> str:
    seconds = max(0, int(round(seconds)))
    if seconds < 60:
        return QCoreApplication.translate("TrainingPanel", "{0} s").format(seconds)
    if seconds < 3600:
        return QCoreApplication.translate("TrainingPanel", "{0} min {1:02d} s").format(
            seconds // 60, seconds % 60)
    return QCoreApplication.translate("TrainingPanel", "{0} h {1:02d} min").format(
        seconds // 3600, seconds % 3600 // 60)


class TrainingPanel(QWidget):
    training_started = Signal()
    training_finished = Signal(object)  # ForecastRun
    training_failed = Signal(object)  # the exception
    training_cancelled = Signal()
    training_ended = Signal()  # after any of the three above

    def __init__(self, run_forecast: Callable = engine.run_forecast,
                 clock: Callable[[], float] = time.monotonic, parent=None) -> None:
        super().__init__(parent)
        self._run_forecast = run_forecast
        self._clock = clock
        self._eta = Eta(clock=clock)
        # Between progress events (a network's epoch can take minutes) the time left still
        # counts down and the bar still moves.
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)
        self._handle: WorkerHandle | None = None
        self._started_at = 0.0
        self._stage = ""
        self._stage_started = 0.0
        self._stage_rows: dict[str, int] = {}
        self._last_message = ""
        self.run = None
        self._build()

    def _build(self) -> None:
        self.status_label = QLabel(self.tr("Set up the models, then press Start training."))
        self.status_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setFormat("")
        self.eta_label = QLabel()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancel_training")
        self.cancel_button.setEnabled(False)
        self.cancel_button.setToolTip(self.tr("Stop training; nothing you set up is lost"))
        self.cancel_button.clicked.connect(self.cancel)
        top = QHBoxLayout()
        top.addWidget(self.progress, 1)
        top.addWidget(self.eta_label)
        top.addWidget(self.cancel_button)

        self.models_table = QTableWidget(0, 4)
        self.models_table.setHorizontalHeaderLabels(
            [self.tr("Model"), self.tr("State"), self.tr("Time"), self.tr("Last step")])
        header = self.models_table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.models_table.verticalHeader().setVisible(False)
        models_box = QGroupBox(self.tr("Per model"))
        QVBoxLayout(models_box).addWidget(self.models_table)
        self.loss_chart = LossChart()
        self.loss_box = QGroupBox(self.tr("Training loss of neural models"))
        QVBoxLayout(self.loss_box).addWidget(self.loss_chart)
        self.loss_box.setVisible(False)  # shown when the first neural model reports a loss
        self.log = QPlainTextEdit()
        self.log.setReadOnly(True)
        self.log.setMaximumBlockCount(LOG_LINES)
        log_box = QGroupBox(self.tr("Log"))
        QVBoxLayout(log_box).addWidget(self.log)

        upper = QSplitter()
        upper.addWidget(models_box)
        upper.addWidget(self.loss_box)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(log_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status_label)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    # -- control -----------------------------------------------------------------------------
    def start(self, frame, settings, expected: float | None = None,
              embeddings: bytes | None = None) -> None:
        """Train on `frame` (canonical long frame) with `settings` in the background;
        `expected`: the Model setup's estimate of the seconds it takes, if known;
        `embeddings`: the project's title vectors, so the cold start need not encode them."""
        if self.is_running():
            return
        self.run = None
        self._reset_view()
        self._started_at = self._clock()
        self._eta = Eta(expected, clock=self._clock)
        models = ", ".join(model_label(m) for m in settings.models)
        self.status_label.setText(self.tr("Training {0}…").format(models))
        self._log(self.tr("Started: horizon {0}, {1} backtest window(s), models {2}").format(
            settings.horizon, settings.windows, models))
        extra = {"embeddings": embeddings} if embeddings else {}
        handle = make_worker(self._run_forecast, frame, settings, parent=self, **extra)
        handle.progressed.connect(self._on_progress)
        handle.returned.connect(self._on_returned)
        handle.errored.connect(self._on_errored)
        handle.cancelled.connect(self._on_cancelled)
        handle.finished.connect(self._on_finished)
        self._handle = handle
        self.cancel_button.setEnabled(True)
        self.cancel_button.setText(self.tr("Cancel"))
        handle.start()
        self._ticker.start()
        self._tick()
        self.training_started.emit()

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()
            self.cancel_button.setEnabled(False)
            self.cancel_button.setText(self.tr("Cancelling…"))
            self.status_label.setText(self.tr("Cancelling…"))

    def is_running(self) -> bool:
        return self._handle is not None

    def wait(self, msecs: int = 5000) -> bool:
        return self._handle.wait(msecs) if self._handle is not None else True

    # -- progress ----------------------------------------------------------------------------
    def _on_progress(self, event: ProgressEvent) -> None:
        self._show_eta(*self._eta.update(event.fraction))
        if event.stage:
            self._enter_stage(event.stage)
            row = self._stage_rows[event.stage]
            self._set_cell(row, 3, event_text(event))
        for metric, value in (event.metrics or {}).items():
            if "loss" in metric:
                self.loss_box.setVisible(True)
                self.loss_chart.add_point(event.stage or "model", metric, value)
        if event.message and event.message != self._last_message:
            self._last_message = event.message
            label = stage_label(event.stage) if event.stage else ""
            message = event_text(event)
            self._log(f"[{label}] {message}" if label else message)

    def _tick(self) -> None:
        if self.is_running():
            self._show_eta(*self._eta.tick())

    def _show_eta(self, left: float | None, shown: float) -> None:
        """Time left may only fall and the bar only rise (core.eta)."""
        self.progress.setValue(int(shown * 1000))
        self.progress.setFormat(f"{shown:.0%}")
        if left is not None:
            self.eta_label.setText(self.tr("about {0} left").format(format_duration(left)))

    def _enter_stage(self, stage: str) -> None:
        if stage == self._stage:
            return
        now = self._clock()
        self._close_stage(self.tr("done"), now)
        self._stage, self._stage_started = stage, now
        if stage not in self._stage_rows:
            row = self.models_table.rowCount()
            self.models_table.insertRow(row)
            self._stage_rows[stage] = row
            self._set_cell(row, 0, stage_label(stage))
        self._set_cell(self._stage_rows[stage], 1, self.tr("running"))

    def _close_stage(self, state: str, now: float) -> None:
        if self._stage:
            row = self._stage_rows[self._stage]
            self._set_cell(row, 1, state)
            self._set_cell(row, 2, format_duration(now - self._stage_started))

    def _set_cell(self, row: int, col: int, text: str) -> None:
        self.models_table.setItem(row, col, QTableWidgetItem(text))

    # -- outcome -----------------------------------------------------------------------------
    def _on_returned(self, run) -> None:
        self.run = run
        self._ticker.stop()
        self._eta.update(1.0)
        self._close_stage(self.tr("done"), self._clock())
        self.progress.setValue(1000)
        self.progress.setFormat("100%")
        seconds = self._clock() - self._started_at
        self.status_label.setText(self.tr("Finished in {0}. The forecast is ready.").format(
            format_duration(seconds)))
        self._log(self.tr("Finished in {0}.").format(format_duration(seconds)))
        for note in note_texts(getattr(run, "notes", []) or [], getattr(run, "note_ids", [])):
            self._log(note)
        self.training_finished.emit(run)

    def _on_errored(self, exc: BaseException) -> None:
        self._close_stage(self.tr("failed"), self._clock())
        self.status_label.setText(self.tr("Training stopped because of an error."))
        self._log(self.tr("Error: {0}").format(plain_message(exc)))
        show_error(self, self.tr("Training failed"), exc)
        self.training_failed.emit(exc)

    def _on_cancelled(self) -> None:
        self._close_stage(self.tr("cancelled"), self._clock())
        self.status_label.setText(self.tr("Training cancelled. Change the settings or start "
                                          "again."))
        self._log(self.tr("Cancelled."))
        self.training_cancelled.emit()

    def _on_finished(self) -> None:
        self._ticker.stop()
        self._handle = None
        self.cancel_button.setEnabled(False)
        self.cancel_button.setText(self.tr("Cancel"))
        self.eta_label.setText("")
        self.training_ended.emit()

    def _reset_view(self) -> None:
        self.progress.setValue(0)
        self.progress.setFormat("0%")
        self.eta_label.setText("")
        self.models_table.setRowCount(0)
        self._stage_rows.clear()
        self._stage, self._last_message = "", ""
        self.loss_chart.reset()
        self.loss_box.setVisible(False)

    def _log(self, text: str) -> None:
        self.log.appendPlainText(f"{time.strftime('%H:%M:%S')}  {text}")
