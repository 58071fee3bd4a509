"""Run short Qt-free jobs (a decomposition, an export) off the UI thread.

Results come back on the UI thread through a queued signal. One background thread is enough for
these jobs and keeps the UI responsive; `shutdown()` waits for a running job.
"""
from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Job(QRunnable):
    def __init__(self, runner: TaskRunner, ticket: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self._runner, self._ticket, self._fn = runner, ticket, fn

    def run(self) -> None:
        try:
            result, error = self._fn(), None
        except Exception as exc:  # handed to the UI thread, which shows it
            result, error = None, exc
        if not self._runner.alive:
            return  # the widget that asked is gone (e.g. the window closed mid-job)
        with contextlib.suppress(RuntimeError):  # deleted between check and emit: nobody to tell
            self._runner.job_done.emit(self._ticket, result, error)


class TaskRunner(QObject):
    job_done = Signal(int, object, object)  # ticket, result, error (emitted from the pool)

    def __init__(self, parent: QObject | None = None, threads: int = 1) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(threads)
        self._tickets = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable, Callable | None]] = {}
        self.alive = True  # a plain attribute, still readable after Qt deleted the object
        self.job_done.connect(self._deliver)
        # Set when Qt deletes the runner (with its widget) so a job finishing later stays quiet.
        self.destroyed.connect(lambda *_: setattr(self, "alive", False))

    def submit(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
               on_error: Callable[[Exception], None] | None = None) -> int:
        ticket = next(self._tickets)
        self._callbacks[ticket] = (on_done, on_error)
        self._pool.start(_Job(self, ticket, fn))
        return ticket

    def busy(self) -> bool:
        return bool(self._callbacks)

    def wait(self, msecs: int = -1) -> bool:
        return self._pool.waitForDone(msecs)

    def shutdown(self) -> None:
        """Drop queued jobs, wait for the running one, forget pending callbacks."""
        self._pool.clear()
        self._pool.waitForDone()
        self._callbacks.clear()

    @Slot(int, object, object)
    def _deliver(self, ticket: int, result: Any, error: Any) -> None:
        callbacks = self._callbacks.pop(ticket, None)
        if callbacks is None:
            return
        on_done, on_error = callbacks
        if error is None:
            on_done(result)
        elif on_error is not None:
            on_error(error)
        else:
            raise error
