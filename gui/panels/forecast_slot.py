"""Step 4's seam: gui2's `ForecastView` when present, else a plain table of the forecast.

Both offer `show_run(run, history)`; the main window knows nothing else about step 4.
"""
from __future__ import annotations

import importlib

from PySide6.QtWidgets import QLabel, QTableView, QVBoxLayout, QWidget

from gui.widgets.frame_model import FrameModel


class ForecastTable(QWidget):
    """Fallback view: the chosen forecast per product as a table."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.heading = QLabel(self.tr("Train a forecast to see it here."))
        self.model = FrameModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)

    def show_run(self, run, history=None) -> None:
        forecast = run.forecast
        products = forecast["unique_id"].nunique() if "unique_id" in forecast else 0
        self.heading.setText(self.tr("Forecast for {0} products, {1} rows (first 1000 shown)")
                             .format(products, len(forecast)))
        self.model.set_frame(forecast)


def make_forecast_view(parent=None) -> QWidget:
    try:
        module = importlib.import_module("gui.panels.forecast_view")
    except ModuleNotFoundError as exc:
        if exc.name != "gui.panels.forecast_view":
            raise  # the view exists but something it needs is missing: a real bug
        return ForecastTable(parent)
    return module.ForecastView()
