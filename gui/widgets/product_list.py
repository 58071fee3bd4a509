"""The product list: search, sort by volume / growth / accuracy / demand class, a trend arrow and
a sparkline per product, and "All products" (the shop total) pinned at the top."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.run_views import ALL_PRODUCTS
from gui.widgets.sparkline import SPARK_ROLE, SparklineDelegate

ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3
COLUMNS = ("product", "trend", "spark", "volume", "growth", "accuracy", "demand_class")
ARROWS = {1: "▲", 0: "▶", -1: "▼"}
TREND_COLOURS = {1: QColor("#2ca02c"), -1: QColor("#d62728")}


class ProductTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[dict] = []

    def set_summary(self, summary: pd.DataFrame, total: dict | None) -> None:
        self.beginResetModel()
        rows = summary.to_dict("records")
        self._rows = ([total] if total else []) + rows
        self.endResetModel()

    def headers(self) -> list[str]:
        return [self.tr("Product"), self.tr("Trend"), self.tr("Recent sales"), self.tr("Volume"),
                self.tr("Growth"), self.tr("Error"), self.tr("Demand")]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.header_tips().get(COLUMNS[section])
        return None

    def header_tips(self) -> dict[str, str]:
        return {"trend": self.tr("Next periods' forecast against the same number of past "
                                 "periods: ▲ up, ▼ down, ▶ within 5%"),
                "volume": self.tr("Units sold in the whole history"),
                "growth": self.tr("Forecast for the horizon against sales in the last "
                                  "periods of the same length"),
                "accuracy": self.tr("Backtest error of the chosen model (WAPE: absolute errors "
                                    "over sales; lower is better)")}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        uid = row["unique_id"]
        if role == ID_ROLE:
            return uid
        if role == SPARK_ROLE and column == "spark":
            return row["spark"]
        if role == SORT_ROLE:
            return self._sort_key(row, column)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "product" and uid != ALL_PRODUCTS:
            return f"{uid} {row.get('title', '')}".strip()
        if role == Qt.ItemDataRole.ForegroundRole and column == "trend":
            return TREND_COLOURS.get(int(row.get("trend") or 0))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("volume", "growth",
                                                                     "accuracy", "trend"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: dict, column: str) -> str:
        uid = row["unique_id"]
        if column == "product":
            if uid == ALL_PRODUCTS:
                return self.tr("All products")
            title = row.get("title") or ""
            return f"{uid}  {title}".strip()
        if column == "trend":
            return ARROWS.get(int(row.get("trend") or 0), "")
        if column == "volume":
            return f"{row['volume']:,.0f}"
        if column == "growth":
            return "" if _missing(row.get("growth")) else f"{row['growth']:+.0%}"
        if column == "accuracy":
            return "" if _missing(row.get("accuracy")) else f"{row['accuracy']:.0f}%"
        if column == "demand_class":
            return self.demand_label(row.get("demand_class") or "")
        return ""

    def demand_label(self, value: str) -> str:
        labels = {"smooth": self.tr("smooth"), "intermittent": self.tr("intermittent"),
                  "erratic": self.tr("erratic"), "lumpy": self.tr("lumpy")}
        return labels.get(value, value)

    @staticmethod
    def _sort_key(row: dict, column: str):
        if column == "product":
            return str(row["unique_id"])
        if column == "demand_class":
            return str(row.get("demand_class") or "")
        if column == "spark":
            return float(np.nansum(row["spark"]))
        value = row.get(column)
        return -math.inf if _missing(value) else float(value)


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


class _ProductFilter(QSortFilterProxyModel):
    """Search by id or title; the total row stays first whatever the sort."""

    needle = ""

    def lessThan(self, left, right) -> bool:  # noqa: N802
        if left.data(ID_ROLE) == ALL_PRODUCTS or right.data(ID_ROLE) == ALL_PRODUCTS:
            first = left.data(ID_ROLE) == ALL_PRODUCTS
            return first if self.sortOrder() == Qt.SortOrder.AscendingOrder else not first
        return left.data(SORT_ROLE) < right.data(SORT_ROLE)

    def filterAcceptsRow(self, source_row, source_parent) -> bool:  # noqa: N802
        model = self.sourceModel()
        index = model.index(source_row, 0, source_parent)
        if index.data(ID_ROLE) == ALL_PRODUCTS:
            return True
        text = self.needle.lower()
        return not text or text in str(index.data(Qt.ItemDataRole.DisplayRole)).lower()


class ProductList(QWidget):
    product_selected = Signal(str)

    # (column, descending) per entry of the sort box
    SORTS = (("volume", True), ("growth", True), ("growth", False), ("accuracy", False),
             ("demand_class", False), ("product", False))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search products…"))
        self.search.setClearButtonEnabled(True)
        self.sort_box = QComboBox()
        self.sort_box.addItems([self.tr("Best sellers first"), self.tr("Fastest growing"),
                                self.tr("Fastest falling"), self.tr("Most accurate"),
                                self.tr("Demand class"), self.tr("Product code")])
        self.model = ProductTableModel(self)
        self.proxy = _ProductFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COLUMNS.index("spark"), SparklineDelegate(self))
        header = self.table.horizontalHeader()
        self.table.setWordWrap(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in (("trend", 44), ("spark", 80), ("volume", 70), ("growth", 60),
                              ("accuracy", 60), ("demand_class", 80)):
            header.resizeSection(COLUMNS.index(column), width)
        header.setMinimumSectionSize(24)
        self.count_label = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.sort_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.search.textChanged.connect(self._on_search)
        self.sort_box.currentIndexChanged.connect(self._on_sort_chosen)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)

    def set_products(self, summary: pd.DataFrame, total: dict | None) -> None:
        self.model.set_summary(summary, total)
        self._on_sort_chosen(self.sort_box.currentIndex())
        self.count_label.setText(self.tr("%n product(s)", "", len(summary)))

    def visible_ids(self) -> list[str]:
        return [self.proxy.index(r, 0).data(ID_ROLE) for r in range(self.proxy.rowCount())]

    def select(self, uid: str) -> bool:
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(ID_ROLE) == uid:
                self.table.setCurrentIndex(index)
                return True
        return False

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _on_search(self, text: str) -> None:
        self.proxy.needle = text.strip()
        self.proxy.setFilterFixedString(self.proxy.needle)  # re-runs the filter

    def _on_sort_chosen(self, position: int) -> None:
        column, descending = self.SORTS[max(position, 0)]
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(COLUMNS.index(column), order)

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self.product_selected.emit(current.data(ID_ROLE))
