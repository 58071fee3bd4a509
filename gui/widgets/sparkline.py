"""A table delegate that draws a small line of recent sales inside a cell."""
from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate

SPARK_ROLE = Qt.ItemDataRole.UserRole + 1  # the cell's values, a 1-D array


def spark_points(values: np.ndarray, width: float, height: float, margin: float = 2.0
                 ) -> list[tuple[float, float]]:
    """Scale values into a width x height box (y grows downwards, as on screen)."""
    values = np.nan_to_num(np.asarray(values, dtype=float))
    if len(values) < 2:
        return []
    low, high = float(values.min()), float(values.max())
    span = high - low or 1.0
    xs = np.linspace(margin, width - margin, len(values))
    ys = height - margin - (values - low) / span * (height - 2 * margin)
    return list(zip(xs.tolist(), ys.tolist(), strict=True))


class SparklineDelegate(QStyledItemDelegate):
    def paint(self, painter: QPainter, option, index) -> None:
        super().paint(painter, option, index)
        values = index.data(SPARK_ROLE)
        if values is None:
            return
        rect = option.rect.adjusted(3, 3, -3, -3)
        points = spark_points(values, rect.width(), rect.height())
        if not points:
            return
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = option.state & QStyle.StateFlag.State_Selected
        role = option.palette.ColorRole.HighlightedText if selected \
            else option.palette.ColorRole.Highlight
        painter.setPen(QPen(option.palette.color(role), 1.2))
        painter.drawPolyline(QPolygonF([QPointF(rect.left() + x, rect.top() + y)
                                        for x, y in points]))
        painter.restore()
