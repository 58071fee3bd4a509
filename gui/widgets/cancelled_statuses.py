"""The Import panel's "Also cancelled" field: status values of the user's shop system that mean
the order was cancelled or refunded, beyond those the import knows (`core.data.statuses`).

The import names every status it does not know in a warning; the user types the ones that mean
cancelled here (comma-separated) and reads the file again.
"""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget


class CancelledStatuses(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QLineEdit()
        self.edit.setObjectName("cancelled_statuses")
        self.edit.setPlaceholderText(self.tr("e.g. storno, void (comma-separated)"))
        self.edit.setToolTip(self.tr(
            "Values of the order status column that mean the order was cancelled or refunded. "
            "Known words (cancelled, refunded, 已取消, storniert, ...) need not be listed; the "
            "import warns about the statuses it does not know."))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Also cancelled")))
        layout.addWidget(self.edit, 1)

    def value(self) -> tuple[str, ...]:
        """The typed statuses (`ImportOptions.cancelled_statuses`); commas (also ，) separate."""
        text = self.edit.text().replace("，", ",")
        return tuple(part.strip() for part in text.split(",") if part.strip())

    def set_value(self, values: tuple[str, ...]) -> None:
        self.edit.setText(", ".join(values))
