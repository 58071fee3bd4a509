"""Step 1, Import: open a sales file, check how it was read, fix column roles, see a summary.

Reading runs in a worker (`read_file`), so a large file never freezes the window; opening
another file cancels the read in progress. The panel takes the engine's `preview` and `load`
functions, so tests hand it fakes.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.data.types import (
    LAYOUTS,
    READABLE_SUFFIXES,
    ROLES,
    ImportOptions,
    ImportResult,
    RawPreview,
)
from core.errors import Problem, TrendcastError
from core.project import SUFFIX as PROJECT_SUFFIX
from gui import engine
from gui.core_texts import (
    event_text,
    layout_label,
    severity_label,
    summary_lines,
)
from gui.error_texts import problem_texts
from gui.reading import ImportOutcome, read_file, read_file_in_process
from gui.widgets.cancelled_statuses import CancelledStatuses
from gui.widgets.error_dialog import show_error
from gui.widgets.frame_model import FrameModel
from gui.widgets.sales_chart import SalesChart
from gui.widgets.series_end_choice import SeriesEndChoice
from gui.worker import WorkerHandle, make_worker

NOT_USED = ""


class ImportPanel(QWidget):
    dataset_loaded = Signal(object)  # ImportResult
    dataset_cleared = Signal()
    reading_started = Signal(str)  # path
    project_dropped = Signal(str)  # a project file was dropped here: the window opens it

    def __init__(self, preview: Callable = engine.preview, load: Callable = engine.load,
                 sample_path: Callable[[], str] = engine.sample_shop_path,
                 in_process: bool | None = None, parent=None) -> None:
        super().__init__(parent)
        self._preview_fn, self._load_fn, self._sample_path = preview, load, sample_path
        # The real importer reads in a child process: pandas parsing holds the GIL for up to
        # ~100 ms at a time in a thread, which the window would feel. Fakes stay in a thread.
        self._in_process = (preview is engine.preview and load is engine.load
                            if in_process is None else in_process)
        self._handle: WorkerHandle | None = None
        self.path: str | None = None
        self.result: ImportResult | None = None
        self.setAcceptDrops(True)
        self._build()

    # -- layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.open_button = QPushButton(self.tr("Open file…"))
        self.open_button.setToolTip(self.tr("Open a CSV or Excel export of your orders or sales"))
        self.open_button.clicked.connect(self.choose_file)
        self.sample_button = QPushButton(self.tr("Open sample shop"))
        self.sample_button.setToolTip(self.tr("Try Trendcast with a small example shop"))
        self.sample_button.clicked.connect(self.open_sample)
        self.file_label = QLabel(self.tr("Drop an orders export (CSV or Excel) here, or open "
                                         "one."))
        self.file_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        top = QHBoxLayout()
        for widget in (self.open_button, self.sample_button):
            top.addWidget(widget)
        top.addWidget(self.file_label, 1)
        top.addWidget(self.progress)
        top.addWidget(self.cancel_button)

        self.raw_model = FrameModel()
        self.raw_view = QTableView()
        self.raw_view.setModel(self.raw_model)
        self.raw_view.setToolTip(self.tr("The first rows of the file, exactly as read"))
        raw_box = QGroupBox(self.tr("The file as read"))
        QVBoxLayout(raw_box).addWidget(self.raw_view)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(raw_box)
        splitter.addWidget(self._build_options())
        splitter.addWidget(self._build_report())
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(2, 3)
        splitter.setSizes([230, 190, 330])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def _build_options(self) -> QWidget:
        box = QGroupBox(self.tr("How to read it (detected; change what is wrong)"))
        grid = QGridLayout(box)
        self.layout_combo = QComboBox()
        self.layout_combo.addItem(self.tr("Detect"), None)
        for name in LAYOUTS:
            self.layout_combo.addItem(layout_label(name), name)
        self.layout_combo.setToolTip(self.tr("long: one row per product and date; wide: one "
                                             "column per date; orders: one row per order line"))
        self.freq_combo = QComboBox()
        for code, label in ((None, self.tr("Detect")), ("D", self.tr("Day")),
                            ("W", self.tr("Week")), ("M", self.tr("Month"))):
            self.freq_combo.addItem(label, code)
        self.freq_combo.setToolTip(self.tr("Add up sales per day, week or month"))
        grid.addWidget(QLabel(self.tr("Layout")), 0, 0)
        grid.addWidget(self.layout_combo, 0, 1)
        grid.addWidget(QLabel(self.tr("Sum sales per")), 0, 2)
        grid.addWidget(self.freq_combo, 0, 3)
        # Workbooks only: choosing another sheet reads the file again (in the worker).
        self.sheet_combo = QComboBox()
        self.sheet_combo.setToolTip(self.tr("The sheet of the workbook to read"))
        self.sheet_combo.activated.connect(self._on_sheet_chosen)
        self.sheet_label = QLabel(self.tr("Sheet"))
        grid.addWidget(self.sheet_label, 0, 4)
        grid.addWidget(self.sheet_combo, 0, 5)
        self._show_sheets([], None)
        self.role_combos: dict[str, QComboBox] = {}
        labels = {"date": self.tr("Date"), "product": self.tr("Product"),
                  "quantity": self.tr("Quantity"), "price": self.tr("Price"),
                  "title": self.tr("Title"), "category": self.tr("Category"),
                  "stock": self.tr("Stock"), "promo": self.tr("Promotion"),
                  "order": self.tr("Order number"), "status": self.tr("Order status"),
                  "cancelled": self.tr("Cancelled flag"), "customer": self.tr("Customer")}
        for i, role in enumerate(ROLES):
            combo = QComboBox()
            combo.setObjectName(f"role_{role}")
            combo.setToolTip(self.tr("Which column of the file holds this; (not in file) if "
                                     "none does"))
            self.role_combos[role] = combo
            row, col = 1 + i // 3, (i % 3) * 2
            grid.addWidget(QLabel(labels.get(role, role.capitalize())), row, col)
            grid.addWidget(combo, row, col + 1)
        last = 1 + (len(ROLES) - 1) // 3
        # Where each product's series ends (issue #11): its own last row or the data's last.
        self.series_end = SeriesEndChoice()
        grid.addWidget(self.series_end, last + 1, 0, 1, 6)
        # The extra cancelled statuses share a row with the button that applies them, so the
        # window still fits a 600-pixel-high screen.
        self.cancelled_statuses = CancelledStatuses()
        grid.addWidget(self.cancelled_statuses, last + 2, 0, 1, 4)
        self.apply_button = QPushButton(self.tr("Read again with these choices"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.reread)
        grid.addWidget(self.apply_button, last + 2, 4, 1, 2)
        return box

    def _build_report(self) -> QWidget:
        self.problem_table = QTableWidget(0, 5)
        self.problem_table.setHorizontalHeaderLabels(
            [self.tr("Severity"), self.tr("Row"), self.tr("Column"), self.tr("Problem"),
             self.tr("How to fix it")])
        header = self.problem_table.horizontalHeader()
        for col in range(3):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.problem_table.setWordWrap(True)
        self.problem_table.verticalHeader().setVisible(False)
        self.summary_label = QLabel(self.tr("No data loaded yet."))
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.chart = SalesChart(title=self.tr("Total sales over time"))
        report = QWidget()
        layout = QHBoxLayout(report)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Validation report")))
        left.addWidget(self.problem_table)
        right = QVBoxLayout()
        right.addWidget(self.summary_label)
        right.addWidget(self.chart, 1)
        layout.addLayout(left, 1)
        layout.addLayout(right, 1)
        return report

    # -- actions -----------------------------------------------------------------------------
    def file_filter(self) -> str:
        """The Open dialog's filter: exactly the files the importer reads."""
        patterns = " ".join(f"*{suffix}" for suffix in READABLE_SUFFIXES)
        return self.tr("Sales files ({0});;All files (*)").format(patterns)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open sales data"), "",
                                              self.file_filter())
        if path:
            self.open_path(path)

    def open_sample(self) -> None:
        try:
            path = self._sample_path()
        except TrendcastError as exc:
            show_error(self, self.tr("Sample shop"), exc)
            return
        self.open_path(path)

    def open_path(self, path: str, options: ImportOptions | None = None) -> None:
        """Read `path` in a worker; a read already running is cancelled."""
        self.cancel()
        self.path = str(path)
        self.file_label.setText(self.tr("Reading {0}…").format(Path(path).name))
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        reader = read_file_in_process if self._in_process else read_file
        handle = make_worker(reader, self.path, options, preview_fn=self._preview_fn,
                             load_fn=self._load_fn, parent=self)
        handle.progressed.connect(self._on_progress)
        handle.returned.connect(lambda outcome, h=handle: self._on_read(h, outcome))
        handle.errored.connect(lambda exc, h=handle: self._on_error(h, exc))
        handle.cancelled.connect(lambda h=handle: self._on_cancelled(h))
        handle.finished.connect(lambda h=handle: self._on_finished(h))
        self._handle = handle
        self.reading_started.emit(self.path)
        handle.start()

    def reread(self) -> None:
        if self.path:
            self.open_path(self.path, self.current_options())

    def cancel(self) -> None:
        if self._handle is not None:
            self._handle.cancel()

    def is_busy(self) -> bool:
        return self._handle is not None

    def current_options(self) -> ImportOptions:
        roles = {role: combo.currentData() for role, combo in self.role_combos.items()
                 if combo.currentData()}
        # Whole weeks/months only: a half-recorded last week would read as a sales drop. The
        # summary shows what was left out ("partial period").
        return ImportOptions(freq=self.freq_combo.currentData(), roles=roles,
                             layout=self.layout_combo.currentData(), sheet=self._sheet(),
                             complete_periods=True, series_end=self.series_end.value(),
                             cancelled_statuses=self.cancelled_statuses.value())

    def _sheet(self) -> str | None:
        return self.sheet_combo.currentData() if self.sheet_combo.count() else None

    def _on_sheet_chosen(self, _index: int) -> None:
        """Read the chosen sheet; its columns differ, so roles and layout are detected again."""
        if self.path:
            self.open_path(self.path, ImportOptions(freq=self.freq_combo.currentData(),
                                                    sheet=self._sheet(), complete_periods=True,
                                                    series_end=self.series_end.value(),
                                                    cancelled_statuses=(
                                                        self.cancelled_statuses.value())))

    def _show_sheets(self, sheets: list[str], current: str | None) -> None:
        self.sheet_combo.blockSignals(True)
        self.sheet_combo.clear()
        for name in sheets:
            self.sheet_combo.addItem(name, name)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findData(current), 0))
        self.sheet_combo.blockSignals(False)
        self.sheet_combo.setVisible(bool(sheets))
        self.sheet_label.setVisible(bool(sheets))

    # -- results -----------------------------------------------------------------------------
    def _on_progress(self, event) -> None:
        self.progress.setValue(int(event.fraction * 1000))
        if event.message:
            self.progress.setFormat(event_text(event)[:40])

    def _on_read(self, handle: WorkerHandle, outcome: ImportOutcome) -> None:
        if handle is not self._handle:
            return  # a newer read replaced this one
        name = Path(outcome.path).name
        self._show_preview(outcome.preview)
        self._show_problems(outcome.problems)
        self.result = outcome.result
        if outcome.result is None:
            self.file_label.setText(self.tr("{0} could not be used; see the validation report "
                                            "below.").format(name))
            self.summary_label.setText(self.tr("No data loaded."))
            self.chart.clear_series()
            self.dataset_cleared.emit()
            return
        self.file_label.setText(name)
        self._select_roles(outcome.result.roles, outcome.result.layout, outcome.result.freq)
        self.summary_label.setText("\n".join(summary_lines(outcome.result.summary)))
        self.chart.show_totals(outcome.result.frame)
        self.dataset_loaded.emit(outcome.result)

    def show_dataset(self, result: ImportResult) -> None:
        """Show data that came from elsewhere (a project file): its summary and chart."""
        self.cancel()
        self.path, self.result = None, result
        self.raw_model.set_frame(result.frame.head(200))
        self._show_problems([])
        self._show_sheets([], None)
        name = Path(result.source).name if result.source else self.tr("the project's data")
        # The rows below are the data as imported (one row per product and period), not the file.
        self.file_label.setText(self.tr("{name}, as imported into the project").format(
            name=name))
        self.summary_label.setText("\n".join(summary_lines(result.summary)))
        self.chart.show_totals(result.frame)
        self.apply_button.setEnabled(False)

    def _on_error(self, handle: WorkerHandle, exc: BaseException) -> None:
        if handle is self._handle:
            self.file_label.setText(self.tr("Reading failed."))
            show_error(self, self.tr("Import failed"), exc)

    def _on_cancelled(self, handle: WorkerHandle) -> None:
        if handle is self._handle:
            self.file_label.setText(self.tr("Reading cancelled."))

    def _on_finished(self, handle: WorkerHandle) -> None:
        if handle is self._handle:
            self._handle = None
            self.progress.setVisible(False)
            self.cancel_button.setVisible(False)
            self.apply_button.setEnabled(self.path is not None)

    def _show_preview(self, preview: RawPreview | None) -> None:
        if preview is None:
            return
        self.raw_model.set_frame(preview.table)
        self._show_sheets(preview.sheets, preview.sheet)
        columns = [str(c) for c in preview.table.columns]
        for combo in self.role_combos.values():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(self.tr("(not in file)"), NOT_USED)
            for column in columns:
                combo.addItem(column, column)
            combo.blockSignals(False)
        self._select_roles(preview.roles, preview.layout, None)

    def _select_roles(self, roles: dict[str, str], layout: str | None, freq: str | None) -> None:
        for role, combo in self.role_combos.items():
            combo.setCurrentIndex(max(combo.findData(roles.get(role, NOT_USED)), 0))
        if layout:
            self.layout_combo.setCurrentIndex(max(self.layout_combo.findData(layout), 0))
        if freq:
            self.freq_combo.setCurrentIndex(max(self.freq_combo.findData(freq), 0))

    def _show_problems(self, problems: list[Problem]) -> None:
        self.problem_table.setRowCount(len(problems))
        for row, problem in enumerate(problems):
            row_text = "" if problem.row is None else str(problem.row)
            message, hint = problem_texts(problem)
            cells = (severity_label(problem.severity), row_text, problem.column or "",
                     message, hint)
            tip = f"{message} {hint}".strip()
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(tip)
                self.problem_table.setItem(row, col, item)
        self.problem_table.resizeRowsToContents()

    def problems_shown(self) -> list[str]:
        """The validation report's rows as text (for tests and the status bar)."""
        table = self.problem_table
        return [" | ".join(table.item(r, c).text() for c in range(table.columnCount()))
                for r in range(table.rowCount())]

    # -- drag and drop -----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:  # noqa: N802
        if any(url.isLocalFile() for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802
        files = [url.toLocalFile() for url in event.mimeData().urls() if url.isLocalFile()]
        if files:
            event.acceptProposedAction()
            if Path(files[0]).suffix.lower() == PROJECT_SUFFIX:
                self.project_dropped.emit(files[0])
            else:
                self.open_path(files[0])
