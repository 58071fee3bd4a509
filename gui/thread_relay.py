"""Run a plain function on a plain thread; everything it reports is handled on the UI thread.

Why not a QObject moved to a QThread (superqt's pattern, and ours until issue #11): a QObject
subclassed in Python that is created, parented or destroyed off the UI thread can deadlock
PySide. Seen in `make test` (2 runs in 3 hung): a worker thread ran `~QObject` (a `deleteLater`
delivered in its own thread), which holds Qt's connection mutex while PySide's destructor hook
(`Sbk_GetPyOverride`) waits for the GIL; the UI thread held the GIL and waited for that mutex in
pyqtgraph (`AxisItem._updateLabel` -> `LabelItem.setText` -> connect/disconnect). Two locks taken
in opposite orders. (Qt's `~QObject` calls `sender->disconnectNotify()` for each connection into
the dying object while holding its signal-slot mutex, one of a pool shared by address, so any
object may collide; PySide's override lookup for a Python-wrapped sender needs the GIL. No
PySide fix was found for the pinned range, PySide6 >=6.7,<6.12.) Python's own rule makes it
worse: the last reference to an object can drop in any thread, and its destructor runs there.

So the design makes the hazard impossible instead of unlikely:

- The thread is a `threading.Thread` running a plain function. It creates no QObject, holds no
  reference to one, and touches Qt in exactly one way: it emits the signal of one relay
  QObject, made on the UI thread and kept for the life of the app. Signal emission is
  thread-safe in Qt, and the queued call runs the handler on the UI thread.
- The thread only knows a ticket number. What it runs (the function and its arguments, which
  may reach a widget) and what it produced (the return value or the exception, whose traceback
  holds frames) sit in a `Task` that the UI thread's registry owns. The thread drops every local
  reference before it posts its last message, and the registry lets go of the task only when
  that message is handled, on the UI thread. So whichever reference is the last one, it is
  dropped on the UI thread, and every QObject it may keep alive is destroyed there.
- No `deleteLater`, `moveToThread` or QThread: nothing Qt-owned lives in the thread.

    task = start(work, on_news, name="worker:load")   # on the UI thread
    # in the thread: work(post) runs; post("progressed", event) reaches on_news on the UI thread
    # then on_news(ENDED, task) once, with task.value or task.error set
"""
from __future__ import annotations

import contextlib
import itertools
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

ENDED = "ended"  # the last news of every task, after the work returned or raised

Post = Callable[[str, Any], None]


class Task:
    """One function run off the UI thread and what came of it; plain Python, no Qt."""

    def __init__(self, ticket: int, work: Callable[[Post], Any],
                 on_news: Callable[[str, Any], None], name: str) -> None:
        self.ticket, self.work, self.on_news, self.name = ticket, work, on_news, name
        self.value: Any = None
        self.error: BaseException | None = None  # with a `traceback_text` attribute
        self.thread: threading.Thread | None = None

    def is_alive(self) -> bool:
        return self.thread is not None and self.thread.is_alive()

    def join(self, msecs: int) -> bool:
        """Wait for the thread to end; True if it did. The thread never waits for the UI
        thread, so this cannot deadlock."""
        if self.thread is None:
            return True
        self.thread.join(None if msecs < 0 else msecs / 1000)
        return not self.thread.is_alive()


class _Relay(QObject):
    """Lives on the UI thread for the life of the app; threads emit `posted`, the queued
    connection runs `_deliver` on the UI thread."""

    posted = Signal(object, object, object)  # ticket, kind, payload

    def __init__(self) -> None:
        super().__init__()
        self.posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object, object, object)
    def _deliver(self, ticket: int, kind: str, payload: Any) -> None:
        task = _TASKS.get(ticket)
        if task is None:
            return
        if kind != ENDED:
            task.on_news(kind, payload)
            return
        del _TASKS[ticket]
        on_news, task.on_news, task.work = task.on_news, None, None
        # Whoever keeps the task (a handle, for wait) no longer reaches the work or the handler
        # through it: no reference cycle that a collector in another thread could free.
        on_news(ENDED, task)


_TASKS: dict[int, Task] = {}  # owned by the UI thread; a thread only reads its own entry
_TICKETS = itertools.count(1)
_relay: _Relay | None = None


def start(work: Callable[[Post], Any], on_news: Callable[[str, Any], None], *,
          name: str = "task") -> Task:
    """Run `work(post)` on a new thread; call on the UI thread only.

    `post(kind, payload)` may be called from the thread; `on_news(kind, payload)` then runs on
    the UI thread, in order. Last comes `on_news(ENDED, task)`, with `task.value` or
    `task.error` set. `on_news` must not keep the thread waiting: it is never called there.
    """
    global _relay
    _check_ui_thread()
    if _relay is None:
        _relay = _Relay()
    task = Task(next(_TICKETS), work, on_news, name)
    _TASKS[task.ticket] = task
    # Daemon: a function that ignores cancel must not keep the process alive after quitting
    # (quitting already waited for it).
    task.thread = threading.Thread(target=_run, args=(task.ticket, _relay), name=name,
                                   daemon=True)
    task.thread.start()
    return task


def pending() -> list[Task]:
    """Tasks whose ENDED news was not handled yet (UI thread)."""
    return list(_TASKS.values())


def _run(ticket: int, relay: _Relay) -> None:
    """The thread's whole life. `relay` lives as long as the app, so the reference held
    here is never the last one."""

    def post(kind: str, payload: Any = None) -> None:
        with contextlib.suppress(RuntimeError):  # the app is gone (exit): nobody to tell
            relay.posted.emit(ticket, kind, payload)

    task = _TASKS[ticket]
    try:
        task.value = task.work(post)
    except BaseException as exc:  # noqa: BLE001 - handed to the UI thread, which decides
        exc.traceback_text = traceback.format_exc()
        task.error = exc
    # Drop our references before the last message: after it, the UI thread may drop its own,
    # and the last reference to anything the work touched must not be ours.
    del task
    post(ENDED)


def _check_ui_thread() -> None:
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        raise RuntimeError("thread_relay.start must be called on the UI thread")
