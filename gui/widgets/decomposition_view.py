"""Trend, seasonality and remainder of one product, stacked on a shared date axis."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from core.decomposition import Decomposition
from gui.widgets.forecast_chart import LocalDateAxis, to_seconds


class DecompositionView(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.graphics = pg.GraphicsLayoutWidget()
        self.graphics.setBackground("w")
        self.plots: dict[str, pg.PlotItem] = {}
        self.curves: dict[str, pg.PlotDataItem] = {}
        titles = {"observed": self.tr("Sales"), "trend": self.tr("Trend"),
                  "seasonal": self.tr("Seasonality"), "remainder": self.tr("Remainder")}
        previous = None
        for row, (key, title) in enumerate(titles.items()):
            plot = self.graphics.addPlot(row=row, col=0, title=title,
                                         axisItems={"bottom": LocalDateAxis()})
            plot.showGrid(x=True, y=True, alpha=0.2)
            if previous is not None:
                plot.setXLink(previous)
            previous = plot
            self.plots[key] = plot
            self.curves[key] = plot.plot([], [], pen=pg.mkPen("#1f77b4", width=1.5))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addWidget(self.graphics, 1)

    def show_decomposition(self, result: Decomposition) -> None:
        x = to_seconds(result.ds)
        for key in self.curves:
            self.curves[key].setData(x, np.asarray(getattr(result, key), float))
        if result.periods:
            self.note.setText(self.tr("Seasons estimated: {periods} periods.").format(
                periods=", ".join(str(p) for p in result.periods)))
        else:
            self.note.setText(self.tr("No seasonality estimated: the history is shorter than "
                                      "two full seasons."))
        for plot in self.plots.values():
            plot.enableAutoRange()

    def show_message(self, text: str) -> None:
        for curve in self.curves.values():
            curve.setData([], [])
        self.note.setText(text)
