"""Create the QApplication and the main window."""
from __future__ import annotations

import argparse
import os
import sys


def _parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="trendcast", add_help=False)
    parser.add_argument("--sample", action="store_true", help="open the bundled sample shop")
    parser.add_argument("file", nargs="?", help="a sales file or project to open")
    args, _qt_args = parser.parse_known_args(argv)
    return args


def _has_display() -> bool:
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
                or os.environ.get("QT_QPA_PLATFORM"))


def run_app(argv: list[str]) -> int:
    args = _parse(argv)
    if not _has_display():
        print("No display found (DISPLAY and WAYLAND_DISPLAY are unset). Start Trendcast from a "
              "desktop session, or run headless with QT_QPA_PLATFORM=offscreen; the command line "
              "works without a display: python main.py --help", file=sys.stderr)
        return 2
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    from gui.startup import prepare_app

    prepare_app(app)  # user folders and log, window icon, TRENDCAST_REPORT_STARTUP
    app.setApplicationName("Trendcast")
    app.setOrganizationName("Trendcast")
    from gui.i18n import install_translator

    install_translator(app)  # before any window: widgets take their texts when built
    from PySide6.QtCore import QTimer

    window = MainWindow()
    window.show()

    # Start reading only once the event loop runs, so the first paint never waits for it.
    if args.sample:
        QTimer.singleShot(0, window.open_sample)
    elif args.file:
        QTimer.singleShot(0, lambda: window.open_path(args.file))
    code = app.exec()
    # Quitting without closing the window (the session ends, QApplication.quit) must still stop
    # the workers and their child processes, as closing the window does; events handled while
    # quitting may even have started one.
    from gui.main_window import QUIT_WAIT_MS
    from gui.worker import cancel_all_and_wait

    cancel_all_and_wait(QUIT_WAIT_MS)
    return code
