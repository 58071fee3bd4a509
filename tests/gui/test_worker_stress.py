"""Hundreds of workers start and finish while the UI thread rewires and repaints pyqtgraph items.

The old worker (a Python QObject deleted with `deleteLater` in its own QThread) deadlocked here:
the worker thread, inside `~QObject` holding Qt's connection mutex, waited for the GIL, while the
UI thread, holding the GIL, waited for that mutex in pyqtgraph's `AxisItem._updateLabel`
(`connect`/`disconnect`). A hang in this test is that deadlock; the watchdog in conftest turns it
into a failure with every thread's stack.
"""
from __future__ import annotations

import time

import numpy as np
import pyqtgraph as pg

from core.progress import ProgressEvent
from gui.worker import make_worker, running_handles

WORKERS = 400
IN_FLIGHT = 10


def tiny_job(n, *, progress, cancel):
    total = 0
    for i in range(3):
        cancel.raise_if_cancelled()
        total += sum(range(n))
        progress(ProgressEvent((i + 1) / 3, f"step {i}", stage=f"s{i}"))
    return total


class Churn:
    """UI-thread work that connects, disconnects and repaints pyqtgraph items each tick."""

    def __init__(self, qtbot) -> None:
        self.plot = pg.PlotWidget()
        qtbot.addWidget(self.plot)
        self.plot.resize(400, 300)
        self.plot.show()
        self.curve = self.plot.plot(np.arange(50.0))
        self.extra: list[pg.PlotDataItem] = []
        self.ticks = 0

    def tick(self) -> None:
        self.ticks += 1
        item = self.plot.getPlotItem()
        # setLabel -> AxisItem._updateLabel -> LabelItem.setText: the UI-thread side of the stack
        item.setLabel("left", f"units {self.ticks}")
        item.setLabel("bottom", f"day {self.ticks % 7}")
        self.curve.setData(np.random.default_rng(self.ticks).random(50))
        for _ in range(2):
            extra = pg.PlotDataItem(np.arange(20.0), np.arange(20.0) * (self.ticks % 5))
            item.addItem(extra)  # connects signals
            self.extra.append(extra)
            if len(self.extra) > 4:
                item.removeItem(self.extra.pop(0))  # disconnects them
        self.plot.repaint()


def test_hundreds_of_workers_while_the_ui_rewires_pyqtgraph(qtbot):
    churn = Churn(qtbot)
    results: list[int] = []
    finished = [0]
    started = [0]

    def launch() -> None:
        n = started[0]
        started[0] += 1
        handle = make_worker(tiny_job, 200 + n % 50)
        handle.returned.connect(results.append)
        handle.finished.connect(on_finished)
        handle.start()

    def on_finished() -> None:
        finished[0] += 1
        churn.tick()
        if started[0] < WORKERS:
            launch()

    began = time.monotonic()
    for _ in range(IN_FLIGHT):
        launch()
    while finished[0] < WORKERS:
        churn.tick()
        qtbot.wait(1)
        assert time.monotonic() - began < 45, f"only {finished[0]} of {WORKERS} finished"
    qtbot.waitUntil(lambda: not running_handles(), timeout=5000)
    assert len(results) == WORKERS
    assert sorted(results) == sorted(3 * sum(range(200 + n % 50)) for n in range(WORKERS))
    assert churn.ticks >= WORKERS
