"""Measure how long the UI event loop goes without running a 10 ms timer."""
from __future__ import annotations

import time

import numpy as np
from PySide6.QtCore import QTimer


class GapRecorder:
    """A 10 ms timer that records how late the event loop let it fire."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.times: list[float] = []
        self._start = self._last = time.perf_counter()
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self.times.append(now - self._start)
        self._last = now

    def big_gaps(self, over_ms: float = 50) -> list[tuple[float, int]]:
        return [(round(t, 2), round(g)) for t, g in zip(self.times, self.gaps, strict=True)
                if g > over_ms]

    def stop(self) -> tuple[float, float, int]:
        self.timer.stop()
        gaps = np.asarray(self.gaps)
        return float(np.percentile(gaps, 99)), float(gaps.max()), len(gaps)
