"""The reorder plan as an editable table: on hand, on order and lead time can be typed in.

Edits are handed out through `edited(uid, column, value)` (the panel re-plans with them); the
"why" of every row is its tooltip and its last column, in the user's language.
"""
from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    Signal,
)

from gui.core_texts import format_clause

EDITABLE = ("on_hand", "on_order", "lead_time_days")
SHOWN = ("unique_id", "supplier", "on_hand", "on_order", "lead_time_days", "forecast_lead_time",
         "safety_stock", "reorder_point", "order_qty", "stockout_date", "days_of_cover",
         "revenue_at_risk", "exceptions", "abc_class", "service_level", "why")


CONTEXT = "ReorderTable"
TITLES = {
    "unique_id": QT_TRANSLATE_NOOP("ReorderTable", "Product"),
    "supplier": QT_TRANSLATE_NOOP("ReorderTable", "Supplier"),
    "on_hand": QT_TRANSLATE_NOOP("ReorderTable", "On hand"),
    "on_order": QT_TRANSLATE_NOOP("ReorderTable", "On order"),
    "lead_time_days": QT_TRANSLATE_NOOP("ReorderTable", "Lead time (days)"),
    "forecast_lead_time": QT_TRANSLATE_NOOP("ReorderTable", "Sales in lead time"),
    "safety_stock": QT_TRANSLATE_NOOP("ReorderTable", "Safety stock"),
    "reorder_point": QT_TRANSLATE_NOOP("ReorderTable", "Reorder point"),
    "order_qty": QT_TRANSLATE_NOOP("ReorderTable", "Order now"),
    "stockout_date": QT_TRANSLATE_NOOP("ReorderTable", "Runs out on"),
    "days_of_cover": QT_TRANSLATE_NOOP("ReorderTable", "Days of cover"),
    "revenue_at_risk": QT_TRANSLATE_NOOP("ReorderTable", "Revenue at risk"),
    "exceptions": QT_TRANSLATE_NOOP("ReorderTable", "Needs attention"),
    "abc_class": QT_TRANSLATE_NOOP("ReorderTable", "Revenue class"),
    "service_level": QT_TRANSLATE_NOOP("ReorderTable", "Service level"),
    "why": QT_TRANSLATE_NOOP("ReorderTable", "Why this number"),
}
EXCEPTIONS = {
    "runs_out": QT_TRANSLATE_NOOP("ReorderTable", "runs out before delivery"),
    "excess": QT_TRANSLATE_NOOP("ReorderTable", "excess stock"),
    "dead": QT_TRANSLATE_NOOP("ReorderTable", "dead stock"),
    "no_stock": QT_TRANSLATE_NOOP("ReorderTable", "no stock figure"),
}


def column_titles() -> dict[str, str]:
    return {key: QCoreApplication.translate(CONTEXT, text) for key, text in TITLES.items()}


def exception_titles() -> dict[str, str]:
    return {key: QCoreApplication.translate(CONTEXT, text) for key, text in EXCEPTIONS.items()}


def why_text(clauses) -> str:
    return "; ".join(format_clause(key, fields) for key, fields in clauses)


def why_texts(plan) -> list[str]:
    """Every row's why in the user's language (QCoreApplication.translate is thread-safe)."""
    return [why_text(plan.reasons.get(uid, [])) for uid in plan.table["unique_id"]]


class ReorderTableModel(QAbstractTableModel):
    edited = Signal(str, str, float)  # unique_id, column, new value

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame(columns=list(SHOWN))
        self._why: list[str] = []
        self._titles = column_titles()
        self._exceptions = exception_titles()

    def whys(self) -> list[str]:
        """Each row's why, as shown."""
        return list(self._why)

    def set_plan(self, table: pd.DataFrame, whys: list[str]) -> None:
        """`whys`: each row's why in the user's language (`why_texts`, made off the UI thread:
        it takes ~0.1 s for 2,000 products)."""
        self.beginResetModel()
        self._frame = table[list(SHOWN)].reset_index(drop=True)
        self._why = list(whys)
        self.endResetModel()

    def frame(self) -> pd.DataFrame:
        return self._frame

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._frame)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(SHOWN)

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and SHOWN[index.column()] in EDITABLE:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._why[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        column = SHOWN[index.column()]
        value = self._frame.iat[index.row(), index.column()]
        if column == "why":
            return self._why[index.row()]
        if column == "exceptions":
            return ", ".join(self._exceptions.get(c, c) for c in str(value).split())
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return ""
        if isinstance(value, pd.Timestamp):
            return f"{value:%Y-%m-%d}"
        if isinstance(value, float):
            if role == Qt.ItemDataRole.EditRole:
                return value
            if column == "service_level":
                return f"{value * 100:g} %"
            return f"{value:,.2f}" if column == "revenue_at_risk" else (
                f"{value:,.0f}" if math.isfinite(value) else "")
        return str(value)

    def setData(self, index: QModelIndex, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        column = SHOWN[index.column()]
        try:
            number = float(value)
        except (TypeError, ValueError):
            return False
        if column not in EDITABLE or not number >= 0:
            return False
        self._frame.iat[index.row(), index.column()] = number
        self.dataChanged.emit(index, index)
        self.edited.emit(str(self._frame.iat[index.row(), 0]), column, number)
        return True

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        return self._titles[SHOWN[section]]
