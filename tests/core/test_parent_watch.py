"""kill -9 of a forecast (or of whoever started one) leaves no worker process behind.

Before: the pool workers and the multiprocessing resource tracker went on as orphans (parent 1,
~146 MB each). The tests ask the OS (/proc) which processes are still alive.
"""
from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for a parent to reap it."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def _descendants(root: int) -> set[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with contextlib.suppress(OSError, IndexError):
                parents[int(entry.name)] = int(
                    (entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {root}
    while frontier:
        frontier = {pid for pid, ppid in parents.items() if ppid in frontier} - found
        found |= frontier
    return found


def _kill_and_expect_no_survivors(proc: subprocess.Popen, workers_expected: int,
                                  timeout: float = 120.0) -> None:
    """Wait until `proc` has `workers_expected` pool workers, kill -9 it, and assert that every
    process it started (workers, resource tracker) is gone within a few seconds."""
    deadline = time.monotonic() + timeout
    children: set[int] = set()
    while time.monotonic() < deadline and proc.poll() is None:
        children = _descendants(proc.pid)
        workers = [p for p in children if "spawn_main" in _cmdline(p)]
        if len(workers) >= workers_expected:
            break
        time.sleep(0.1)
    else:
        pytest.fail(f"no {workers_expected} workers appeared (exit {proc.poll()})")
    time.sleep(0.5)  # let the pool settle (a worker half-way through its start-up counts too)
    children = _descendants(proc.pid)
    assert any("resource_tracker" in _cmdline(p) for p in children)
    try:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
        end = time.monotonic() + 5.0
        while time.monotonic() < end and any(_alive(p) for p in children):
            time.sleep(0.1)
        survivors = {p: _cmdline(p)[:120] for p in children if _alive(p)}
        assert survivors == {}
    finally:  # never leave our own processes behind, even when the test fails
        for pid in children:
            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGKILL)


def _start(code: str) -> subprocess.Popen:
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)], cwd=ROOT, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def test_killing_a_forecast_ends_its_workers_and_resource_tracker(tmp_path):
    # Daily sales of 300 products: big enough that the pipeline fits them in worker processes.
    rng = np.random.default_rng(0)
    days = pd.date_range("2023-01-01", periods=400, freq="D")
    frame = pd.DataFrame({"unique_id": np.repeat([f"p{i}" for i in range(300)], len(days)),
                          "ds": np.tile(days.strftime("%Y-%m-%d"), 300),
                          "y": rng.poisson(3, 300 * len(days))})
    sales = tmp_path / "sales.csv"
    frame.to_csv(sales, index=False)
    proc = subprocess.Popen(
        [sys.executable, "main.py", "forecast", str(sales), "--horizon", "14", "--freq", "D",
         "--jobs", "2", "--output", str(tmp_path / "fc.csv")], cwd=ROOT,
        # A killed run cannot remove its spilled candidates: keep them in the test's own dir.
        env={**os.environ, "OPENBLAS_NUM_THREADS": "1", "TMPDIR": str(tmp_path)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _kill_and_expect_no_survivors(proc, workers_expected=2)


def test_killing_the_caller_of_run_in_process_ends_the_child_and_its_pool():
    # The GUI's path: a window runs the engine in a child process, which starts a pool.
    proc = _start("""
        from core.subprocess_runner import run_in_process
        run_in_process("tests.core.test_parent_watch:_busy_pool")
    """)
    _kill_and_expect_no_survivors(proc, workers_expected=3)  # the child and its 2 workers


def _busy_pool(*, progress=None, cancel=None):
    """Runs in run_in_process's child: a pool of two workers that sleep for a minute."""
    from core.parallel import map_chunks
    from tests.core.evaluation.parallel_helpers import stubborn

    return map_chunks(stubborn, [1, 2, 3, 4], n_jobs=2)
