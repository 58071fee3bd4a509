"""Errors as a dialog with a plain message and expandable details, never a traceback in view."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from core.errors import TrendcastError
from gui.error_texts import error_text


def plain_message(exc: BaseException) -> str:
    """What a shop owner can read: our own errors say what to fix; others get a gentle line."""
    message = getattr(exc, "message", None) or str(exc)
    if isinstance(exc, TrendcastError) or getattr(exc, "user_error", False):
        return error_text(exc)
    return QCoreApplication.translate(
        "ErrorDialog", "Something went wrong inside Trendcast: {0}. Your data is unchanged; you "
        "can try again. If it keeps happening, please report it with the details below."
    ).format(message or type(exc).__name__)


def details_of(exc: BaseException) -> str:
    return (getattr(exc, "details", "") or getattr(exc, "traceback_text", "")
            or f"{type(exc).__name__}: {exc}")


def show_error(parent: QWidget, title: str, exc: BaseException) -> QMessageBox:
    """Open (without blocking) a warning box; the details hold the traceback for developers."""
    box = QMessageBox(QMessageBox.Icon.Warning, title, plain_message(exc),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("error_dialog")
    box.setDetailedText(details_of(exc))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
