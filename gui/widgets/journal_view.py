"""The journal of overrides as a small table (when, product, change, periods, why) with a button
to remove the selected entry; removing goes through the undo stack like every edit."""
from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.overrides import Journal
from gui.journal_words import change_words, periods_words
from gui.widgets.adjust_dialog import AdjustDialog
from gui.widgets.metric_table_model import MarkedTableModel


class JournalView(QWidget):
    def __init__(self, state, parent=None) -> None:
        super().__init__(parent)
        self.state = state
        self.model = MarkedTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setDefaultSectionSize(140)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(self.tr("No adjustments yet. Type a number into the forecast "
                                   "table, or select periods there or a range on the chart "
                                   "and press Adjust forecast."))
        self.note.setWordWrap(True)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.remove_button = QPushButton(self.tr("Remove adjustment"))
        self.dialog = None
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.remove_button.clicked.connect(self.remove_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.doubleClicked.connect(lambda _index: self.edit_selected())
        state.journal_changed.connect(self.show_journal)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_button())
        self.show_journal(state.journal)

    def show_journal(self, journal: Journal) -> None:
        rows = [{"when": o.when.replace("T", " ").rstrip("Z"), "product": o.product,
                 "change": change_words(o.kind, o.value),
                 "periods": periods_words(o.periods, o.start, o.end),
                 "comment": o.comment} for o in journal]
        frame = pd.DataFrame(rows, columns=["when", "product", "change", "periods", "comment"])
        self.model.set_frame(frame, [self.tr("When (UTC)"), self.tr("Product"),
                                     self.tr("Change"), self.tr("Periods"), self.tr("Why")])
        self.note.setVisible(not journal)
        self._update_button()

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        row = rows[0].row()
        override = self.state.journal.overrides[row]
        self.state.edit(self.state.journal.remove(row),
                        self.tr("Remove adjustment of {product}").format(
                            product=override.product))

    def edit_selected(self):
        """Open the adjust dialog on the selected entry; OK replaces it (one undo step), made
        now: a changed value or reason is a new decision."""
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        row = rows[0].row()
        old = self.state.journal.overrides[row]
        self.dialog = AdjustDialog(old.product, periods=old.periods, start=old.start,
                                   end=old.end, parent=self)
        self.dialog.set_change(old.kind, old.value, old.comment)
        self.dialog.accepted.connect(lambda d=self.dialog: self._edited(row, old, d))
        self.dialog.open()
        return self.dialog

    def _edited(self, row: int, old, dialog) -> None:
        new = dialog.override()
        journal = self.state.journal
        if new is None or row >= len(journal) or journal.overrides[row] is not old:
            return  # the journal changed meanwhile (an undo): nothing to replace
        self.state.edit(journal.replace_at(row, new),
                        self.tr("Edit adjustment of {product}").format(product=new.product))

    def _update_button(self) -> None:
        chosen = bool(self.table.selectionModel().selectedRows())
        self.remove_button.setEnabled(chosen)
        self.edit_button.setEnabled(chosen)
