"""Render history and forecast of one product to a PNG, offscreen, with pyqtgraph's exporter."""
from __future__ import annotations

from pathlib import Path

import pandas as pd


def _seconds(ds: pd.Series) -> list[float]:
    return list(pd.to_datetime(ds).astype("datetime64[ns]").astype("int64") / 1e9)


def render_forecast_png(history: pd.DataFrame, forecast: pd.DataFrame, path: Path,
                        size: tuple[int, int]) -> tuple[int, int, int]:
    """Draw the first product's history, forecast and 80% band; return width, height, colours."""
    import pyqtgraph as pg
    import pyqtgraph.exporters
    from PySide6.QtGui import QImage

    product = history["unique_id"].iloc[0]
    past = history[history["unique_id"] == product]
    future = forecast[forecast["unique_id"] == product].drop_duplicates("ds")
    plot = pg.PlotWidget(background="w", axisItems={"bottom": pg.DateAxisItem()})
    plot.resize(*size)
    plot.setTitle(f"Forecast for {product}")
    plot.plot(_seconds(past["ds"]), list(past["y"]), pen=pg.mkPen("#444", width=1))
    x = _seconds(future["ds"])
    plot.plot(x, list(future["yhat"]), pen=pg.mkPen("#1f77b4", width=2))
    if {"yhat_lo_80", "yhat_hi_80"} <= set(future.columns):
        lo = plot.plot(x, list(future["yhat_lo_80"]), pen=None)
        hi = plot.plot(x, list(future["yhat_hi_80"]), pen=None)
        plot.addItem(pg.FillBetweenItem(lo, hi, brush=pg.mkBrush(31, 119, 180, 60)))
    exporter = pg.exporters.ImageExporter(plot.plotItem)
    exporter.parameters()["width"] = size[0]
    exporter.export(str(path))
    plot.deleteLater()
    image = QImage(str(path))
    colours = len({image.pixel(x, y) for x in range(0, image.width(), 4)
                   for y in range(0, image.height(), 4)})
    return image.width(), image.height(), colours
