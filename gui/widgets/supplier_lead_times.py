"""A small table of the suppliers in the reorder plan and their lead time, editable.

One row per supplier named in the stock: its products and its lead time in days (the one typed
here, else the most common lead time of its products in the last plan). Typing a lead time hands
`(supplier, days)` out through `lead_time_edited`; the panel decides what it means and re-plans.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

SUPPLIER, PRODUCTS, LEAD = range(3)


class SupplierLeadTimes(QTableWidget):
    lead_time_edited = Signal(str, float)  # supplier, days

    def __init__(self, parent=None) -> None:
        super().__init__(0, 3, parent)
        self.setHorizontalHeaderLabels([self.tr("Supplier"), self.tr("Products"),
                                        self.tr("Lead time (days)")])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                             | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.setToolTip(self.tr("Type a supplier's lead time to use it for all its products "
                                "(a lead time typed for one product in the plan still wins)"))
        self._shown: dict[str, float] = {}
        self._filling = False
        self.itemChanged.connect(self._changed)

    def show_suppliers(self, table: pd.DataFrame, typed: dict[str, float]) -> None:
        """The suppliers of a plan table (its supplier and lead_time_days columns)."""
        named = table[table["supplier"].astype(str).str.strip() != ""]
        rows = []
        for supplier, group in named.groupby("supplier", sort=True):
            days = typed.get(supplier)
            if days is None:
                days = float(group["lead_time_days"].mode().iloc[0])
            rows.append((str(supplier), len(group), float(days)))
        self._filling = True
        try:
            self.setRowCount(len(rows))
            self._shown = {}
            for i, (supplier, products, days) in enumerate(rows):
                self._shown[supplier] = days
                for column, text in ((SUPPLIER, supplier), (PRODUCTS, str(products)),
                                     (LEAD, f"{days:g}")):
                    item = QTableWidgetItem(text)
                    if column != LEAD:
                        item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                    self.setItem(i, column, item)
        finally:
            self._filling = False

    def lead_times(self) -> dict[str, float]:
        """supplier -> the lead time shown."""
        return dict(self._shown)

    def _changed(self, item: QTableWidgetItem) -> None:
        if self._filling or item.column() != LEAD:
            return
        supplier = self.item(item.row(), SUPPLIER).text()
        try:
            days = float(item.text().replace(",", "."))
        except ValueError:
            days = -1.0
        if not 0 <= days <= 365:  # refused: show the old value again
            self._filling = True
            item.setText(f"{self._shown[supplier]:g}")
            self._filling = False
            return
        if days != self._shown.get(supplier):
            self._shown[supplier] = days
            self.lead_time_edited.emit(supplier, days)
