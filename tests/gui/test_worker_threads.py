"""The design rule behind the worker (issue #11): every Python QObject that running work in the
background makes, or keeps alive, is destroyed on the UI thread, never in the work's thread."""
from __future__ import annotations

import functools
import gc
import threading
import time

import pytest
from PySide6.QtCore import QObject

from gui import thread_relay
from gui.widgets.task_runner import TaskRunner
from gui.worker import make_worker, running_handles

ROUNDS = 120


class Probe(QObject):
    """A Python QObject that only the background work holds on to."""


class DestroyedIn:
    """Records which thread destroyed each watched QObject."""

    def __init__(self) -> None:
        self.threads: list[str] = []
        self.watched = 0

    def watch(self, obj: QObject) -> None:
        self.watched += 1
        # A plain function of a plain object: the hook runs in whichever thread destroys `obj`.
        obj.destroyed.connect(self._record)

    def _record(self, *_args) -> None:
        self.threads.append(threading.current_thread().name)

    def wait_for_all(self, qtbot) -> None:
        def all_destroyed() -> bool:
            gc.collect()  # on the UI thread, as gui.main_thread_gc does
            return len(self.threads) == self.watched
        try:
            qtbot.waitUntil(all_destroyed, timeout=10_000)
        except Exception:
            raise AssertionError(f"{len(self.threads)} of {self.watched} destroyed") from None


def hold(probe: QObject, n: int, *, progress, cancel) -> int:
    time.sleep(0.0005 * (n % 4))  # finish in varied orders against the UI thread
    return n


def qobjects_of(handle: QObject) -> list[QObject]:
    """The handle and every QObject it keeps (for any design of the worker)."""
    return [handle, *(v for v in vars(handle).values() if isinstance(v, QObject))]


def test_worker_qobjects_and_what_the_work_holds_die_on_the_ui_thread(qtbot):
    destroyed = DestroyedIn()
    kept, returned = [], []
    for n in range(ROUNDS):
        probe = Probe()
        destroyed.watch(probe)
        handle = make_worker(functools.partial(hold, probe, n))
        for obj in qobjects_of(handle):
            destroyed.watch(obj)
        del obj
        handle.returned.connect(returned.append)
        handle.start()
        if n % 2:
            kept.append(handle)  # the other half: only the worker machinery holds the handle
        del probe, handle
    qtbot.waitUntil(lambda: len(returned) == ROUNDS and not running_handles(), timeout=20_000)
    kept.clear()
    destroyed.wait_for_all(qtbot)
    assert set(destroyed.threads) == {threading.main_thread().name}
    assert sorted(returned) == list(range(ROUNDS))


def test_task_runner_jobs_let_go_of_their_qobjects_on_the_ui_thread(qtbot):
    destroyed = DestroyedIn()
    runner = TaskRunner()
    results = []
    for n in range(ROUNDS // 2):
        probe = Probe()
        destroyed.watch(probe)
        runner.submit(lambda p=probe, n=n: hold(p, n, progress=None, cancel=None),
                      results.append)
        del probe
    qtbot.waitUntil(lambda: len(results) == ROUNDS // 2, timeout=20_000)
    destroyed.wait_for_all(qtbot)
    assert set(destroyed.threads) == {threading.main_thread().name}
    assert results == list(range(ROUNDS // 2))  # one at a time, in order


def test_a_finished_handle_is_freed_without_the_cycle_collector(qtbot):
    """No reference cycle keeps a handle: with automatic GC off (as in the app) it goes when
    its caller lets go, on the UI thread, not whenever some thread next runs a collection."""
    assert not gc.isenabled()
    destroyed = DestroyedIn()
    done = []
    handle = make_worker(hold, Probe(), 1)
    destroyed.watch(handle)
    handle.finished.connect(lambda: done.append(True))
    handle.start()
    qtbot.waitUntil(lambda: done == [True], timeout=5000)
    del handle
    assert destroyed.threads == [threading.main_thread().name]


def test_a_failing_job_is_handed_back_with_its_traceback(qtbot):
    errors = []
    handle = make_worker(lambda *, progress, cancel: 1 / 0)
    handle.errored.connect(errors.append)
    with qtbot.waitSignal(handle.finished, timeout=5000):
        handle.start()
    assert isinstance(errors[0], ZeroDivisionError)
    assert "ZeroDivisionError" in errors[0].traceback_text


def test_work_can_only_be_started_from_the_ui_thread(qapp):
    outcome = []

    def off_ui() -> None:
        try:
            thread_relay.start(lambda post: None, lambda kind, payload: None)
        except RuntimeError as exc:
            outcome.append(str(exc))

    thread = threading.Thread(target=off_ui)
    thread.start()
    thread.join(5)
    assert outcome and "UI thread" in outcome[0]


def test_a_handle_deleted_with_its_parent_stays_quiet(qtbot):
    parent = QObject()
    release = threading.Event()
    handle = make_worker(lambda *, progress, cancel: release.wait(5), parent=parent)
    seen = []
    handle.finished.connect(lambda: seen.append("finished"))
    handle.start()
    parent.deleteLater()
    qtbot.waitUntil(lambda: not _valid(parent), timeout=5000)
    release.set()
    qtbot.waitUntil(lambda: not thread_relay.pending(), timeout=5000)
    assert seen == [] and not running_handles()


def _valid(obj: QObject) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


@pytest.fixture(autouse=True)
def _nothing_left_pending(qtbot):
    yield
    qtbot.waitUntil(lambda: not thread_relay.pending(), timeout=10_000)
