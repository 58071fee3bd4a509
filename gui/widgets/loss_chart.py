"""A live chart of training loss per neural model, fed from progress metrics."""
from __future__ import annotations

import pyqtgraph as pg

COLORS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b")


class LossChart(pg.PlotWidget):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setBackground("w")
        self.setMinimumHeight(150)
        self.showGrid(x=True, y=True, alpha=0.2)
        self.setLabel("bottom", "epoch")
        self.setLabel("left", "loss")
        self.addLegend(offset=(-10, 10))
        self._series: dict[str, tuple[list[float], pg.PlotDataItem]] = {}

    def add_point(self, model: str, metric: str, value: float) -> None:
        key = f"{model} {metric}"
        if key not in self._series:
            color = COLORS[len(self._series) % len(COLORS)]
            style = pg.QtCore.Qt.PenStyle.DashLine if metric.startswith("val") else None
            pen = pg.mkPen(color, width=2, style=style) if style else pg.mkPen(color, width=2)
            self._series[key] = ([], self.plot([], [], pen=pen, name=key))
        values, item = self._series[key]
        values.append(float(value))
        item.setData(list(range(1, len(values) + 1)), values)

    def reset(self) -> None:
        for _values, item in self._series.values():
            self.removeItem(item)
        self._series.clear()
        legend = self.plotItem.legend
        if legend is not None:
            legend.clear()

    def series(self) -> dict[str, list[float]]:
        return {key: list(values) for key, (values, _item) in self._series.items()}
