"""The product list: search, sort by volume / growth / accuracy / demand class, a trend arrow and
a sparkline per product, and "All products" (the shop total) pinned at the top."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
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
COLUMNS = ("product", "trend", "spark", "volume", "next", "forecast", "growth", "accuracy",
           "demand_class")
ARROWS = {1: "▲", 0: "▶", -1: "▼"}
TREND_COLOURS = {1: QColor("#2ca02c"), -1: QColor("#d62728")}


class ProductTableModel(QAbstractTableModel):
    """All products, the total first; sorting and searching reorder an index array with numpy,
    so they stay instant for thousands of products (a sort proxy calls Python per comparison)."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[dict] = []  # the total (if any) first, then every product
        self._visible = np.zeros(0, dtype=int)  # rows of _all on screen, in order
        self._row_of: dict[str, int] = {}
        self._search_text = np.array([], dtype=object)
        self._column, self._order, self._needle = "volume", Qt.SortOrder.DescendingOrder, ""
        self.cold_start: set[str] = set()  # young products with a forecast from their title

    def set_cold_start(self, ids: set[str]) -> None:
        """Flag these young products as forecast from similar products' sales (core.text)."""
        self.cold_start = set(ids)
        if self.rowCount():
            column = COLUMNS.index("accuracy")
            self.dataChanged.emit(self.index(0, column), self.index(self.rowCount() - 1, column))

    def set_summary(self, summary: pd.DataFrame, total: dict | None) -> None:
        self.beginResetModel()
        self._all = ([total] if total else []) + summary.to_dict("records")
        self._search_text = np.array([f"{r['unique_id']} {r.get('title') or ''}".lower()
                                      for r in self._all], dtype=object)
        self._arrange()
        self.endResetModel()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        # Keep the selection on the same products: move persistent indexes with their rows.
        old = self.persistentIndexList()
        uids = [self._all[self._visible[i.row()]]["unique_id"] for i in old]
        self._column, self._order = COLUMNS[column], order
        self._arrange()
        new = [self.index(self._row_of[u], i.column()) if u in self._row_of else QModelIndex()
               for u, i in zip(uids, old, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def set_search(self, needle: str) -> None:
        self.beginResetModel()
        self._needle = needle.strip().lower()
        self._arrange()
        self.endResetModel()

    def row_of(self, uid: str) -> int | None:
        return self._row_of.get(uid)

    def _arrange(self) -> None:
        """Filter by the search text, sort by the column; the total stays first and missing
        values go last, whichever the direction."""
        rows = np.arange(len(self._all))
        is_total = np.array([r["unique_id"] == ALL_PRODUCTS for r in self._all], dtype=bool)
        if self._needle:
            hits = np.array([self._needle in t for t in self._search_text], dtype=bool)
            rows = rows[hits | is_total]
        products = rows[~is_total[rows]]
        keys = [self._sort_key(self._all[i]) for i in products]
        descending = self._order == Qt.SortOrder.DescendingOrder
        if self._column in ("product", "demand_class"):
            order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
        else:
            values = np.array(keys, dtype=float)
            missing = np.isnan(values)
            order = np.lexsort((-values if descending else values, missing))
        self._visible = np.r_[rows[is_total[rows]], products[np.asarray(order, dtype=int)]]
        self._row_of = {self._all[i]["unique_id"]: n for n, i in enumerate(self._visible)}

    def _sort_key(self, row: dict):
        column = self._column
        if column == "product":
            return str(row["unique_id"])
        if column == "demand_class":
            return str(row.get("demand_class") or "")
        if column == "spark":
            return float(np.nansum(row["spark"]))
        if column == "growth":  # the trending score: dead and tiny products cannot top it
            value = row.get("score")
            return math.nan if _missing(value) else float(value)
        value = row.get(column)
        return math.nan if _missing(value) else float(value)

    def headers(self) -> list[str]:
        return [self.tr("Product"), self.tr("Trend"), self.tr("Recent"), self.tr("Volume"),
                self.tr("Next"), self.tr("Forecast"), self.tr("Growth"),
                self.tr("Off by"), self.tr("Demand")]

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self._visible)

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
        return {"trend": self.tr("Forecast for the horizon against the same number of past "
                                 "periods: ▲ rising, ▼ falling (more than 10% either way, on "
                                 "enough sales to tell), ▶ stable; none for new and fading "
                                 "products"),
                "spark": self.tr("Sales in the most recent periods"),
                "volume": self.tr("Units sold in the whole history"),
                "next": self.tr("Units the forecast expects in the next period"),
                "forecast": self.tr("Units the forecast expects over the whole horizon"),
                "growth": self.tr("Forecast for the horizon against sales in the last "
                                  "periods of the same length. Sorting ranks by this change "
                                  "shrunk for small products; new, fading and very small "
                                  "products come last"),
                "accuracy": self.tr("How far off the chosen model's forecasts were, period by "
                                    "period, when tested on this product's past (WAPE: "
                                    "absolute errors over sales; lower is better)")}

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self._all[self._visible[index.row()]]
        column = COLUMNS[index.column()]
        uid = row["unique_id"]
        if role == ID_ROLE:
            return uid
        if role == SPARK_ROLE and column == "spark":
            return row["spark"]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == "product" and uid != ALL_PRODUCTS:
            return f"{uid} {row.get('title', '')}".strip()
        if role == Qt.ItemDataRole.ToolTipRole and column in ("growth", "trend") and row.get(
                "trend_class"):
            return self.trend_tip(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == "accuracy" and _young(row):
            if _by_title(row):
                return self.tr("Too little history to backtest: the forecast is borrowed from "
                               "the products with the most similar titles (listed in Why and "
                               "in the Similar products tab)")
            if uid in self.cold_start:
                return self.tr("Too little history to backtest; the Similar products tab "
                               "shows a forecast from the products with the most similar "
                               "titles")
            return self.tr("Too little history to backtest: forecast as a new product, its "
                           "sales so far spread over its life and the horizon")
        if role == Qt.ItemDataRole.ForegroundRole and column == "trend":
            return TREND_COLOURS.get(_arrow(row))
        if role == Qt.ItemDataRole.ToolTipRole and column == "accuracy" and not _missing(
                row.get("accuracy")):
            return self.accuracy_tip(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
                "volume", "next", "forecast", "growth", "accuracy", "trend"):
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
            return ARROWS.get(_arrow(row), "")
        if column in ("volume", "next", "forecast"):
            return "" if _missing(row.get(column)) else f"{row[column]:,.0f}"
        if column == "growth":
            if row.get("trend_class") in ("new", "fading"):
                return self.class_label(row["trend_class"])
            return "" if _missing(row.get("growth")) else _percent(row["growth"])
        if column == "accuracy":
            if _missing(row.get("accuracy")):
                if _young(row):
                    by_title = _by_title(row) or uid in self.cold_start
                    return self.tr("by title") if by_title else self.tr("too new")
                return ""
            return self.tr("~{0}%").format(f"{row['accuracy']:.0f}")
        if column == "demand_class":
            return self.demand_label(row.get("demand_class") or "")
        return ""

    def class_label(self, value: str) -> str:
        labels = {"rising": self.tr("rising"), "falling": self.tr("falling"),
                  "new": self.tr("new"), "fading": self.tr("fading"),
                  "stable": self.tr("stable")}
        return labels.get(value, value)

    def trend_tip(self, row: dict) -> str:
        """The product's trending class, its expected change and how far the backtest trusts
        the up/down call for products of its demand class (all computed in core.trending)."""
        periods = int(row.get("trend_periods") or 0)
        lines = [self.tr("{0}: {1} units in the last {2} periods").format(
            self.class_label(str(row["trend_class"])), f"{row.get('recent') or 0:,.0f}",
            periods)]
        if not _missing(row.get("growth")):
            lines.append(self.tr("Forecast for the next {0} periods: {1}").format(
                periods, f"{row['growth']:+.0%}"))
        pool = str(row.get("pool") or "")
        who = (self.tr("all products") if pool in ("", "all")
               else self.tr("{0} products").format(self.demand_label(pool)))
        if int(row.get("calls") or 0) and not _missing(row.get("precision")):
            recall = row.get("recall")
            lines.append(self.tr(
                "Backtest for {0}: an up/down call was right {1} of the time (precision) and "
                "caught {2} of the real moves (recall), over {3} calls").format(
                who, f"{row['precision']:.0%}", "?" if _missing(recall) else f"{recall:.0%}",
                int(row["calls"])))
        else:
            lines.append(self.tr("No backtest call to check this against"))
        return "\n".join(lines)

    def accuracy_tip(self, row: dict) -> str:
        """The plain reading first, the measures one line down."""
        lines = [self.tr("Tested on this product's past, the chosen model's forecasts were off "
                         "by about {0}% of the sales, period by period").format(
            f"{row['accuracy']:.0f}")]
        mase = row.get("mase")
        if not _missing(mase):
            lines.append(self.tr("WAPE {0}%, MASE {1} (under 1: smaller errors than repeating "
                                 "the previous season's sales makes on the history)").format(
                f"{row['accuracy']:.0f}", f"{mase:.2f}"))
        return "\n".join(lines)

    def demand_label(self, value: str) -> str:
        labels = {"smooth": self.tr("smooth"), "intermittent": self.tr("intermittent"),
                  "erratic": self.tr("erratic"), "lumpy": self.tr("lumpy")}
        return labels.get(value, value)


def _young(row: dict) -> bool:
    """Too little history for any backtest: forecast by the new-product rate or, when it has
    a title, from its title neighbours (the run's cold start)."""
    return row.get("model") in ("new_product", "cold_start")


def _by_title(row: dict) -> bool:
    return row.get("model") == "cold_start"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


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
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setItemDelegateForColumn(COLUMNS.index("spark"), SparklineDelegate(self))
        header = self.table.horizontalHeader()
        self.table.setWordWrap(False)
        # The product keeps room for its code and the start of its title; the demand class
        # (a statistician's word) is a sort of the box above and a line of the product's "why",
        # not a column.
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 150)
        header.setStretchLastSection(True)
        self.table.setColumnHidden(COLUMNS.index("demand_class"), True)
        for column, width in (("trend", 36), ("spark", 64), ("volume", 64), ("next", 52),
                              ("forecast", 64), ("growth", 56), ("accuracy", 56)):
            index = COLUMNS.index(column)
            title = str(self.table.model().headerData(index, Qt.Orientation.Horizontal,
                                                     Qt.ItemDataRole.DisplayRole) or "")
            # Room for the header's text (and its sort arrow) in any language.
            header.resizeSection(index, max(width, header.fontMetrics().horizontalAdvance(title)
                                            + 24))
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

    def set_cold_start(self, ids: set[str]) -> None:
        self.model.set_cold_start(ids)

    def visible_ids(self) -> list[str]:
        return [self.model.index(r, 0).data(ID_ROLE) for r in range(self.model.rowCount())]

    def select(self, uid: str) -> bool:
        row = self.model.row_of(uid)
        if row is None:
            return False
        self.table.setCurrentIndex(self.model.index(row, 0))
        return True

    def current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _on_search(self, text: str) -> None:
        current = self.current_id()
        self.model.set_search(text)
        if current is not None:
            self.select(current)  # keep the selection when it is still listed

    def _on_sort_chosen(self, position: int) -> None:
        column, descending = self.SORTS[max(position, 0)]
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        self.table.sortByColumn(COLUMNS.index(column), order)

    def _on_current(self, current, _previous) -> None:
        if current.isValid():
            self.product_selected.emit(current.data(ID_ROLE))


def _percent(change: float) -> str:
    """+14%, -29%; a change that rounds to nothing is 0%, never "-0%"."""
    return "0%" if round(change * 100) == 0 else f"{change:+.0%}"


def _arrow(row: dict) -> int | None:
    """+1, 0, -1 from the row's trend (its trending class); None for new and fading products."""
    value = row.get("trend")
    return None if _missing(value) else int(value)
