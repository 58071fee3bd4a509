"""A live chart of training loss per neural model, fed from progress metrics.

Cheap to keep up to date: points are buffered and drawn at most four times a second, and the
legend is a label under the plot and there is no grid (pyqtgraph's legend tripled the cost of a
repaint, ~34 ms against ~12 ms offscreen, and the grid doubled it: enough to stall the event
loop on a busy machine).
"""
from __future__ import annotations

import html

import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")
REDRAW_MS = 250


class LossChart(QWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget()
        self.plot_widget.setBackground("w")
        self.plot_widget.setMinimumHeight(150)
        self.plot_widget.setLabel("bottom", self.tr("epoch"))
        self.plot_widget.setLabel("left", self.tr("loss"))
        self.legend = QLabel(self.tr("Neural models report their loss here while they train."))
        self.legend.setWordWrap(True)
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.legend)
        self._series: dict[str, tuple[list[float], pg.PlotDataItem, str]] = {}
        self._dirty: set[str] = set()
        self._redraw = QTimer(self)
        self._redraw.setSingleShot(True)
        self._redraw.setInterval(REDRAW_MS)
        self._redraw.timeout.connect(self.flush)

    def add_point(self, model: str, metric: str, value: float) -> None:
        key = f"{model} {metric}"
        if key not in self._series:
            color = COLORS[len(self._series) % len(COLORS)]
            style = Qt.PenStyle.DashLine if metric.startswith("val") else Qt.PenStyle.SolidLine
            item = self.plot_widget.plot([], [], pen=pg.mkPen(color, width=2, style=style))
            self._series[key] = ([], item, color)
            self._update_legend()
        self._series[key][0].append(float(value))
        self._dirty.add(key)
        if not self._redraw.isActive():
            self._redraw.start()

    def flush(self) -> None:
        """Draw the buffered points now."""
        for key in self._dirty:
            values, item, _color = self._series[key]
            item.setData(list(range(1, len(values) + 1)), values)
        self._dirty.clear()

    def reset(self) -> None:
        self._redraw.stop()
        for _values, item, _color in self._series.values():
            self.plot_widget.removeItem(item)
        self._series.clear()
        self._dirty.clear()
        self._update_legend()

    def series(self) -> dict[str, list[float]]:
        return {key: list(values) for key, (values, _item, _color) in self._series.items()}

    def _update_legend(self) -> None:
        if not self._series:
            self.legend.setText(self.tr("Neural models report their loss here while they "
                                        "train."))
            return
        self.legend.setText("&nbsp;&nbsp;".join(
            f'<span style="color:{color}">&#9644;</span> {html.escape(key)}'
            for key, (_values, _item, color) in self._series.items()))
