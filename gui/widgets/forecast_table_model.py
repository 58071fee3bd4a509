"""The forecast table's model: the read-only table, except that a product's forecast cell can be
typed over. A typed number is not written into the table; it is handed on (`value_typed`) to
become an override ("set to N" for that period), so it lands in the journal and the undo stack
like every other adjustment, and the table is redrawn from the journal."""
from __future__ import annotations

import math

from PySide6.QtCore import Qt, Signal

from gui.widgets.metric_table_model import MarkedTableModel

EDITABLE_COLUMN = "yhat"


class ForecastTableModel(MarkedTableModel):
    value_typed = Signal(int, float)  # row, the number typed into its forecast cell

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.editable = False  # a product's forecast (not the shop total)

    def _is_editable(self, index) -> bool:
        return (self.editable and index.isValid()
                and str(self.frame.columns[index.column()]) == EDITABLE_COLUMN)

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if self._is_editable(index) else flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.EditRole and self._is_editable(index):
            return float(self.frame.iat[index.row(), index.column()])  # a number spin box
        if role == Qt.ItemDataRole.ToolTipRole and self._is_editable(index):
            return self.tr("Type a number to set this period's forecast by hand")
        return super().data(index, role)

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not self._is_editable(index):
            return False
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        if not math.isfinite(number) or number < 0:
            return False
        if math.isclose(number, float(self.frame.iat[index.row(), index.column()])):
            return False  # unchanged: no journal entry
        self.value_typed.emit(index.row(), number)
        return True
