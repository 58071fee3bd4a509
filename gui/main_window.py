"""The main window: five steps (Import, Model setup, Training, Forecast view, Reorder) as tabs.

Each step opens when its input is ready (data, valid settings, a finished run); a closed step's
tooltip says why. The window holds the state the steps pass along and nothing else: the panels
do the work through the engine functions handed to them (fakes in tests).
"""
from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMessageBox, QTabWidget

from core.models.registry import available
from core.overrides import Journal
from core.scenario.library import ScenarioLibrary
from gui import engine
from gui.panels.forecast_view import ForecastView
from gui.panels.import_panel import ImportPanel
from gui.panels.reorder_panel import ReorderPanel
from gui.panels.setup_panel import SetupPanel
from gui.panels.training_panel import TrainingPanel
from gui.project_files import ProjectFiles, is_project_path
from gui.window_menus import build_menus
from gui.worker import cancel_all_and_wait, running_handles

PANEL_TITLES = ("Import", "Model setup", "Training", "Forecast view", "Reorder")
IMPORT, SETUP, TRAINING, FORECAST, REORDER = range(5)
MAX_RECENT = 8
_WINDOWS: set = set()  # windows built by switch_language, kept alive here
QUIT_WAIT_MS = 5000


class MainWindow(QMainWindow):
    def __init__(self, *, preview: Callable = engine.preview, load: Callable = engine.load,
                 sample_path: Callable[[], str] = engine.sample_shop_path,
                 run_forecast: Callable = engine.run_forecast,
                 models: Callable[[], list] = available,
                 what_if: Callable = engine.what_if) -> None:
        super().__init__()
        # What a window in another language needs to be built the same way (switch_language).
        self._engine = dict(preview=preview, load=load, sample_path=sample_path,
                            run_forecast=run_forecast, models=models, what_if=what_if)
        self.setWindowTitle("Trendcast")
        self.resize(1200, 800)
        self.dataset = None  # ImportResult
        self._restoring = False  # opening a project: its settings are no change
        self.import_panel = ImportPanel(preview=preview, load=load, sample_path=sample_path)
        self.setup_panel = SetupPanel(models=models)
        self.training_panel = TrainingPanel(run_forecast=run_forecast)
        # One undo stack for every edit of overrides and what-if plans (Edit > Undo / Redo).
        self.undo_stack = QUndoStack(self)
        self.forecast_view = ForecastView(what_if=what_if, undo_stack=self.undo_stack)
        self.forecast_view.overrides.edited.connect(lambda: self.projects.mark_changed())
        self.forecast_view.scenarios.edited.connect(lambda: self.projects.mark_changed())
        self.reorder_panel = ReorderPanel(undo_stack=self.undo_stack)
        self.reorder_panel.inputs_changed.connect(self._settings_changed)  # kept in the project
        self.reorder_panel.overrides = lambda: self.forecast_view.overrides.journal
        self.forecast_view.overrides.journal_changed.connect(
            lambda _journal: self.reorder_panel.forecast_adjusted())
        self.projects = ProjectFiles(self)
        self.tabs = QTabWidget()
        titles = (self.tr("Import"), self.tr("Model setup"), self.tr("Training"),
                  self.tr("Forecast view"), self.tr("Reorder"))
        for panel, title in zip((self.import_panel, self.setup_panel, self.training_panel,
                                 self.forecast_view, self.reorder_panel), titles, strict=True):
            self.tabs.addTab(panel, title)
        self.setCentralWidget(self.tabs)
        self.import_panel.dataset_loaded.connect(self._on_dataset_loaded)
        self.import_panel.dataset_cleared.connect(self._on_dataset_cleared)
        self.import_panel.project_dropped.connect(self.open_path)
        self.import_panel.reading_started.connect(
            lambda path: self.statusBar().showMessage(self.tr("Reading {0}…").format(path)))
        self.setup_panel.settings_changed.connect(self._update_steps)
        self.setup_panel.settings_changed.connect(self._settings_changed)
        self.setup_panel.start_requested.connect(self.start_training)
        self.training_panel.training_finished.connect(self._on_run_finished)
        self.forecast_view.scenario_applied.connect(lambda _result: self.projects.mark_changed())
        self.training_panel.training_ended.connect(self._update_steps)
        self.training_panel.training_failed.connect(
            lambda _exc: self.statusBar().showMessage(self.tr("Training failed.")))
        self.training_panel.training_cancelled.connect(
            lambda: self.statusBar().showMessage(self.tr("Training cancelled.")))
        self.actions_by_name: dict[str, QAction] = build_menus(self)
        self.forecast_view.run_shown.connect(
            lambda: self.actions_by_name["export"].setEnabled(True))
        self.forecast_view.exports.finished.connect(self.statusBar().showMessage)
        self.forecast_view.exports.failed.connect(self.statusBar().showMessage)
        self._restore_settings()
        self._update_steps()
        self.statusBar().showMessage(self.tr("Open a sales file or the sample shop to begin."))
        # Everything built so far lives as long as the window. Freezing it keeps the garbage
        # collector's full passes from scanning it: one took 225 ms here, a visible stall.
        gc.freeze()

    # -- opening data ------------------------------------------------------------------------
    def open_sample(self) -> None:
        """Load the bundled sample shop into the Import step (in a worker)."""
        self.tabs.setCurrentIndex(IMPORT)
        self.import_panel.open_sample()

    def open_path(self, path: str) -> None:
        """Open a sales file (Import step) or a project file (everything it holds)."""
        if is_project_path(path):
            if self.projects.proceed_after_saving(lambda: self.open_path(path)):
                self.projects.open_path(path)
            return
        self.tabs.setCurrentIndex(IMPORT)
        self.import_panel.open_path(path)

    def import_data(self) -> None:
        self.tabs.setCurrentIndex(IMPORT)
        self.import_panel.choose_file()

    def new_session(self) -> None:
        """Forget the data and the run (a running training is cancelled first)."""
        if not self.projects.proceed_after_saving(self.new_session):
            return
        self.projects.forget()
        self.training_panel.cancel()
        self.import_panel.cancel()
        self.dataset = None
        self.training_panel.run = None
        self.undo_stack.clear()
        self.forecast_view.overrides.reset(Journal())
        self.forecast_view.scenarios.set_library(ScenarioLibrary())
        self.tabs.setCurrentIndex(IMPORT)
        self._update_steps()
        self.statusBar().showMessage(self.tr("New session: open a sales file to begin."))

    def _on_dataset_loaded(self, result) -> None:
        self.dataset = result
        self.training_panel.run = None
        self.projects.mark_changed()
        self.setup_panel.set_dataset(result)
        if result.source or self.import_panel.path:
            self.add_recent_file(self.import_panel.path or result.source)
        self.statusBar().showMessage(self.tr("Loaded {0} products. Next: Model setup.").format(
            result.summary.products))
        self._update_steps()

    def _on_dataset_cleared(self) -> None:
        self.dataset = None
        self.statusBar().showMessage(self.tr("The file could not be used; see the validation "
                                             "report."))
        self._update_steps()

    # -- training ----------------------------------------------------------------------------
    def start_training(self, settings=None) -> None:
        if self.dataset is None or self.training_panel.is_running():
            return
        settings = settings or self.setup_panel.settings()
        self.tabs.setTabEnabled(TRAINING, True)
        self.tabs.setCurrentIndex(TRAINING)
        known = settings == self.setup_panel.settings()  # the estimate is for those
        self.training_panel.start(self.dataset.frame, settings,
                                  expected=self.setup_panel.expected_seconds if known else None,
                                  embeddings=self.forecast_view.similar.cache_bytes())
        self.statusBar().showMessage(self.tr("Training…"))
        self._update_steps()

    def _on_run_finished(self, run) -> None:
        self.projects.mark_changed()
        self.forecast_view.show_run(run, self.dataset.frame if self.dataset else None)
        if self.dataset is not None:
            self.reorder_panel.set_run(self.dataset.frame, run)
        self._update_steps()
        self.tabs.setCurrentIndex(FORECAST)
        self.statusBar().showMessage(self.tr("Forecast ready."))

    def _settings_changed(self) -> None:
        if self.dataset is not None and not self._restoring:
            self.projects.mark_changed()

    # -- projects ----------------------------------------------------------------------------
    def restore_project(self, project, dataset) -> None:
        """Show an opened project: its data, its settings and its forecast, without training."""
        self.training_panel.cancel()
        self.import_panel.cancel()
        self._restoring = True
        try:
            self.dataset = dataset
            self.training_panel.run = project.run
            self.import_panel.show_dataset(dataset)
            self.setup_panel.set_dataset(dataset)
            if project.settings is not None:
                self.setup_panel.set_settings(project.settings)
        finally:
            self._restoring = False
        self.undo_stack.clear()  # edits of what was open before are not undone into this one
        self.forecast_view.overrides.reset(project.overrides)
        self.forecast_view.scenarios.set_library(project.scenarios)
        self.forecast_view.similar.set_cache_bytes(project.embeddings)  # no re-embedding
        if project.run is not None:
            self.forecast_view.show_run(project.run, project.frame, project.scenario)
            self.reorder_panel.set_run(project.frame, project.run)
            self.reorder_panel.restore_inputs(project.reorder)
        self._update_steps()
        self.tabs.setCurrentIndex(FORECAST if project.run is not None else SETUP)

    # -- steps -------------------------------------------------------------------------------
    def step_reason(self, index: int) -> str:
        """Why a step is closed ("" when it is open)."""
        if index in (SETUP, TRAINING) and self.dataset is None:
            return self.tr("Import sales data first.")
        if index == TRAINING and self.setup_panel.problems() and \
                not self.training_panel.is_running():
            return self.tr("Fix the settings marked in red in Model setup first.")
        if index in (FORECAST, REORDER) and self.training_panel.run is None:
            return self.tr("Train a forecast first.")
        return ""

    def _update_steps(self) -> None:
        for index in range(self.tabs.count()):
            reason = self.step_reason(index)
            self.tabs.setTabEnabled(index, not reason)
            self.tabs.setTabToolTip(index, reason)
        if self.training_panel.run is None:
            self.actions_by_name["export"].setEnabled(False)  # run_shown enables it again
        running = self.training_panel.is_running()
        self.setup_panel.start_button.setEnabled(not self.step_reason(TRAINING) and not running)

    # -- recent files and settings -----------------------------------------------------------
    def recent_files(self) -> list[str]:
        value = QSettings().value("recent_files", [])
        if isinstance(value, str):  # QSettings returns a lone string for one-item lists
            value = [value]
        return [str(v) for v in value or []]

    def add_recent_file(self, path: str) -> None:
        path = str(Path(path))
        files = [path] + [p for p in self.recent_files() if p != path]
        QSettings().setValue("recent_files", files[:MAX_RECENT])
        self.refresh_recent_menu()

    def refresh_recent_menu(self) -> None:
        menu = self.recent_menu
        menu.clear()
        files = self.recent_files()
        for path in files:
            action = menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.setStatusTip(path)
            action.triggered.connect(lambda _=False, p=path: self.open_path(p))
        menu.setEnabled(bool(files))

    def _restore_settings(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        self.refresh_recent_menu()

    # -- language ----------------------------------------------------------------------------
    def switch_language(self) -> bool:
        """Show everything again in the language now chosen in the settings: a new window is
        built with the new translator and given this one's state the way an opened project is
        (data, settings, forecast, what-if), plus the file name, the unsaved mark, the step and
        the product on screen. Returns False, changing nothing, while work is running."""
        view = self.forecast_view
        if running_handles() or self.projects.is_busy() or (
                self.training_panel.run is not None and view.index is None):
            return False
        from PySide6.QtWidgets import QApplication

        from gui.i18n import install_translator

        project, dataset = self.projects.project(), self.dataset
        product = view.products.current_id() if view.index is not None else None
        install_translator(QApplication.instance())
        fresh = MainWindow(**self._engine)
        _WINDOWS.add(fresh)
        if project is not None:
            if product is not None and project.run is not None:
                fresh.forecast_view.run_shown.connect(
                    lambda: fresh.forecast_view.select_product(product),
                    Qt.ConnectionType.SingleShotConnection)
            fresh.restore_project(project, dataset)
        fresh.tabs.setCurrentIndex(self.tabs.currentIndex())
        fresh.projects.path, fresh.projects.dirty = self.projects.path, self.projects.dirty
        fresh.projects.update_title()
        fresh.setGeometry(self.geometry())
        fresh.show()
        self.projects.dirty = False  # the state lives on in the new window: nothing to ask
        self.close()
        self.deleteLater()
        _WINDOWS.discard(self)
        return True

    # -- quitting ----------------------------------------------------------------------------
    def confirm_quit_during_work(self) -> bool:
        """Ask whether to stop running work and quit (tests replace this method)."""
        answer = QMessageBox.question(
            self, self.tr("Quit Trendcast?"),
            self.tr("Work is still running. Stop it and quit? Nothing you imported is changed."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def closeEvent(self, event) -> None:  # noqa: N802
        if not self.projects.proceed_after_saving(self.close):
            event.ignore()
            return
        if running_handles():
            if not self.confirm_quit_during_work():
                event.ignore()
                return
            self.statusBar().showMessage(self.tr("Stopping…"))
            self.setCursor(Qt.CursorShape.WaitCursor)
            cancel_all_and_wait(QUIT_WAIT_MS)
        QSettings().setValue("window/geometry", self.saveGeometry())
        event.accept()
