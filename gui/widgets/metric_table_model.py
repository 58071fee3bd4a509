"""A read-only table model over a small pandas DataFrame with translated headers, per-column
number formats and one row that can be marked (the chosen model)."""
from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QFont


def format_cell(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, pd.Timestamp):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, float):
        return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"
    return str(value)


class MarkedTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frame = pd.DataFrame()
        self.headers: list[str] = []
        self.marked_row: int | None = None
        self.formats: dict[str, str] = {}  # column -> str.format pattern, e.g. "{:.0%}"
        self._bold = QFont()
        self._bold.setBold(True)

    def set_frame(self, frame: pd.DataFrame, headers: list[str] | None = None,
                  marked_row: int | None = None, formats: dict[str, str] | None = None) -> None:
        self.beginResetModel()
        self.formats = dict(formats or {})
        self.frame = frame.reset_index(drop=True)
        self.headers = list(headers) if headers else [str(c) for c in frame.columns]
        self.marked_row = marked_row
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.frame.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.headers[section] if section < len(self.headers) else None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.frame.iat[index.row(), index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            spec = self.formats.get(str(self.frame.columns[index.column()]))
            if spec and isinstance(value, int | float) and not math.isnan(value):
                return spec.format(value)
            return format_cell(value)
        if role == Qt.ItemDataRole.FontRole and index.row() == self.marked_row:
            return self._bold
        if role == Qt.ItemDataRole.TextAlignmentRole and not isinstance(value, str):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
