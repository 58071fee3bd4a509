"""Child processes that end when their parent does, even when the parent is killed with -9.

A killed parent runs no cleanup, so its worker pool would go on as orphans (parent 1, ~146 MB
each, computing for nobody) and keep the multiprocessing resource tracker alive too (it exits
when the last process holding its pipe is gone). Every child we start calls `die_with_parent()`
first:
- Linux: `prctl(PR_SET_PDEATHSIG, SIGKILL)`, so the kernel kills the child the moment its parent
  dies (strictly: the parent's thread that started it; ours wait for their children).
- Everywhere (and as a backstop): a daemon thread that exits the process once `os.getppid()`
  changes, which is what happens to an orphan on macOS and the BSDs.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.5


def die_with_parent(parent: int | None = None) -> None:
    """Make this process end when its parent process ends. Safe to call more than once.

    `parent`: the pid the parent passed down (its `os.getpid()`), which also catches a parent
    that died between starting this process and this call.
    """
    parent = os.getppid() if parent is None else parent
    if sys.platform.startswith("linux"):
        _linux_death_signal()
    if os.getppid() != parent:  # the parent died before we could ask
        os._exit(1)
    if not any(t.name == "trendcast-parent-watch" for t in threading.enumerate()):
        threading.Thread(target=_watch, args=(parent,), name="trendcast-parent-watch",
                         daemon=True).start()


def _linux_death_signal() -> None:
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):  # no usable libc (unusual builds): the watch thread remains
        pass


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)  # no cleanup: the work was for a parent that is gone
