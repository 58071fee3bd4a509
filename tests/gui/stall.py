"""Measure how long the UI event loop goes without running a 10 ms timer."""
from __future__ import annotations

import gc
import os
import threading
import time

import numpy as np
from PySide6.QtCore import QTimer


class GapRecorder:
    """A 10 ms timer that records how late the event loop let it fire."""

    def __init__(self) -> None:
        self.gaps: list[float] = []
        self.times: list[float] = []
        self.busy: list[float] = []  # UI-thread CPU ms within each gap: our own work
        self.process: list[float] = []  # CPU ms of the whole process (all threads) in each gap
        self._start = self._last = time.perf_counter()
        self._cpu = time.thread_time()
        self._process_cpu = time.process_time()
        self.stolen: list[float] = []  # ms the hypervisor ran something else on our CPUs, per gap
        self._steal = _steal_ms()
        self.gc_pauses: list[tuple[float, int, int, str]] = []  # (s, generation, ms, thread)
        self._gc_began = 0.0
        gc.callbacks.append(self._on_gc)
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self.times.append(now - self._start)
        cpu, process_cpu = time.thread_time(), time.process_time()
        self.busy.append((cpu - self._cpu) * 1000)
        self.process.append((process_cpu - self._process_cpu) * 1000)
        steal = _steal_ms()
        self.stolen.append(steal - self._steal)
        self._last, self._cpu, self._process_cpu, self._steal = now, cpu, process_cpu, steal

    def big_gaps(self, over_ms: float = 50) -> list[tuple[float, int, int]]:
        """(seconds since start, gap ms, UI-thread CPU ms, process CPU ms) for every gap over
        `over_ms`."""
        return [(round(t, 2), round(g), round(b), round(p), round(st))
                for t, g, b, p, st in zip(self.times, self.gaps, self.busy, self.process,
                                          self.stolen, strict=True)
                if g > over_ms]

    def _on_gc(self, phase: str, info: dict) -> None:
        now = time.perf_counter()
        if phase == "start":
            self._gc_began = now
        elif (now - self._gc_began) * 1000 > 20:
            self.gc_pauses.append((round(self._gc_began - self._start, 2), info["generation"],
                                   round((now - self._gc_began) * 1000),
                                   threading.current_thread().name))

    def stop(self) -> tuple[float, float, int]:
        """(p99 gap, worst gap, ticks). On an overloaded machine the worst gap leaves out gaps in
        which the whole process ran for under a quarter of the time: the OS did not schedule
        it, so no code of ours could have answered (measured: a 623 ms gap at load 7.2 on 2
        cores with 0 ms of UI-thread CPU). At any load it leaves out gaps the hypervisor's steal
        time explains. Otherwise every gap counts; a hang is caught by the per-test timeout
        either way."""
        self.timer.stop()
        if self._on_gc in gc.callbacks:
            gc.callbacks.remove(self._on_gc)
        gaps = np.asarray(self.gaps)
        ran = np.asarray(self.process) >= STARVED_SHARE * gaps
        # The hypervisor ran another guest on our CPUs for most of the gap while our process did
        # not run (measured on a 2-vCPU VM: gaps of 105-111 ms, each with 100 ms stolen and 0-1
        # ms of our CPU): the VM was not running, so no code of ours could have answered.
        host = ~ran & (np.asarray(self.stolen) >= gaps - STALL_LIMIT_MS)
        counted = gaps[~host]
        if overloaded():
            counted = gaps[(ran | (gaps <= STALL_LIMIT_MS)) & ~host]
        worst = float(counted.max()) if len(counted) else 0.0
        return float(np.percentile(gaps, 99)), worst, len(gaps)


STALL_LIMIT_MS = 100
# On a machine with more than two runnable processes per core, the OS alone delays an idle
# Qt timer by up to ~100 ms (measured here at load 11 on 2 cores: max 100 ms with no work at
# all). There only the p99 is held to the limit and the worst gap to a looser bound.
OVERLOAD_PER_CORE = 2.0
OVERLOADED_MAX_MS = 250
STARVED_SHARE = 0.25  # a gap in which the process ran less than this share of it was the OS's


def _steal_ms() -> float:
    """CPU time the hypervisor gave to other guests, summed over this VM's CPUs, in ms (0 where
    /proc/stat has no steal column)."""
    try:
        with open("/proc/stat", encoding="ascii") as stat:
            fields = stat.readline().split()
        return float(fields[8]) * 1000 / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def overloaded() -> bool:
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    return load / (os.cpu_count() or 1) > OVERLOAD_PER_CORE


def max_gap_limit() -> tuple[float, str]:
    """The bound for the worst gap, and why (for the printed report)."""
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    cores = os.cpu_count() or 1
    if overloaded():
        return OVERLOADED_MAX_MS, (f"machine overloaded (load {load:.1f} on {cores} cores): "
                                   f"max bound {OVERLOADED_MAX_MS} ms")
    return STALL_LIMIT_MS, f"load {load:.1f} on {cores} cores: max bound {STALL_LIMIT_MS} ms"
