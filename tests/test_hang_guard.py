"""The suite never hangs (issue #11): a hung test fails with every thread's stack.

Runs small hanging tests in a child pytest with this project's configuration (shorter limits
so it takes seconds): a hang that leaves the GIL free is failed by pytest-timeout and the run
goes on; a deadlock that holds the GIL, which no Python thread can interrupt, is ended by
faulthandler's C watchdog after dumping all threads.
"""
from __future__ import annotations

import subprocess
import sys
import textwrap
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HANGS = textwrap.dedent('''
    import ctypes
    import threading


    def test_hangs_with_the_gil_free():
        threading.Thread(target=threading.Event().wait, name="helper-free", daemon=True).start()
        threading.Event().wait()


    def test_runs_after_a_hung_test():
        pass


    def test_deadlocks_holding_the_gil():
        threading.Thread(target=threading.Event().wait, name="helper-held", daemon=True).start()
        libc = ctypes.PyDLL(None)  # PyDLL keeps the GIL held during the call
        mutex = ctypes.create_string_buffer(64)  # zeros: a default glibc mutex
        libc.pthread_mutex_lock(mutex)
        libc.pthread_mutex_lock(mutex)  # waits forever on itself, as #11's UI thread did
''')


def test_configured_limits():
    options = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["pytest"][
        "ini_options"]
    assert options["timeout_method"] == "signal"
    assert options["faulthandler_exit_on_timeout"] is True
    assert 0 < options["timeout"] < options["faulthandler_timeout"]


def run_child(tmp_path: Path, select: str) -> tuple[str, int, float]:
    (tmp_path / "test_hangs.py").write_text(HANGS)
    began = time.monotonic()
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-c", str(ROOT / "pyproject.toml"), "--rootdir",
         str(tmp_path), "-p", "no:cacheprovider", "-o", "timeout=1",
         "-o", "faulthandler_timeout=4", "-k", select, str(tmp_path / "test_hangs.py")],
        capture_output=True, text=True, timeout=120, cwd=tmp_path)
    return run.stdout + run.stderr, run.returncode, time.monotonic() - began


def test_a_hung_test_fails_with_the_other_threads_stacks_and_the_run_goes_on(tmp_path):
    out, returncode, took = run_child(tmp_path, "not holding")
    assert returncode == 1
    assert "Timeout (>1.0s) from pytest-timeout" in out
    assert "Stack of helper-free" in out
    assert "1 failed, 1 passed" in out
    assert took < 60


def test_a_deadlock_holding_the_gil_dumps_every_thread_and_ends_the_run(tmp_path):
    out, returncode, took = run_child(tmp_path, "holding")
    assert returncode != 0
    assert "Timeout (0:00:04)!" in out  # pytest-timeout's 1 s could not fire
    assert "in test_deadlocks_holding_the_gil" in out
    assert out.count("Thread 0x") >= 2  # the helper thread's stack too
    assert took < 60
