"""File > Open / Save / Save as for project files (`core.project`), and the "unsaved changes" state.

Saving and opening run in a worker (a big shop's project takes seconds), with a busy bar in the
status bar. The window title shows the project's name and a `*` while there are unsaved changes.
Before New, Open or Quit throws away a result that was never saved, the user is asked to save it.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QProgressBar

from core.data.types import ImportOptions, ImportResult, Summary
from core.project import SUFFIX, Project, load_project, save_project
from core.schema import DS, ID, Y
from gui.widgets.error_dialog import show_error
from gui.worker import WorkerHandle, make_worker

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def is_project_path(path: str) -> bool:
    return Path(path).suffix.lower() == SUFFIX


# Data rows above which a project is written by a child process: pandas formatting 1.2 M rows of
# CSV holds the GIL long enough to freeze the window (two 530-630 ms gaps when saving the whole
# Online Retail file from a worker thread); small projects save in a fraction of a second.
SAVE_THREAD_ROWS = 200_000


def _save(path: str, project: Project, *, progress=None, cancel=None) -> str:
    if len(project.frame) > SAVE_THREAD_ROWS:
        from core.subprocess_runner import run_in_process

        run_in_process("core.project:save_project", path, project)  # a save is not cancelled
    else:
        save_project(path, project)
    return path


# Project files above this size (about SAVE_THREAD_ROWS data rows: the 112,000-row sample shop
# with a run is 1.1 MB) are read by a child process: reading the whole Online Retail file in a
# worker thread left the window without events for up to 90 ms, in a child for 27 ms.
LOAD_THREAD_BYTES = 2_000_000


def _load(path: str, *, progress=None, cancel=None) -> tuple[Project, ImportResult]:
    if os.path.isfile(path) and os.path.getsize(path) > LOAD_THREAD_BYTES:
        from core.subprocess_runner import run_in_process

        project = run_in_process("core.project:load_project", path, cancel=cancel)
    else:
        project = load_project(path)
    return project, dataset_of(project)


def dataset_of(project: Project) -> ImportResult:
    """The Import step's state for a project's data (what importing the file had given)."""
    frame = project.frame
    settings = project.run.settings if project.run is not None else project.settings
    freq = project.options.freq or (settings.freq if settings is not None else "D")
    summary = Summary(products=int(frame[ID].nunique()), start=frame[DS].min(),
                      end=frame[DS].max(), freq=freq, rows_read=len(frame),
                      periods=int(frame[DS].nunique()), zero_share=float((frame[Y] == 0).mean()),
                      total_quantity=float(frame[Y].sum()), **_series_end(project))
    return ImportResult(frame=frame, freq=freq, layout=project.options.layout or "long",
                        roles=dict(project.options.roles), summary=summary,
                        source=project.source)


def _series_end(project: Project) -> dict:
    """The summary's series-end facts, as far as the saved data shows them (issue #11)."""
    ends = project.frame.groupby(ID, sort=False)[DS].max()
    early = int((ends < ends.max()).sum())
    chosen = project.options.series_end
    return {"series_end": chosen or ("own" if early else ""),
            "end_reason": "chosen" if chosen else "", "ended_early": early}


class ProjectFiles(QObject):
    """The project side of a MainWindow: which file it is, whether it changed, saving, opening."""

    project_saved = Signal(str)  # path
    project_opened = Signal(object)  # Project
    project_failed = Signal(str)  # plain message

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.path: str | None = None
        self.dirty = False
        self._handle: WorkerHandle | None = None
        self._after_save: Callable[[], None] | None = None
        self._asking = False
        self.busy_bar = QProgressBar()
        self.busy_bar.setRange(0, 0)  # saving reports no fractions: a busy indicator
        self.busy_bar.setMaximumWidth(160)
        self.busy_bar.setVisible(False)
        window.statusBar().addPermanentWidget(self.busy_bar)

    # -- state -------------------------------------------------------------------------------
    def name(self) -> str:
        return Path(self.path).stem if self.path else self.tr("Untitled")

    def mark_changed(self) -> None:
        self.dirty = True
        self.update_title()

    def forget(self) -> None:
        """New session: no file, nothing unsaved."""
        self.path, self.dirty = None, False
        self.update_title()

    def update_title(self) -> None:
        if self.path is None and not self.dirty:
            self.window.setWindowTitle("Trendcast")
            return
        self.window.setWindowTitle(f"{self.name()}{'*' if self.dirty else ''} - Trendcast")

    def is_busy(self) -> bool:
        return self._handle is not None

    def has_unsaved_results(self) -> bool:
        return self.dirty and self.window.training_panel.run is not None

    def project(self) -> Project | None:
        """The window's state as a Project (None without data)."""
        window = self.window
        dataset = window.dataset
        if dataset is None:
            return None
        options = ImportOptions(freq=dataset.freq, roles=dict(dataset.roles),
                                layout=dataset.layout)
        return Project(frame=dataset.frame, source=Path(dataset.source).name if dataset.source
                       else "", options=options, settings=window.setup_panel.settings(),
                       run=window.training_panel.run,
                       scenario=window.forecast_view.scenario() if window.training_panel.run
                       is not None else None, overrides=window.forecast_view.overrides.journal,
                       scenarios=window.forecast_view.scenarios.library,
                       embeddings=window.forecast_view.similar.cache_bytes(),
                       reorder=window.reorder_panel.inputs() if window.training_panel.run
                       is not None else None)

    # -- asking ------------------------------------------------------------------------------
    def ask_to_save(self, answered: Callable[[str], None]) -> None:
        """Ask Save / Discard / Cancel without blocking; `answered` gets SAVE, DISCARD or CANCEL
        (tests replace this method)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Save the forecast?"),
                          self.tr("The forecast in {0} has not been saved. Save it before you "
                                  "go on?").format(self.name()),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("save_question")
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        choices = {QMessageBox.StandardButton.Save: SAVE,
                   QMessageBox.StandardButton.Discard: DISCARD}
        box.finished.connect(lambda result: answered(
            choices.get(box.standardButton(box.clickedButton()), CANCEL)
            if box.clickedButton() is not None else CANCEL))
        box.open()

    def proceed_after_saving(self, then: Callable[[], None]) -> bool:
        """Whether an action that throws the current results away may go ahead now. With
        unsaved results the user is asked first and this returns False; `then` runs again
        later if the user saved (once the file is written) or discarded them."""
        if self.is_busy():
            self.window.statusBar().showMessage(self.tr("Please wait until the project file "
                                                        "is written or read."))
            return False
        if not self.has_unsaved_results():
            return True
        if self._asking:
            return False
        self._asking = True
        self.ask_to_save(lambda answer: self._answered(answer, then))
        return False

    def _answered(self, answer: str, then: Callable[[], None]) -> None:
        self._asking = False
        if answer == DISCARD:
            self.dirty = False  # the user let them go
            self.update_title()
            QTimer.singleShot(0, then)
        elif answer == SAVE:
            self.save(then=lambda: QTimer.singleShot(0, then))

    # -- saving ------------------------------------------------------------------------------
    def choose_save_path(self) -> str:
        start = self.path or f"{self.name()}{SUFFIX}"
        path, _ = QFileDialog.getSaveFileName(self.window, self.tr("Save project"), start,
                                              self.tr("Trendcast projects (*{0})").format(SUFFIX))
        if path and not is_project_path(path):
            path += SUFFIX
        return path

    def save(self, then: Callable[[], None] | None = None) -> None:
        if self.path is None:
            self.save_as(then)
        else:
            self.save_to(self.path, then)

    def save_as(self, then: Callable[[], None] | None = None) -> None:
        path = self.choose_save_path()
        if path:
            self.save_to(path, then)

    def save_to(self, path: str, then: Callable[[], None] | None = None) -> None:
        project = self.project()
        if project is None:
            self.window.statusBar().showMessage(self.tr("Nothing to save yet: import sales "
                                                        "data first."))
            return
        if self.is_busy():
            return
        self._after_save = then
        self._start(_save, str(path), project, message=self.tr("Saving {0}…").format(
            Path(path).name), done=self._saved, title=self.tr("Could not save the project"))

    def _saved(self, path: str) -> None:
        self.path, self.dirty = path, False
        self.update_title()
        self.window.add_recent_file(path)
        self.window.statusBar().showMessage(self.tr("Saved {0}.").format(Path(path).name))
        self.project_saved.emit(path)
        then, self._after_save = self._after_save, None
        if then is not None:
            then()

    # -- opening -----------------------------------------------------------------------------
    def choose_open_path(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self.window, self.tr("Open project"), "",
                                              self.tr("Trendcast projects (*{0})").format(SUFFIX))
        return path

    def open_dialog(self) -> None:
        if self.proceed_after_saving(self.open_dialog):
            path = self.choose_open_path()
            if path:
                self.open_path(path)

    def open_path(self, path: str) -> None:
        """Read a project in the background; the window changes only once it was read."""
        if self.is_busy():
            return
        self._start(_load, str(path), message=self.tr("Opening {0}…").format(Path(path).name),
                    done=lambda result, p=str(path): self._opened(p, *result),
                    title=self.tr("Could not open the project"))

    def _opened(self, path: str, project: Project, dataset: ImportResult) -> None:
        self.window.restore_project(project, dataset)
        self.path, self.dirty = path, False
        self.update_title()
        self.window.add_recent_file(path)
        self.window.statusBar().showMessage(self.tr("Opened {0}.").format(Path(path).name))
        self.project_opened.emit(project)

    # -- the worker --------------------------------------------------------------------------
    def _start(self, func, *args, message: str, done: Callable, title: str) -> None:
        handle = make_worker(func, *args, parent=self)
        handle.returned.connect(done)
        handle.errored.connect(lambda exc: self._failed(title, exc))
        handle.finished.connect(self._finished)
        self._handle = handle
        self.busy_bar.setVisible(True)
        self.window.statusBar().showMessage(message)
        handle.start()

    def _failed(self, title: str, exc: BaseException) -> None:
        self._after_save = None
        self.window.statusBar().showMessage(title)
        show_error(self.window, title, exc)
        self.project_failed.emit(str(exc))

    def _finished(self) -> None:
        self._handle = None
        self.busy_bar.setVisible(False)
