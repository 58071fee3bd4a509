"""Undoable edits for the window's one QUndoStack (Edit > Undo / Redo).

Every edit of overrides and what-if plans replaces an immutable value (a core Journal, a tuple of
price changes) by a new one, so one command shape serves them all: it keeps the value before and
after and a setter that shows a value everywhere.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand


class ReplaceValue(QUndoCommand):
    def __init__(self, text: str, before: Any, after: Any, setter: Callable[[Any], None]):
        super().__init__(text)
        self.before, self.after, self._setter = before, after, setter

    def redo(self) -> None:  # QUndoStack.push calls this once: the edit itself
        self._setter(self.after)

    def undo(self) -> None:
        self._setter(self.before)
