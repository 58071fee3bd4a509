"""The one worker every panel uses: a function on a plain thread, its news as UI-thread signals.

    handle = make_worker(core.data.load, path, options, parent=self)
    handle.returned.connect(self._on_loaded)   # connect first, then start:
    handle.errored.connect(self._on_failed)    # no signal can be missed
    handle.start()
    ...
    handle.cancel()

The function is called as `func(*args, progress=..., cancel=..., **kwargs)` in the thread. The
cancel token is a plain flag set directly from the UI thread (a queued slot would never run
while the worker is busy). Progress is throttled so a chatty engine cannot flood the event loop.
Every started worker is kept in `running_handles()` until its thread ends, so quitting can cancel
and wait for them, and tests can check that none is left running.

The handle is the only QObject: it is made, used and destroyed on the UI thread. The thread runs
a plain function through `gui.thread_relay`, which explains why (issue #11: a Python QObject
deleted in its own QThread deadlocked PySide against pyqtgraph on the UI thread).
"""
from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from shiboken6 import isValid

from core.errors import Cancelled
from core.progress import CancelToken, ProgressEvent
from gui import thread_relay

THROTTLE_SECONDS = 0.04  # at most ~25 repaints a second; loss metrics always get through

_RUNNING: set[WorkerHandle] = set()


class _Throttle:
    """Lets a progress event through when it matters or when enough time has passed."""

    def __init__(self, post: thread_relay.Post) -> None:
        self.post = post
        self.last_emit = 0.0
        self.last_stage: str | None = None

    def __call__(self, event: ProgressEvent) -> None:
        now = time.monotonic()
        if (event.metrics or event.fraction >= 1.0 or event.stage != self.last_stage
                or now - self.last_emit >= THROTTLE_SECONDS):
            self.last_emit, self.last_stage = now, event.stage
            self.post("progressed", event)


def _work(func: Callable[..., Any], args: tuple, kwargs: dict,
          token: CancelToken) -> Callable[[thread_relay.Post], Any]:
    """What the thread runs: plain Python, no Qt (closes over the function, not the handle)."""

    def work(post: thread_relay.Post) -> Any:
        post("started", None)
        return func(*args, progress=_Throttle(post), cancel=token, **kwargs)

    return work


class WorkerHandle(QObject):
    """A function to run on a thread, seen from the UI thread.

    Its signals are emitted on the UI thread, so any slot or lambda connected here runs there.
    Cancel it, wait for it, ask whether it still runs.
    """

    started = Signal()
    progressed = Signal(object)  # ProgressEvent
    returned = Signal(object)  # the function's return value
    errored = Signal(object)  # the exception; `traceback_text` attribute holds the details
    cancelled = Signal()
    finished = Signal()  # always last, whatever happened

    def __init__(self, func: Callable[..., Any], args: tuple, kwargs: dict,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.token = CancelToken()
        self.name = f"worker:{getattr(func, '__name__', 'task')}"
        self._work = _work(func, args, kwargs, self.token)
        self._task: thread_relay.Task | None = None

    def start(self) -> WorkerHandle:
        _RUNNING.add(self)
        self._task = thread_relay.start(self._work, self._on_news, name=self.name)
        self._work = None  # the task holds it now, and drops it on the UI thread
        return self

    def cancel(self) -> None:
        self.token.cancel()

    def is_running(self) -> bool:
        return self in _RUNNING and self._task is not None and self._task.is_alive()

    def wait(self, msecs: int = 5000) -> bool:
        """Block until the thread ends; True if it did. Only for quitting and tests."""
        return self._task is None or self._task.join(msecs)

    def _on_news(self, kind: str, payload: Any) -> None:
        """On the UI thread: turn the thread's news into this handle's signals."""
        if kind == thread_relay.ENDED:
            _RUNNING.discard(self)
            if not isValid(self):
                return  # Qt deleted the handle with its parent: nobody to tell
            self._emit_outcome(payload)
            self.finished.emit()
        elif isValid(self):
            if kind == "started":
                self.started.emit()
            elif kind == "progressed":
                self.progressed.emit(payload)

    def _emit_outcome(self, task: thread_relay.Task) -> None:
        if isinstance(task.error, Cancelled) or (task.error is None and self.token.cancelled):
            self.cancelled.emit()
        elif task.error is not None:
            self.errored.emit(task.error)
        else:
            self.returned.emit(task.value)


def make_worker(func: Callable[..., Any], *args: Any, parent: QObject | None = None,
                **kwargs: Any) -> WorkerHandle:
    """Prepare `func` to run on a new thread; connect to the handle's signals, then `start()`."""
    return WorkerHandle(func, args, kwargs, parent)


def start_worker(func: Callable[..., Any], *args: Any, parent: QObject | None = None,
                 **kwargs: Any) -> WorkerHandle:
    """`make_worker(...).start()`, for callers that only need the handle's cancel and wait."""
    return make_worker(func, *args, parent=parent, **kwargs).start()


def running_handles() -> list[WorkerHandle]:
    """Workers whose threads have not finished yet."""
    return [h for h in _RUNNING if h._task is not None and h._task.is_alive()]


def cancel_all_and_wait(msecs: int = 5000) -> bool:
    """Cancel every running worker and wait for them; True if all stopped in time."""
    handles = running_handles()
    for handle in handles:
        handle.cancel()
    deadline = time.monotonic() + msecs / 1000
    ok = True
    for handle in handles:
        left = max(0, int((deadline - time.monotonic()) * 1000))
        ok = handle.wait(left) and ok
    return ok
