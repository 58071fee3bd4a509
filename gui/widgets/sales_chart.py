"""A small chart of total sales over time (pyqtgraph, date axis)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg

from core.schema import DS, Y


class SalesChart(pg.PlotWidget):
    def __init__(self, parent=None, title: str = "") -> None:
        super().__init__(parent, axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.setBackground("w")
        self.setMinimumHeight(160)
        self.showGrid(x=True, y=True, alpha=0.2)
        self.setMouseEnabled(x=True, y=False)
        if title:
            self.setTitle(title, color="#333", size="10pt")
        self._curve = self.plot([], [], pen=pg.mkPen("#1f77b4", width=2))

    def show_totals(self, frame: pd.DataFrame) -> None:
        """Plot the sum of `y` over all products per period of a canonical frame."""
        totals = frame.groupby(DS, sort=True)[Y].sum()
        self.set_series(totals.index, totals.to_numpy(dtype=float))

    def set_series(self, dates, values) -> None:
        seconds = pd.DatetimeIndex(dates).as_unit("s").asi8.astype(float)
        self._curve.setData(seconds, np.asarray(values, dtype=float))
        self.enableAutoRange()

    def clear_series(self) -> None:
        self._curve.setData([], [])

    def point_count(self) -> int:
        x, _ = self._curve.getData()
        return 0 if x is None else len(x)
