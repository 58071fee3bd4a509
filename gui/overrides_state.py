"""The journal of overrides the window shows, edited only through the window's undo stack.

    state = OverridesState(undo_stack)
    state.edit(state.journal.add(override), text)   # undoable; journal_changed fires
    state.reset(project.overrides)                  # an opened project: not an edit
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from core.overrides import Journal
from gui.undo_commands import ReplaceValue


class OverridesState(QObject):
    journal_changed = Signal(object)  # the Journal now in force
    edited = Signal()  # the user changed it (or undid / redid a change): unsaved

    def __init__(self, undo_stack: QUndoStack, parent=None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack
        self.journal = Journal()

    def reset(self, journal: Journal) -> None:
        """Show `journal` without an undo step (a project was opened, a session started)."""
        self.journal = journal
        self.journal_changed.emit(journal)

    def edit(self, journal: Journal, text: str) -> None:
        self.undo_stack.push(ReplaceValue(text, self.journal, journal, self._set))

    def _set(self, journal: Journal) -> None:
        self.journal = journal
        self.journal_changed.emit(journal)
        self.edited.emit()
