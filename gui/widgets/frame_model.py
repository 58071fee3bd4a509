"""A read-only Qt table model over a pandas DataFrame (raw previews, problem lists, forecasts)."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

MAX_ROWS = 1000  # a preview, not a spreadsheet: keeps the view instant for any frame


class FrameModel(QAbstractTableModel):
    def __init__(self, frame: pd.DataFrame | None = None, parent=None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()
        if frame is not None:
            self.set_frame(frame)

    def set_frame(self, frame: pd.DataFrame) -> None:
        self.beginResetModel()
        self._frame = frame.head(MAX_ROWS)
        self.endResetModel()

    def frame(self) -> pd.DataFrame:
        return self._frame

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._frame.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole,
                                               Qt.ItemDataRole.ToolTipRole):
            return None
        value = self._frame.iat[index.row(), index.column()]
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        if isinstance(value, float):
            return f"{value:,.2f}"
        if isinstance(value, pd.Timestamp):
            return f"{value:%Y-%m-%d}"
        return str(value)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return str(self._frame.columns[section]) if section < len(self._frame.columns) else None
        return str(section + 1)
