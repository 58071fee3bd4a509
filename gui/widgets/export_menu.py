"""Export actions of the Forecast view: forecast / metrics as CSV, an Excel workbook, the chart as
PNG and a one-page PDF report. File writing runs off the UI thread (except the PNG, which grabs
the widget and takes a few ms); results are reported through `finished` / `failed`.

The main window can put `ExportMenu.actions()` in its File > Export menu.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMenu, QToolButton

from core import export
from core.errors import TrendcastError
from core.overrides import Journal, write_journal
from gui import report
from gui.error_texts import error_text
from gui.export_headers import export_labeller
from gui.export_values import export_values

KINDS = ("forecast_csv", "metrics_csv", "whatif_csv", "xlsx", "png", "pdf", "journal_json")
SUFFIXES = {"forecast_csv": ".csv", "metrics_csv": ".csv", "whatif_csv": ".csv", "xlsx": ".xlsx",
            "png": ".png", "pdf": ".pdf", "journal_json": ".json"}


class ExportMenu(QObject):
    finished = Signal(str)  # a message naming the written file
    failed = Signal(str)  # a message for the user

    def __init__(self, view) -> None:
        super().__init__(view)
        self.view = view
        self.run = self.history = self.index = None
        self._actions = {
            "forecast_csv": QAction(self.tr("Forecast as CSV…"), self),
            "metrics_csv": QAction(self.tr("Model comparison as CSV…"), self),
            "whatif_csv": QAction(self.tr("What-if as CSV…"), self),
            "xlsx": QAction(self.tr("Forecast and metrics as Excel…"), self),
            "png": QAction(self.tr("Chart as PNG image…"), self),
            "pdf": QAction(self.tr("One-page PDF report…"), self),
            # The journal of adjustments, for `python main.py forecast --overrides`.
            "journal_json": QAction(self.tr("Adjustments as JSON…"), self),
        }
        self.menu = QMenu(self.tr("Export"))
        for kind, action in self._actions.items():
            action.triggered.connect(lambda _checked=False, k=kind: self.ask_and_export(k))
            action.setEnabled(False)
            self.menu.addAction(action)
        self.button = QToolButton()
        self.button.setText(self.tr("Export"))
        self.button.setMenu(self.menu)
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)

    def actions(self) -> list[QAction]:
        return list(self._actions.values())

    def set_run(self, run, history, index) -> None:
        self.run, self.history, self.index = run, history, index
        for kind, action in self._actions.items():
            action.setEnabled(kind != "whatif_csv" or self.scenario() is not None)

    def scenario(self):
        """The what-if on screen (the Excel export and "What-if as CSV" include it)."""
        return self.view.scenario() if hasattr(self.view, "scenario") else None

    def scenario_changed(self) -> None:
        self._actions["whatif_csv"].setEnabled(self.run is not None
                                               and self.scenario() is not None)

    def filters(self) -> dict[str, str]:
        return {"forecast_csv": self.tr("CSV file (*.csv)"),
                "metrics_csv": self.tr("CSV file (*.csv)"),
                "whatif_csv": self.tr("CSV file (*.csv)"),
                "xlsx": self.tr("Excel workbook (*.xlsx)"),
                "png": self.tr("PNG image (*.png)"), "pdf": self.tr("PDF document (*.pdf)"),
                "journal_json": self.tr("JSON file (*.json)")}

    def ask_kind_and_path(self) -> None:
        """One save dialog offering every format; the chosen filter decides what is written."""
        if self.run is None:
            self.failed.emit(self.tr("Nothing to export yet."))
            return
        labels = {"forecast_csv": self.tr("Forecast as CSV (*.csv)"),
                  "metrics_csv": self.tr("Model comparison as CSV (*.csv)"),
                  "whatif_csv": self.tr("What-if as CSV (*.csv)"),
                  "xlsx": self.tr("Forecast and metrics as Excel (*.xlsx)"),
                  "png": self.tr("Chart as PNG image (*.png)"),
                  "pdf": self.tr("One-page PDF report (*.pdf)"),
                  "journal_json": self.tr("Adjustments as JSON (*.json)")}
        if self.scenario() is None:
            del labels["whatif_csv"]
        path, chosen = QFileDialog.getSaveFileName(self.view, self.tr("Export"), "forecast.xlsx",
                                                   ";;".join(labels.values()),
                                                   labels["xlsx"])
        kind = next((k for k, label in labels.items() if label == chosen), None)
        if path and kind:
            self.export(kind, path)

    def ask_and_export(self, kind: str) -> None:
        default = {"forecast_csv": "forecast.csv", "metrics_csv": "model_comparison.csv",
                   "whatif_csv": "whatif.csv",
                   "xlsx": "forecast.xlsx", "png": "chart.png", "pdf": "forecast_report.pdf",
                   "journal_json": "adjustments.json"}
        path, _filter = QFileDialog.getSaveFileName(self.view, self.tr("Export"),
                                                    default[kind], self.filters()[kind])
        if path:
            self.export(kind, path)

    def export(self, kind: str, path: str | os.PathLike) -> None:
        """Write one export. PNG is immediate; the others finish on a background thread."""
        if self.run is None:
            self.failed.emit(self.tr("Nothing to export yet."))
            return
        path = Path(path)
        if not path.suffix:
            path = path.with_suffix(SUFFIXES[kind])
        run, history, index, scenario = self.run, self.history, self.index, self.scenario()
        overrides = self.view.overrides.journal if hasattr(self.view, "overrides") else None
        # Translated here: the jobs run on another thread and must not touch this QObject.
        title = self.tr("Trendcast forecast report")
        labels = export_labeller()  # column headers in the UI's language
        values = export_values()  # and the engine's words in cells
        jobs = {
            "forecast_csv": lambda: export.export_csv(path, run, history, what="forecast",
                                                      overrides=overrides, labels=labels,
                                                      values=values),
            "metrics_csv": lambda: export.export_csv(path, run, history, what="metrics",
                                                     labels=labels, values=values),
            "whatif_csv": lambda: export.export_csv(path, run, history, what="whatif",
                                                    scenario=scenario, labels=labels,
                                                    values=values),
            "xlsx": lambda: export.export_xlsx(path, run, history, scenario, overrides,
                                               labels=labels, values=values),
            "pdf": lambda: _pdf_report(path, run, history, index, overrides, title),
            "journal_json": lambda: write_journal(path, overrides or Journal()),
        }
        if kind == "png":
            try:
                report.save_chart_png(self.view.chart, path)
            except (OSError, TrendcastError) as exc:
                self._failed(path, exc)
            else:
                self._done(path)
            return
        self.view.runner.submit(jobs[kind], lambda _r: self._done(path),
                                lambda exc: self._failed(path, exc))

    def _done(self, path: Path) -> None:
        self.finished.emit(self.tr("Saved {name}.").format(name=path.name))

    def _failed(self, path: Path, exc: Exception) -> None:
        detail = error_text(exc) if isinstance(exc, TrendcastError) else \
            getattr(exc, "strerror", None) or str(exc)
        self.failed.emit(self.tr("Could not save {name}: {error}").format(name=path.name,
                                                                           error=detail))


def _pdf_report(path, run, history, index, overrides, title: str) -> None:
    """The one-page report of the final forecast: with overrides, the run is indexed again
    with them applied (on the export's worker thread)."""
    if overrides:
        from core.overrides import apply_to_run
        from core.run_views import RunIndex

        run = apply_to_run(run, overrides)
        index = RunIndex(run, history)
    report.write_pdf_report(path, run, history, index, title=title)
