"""What the app does at start besides building the window, and start-up timing.

`prepare_app(app)` sets up the user folders and the log file, and the window icon. With
`TRENDCAST_REPORT_STARTUP=1` it prints when the window shows: from the event loop's first pass
after `show()`, i.e. once the window has really been mapped, with the wall-clock time (for an
outside stopwatch) and the process age.
"""
from __future__ import annotations

import os
import sys
import time

ENV = "TRENDCAST_REPORT_STARTUP"


def process_age() -> float | None:
    """Seconds since this process started (Linux /proc), None elsewhere."""
    try:
        with open("/proc/self/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        with open("/proc/uptime") as f:
            uptime = float(f.read().split()[0])
        return uptime - int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def prepare_app(app) -> None:
    """Call right after creating the QApplication, before the main window is shown."""
    from core.userdirs import setup
    from gui import main_thread_gc
    from gui.resources import app_icon

    main_thread_gc.install(app)  # Qt objects must not be freed by a worker thread's GC
    setup()
    app.setWindowIcon(app_icon())
    report_when_shown()


def report_when_shown() -> None:
    """Print the start-up line once the event loop runs, i.e. after the window was shown."""
    if os.environ.get(ENV) != "1":
        return
    from PySide6.QtCore import QTimer

    def report() -> None:
        age = process_age()
        since = f" ({age:.2f} s after process start)" if age is not None else ""
        tf = "yes" if "tensorflow" in sys.modules else "no"
        print(f"startup: window visible at {time.time():.3f}{since}; tensorflow imported: {tf}",
              file=sys.stderr, flush=True)
        if os.environ.get("TRENDCAST_QUIT_AFTER_STARTUP") == "1":
            from PySide6.QtWidgets import QApplication

            QApplication.quit()

    QTimer.singleShot(0, report)
