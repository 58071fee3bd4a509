"""The forecast chart: history, backtest predictions, forecasts with 80% / 95% bands, on a date
axis, with zoom and pan, a crosshair read-out and a legend whose entries toggle their series.

Series have stable keys for code and tests (`history`, `forecast:<model>`, `band80:<model>`,
`backtest:<model>`); the legend shows translated labels.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from core.run_views import ProductData

COLOURS = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#e377c2",
           "#17becf")
HISTORY_COLOUR = "#333333"
WHATIF_COLOUR = "#e6550d"
OVERRIDE_COLOUR = "#000000"


ENGLISH_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
                  "Dec")


class LocalDateAxis(pg.DateAxisItem):
    """pyqtgraph's date axis with month names in the UI language (it prints C-locale names)."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        strings = super().tickStrings(values, scale, spacing)
        locale = QLocale()
        if locale.language() in (QLocale.Language.English, QLocale.Language.C):
            return strings
        names = {en: locale.standaloneMonthName(i + 1, QLocale.FormatType.ShortFormat)
                 for i, en in enumerate(ENGLISH_MONTHS)}
        return [" ".join(names.get(part, part) for part in text.split(" ")) for text in strings]


def to_seconds(dates) -> np.ndarray:
    """Dates as Unix seconds, the x unit of pyqtgraph's DateAxisItem."""
    return np.asarray(dates, dtype="datetime64[s]").astype(np.int64).astype(float)


class ForecastChart(QWidget):
    """Plot items are created once and re-used: switching products only replaces their data,
    which keeps a switch in the low milliseconds."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.plot_widget = pg.PlotWidget(axisItems={"bottom": LocalDateAxis()})
        self.plot_widget.setBackground("w")
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.setLabel("left", self.tr("Units sold"))
        self.legend = self.plot.addLegend(offset=(10, 10))
        self.series: dict[str, pg.GraphicsObject] = {}  # key -> what is drawn now
        self.labels: dict[str, str] = {}
        self._points: dict[str, tuple[np.ndarray, ...]] = {}
        self._legend_keys: list[tuple[str, str]] = []
        self.history_curve = pg.PlotDataItem(pen=pg.mkPen(HISTORY_COLOUR, width=1.5))
        self.plot.addItem(self.history_curve)
        self.bands = {level: self._make_band(alpha) for level, alpha in ((95, 40), (80, 80))}
        self.model_curves: dict[str, tuple[pg.PlotDataItem, pg.PlotDataItem]] = {}
        self.whatif_curve = pg.PlotDataItem(pen=pg.mkPen(WHATIF_COLOUR, width=2.5,
                                                         style=Qt.PenStyle.DotLine))
        self.plot.addItem(self.whatif_curve)
        # The forecast after the user's overrides: solid, a marker on every changed period.
        self.override_curve = pg.PlotDataItem(pen=pg.mkPen(OVERRIDE_COLOUR, width=2.5))
        self.plot.addItem(self.override_curve)
        # A range the user drags over the forecast to adjust it ("Select range").
        self.region = pg.LinearRegionItem(brush=pg.mkBrush(255, 200, 0, 50))
        self.plot.addItem(self.region, ignoreBounds=True)
        self.region.hide()
        self.vline = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#888", width=1))
        self.readout = pg.TextItem(anchor=(0, 0), color="#222", fill=pg.mkBrush(255, 255, 255, 220))
        self.plot.addItem(self.vline, ignoreBounds=True)
        self.plot.addItem(self.readout, ignoreBounds=True)
        self.vline.hide()
        self.readout.hide()
        self._mouse = pg.SignalProxy(self.plot_widget.scene().sigMouseMoved, rateLimit=60,
                                     slot=self._on_mouse_moved)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot_widget)

    def _make_band(self, alpha: int) -> dict:
        lo, hi = pg.PlotDataItem(), pg.PlotDataItem()
        fill = pg.FillBetweenItem(lo, hi)
        self.plot.addItem(lo)
        self.plot.addItem(hi)
        self.plot.addItem(fill, ignoreBounds=True)  # its own rect would pull in the origin
        # The legend needs an item with plot options to draw a sample; a stand-in outside the
        # plot carries the legend's click through to the band.
        standin = pg.PlotDataItem([], [], pen=None, fillLevel=0)
        standin.visibleChanged.connect(lambda: [i.setVisible(standin.isVisible())
                                                for i in (lo, hi, fill)])
        return {"lo": lo, "hi": hi, "fill": fill, "standin": standin, "alpha": alpha}

    def _curves_for(self, model: str) -> tuple[pg.PlotDataItem, pg.PlotDataItem]:
        if model not in self.model_curves:
            line, back = pg.PlotDataItem(connect="finite"), pg.PlotDataItem(connect="finite")
            self.plot.addItem(line)
            self.plot.addItem(back)
            self.model_curves[model] = (line, back)
        return self.model_curves[model]

    # -- content ----------------------------------------------------------------------------
    def clear(self) -> None:
        self.history_curve.setData([], [])
        for band in self.bands.values():
            band["lo"].setData([], [])
            band["hi"].setData([], [])
        for line, back in self.model_curves.values():
            line.setData([], [])
            back.setData([], [])
        self.whatif_curve.setData([], [])
        self.override_curve.setData([], [])
        self.series.clear()
        self.labels.clear()
        self._points.clear()

    def show_product(self, data: ProductData, models: list[str],
                     model_label=lambda name: name) -> None:
        """Draw one product with the forecasts of `models` (the chosen one gets the bands)."""
        self.clear()
        hist_x = to_seconds(data.history["ds"])
        hist_y = data.history["y"].to_numpy(float)
        self.history_curve.setData(hist_x, hist_y)
        self._register("history", self.tr("History"), self.history_curve, hist_x, hist_y)
        ordered = [data.chosen] + [m for m in models if m != data.chosen]
        for i, model in enumerate(m for m in ordered if m in data.forecasts):
            colour = COLOURS[i % len(COLOURS)]
            frame = data.forecasts[model]
            x, y = to_seconds(frame["ds"]), frame["yhat"].to_numpy(float)
            if len(hist_x) and len(x) and x[0] > hist_x[-1]:
                # Join the forecast to the last sale so the line continues (not in a shop total
                # whose products end on different dates: it starts inside the history).
                x, y = np.r_[hist_x[-1], x], np.r_[hist_y[-1], y]
            chosen = model == data.chosen
            if chosen:
                for level, band in self.bands.items():
                    self._show_band(band, level, frame, colour)
            line, back = self._curves_for(model)
            line.setPen(pg.mkPen(colour, width=2.5 if chosen else 1.5))
            line.setData(x, y)
            label = self.tr("Forecast: {model}").format(model=model_label(model))
            self._register(f"forecast:{model}", label + (" ✓" if chosen else ""), line, x, y)
            self._show_backtest(back, data, model, model_label(model), colour)
        self._update_legend()
        self.plot.enableAutoRange()

    def show_what_if(self, frame: pd.DataFrame) -> None:
        """Overlay a what-if (ds, yhat: the planned forecast) on the product drawn last."""
        if frame is None or frame.empty:
            return
        x, y = to_seconds(frame["ds"]), frame["yhat"].to_numpy(float)
        history = self._points.get("history")
        if history is not None and len(history[0]) and len(x) and x[0] > history[0][-1]:
            x, y = np.r_[history[0][-1], x], np.r_[history[1][-1], y]
        self.whatif_curve.setData(x, y)
        self._register("whatif", self.tr("What-if plan"), self.whatif_curve, x, y)
        self._update_legend()

    def show_overrides(self, frame: pd.DataFrame, chosen: str) -> None:
        """Overlay the chosen forecast after overrides (ds, yhat, yhat_model, overridden, bands)
        on the product drawn last: the model's line turns dashed, the final one is solid with a
        marker on each changed period, and the bands follow the final numbers."""
        if frame is None or frame.empty or not frame["overridden"].any():
            return
        line = self.series.get(f"forecast:{chosen}")
        if line is not None:
            pen = pg.mkPen(line.opts["pen"])
            pen.setStyle(Qt.PenStyle.DashLine)
            line.setPen(pen)
        for level, band in self.bands.items():
            if f"band{level}" in self.series:
                self._show_band(band, level, frame, band.get("colour", COLOURS[0]))
        x, y = to_seconds(frame["ds"]), frame["yhat"].to_numpy(float)
        history = self._points.get("history")
        if history is not None and len(history[0]) and len(x) and x[0] > history[0][-1]:
            x, y = np.r_[history[0][-1], x], np.r_[history[1][-1], y]
            marked = np.r_[False, frame["overridden"].to_numpy(bool)]
        else:
            marked = frame["overridden"].to_numpy(bool)
        self.override_curve.setData(x, y, symbol="o", symbolSize=np.where(marked, 9, 0),
                                    symbolBrush=OVERRIDE_COLOUR, symbolPen=None)
        self._register("override", self.tr("Forecast with your adjustments"),
                       self.override_curve, x, y)
        self._update_legend()

    def show_range_selector(self, on: bool) -> None:
        """Show (or hide) a range to drag over the chart; it starts on the forecast's second
        half."""
        if on:
            forecast = next((pts for key, pts in self._points.items()
                             if key.startswith("forecast:")), None)
            if forecast is not None and len(forecast[0]) > 1:
                x = forecast[0][1:] if len(forecast[0]) > 2 else forecast[0]
                self.region.setRegion((x[len(x) // 2], x[-1]))
        self.region.setVisible(on)

    def selected_range(self) -> tuple[pd.Timestamp, pd.Timestamp] | None:
        """The dragged range's ends (None while it is hidden)."""
        if not self.region.isVisible():
            return None
        low, high = self.region.getRegion()
        return pd.Timestamp(low, unit="s"), pd.Timestamp(high, unit="s")

    def _register(self, key: str, label: str, item, *points) -> None:
        self.series[key], self.labels[key] = item, label
        self._points[key] = tuple(np.asarray(p, float) for p in points)

    def _show_band(self, band: dict, level: int, frame, colour: str) -> None:
        lo_col, hi_col = f"yhat_lo_{level}", f"yhat_hi_{level}"
        if lo_col not in frame or hi_col not in frame:
            return
        band["colour"] = colour
        rgb = pg.mkColor(colour)
        rgba = (rgb.red(), rgb.green(), rgb.blue(), band["alpha"])
        x = to_seconds(frame["ds"])
        lo, hi = frame[lo_col].to_numpy(float), frame[hi_col].to_numpy(float)
        # Faint edges: a curve without a pen has no data bounds, and auto-range would miss it.
        band["lo"].setData(x, lo, pen=pg.mkPen(*rgba))
        band["hi"].setData(x, hi, pen=pg.mkPen(*rgba))
        band["fill"].setBrush(pg.mkBrush(*rgba))
        band["standin"].setBrush(pg.mkBrush(*rgba))
        self._register(f"band{level}", self.tr("{level}% range").format(level=level),
                       band["fill"], x, lo, hi)

    def _show_backtest(self, item, data: ProductData, model: str, name: str,
                       colour: str) -> None:
        frame = data.backtest.get(model)
        if frame is None or frame.empty:
            return
        # One dashed segment per backtest window, separated by a gap (NaN).
        cutoffs = frame["cutoff"].to_numpy()
        order = np.argsort(cutoffs, kind="stable")
        x = to_seconds(frame["ds"].to_numpy()[order])
        y = frame["yhat"].to_numpy(float)[order]
        gaps = np.flatnonzero(cutoffs[order][1:] != cutoffs[order][:-1]) + 1
        xs, ys = np.insert(x, gaps, np.nan), np.insert(y, gaps, np.nan)
        item.setData(xs, ys, pen=pg.mkPen(colour, width=1.5, style=Qt.PenStyle.DashLine),
                     symbol="o", symbolSize=4, symbolBrush=colour, symbolPen=None)
        self._register(f"backtest:{model}", self.tr("Backtest: {model}").format(model=name),
                       item, xs, ys)

    def _update_legend(self) -> None:
        # Backtests of overlaid models stay off the legend: it would double in length.
        chosen_backtest = next((k for k in self.series if k.startswith("backtest:")), None)
        wanted = [(key, self.labels[key]) for key in self.series
                  if not key.startswith("backtest:") or key == chosen_backtest]
        if wanted == self._legend_keys:
            return
        self.legend.clear()
        for key, label in wanted:
            item = self.series[key]
            if key.startswith("band"):
                item = self.bands[int(key[4:])]["standin"]
            self.legend.addItem(item, label)
        self._legend_keys = wanted

    # -- reading values ---------------------------------------------------------------------
    def curve_data(self, key: str) -> tuple[np.ndarray, ...]:
        """The data behind a series: (x, y) for lines, (x, lo, hi) for bands."""
        return self._points[key]

    def legend_sample(self, key: str):
        """The legend entry of a series (clicking it toggles the series)."""
        label = self.labels[key]
        return next(sample for sample, text in self.legend.items if text.text == label)

    def readout_text(self, x: float) -> str:
        """What the crosshair shows at x (Unix seconds): the nearest date and every value there."""
        candidates = [pts[0][np.isfinite(pts[0])] for pts in self._points.values()]
        candidates = [c for c in candidates if len(c)]
        if not candidates:
            return ""
        xs = np.unique(np.concatenate(candidates))
        nearest = xs[np.argmin(np.abs(xs - x))]
        lines = [pd.Timestamp(nearest, unit="s").strftime("%Y-%m-%d")]
        for key, pts in self._points.items():
            if not self.series[key].isVisible():
                continue
            hit = np.flatnonzero(pts[0] == nearest)
            if not len(hit):
                continue
            i = hit[-1]
            if len(pts) == 3:
                lines.append(f"{self.labels[key]}: {pts[1][i]:,.1f} – {pts[2][i]:,.1f}")
            elif np.isfinite(pts[1][i]):
                lines.append(f"{self.labels[key]}: {pts[1][i]:,.1f}")
        return "\n".join(lines)

    def _on_mouse_moved(self, event) -> None:
        pos = event[0]
        if not self.plot.sceneBoundingRect().contains(pos) or not self._points:
            self.vline.hide()
            self.readout.hide()
            return
        point = self.plot.vb.mapSceneToView(pos)
        self.show_crosshair(point.x(), point.y())

    def show_crosshair(self, x: float, y: float) -> None:
        self.vline.setPos(x)
        self.vline.show()
        (left, _right), (_bottom, top) = self.plot.vb.viewRange()
        self.readout.setText(self.readout_text(x))
        self.readout.setPos(QPointF(left, top))
        self.readout.show()
