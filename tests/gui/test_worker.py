"""The worker thread: every outcome arrives as a signal, cancel is a direct flag."""
from __future__ import annotations

import time

from core.progress import ProgressEvent
from gui.worker import make_worker, running_handles


def slow_sum(a, b, *, progress, cancel):
    for i in range(5):
        cancel.raise_if_cancelled()
        progress(ProgressEvent(i / 5, f"step {i}", stage="sum"))
        time.sleep(0.01)
    return a + b


def spin(*, progress, cancel):
    while True:
        cancel.raise_if_cancelled()
        time.sleep(0.005)


def boom(*, progress, cancel):
    raise ValueError("broken on purpose")


def test_returned_value_and_progress(qtbot):
    handle = make_worker(slow_sum, 2, 3)
    events, results = [], []
    handle.progressed.connect(events.append)
    handle.returned.connect(results.append)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        handle.start()
    assert handle.wait(2000)
    assert results == [5]
    assert events and events[0].stage == "sum"
    assert not running_handles()


def test_cancel_emits_cancelled_quickly(qtbot):
    handle = make_worker(spin)
    cancelled = []
    handle.cancelled.connect(lambda: cancelled.append(True))
    with qtbot.waitSignal(handle.started, timeout=2000):
        handle.start()
    with qtbot.waitSignal(handle.finished, timeout=2000):
        handle.cancel()
    handle.wait(2000)
    assert cancelled == [True]


def test_exception_becomes_errored_with_details(qtbot):
    handle = make_worker(boom)
    errors = []
    handle.errored.connect(errors.append)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        handle.start()
    handle.wait(2000)
    assert str(errors[0]) == "broken on purpose"
    assert "ValueError" in errors[0].traceback_text
