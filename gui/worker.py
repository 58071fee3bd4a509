"""The one worker every panel uses: a QObject moved to a QThread (superqt's pattern).

    handle = make_worker(core.data.load, path, options, parent=self)
    handle.returned.connect(self._on_loaded)   # connect first, then start:
    handle.errored.connect(self._on_failed)    # no signal can be missed
    handle.start()
    ...
    handle.cancel()

The function is called as `func(*args, progress=..., cancel=..., **kwargs)` in the thread. The
cancel token is a plain flag set directly from the UI thread (a queued slot would never run
while the worker is busy). Progress is throttled so a chatty engine cannot flood the event loop.
Every live thread is kept in `running_handles()` so quitting can cancel and wait for them, and
tests can check that none is left running.
"""
from __future__ import annotations

import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot

from core.errors import Cancelled
from core.progress import CancelToken, ProgressEvent

THROTTLE_SECONDS = 0.04  # at most ~25 repaints a second; loss metrics always get through

_RUNNING: set[WorkerHandle] = set()


class Worker(QObject):
    """Calls one function in its thread and reports how it went through signals."""

    started = Signal()
    progressed = Signal(object)  # ProgressEvent
    returned = Signal(object)  # the function's return value
    errored = Signal(object)  # the exception; `traceback_text` attribute holds the details
    cancelled = Signal()
    finished = Signal()  # always last, whatever happened

    def __init__(self, func: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.func, self.args, self.kwargs = func, args, kwargs
        self.cancel_token = CancelToken()
        self._last_emit = 0.0
        self._last_stage = None

    @Slot()
    def run(self) -> None:
        self.started.emit()
        try:
            result = self.func(*self.args, progress=self._report, cancel=self.cancel_token,
                               **self.kwargs)
        except Cancelled:
            self.cancelled.emit()
        except Exception as exc:  # noqa: BLE001 - shown to the user as a dialog, never a crash
            exc.traceback_text = traceback.format_exc()
            self.errored.emit(exc)
        else:
            if self.cancel_token.cancelled:
                self.cancelled.emit()
            else:
                self.returned.emit(result)
        finally:
            self.finished.emit()

    def _report(self, event: ProgressEvent) -> None:
        now = time.monotonic()
        if (event.metrics or event.fraction >= 1.0 or event.stage != self._last_stage
                or now - self._last_emit >= THROTTLE_SECONDS):
            self._last_emit, self._last_stage = now, event.stage
            self.progressed.emit(event)


class WorkerHandle(QObject):
    """A worker and its thread, seen from the thread that made them.

    It repeats the worker's signals in its own (the UI) thread, so any slot or lambda connected
    here runs in the UI thread. Cancel it, wait for it, ask whether it still runs.
    """

    started = Signal()
    progressed = Signal(object)
    returned = Signal(object)
    errored = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, worker: Worker, thread: QThread, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.worker, self.thread = worker, thread
        self.token = worker.cancel_token  # stays usable after Qt deleted the worker
        for name in ("started", "progressed", "returned", "errored", "cancelled", "finished"):
            getattr(worker, name).connect(getattr(self, name))  # queued into this thread

    def start(self) -> WorkerHandle:
        _RUNNING.add(self)
        self.thread.start()
        return self

    def cancel(self) -> None:
        self.token.cancel()

    def is_running(self) -> bool:
        return self in _RUNNING and _alive(self.thread)

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the thread ends; True if it did. Only for quitting and tests."""
        return _wait(self.thread, msecs)

    @Slot()
    def _forget(self) -> None:
        _RUNNING.discard(self)


def make_worker(func: Callable[..., Any], *args: Any, parent: QObject | None = None,
                **kwargs: Any) -> WorkerHandle:
    """Prepare `func` to run in a new QThread; connect to the handle's signals, then `start()`."""
    worker = Worker(func, *args, **kwargs)
    thread = QThread(parent)
    thread.setObjectName(f"worker:{getattr(func, '__name__', 'task')}")
    worker.moveToThread(thread)
    handle = WorkerHandle(worker, thread, parent)
    thread.started.connect(worker.run)
    # Direct: quit the thread from inside it as soon as the work ends, without needing the
    # UI event loop (which may be blocked in wait() while quitting).
    worker.finished.connect(thread.quit, Qt.ConnectionType.DirectConnection)
    worker.finished.connect(worker.deleteLater)
    thread.finished.connect(handle._forget)
    thread.finished.connect(thread.deleteLater)
    return handle


def start_worker(func: Callable[..., Any], *args: Any, parent: QObject | None = None,
                 **kwargs: Any) -> WorkerHandle:
    """`make_worker(...).start()`, for callers that only need the handle's cancel and wait."""
    return make_worker(func, *args, parent=parent, **kwargs).start()


def running_handles() -> list[WorkerHandle]:
    """Workers whose threads have not finished yet."""
    return [h for h in _RUNNING if _alive(h.thread)]


def _alive(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:  # the C++ object is already gone: it finished
        return False


def cancel_all_and_wait(msecs: int = 5000) -> bool:
    """Cancel every running worker and wait for them; True if all stopped in time."""
    handles = running_handles()
    for handle in handles:
        handle.cancel()
    deadline = time.monotonic() + msecs / 1000
    ok = True
    for handle in handles:
        left = max(0, int((deadline - time.monotonic()) * 1000))
        ok = _wait(handle.thread, left) and ok
    return ok


def _wait(thread: QThread, msecs: int) -> bool:
    try:
        return thread.wait(msecs)
    except RuntimeError:
        return True
