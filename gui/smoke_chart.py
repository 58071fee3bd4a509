"""Render history and forecast of one product to a PNG, offscreen, with pyqtgraph's exporter.

`render_app_chart` draws with the Forecast view's own `ForecastChart`; `render_forecast_png` is a
plain pyqtgraph plot for builds that do not have that widget yet.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd


def _seconds(ds: pd.Series) -> list[float]:
    return list(pd.to_datetime(ds).astype("datetime64[ns]").astype("int64") / 1e9)


def render_app_chart(history: pd.DataFrame, forecast: pd.DataFrame, path: Path,
                     size: tuple[int, int]) -> tuple[int, int, int]:
    """Draw the first product as the Forecast view does: every model, bands on the first."""
    from gui.widgets.forecast_chart import ForecastChart

    data, models = _product_data(history, forecast)
    chart = ForecastChart()
    chart.resize(*size)
    chart.show()
    chart.show_product(data, models)
    _export(chart.plot, path, size[0])
    chart.close()
    chart.deleteLater()
    return _measure(path)


def _product_data(history: pd.DataFrame, forecast: pd.DataFrame):
    """The first product as the Forecast view's `ProductData`, and the models in the forecast."""
    from core.run_views import ProductData

    product = history["unique_id"].iloc[0]
    models = list(pd.unique(forecast["model"]))
    mine = forecast[forecast["unique_id"] == product]
    past = history.loc[history["unique_id"] == product, ["ds", "y"]].reset_index(drop=True)
    forecasts = {m: mine[mine["model"] == m].reset_index(drop=True) for m in models}
    return ProductData(uid=str(product), title="", history=past, forecasts=forecasts,
                       chosen=models[0], backtest={}, metrics=pd.DataFrame()), models


def _export(plot_item, path: Path, width: int) -> None:
    import pyqtgraph.exporters

    exporter = pyqtgraph.exporters.ImageExporter(plot_item)
    exporter.parameters()["width"] = width
    exporter.export(str(path))


def _measure(path: Path) -> tuple[int, int, int]:
    """Width, height and the number of distinct colours on a coarse grid (blank: 1)."""
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    colours = len({image.pixel(x, y) for x in range(0, image.width(), 4)
                   for y in range(0, image.height(), 4)})
    return image.width(), image.height(), colours


def render_forecast_png(history: pd.DataFrame, forecast: pd.DataFrame, path: Path,
                        size: tuple[int, int]) -> tuple[int, int, int]:
    """Draw the first product's history, forecast and 80% band; return width, height, colours."""
    import pyqtgraph as pg

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
    _export(plot.plotItem, path, size[0])
    plot.deleteLater()
    return _measure(path)
