"""Run one engine call in a separate process, with progress, cancel and a plain error.

Why a process: Keras and statsmodels hold the GIL for long stretches, so a window (or any caller
that must stay responsive) freezes when they run in a thread; TensorFlow imported in a non-main
thread has also crashed on us. A spawned child owns the work; the caller's thread only forwards
its messages.

    result = run_in_process("core.pipeline:run", frame, settings, progress=cb, cancel=token)

The target is a module-level callable (or a "module:function" string, imported only in the
child) called as `target(*args, progress=..., cancel=..., **kwargs)`. The child reports
`ProgressEvent`s through a pipe; cancel sets a multiprocessing Event the child's `CancelToken`
reads, and a child that has not stopped after `grace` seconds is terminated. Whatever goes
wrong in the child (an exception, a segfault, being killed) comes back as `ProcessFailed` with
a message for people and the details for developers. Works frozen: `main.py` calls
`multiprocessing.freeze_support()`.
"""
from __future__ import annotations

import contextlib
import importlib
import multiprocessing
import os
import signal
import time
import traceback
from collections.abc import Callable
from typing import Any

from core.errors import Cancelled, Problem, TrendcastError
from core.parent_watch import die_with_parent
from core.progress import CancelToken, ProgressCallback, ProgressEvent, no_progress

POLL_SECONDS = 0.05  # how often the parent looks at cancel and the child's health
DEFAULT_GRACE = 1.0  # seconds a cancelled child gets to stop by itself before terminate()
# The child yields the CPU to the caller: on a busy 2-core machine a window kept at normal
# priority repaints on time while Keras or statsmodels use every core.
CHILD_NICENESS = 10


class ProcessFailed(Exception):
    """The work in the child process failed; `message` is for people, `details` for developers.

    `user_error` is True when the child raised a `TrendcastError` (bad input or settings), so
    the message alone says what to fix; `problems` carries its `Problem`s when it had any,
    `key` and `fields` its template (`core.error_messages`) when it had one.
    """

    key: str | None = None
    fields: tuple[tuple[str, str], ...] = ()

    def __init__(self, message: str, details: str = "", *, user_error: bool = False,
                 problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details
        self.user_error = user_error
        self.problems = list(problems or [])


def resolve(target: str | Callable[..., Any]) -> Callable[..., Any]:
    """'package.module:function' -> the function; callables pass through."""
    if callable(target):
        return target
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _child_main(conn, cancel_event, target, args, kwargs, niceness, parent) -> None:
    """Runs in the child: call the target, send progress, then one final message."""
    die_with_parent(parent)  # a killed caller must not leave the work (and its pool) running
    if hasattr(os, "setpgrp"):
        os.setpgrp()  # its own process group, so stopping it also stops its worker pool
    if niceness and hasattr(os, "nice"):
        os.nice(niceness)

    def report(event: ProgressEvent) -> None:
        conn.send(("progress", event))

    try:
        result = resolve(target)(*args, progress=report, cancel=CancelToken(cancel_event),
                                 **kwargs)
        conn.send(("returned", result))
    except Cancelled:
        conn.send(("cancelled", None))
    except BaseException as exc:  # noqa: BLE001 - everything must reach the parent as text
        details = traceback.format_exc()
        problems = list(getattr(exc, "problems", None) or [])
        problems = [p for p in problems if isinstance(p, Problem)]
        conn.send(("errored", (str(exc) or type(exc).__name__, details,
                               isinstance(exc, TrendcastError), problems,
                               getattr(exc, "key", None), tuple(getattr(exc, "fields", ())))))
    finally:
        conn.close()


def _exit_text(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            return f"signal {signal.Signals(-exitcode).name}"
        except ValueError:
            return f"signal {-exitcode}"
    return f"exit code {exitcode}"


def run_in_process(target: str | Callable[..., Any], *args: Any,
                   progress: ProgressCallback | None = None, cancel: CancelToken | None = None,
                   grace: float = DEFAULT_GRACE, niceness: int = CHILD_NICENESS,
                   **kwargs: Any) -> Any:
    """Call `target` in a spawned child and return its result; see the module docstring.

    Raises `Cancelled` when `cancel` is set (after at most `grace` + about 0.5 s), and
    `ProcessFailed` when the child raised or died.
    """
    report = progress or no_progress
    ctx = multiprocessing.get_context("spawn")  # fork is unsafe with threads, Qt and TensorFlow
    receiver, sender = ctx.Pipe(duplex=False)
    cancel_event = ctx.Event()
    # Not a daemon: the engine starts its own worker pool, which daemons may not do.
    child = ctx.Process(target=_child_main, name="trendcast-worker", daemon=False,
                        args=(sender, cancel_event, target, args, kwargs, niceness, os.getpid()))
    child.start()
    sender.close()  # the parent keeps only the reading end, so EOF means the child is gone
    cancelled_at: float | None = None
    outcome: tuple[str, Any] | None = None
    try:
        while outcome is None:
            if cancel is not None and cancel.cancelled and cancelled_at is None:
                cancel_event.set()
                cancelled_at = time.monotonic()
            if cancelled_at is not None and time.monotonic() - cancelled_at > grace:
                raise Cancelled()
            try:
                if not receiver.poll(POLL_SECONDS):
                    continue
                kind, payload = receiver.recv()
            except (EOFError, OSError):
                child.join(1.0)
                if cancelled_at is not None:
                    raise Cancelled() from None
                raise ProcessFailed(
                    "The calculation stopped unexpectedly. Try again with fewer models or a "
                    "smaller file; if it keeps happening, please report it with the details.",
                    f"The worker process ended without a result ({_exit_text(child.exitcode)})."
                ) from None
            if kind == "progress":
                if cancelled_at is None:
                    report(payload)
            else:
                outcome = (kind, payload)
    finally:
        _stop(child, patient=cancelled_at is None)
        receiver.close()
    kind, payload = outcome
    if kind == "returned":
        return payload
    if kind == "cancelled":
        raise Cancelled()
    message, details, user_error, problems, key, fields = payload
    failed = ProcessFailed(message, details, user_error=user_error, problems=problems)
    failed.key, failed.fields = key, fields  # the message's template, for the GUI's language
    raise failed


def _stop(child, *, patient: bool) -> None:
    """Let a finished child exit; terminate, then kill, one that does not (or was cancelled).

    Signals go to the child's whole process group too, so its worker pool stops with it.
    """
    child.join(0.5 if patient else 0.05)
    if not child.is_alive():
        return
    kill = getattr(signal, "SIGKILL", signal.SIGTERM)
    for sig in (signal.SIGTERM, kill):
        _signal(child, sig)
        child.join(0.5)
        if not child.is_alive():
            break
    _signal(child, kill)  # whatever is left of the group


def _signal(child, sig) -> None:
    if hasattr(os, "killpg") and child.pid is not None:
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(child.pid, sig)  # the child leads group `pid` once it called setpgrp
    if child.is_alive():
        if sig == signal.SIGTERM:
            child.terminate()
        else:
            child.kill()
