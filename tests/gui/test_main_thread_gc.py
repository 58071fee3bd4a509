"""Cycles are freed on the UI thread, never by a worker that happens to allocate."""
from __future__ import annotations

import gc
import threading

from gui import main_thread_gc


class Cycle:
    freed_in: list[str] = []

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        Cycle.freed_in.append(threading.current_thread().name)


def test_a_worker_allocating_never_collects_and_the_ui_thread_does(qapp, qtbot):
    collector = main_thread_gc.install(qapp)
    assert not gc.isenabled()
    Cycle.freed_in.clear()
    for _ in range(100):
        Cycle()

    kept = []

    def allocate() -> None:  # far past the generation-0 threshold (700 live containers)
        kept.extend([] for _ in range(50_000))

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert gc.get_count()[0] > gc.get_threshold()[0]  # automatic GC would have run by now
    assert Cycle.freed_in == []
    qtbot.waitUntil(lambda: len(Cycle.freed_in) == 100, timeout=5000)
    assert set(Cycle.freed_in) == {threading.main_thread().name}
    assert collector.timer.isActive()
