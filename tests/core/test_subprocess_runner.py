"""The process runner: results, progress, cancel within the grace, errors and crashes as text."""
from __future__ import annotations

import os
import signal
import sys
import time

import pytest

from core.errors import Cancelled, InputError, Problem
from core.progress import CancelToken, ProgressEvent
from core.subprocess_runner import ProcessFailed, run_in_process

# Targets run in the spawned child, which imports this module by name: keep them top level.


def add(a, b, *, progress, cancel):
    progress(ProgressEvent(0.5, "half", stage="add"))
    return a + b


def loop_until_cancelled(*, progress, cancel):
    while True:
        cancel.raise_if_cancelled()
        progress(ProgressEvent(0.1, "looping"))
        time.sleep(0.01)


def ignore_cancel(*, progress, cancel):
    progress(ProgressEvent(0.0, "busy"))
    time.sleep(60)


def bad_input(*, progress, cancel):
    raise InputError([Problem("not a date", hint="Use YYYY-MM-DD.", file="x.csv", row=3,
                              column="Date")])


def crash(*, progress, cancel):
    os.kill(os.getpid(), signal.SIGSEGV)


def test_returns_the_result_and_forwards_progress():
    events = []
    assert run_in_process(add, 2, b=3, progress=events.append) == 5
    assert [(e.fraction, e.stage) for e in events] == [(0.5, "add")]


def test_string_targets_are_imported_in_the_child():
    assert run_in_process("test_subprocess_runner:add", 1, 1) == 2


def test_cooperative_cancel_raises_cancelled():
    token = CancelToken()
    started = []

    def progress(event):
        started.append(event)
        token.cancel()

    with pytest.raises(Cancelled):
        run_in_process(loop_until_cancelled, progress=progress, cancel=token)
    assert started


def test_a_child_that_ignores_cancel_is_terminated_within_two_seconds():
    token = CancelToken()
    times = []

    def progress(event):
        times.append(time.monotonic())
        token.cancel()

    with pytest.raises(Cancelled):
        run_in_process(ignore_cancel, progress=progress, cancel=token, grace=1.0)
    assert time.monotonic() - times[0] < 2.0


def test_user_errors_keep_their_message_and_problems():
    with pytest.raises(ProcessFailed) as info:
        run_in_process(bad_input)
    assert info.value.user_error
    assert "row 3" in info.value.message and "not a date" in info.value.message
    assert info.value.problems[0].column == "Date"
    assert "InputError" in info.value.details


@pytest.mark.skipif(sys.platform == "win32", reason="os.kill with SIGSEGV is POSIX")
def test_a_segfault_becomes_a_plain_error():
    with pytest.raises(ProcessFailed) as info:
        run_in_process(crash)
    assert not info.value.user_error
    assert "stopped unexpectedly" in info.value.message
    assert "SIGSEGV" in info.value.details
