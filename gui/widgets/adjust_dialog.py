"""The "Adjust forecast" dialog: set, scale or shift one product's forecast on chosen periods
or a range, with a comment. It builds a core Override; a value the engine refuses is shown in
the dialog and OK does nothing until it is fixed.

    dialog = AdjustDialog(uid, title, periods=[...])          # from the forecast table
    dialog = AdjustDialog(uid, title, start=a, end=b)         # from a range on the chart
    dialog.accepted.connect(lambda: use(dialog.override()))
    dialog.open()
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from core.errors import TrendcastError
from core.overrides import Override
from gui.error_texts import error_text
from gui.journal_words import periods_words

MAX_VALUE = 1e9


class AdjustDialog(QDialog):
    def __init__(self, uid: str, title: str = "", *, periods=(), start=None, end=None,
                 parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("adjust_dialog")
        self.setWindowTitle(self.tr("Adjust forecast"))
        self.uid, self.periods = str(uid), tuple(pd.Timestamp(p) for p in periods)
        self.start, self.end = start, end
        self._override: Override | None = None
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Set to (units per period)"), "absolute")
        self.kind.addItem(self.tr("Change by percent"), "percent")
        self.kind.addItem(self.tr("Change by units per period"), "units")
        self.value = QDoubleSpinBox()
        self.value.setRange(-MAX_VALUE, MAX_VALUE)
        self.value.setDecimals(2)
        self.comment = QLineEdit()
        self.comment.setPlaceholderText(self.tr("Why (e.g. a big order, a promotion)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        form = QFormLayout()
        form.addRow(self.tr("Product:"), QLabel(f"{self.uid}  {title}".strip()))
        form.addRow(self.tr("Periods:"), QLabel(self.periods_text()))
        form.addRow(self.tr("Change:"), self.kind)
        form.addRow(self.tr("Value:"), self.value)
        form.addRow(self.tr("Comment:"), self.comment)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.kind.currentIndexChanged.connect(lambda _i: self._update_suffix())
        self._update_suffix()

    def periods_text(self) -> str:
        return periods_words(self.periods, self.start, self.end)

    def set_change(self, kind: str, value: float, comment: str = "") -> None:
        """Fill the form (tests, and editing an existing override)."""
        self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))
        self.value.setValue(value)
        self.comment.setText(comment)

    def override(self) -> Override | None:
        """The override the form describes (after OK), or None."""
        return self._override

    def accept(self) -> None:
        try:
            self._override = Override(self.uid, self.kind.currentData(), self.value.value(),
                                      periods=self.periods, start=self.start, end=self.end,
                                      comment=self.comment.text().strip())
        except TrendcastError as exc:
            self.message.setText(error_text(exc))
            return
        super().accept()

    def _update_suffix(self) -> None:
        kind = self.kind.currentData()
        self.value.setSuffix(" %" if kind == "percent" else "")
        self.value.setMinimum(-100 if kind == "percent" else 0 if kind == "absolute"
                              else -MAX_VALUE)
