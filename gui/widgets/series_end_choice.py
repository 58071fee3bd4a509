"""The Import panel's "Series end" choice: where each product's series ends (issue #11).

Detect (the rule in `core.data.series_end`, which the import summary names), each product's own
last row, or the data's last period for every product (missing periods count as 0 sales).
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QWidget


class SeriesEndChoice(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox()
        self.combo.setObjectName("series_end")
        for code, label in ((None, self.tr("Detect")),
                            ("own", self.tr("Each product's own last row")),
                            ("shared", self.tr("The data's last period for every product"))):
            self.combo.addItem(label, code)
        self.combo.setToolTip(self.tr(
            "A product with no rows at the end of the file: either it was no longer recorded "
            "(its series ends at its own last row and is forecast from there) or it sold nothing "
            "(it runs to the data's last period with 0 sales). Detect decides from the file; the "
            "summary says which rule was applied."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Series end")))
        layout.addWidget(self.combo, 1)

    def value(self) -> str | None:
        """None (detect), "own" or "shared" (`ImportOptions.series_end`)."""
        return self.combo.currentData()

    def set_value(self, value: str | None) -> None:
        self.combo.setCurrentIndex(max(self.combo.findData(value), 0))
