"""Run short Qt-free jobs (a decomposition, an export) off the UI thread.

Results come back on the UI thread. One job at a time is enough for these and keeps the UI
responsive; the queue lives on the UI thread and `shutdown()` waits for a running job.

Jobs run through `gui.thread_relay` (plain threads, news relayed to the UI thread): no Python
QObject is ever made or destroyed in a job's thread (issue #11; the old QRunnable emitted this
runner's signal from the pool thread and could drop the last reference to what it ran there).
"""
from __future__ import annotations

import itertools
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from gui import thread_relay


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._threads = threads
        self._tickets = itertools.count(1)
        self._queue: deque[tuple[int, Callable[[], Any]]] = deque()
        self._running: dict[int, thread_relay.Task] = {}
        self._callbacks: dict[int, tuple[Callable, Callable | None]] = {}
        self.alive = True  # a plain attribute, still readable after Qt deleted the object
        # Set when Qt deletes the runner (with its widget) so a job finishing later stays quiet.
        self.destroyed.connect(lambda *_: setattr(self, "alive", False))

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[Exception], None] | None = None) -> int:
        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_done, on_error)
        self._queue.append((ticket, fn))
        self._start_next()
        return ticket

    def busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for the running jobs' threads (queued jobs start only from the event loop)."""
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        ok = True
        for task in list(self._running.values()):
            left = -1 if deadline is None else max(0, int((deadline - time.monotonic()) * 1000))
            ok = task.join(left) and ok
        return ok

    def shutdown(self) -> None:
        """Drop queued jobs, wait for the running one, forget pending callbacks."""
        self._queue.clear()
        self.wait()
        self._callbacks.clear()

    def _start_next(self) -> None:
        while self._queue and len(self._running) < self._threads:
            ticket, fn = self._queue.popleft()
            self._running[ticket] = thread_relay.start(
                lambda _post, fn=fn: fn(),
                lambda kind, task, t=ticket: self._news(t, kind, task),
                name="task_runner")

    def _news(self, ticket: int, kind: str, task: Any) -> None:
        """On the UI thread: a job ended; hand its result to whoever asked, start the next."""
        if kind != thread_relay.ENDED:
            return
        self._running.pop(ticket, None)
        if not self.alive:
            return  # the widget that asked is gone (e.g. the window closed mid-job)
        callbacks = self._callbacks.pop(ticket, None)
        self._start_next()
        if callbacks is None:
            return
        on_done, on_error = callbacks
        if task.error is None:
            on_done(task.value)
        elif on_error is not None and isinstance(task.error, Exception):
            on_error(task.error)
        else:
            raise task.error
