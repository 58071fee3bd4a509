"""The chart as PNG and a one-page PDF report (top products, totals chart, accuracy summary),
drawn with Qt's own PDF writer. Both files are written atomically.

`write_pdf_report` uses only QPdfWriter/QPainter (no widgets), so it may run off the UI thread.
"""
from __future__ import annotations

import os

import numpy as np
import pandas as pd
from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QWidget

from core.atomic_write import atomic_path
from core.errors import TrendcastError
from core.run_views import ALL_PRODUCTS, CHOSEN, RunIndex, starts_note
from gui.core_texts import format_clause
from gui.model_names import model_label

TOP_PRODUCTS = 12


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text")


def save_chart_png(widget: QWidget, path: str | os.PathLike) -> None:
    """Save what the widget shows (e.g. the forecast chart) as a PNG image."""
    pixmap = widget.grab()
    with atomic_path(path) as tmp:
        if not pixmap.save(str(tmp), "PNG"):
            raise TrendcastError(translate("Report", "Could not write the image {path}.")
                                 .format(path=path))


def write_pdf_report(path: str | os.PathLike, run, history: pd.DataFrame,
                     index: RunIndex | None = None, title: str = "") -> None:
    index = index or RunIndex(run, history)
    with atomic_path(path) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setPageLayout(QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        writer.setResolution(300)
        writer.setTitle(title or translate("Report", "Trendcast forecast report"))
        writer.setCreator("Trendcast")
        painter = QPainter()
        if not painter.begin(writer):
            raise TrendcastError(translate("Report", "Could not write the report {path}.")
                                 .format(path=path))
        try:
            _ReportPage(painter, writer.width(), writer.height(), run, index, title).draw()
        finally:
            painter.end()


class _ReportPage:
    """Lays the report out top to bottom on one page (units: device pixels at 300 dpi)."""

    def __init__(self, painter: QPainter, width: int, height: int, run, index: RunIndex,
                 title: str) -> None:
        self.p, self.w, self.h, self.run, self.index = painter, width, height, run, index
        self.title = title or translate("Report", "Trendcast forecast report")
        self.y = 0.0
        self.line = height / 60

    def font(self, size: float, bold: bool = False) -> None:
        font = QFont()
        font.setPointSizeF(size)
        font.setBold(bold)
        self.p.setFont(font)

    def text(self, text: str, size: float = 9, bold: bool = False, x: float = 0.0,
             width: float | None = None, align=Qt.AlignmentFlag.AlignLeft) -> None:
        self.font(size, bold)
        self.p.setPen(QColor("#000"))
        rect = QRectF(x, self.y, width or self.w - x, self.line * size / 8)
        self.p.drawText(rect, int(align | Qt.AlignmentFlag.AlignVCenter), text)

    def draw(self) -> None:
        s = self.run.settings
        hist = self.index.history
        self.text(self.title, 16, bold=True)
        self.y += self.line * 2.2
        span = f"{hist['ds'].min():%Y-%m-%d} – {hist['ds'].max():%Y-%m-%d}" if len(hist) else "-"
        self.text(translate("Report", "{products} products, sales {span}; forecast {horizon} "
                                      "periods ahead (frequency {freq}).")
                  .format(products=len(self.index.summary), span=span, horizon=s.horizon,
                          freq=s.freq))
        self.y += self.line * 1.5
        self.totals_chart(self.h * 0.3)
        self.top_products()
        self.accuracy()

    def totals_chart(self, height: float) -> None:
        self.text(translate("Report", "All products: sales and forecast"), 11, bold=True)
        self.y += self.line * 1.4
        total = self.index.product(ALL_PRODUCTS)
        hist, fc = total.history, total.forecasts[CHOSEN]
        rect = QRectF(self.w * 0.08, self.y, self.w * 0.9, height)
        xs = np.r_[hist["ds"].to_numpy(), fc["ds"].to_numpy()].astype("datetime64[s]")
        t = xs.astype(float)
        t0, t1 = t.min(), max(t.max(), t.min() + 1)
        # A single huge order would flatten everything else: the scale follows the usual
        # weeks and the forecast; taller values are drawn cut at the top.
        usual = float(np.nanquantile(hist["y"], 0.98)) if len(hist) else 0.0
        top = max(usual * 1.5, float(np.nanmax(fc["yhat"])) * 1.5) or 1.0

        def point(when, value) -> QPointF:
            x = rect.left() + (float(np.datetime64(when, "s").astype(float)) - t0) / (t1 - t0) \
                * rect.width()
            return QPointF(x, rect.bottom() - min(value, top) / top * rect.height())

        p = self.p
        p.setPen(QPen(QColor("#999"), 2))
        p.drawRect(rect)
        self.font(7)
        for frac in (0, 0.5, 1):
            p.drawText(QRectF(0, rect.bottom() - frac * rect.height() - self.line / 2,
                              rect.left() - 10, self.line),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                       f"{top * frac:,.0f}")
        # Dates under the chart: the first sale, the last sale (ending at its x) and the last
        # forecast period (flush right), so none runs off the page or into another.
        below, right = rect.bottom() + 5, int(Qt.AlignmentFlag.AlignRight)
        last_sale = xs[len(hist) - 1] if len(hist) else xs[0]
        p.drawText(QRectF(rect.left() - 200, below, 400, self.line),
                   int(Qt.AlignmentFlag.AlignHCenter), str(xs[0])[:10])
        p.drawText(QRectF(point(last_sale, 0).x() - 400, below, 400, self.line), right,
                   str(last_sale)[:10])
        p.drawText(QRectF(rect.right() - 400, below, 400, self.line), right, str(xs[-1])[:10])
        if "yhat_lo_80" in fc:
            band = [point(d, v) for d, v in zip(fc["ds"], fc["yhat_hi_80"], strict=True)]
            band += [point(d, v) for d, v in zip(fc["ds"][::-1], fc["yhat_lo_80"][::-1],
                                                 strict=True)]
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(QColor(31, 119, 180, 60))
            p.drawPolygon(QPolygonF(band))
            p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(QColor("#333"), 4))
        p.drawPolyline(QPolygonF([point(d, v) for d, v in zip(hist["ds"], hist["y"],
                                                               strict=True)]))
        p.setPen(QPen(QColor("#1f77b4"), 6))
        # Joined to the last sale only when every forecast starts after it (products that end
        # on different dates start their forecasts inside the sales history).
        joined = ([point(hist["ds"].iloc[-1], hist["y"].iloc[-1])]
                  if len(hist) and len(fc) and fc["ds"].iloc[0] > hist["ds"].iloc[-1] else [])
        p.drawPolyline(QPolygonF(joined + [point(d, v) for d, v in zip(fc["ds"], fc["yhat"],
                                                                        strict=True)]))
        self.y = rect.bottom() + self.line * 2
        self.text(translate("Report", "Grey: sales. Blue: forecast, shaded: 80% range "
                                      "(assuming products vary independently)."), 7)
        note = starts_note(total)
        if note is not None:  # say what the total covers
            self.y += self.line * 1.2
            self.text(format_clause(*note) + ".", 7)
        self.y += self.line * 1.8

    def table(self, headers: list[str], rows: list[list[str]], widths: list[float]) -> None:
        x_positions = np.cumsum([0, *widths[:-1]]) * self.w
        for bold, cells in [(True, headers), *[(False, r) for r in rows]]:
            for x, width, cell in zip(x_positions, widths, cells, strict=True):
                align = Qt.AlignmentFlag.AlignLeft if x == 0 or not _numeric(cell) \
                    else Qt.AlignmentFlag.AlignRight
                self.text(cell, 8, bold=bold, x=x, width=width * self.w - 20, align=align)
            self.y += self.line * 1.1

    def top_products(self) -> None:
        self.text(translate("Report", "Top products by forecast volume"), 11, bold=True)
        self.y += self.line * 1.4
        top = self.index.summary.sort_values("forecast", ascending=False).head(TOP_PRODUCTS)
        rows = [[str(r.unique_id), str(r.title)[:40], f"{r.forecast:,.0f}",
                 _growth_cell(r), model_label(str(r.model))]
                for r in top.itertuples()]
        headers = [translate("Report", "Product"), translate("Report", "Title"),
                   translate("Report", "Forecast"), translate("Report", "Growth"),
                   translate("Report", "Model")]
        self.table(headers, rows, [0.14, 0.42, 0.13, 0.11, 0.2])
        self.y += self.line

    def accuracy(self) -> None:
        self.text(translate("Report", "Accuracy in the backtest (lower MASE and WAPE are better)"),
                  11, bold=True)
        self.y += self.line * 1.4
        metrics = self.run.metrics
        counts = self.run.choices["model"].value_counts() if not self.run.choices.empty else {}
        rows = []
        for r in metrics.to_dict("records"):
            rows.append([model_label(str(r["model"])), _fmt(r.get("MASE"), ".2f"),
                         _fmt(r.get("WAPE"), ".0f", "%"), _fmt(r.get("bias"), "+,.1f"),
                         _fmt(r.get("coverage_80"), ".0%"),
                         str(int(counts.get(r["model"], 0)))])
        headers = [translate("Report", "Model"), "MASE", "WAPE", translate("Report", "Bias"),
                   translate("Report", "80% coverage"), translate("Report", "Chosen for")]
        self.table(headers, rows, [0.3, 0.12, 0.12, 0.12, 0.16, 0.14])


def _growth_cell(row) -> str:
    """Growth as the product list shows it: the change with the trending class's arrow, or the
    class itself for new and fading products (their change says nothing)."""
    kind = getattr(row, "trend_class", None)
    if kind == "new":
        return translate("Report", "new")
    if kind == "fading":
        return translate("Report", "fading")
    if pd.isna(row.growth):
        return ""
    arrow = {1: " ▲", -1: " ▼"}.get(0 if pd.isna(row.trend) else int(row.trend), "")
    return f"{row.growth:+.0%}{arrow}"


def _fmt(value, spec: str, unit: str = "") -> str:
    return "" if value is None or pd.isna(value) else format(value, spec) + unit


def _numeric(cell: str) -> bool:
    cell = cell.rstrip(" ▲▼")
    return bool(cell) and cell.lstrip("+-").replace(",", "").replace(".", "").rstrip("%").isdigit()
