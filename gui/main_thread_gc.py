"""Cyclic garbage collection on the UI thread only.

Python's cycle collector runs in whichever thread happens to allocate when a generation fills up.
In a Qt app that can be a worker thread (pandas in the Forecast view's indexer, a decomposition),
and a cycle it frees may hold a Qt object that must only be destroyed on the UI thread: the app
then crashes at a random allocation in the worker (seen: a segfault inside pandas while a test
closed a Forecast view). So automatic collection is turned off and a timer on the UI thread
collects the generations that are due, with Python's own thresholds.

    install(app)   # once, right after the QApplication exists
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # often enough that memory from freed cycles comes back promptly

_installed: list[QObject] = []


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start(INTERVAL_MS)

    def collect_due(self) -> int:
        """Collect the oldest generation whose count passed its threshold (like CPython)."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                return gc.collect(generation)
        return 0


def install(app: QObject) -> MainThreadCollector:
    """Turn automatic collection off and collect on `app`'s (the UI) thread from now on."""
    if _installed:
        return _installed[0]
    collector = MainThreadCollector(app)
    gc.disable()
    _installed.append(collector)
    return collector
