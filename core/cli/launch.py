"""Whether a command line may open the desktop app, decided before Qt is imported.

Only no argument, the app's own flags and a path to an existing file open the window. Anything
else (a typo of a sub-command, an unknown one, a stray option) gets exit 2 and the list of
commands: headless (ssh, CI, offscreen) a window nobody sees would otherwise wait forever.
"""
from __future__ import annotations

import difflib
from pathlib import Path

APP_FLAGS = ("--sample",)  # the flags gui.app understands
# macOS adds "-psn_0_12345" when an app bundle is started from the Finder on older systems.
_FINDER_PREFIX = "-psn_"


def app_arguments_problem(argv: list[str], commands: list[str]) -> str | None:
    """One line saying why `argv` must not open the app, or None when it may."""
    files = []
    for arg in argv:
        if arg in APP_FLAGS or arg.startswith(_FINDER_PREFIX):
            continue
        if arg.startswith("-"):
            return _unknown(arg, [*commands, *APP_FLAGS, "--help", "--version", "--smoke-test"],
                            commands, kind="option")
        if not Path(arg).is_file():
            return _unknown(arg, commands, commands, kind="command")
        files.append(arg)
    if len(files) > 1:
        return (f"trendcast: error: the app opens one file at a time, got {len(files)}: "
                f"{', '.join(files)}")
    return None


def _unknown(arg: str, candidates: list[str], commands: list[str], *, kind: str) -> str:
    close = difflib.get_close_matches(arg, candidates, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    what = f"unknown {kind} '{arg}'" if kind == "option" else (
        f"unknown command '{arg}', and no file of that name exists")
    return (f"trendcast: error: {what}{hint}. Commands: {', '.join(commands)}; "
            "or give a sales file or project to open it in the app. "
            "Help: python main.py --help")
