"""The Scenarios tab: keep what-if results under names (save / rename / delete, each an undo
step of the window's stack, saved in the project) and compare two of them side by side: a chart
of the forecast without a plan and under each, and their totals in units and revenue.

    tab = ScenarioLibraryView(undo_stack, current=lambda: whatif_panel.result)
    tab.set_library(project.scenarios)    # an opened project: not an edit
    tab.set_product(uid)                  # None: the shop
"""
from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import TrendcastError
from core.scenario.library import ScenarioLibrary, check_name, compare, compare_totals
from gui.undo_commands import ReplaceValue
from gui.widgets.forecast_chart import LocalDateAxis, to_seconds
from gui.widgets.metric_table_model import MarkedTableModel

COLOURS = {"base": "#888888", "a": "#1f77b4", "b": "#d62728"}


class ScenarioLibraryView(QWidget):
    library_changed = Signal(object)  # the ScenarioLibrary now shown
    show_requested = Signal(object)  # a saved WhatIf to make the current what-if again
    edited = Signal()  # the user changed it (or undid / redid a change): unsaved

    def __init__(self, undo_stack, current: Callable[[], object], parent=None) -> None:
        super().__init__(parent)
        self.undo_stack, self._current = undo_stack, current
        self.library = ScenarioLibrary()
        self._uid: str | None = None
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Name, e.g. Spring sale"))
        self.save_button = QPushButton(self.tr("Save current what-if"))
        self.rename_button = QPushButton(self.tr("Rename"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.show_button = QPushButton(self.tr("Show in What-if"))
        self.show_button.setToolTip(self.tr("Make the selected scenario the current what-if: "
                                            "its plan, the chart and the exports"))
        self.names = QListWidget()
        self.names.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.names.setMaximumHeight(110)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.first, self.second = QComboBox(), QComboBox()
        self.plot_widget = pg.PlotWidget(axisItems={"bottom": LocalDateAxis()})
        self.plot_widget.setBackground("w")
        self.plot = self.plot_widget.getPlotItem()
        self.plot.showGrid(x=True, y=True, alpha=0.2)
        self.plot.addLegend(offset=(10, 10))
        self.curves = {
            "base": self.plot.plot([], [], pen=pg.mkPen(COLOURS["base"], width=1.5,
                                                        style=Qt.PenStyle.DashLine),
                                   name=self.tr("Forecast without a plan")),
            "a": self.plot.plot([], [], pen=pg.mkPen(COLOURS["a"], width=2.5),
                                name=self.tr("First scenario")),
            "b": self.plot.plot([], [], pen=pg.mkPen(COLOURS["b"], width=2.5),
                                name=self.tr("Second scenario"))}
        self.totals_model = MarkedTableModel(self)
        self.totals = QTableView()
        self.totals.setModel(self.totals_model)
        self.totals.verticalHeader().hide()
        self.totals.setMaximumHeight(90)
        self.totals.horizontalHeader().setDefaultSectionSize(130)

        edit_row = QHBoxLayout()
        for widget in (self.name, self.save_button, self.rename_button, self.delete_button,
                       self.show_button):
            edit_row.addWidget(widget, 1 if widget is self.name else 0)
        pick_row = QHBoxLayout()
        pick_row.addWidget(QLabel(self.tr("Compare:")))
        pick_row.addWidget(self.first, 1)
        pick_row.addWidget(QLabel(self.tr("with")))
        pick_row.addWidget(self.second, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(edit_row)
        layout.addWidget(self.names)
        layout.addWidget(self.message)
        layout.addLayout(pick_row)
        layout.addWidget(self.plot_widget, 1)
        layout.addWidget(self.totals)

        self.save_button.clicked.connect(self.save_current)
        self.rename_button.clicked.connect(self.rename_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.show_button.clicked.connect(self.show_selected)
        self.names.currentRowChanged.connect(self._selected)
        self.first.currentIndexChanged.connect(lambda _i: self.show_comparison())
        self.second.currentIndexChanged.connect(lambda _i: self.show_comparison())
        self._show()

    # -- state -------------------------------------------------------------------------------
    def set_library(self, library: ScenarioLibrary) -> None:
        """Show `library` without an undo step (an opened project, a new session)."""
        self.library = library
        self._show()

    def set_product(self, uid: str | None) -> None:
        self._uid = uid
        self.show_comparison()

    def _edit(self, library: ScenarioLibrary, text: str) -> None:
        self.undo_stack.push(ReplaceValue(text, self.library, library, self._set))

    def _set(self, library: ScenarioLibrary) -> None:
        self.library = library
        self._show()
        self.edited.emit()

    # -- editing -----------------------------------------------------------------------------
    def save_current(self) -> None:
        result = self._current()
        if result is None:
            self.message.setText(self.tr("Apply a what-if plan first, then save it here."))
            return
        try:
            name = check_name(self.name.text())
        except TrendcastError:
            self.message.setText(self.tr("Give the scenario a name first."))
            return
        self._edit(self.library.save(name, result),
                   self.tr("Save scenario {name}").format(name=name))

    def rename_selected(self) -> None:
        old = self._selected_name()
        if old is None:
            return
        new = self.name.text().strip()
        try:
            library = self.library.rename(old, new)
        except TrendcastError:
            self.message.setText(self.tr("Type a new name that no other scenario has."))
            return
        self._edit(library, self.tr("Rename scenario {old} to {new}").format(old=old, new=new))

    def delete_selected(self) -> None:
        name = self._selected_name()
        if name is not None:
            self._edit(self.library.delete(name),
                       self.tr("Delete scenario {name}").format(name=name))

    def show_selected(self) -> None:
        name = self._selected_name()
        if name is not None:
            self.show_requested.emit(self.library.get(name))

    def _selected_name(self) -> str | None:
        row = self.names.currentRow()
        names = self.library.names()
        return names[row] if 0 <= row < len(names) else None

    def _selected(self, row: int) -> None:
        names = self.library.names()
        if 0 <= row < len(names):
            self.name.setText(names[row])
        self._update_buttons()

    # -- showing -----------------------------------------------------------------------------
    def _show(self) -> None:
        names = self.library.names()
        self.message.clear()
        self.names.clear()
        self.names.addItems(names)
        picks = (self.first.currentText(), self.second.currentText())
        for combo, fallback in ((self.first, 0), (self.second, 1)):
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(names)
            keep = combo.findText(picks[0 if combo is self.first else 1])
            combo.setCurrentIndex(keep if keep >= 0 else min(fallback, len(names) - 1))
            combo.blockSignals(False)
        self._update_buttons()
        self.show_comparison()
        self.library_changed.emit(self.library)

    def show_comparison(self) -> None:
        a, b = self.first.currentText(), self.second.currentText()
        if not a or not b or a not in self.library.names() or b not in self.library.names():
            for curve in self.curves.values():
                curve.setData([], [])
            self.totals_model.set_frame(self.totals_model.frame.iloc[0:0])
            return
        left, right = self.library.get(a), self.library.get(b)
        table = compare(left, right, self._uid)
        x = to_seconds(table["ds"])
        for key, column in (("base", "yhat_base"), ("a", "yhat_a"), ("b", "yhat_b")):
            self.curves[key].setData(x, table[column].to_numpy(float))
        totals = compare_totals(left, right, self._uid)
        totals["measure"] = totals["measure"].map({"units": self.tr("Units"),
                                                   "revenue": self.tr("Revenue")})
        self.totals_model.set_frame(
            totals, [self.tr("Total"), self.tr("Without a plan"), a, b,
                     self.tr("Difference")], formats=dict.fromkeys(
                ("forecast", "a", "b", "difference"), "{:,.0f}"))
        self.plot.enableAutoRange()

    def comparison_data(self, key: str):
        """(x, y) of a comparison curve: base, a or b (for tests)."""
        return self.curves[key].getData()

    def _update_buttons(self) -> None:
        chosen = self._selected_name() is not None
        self.rename_button.setEnabled(chosen)
        self.delete_button.setEnabled(chosen)
        self.show_button.setEnabled(chosen)
