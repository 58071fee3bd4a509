"""An override's change and periods in the user's language, worded alike in the journal view,
the adjust dialog and the exports' journal sheet (whose cells core writes as codes:
`Override.span`, `core.overrides.journal.change_message`)."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from core.overrides.journal import OPEN_END, OPEN_START, RANGE, change_message
from gui.core_texts import format_clause

CONTEXT = "JournalWords"
FIRST = QT_TRANSLATE_NOOP("JournalWords", "first period")
LAST = QT_TRANSLATE_NOOP("JournalWords", "last period")
FROM_TO = QT_TRANSLATE_NOOP("JournalWords", "{first} to {last}")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def periods_words(periods=(), start=None, end=None) -> str:
    """Chosen periods as dates, or the range start..end (None: the forecast's first/last)."""
    if len(periods):
        return ", ".join(f"{pd.Timestamp(p):%Y-%m-%d}" for p in periods)
    first = f"{pd.Timestamp(start):%Y-%m-%d}" if start is not None else _tr(FIRST)
    last = f"{pd.Timestamp(end):%Y-%m-%d}" if end is not None else _tr(LAST)
    return _tr(FROM_TO).format(first=first, last=last)


def span_cell_words(cell: object) -> object:
    """A journal table's `periods` cell (`Override.span`) in words; other values as they are."""
    if not isinstance(cell, str) or RANGE not in cell:
        return cell
    first, last = cell.split(RANGE, 1)
    return periods_words((), None if first == OPEN_START else first,
                         None if last == OPEN_END else last)


def change_words(kind: str, value: float) -> str:
    """What an override does ("+20 %", "set to 12") in the user's language."""
    return format_clause(*change_message(kind, value))
