"""Trendcast entry point: the desktop app by default, the headless CLI when given a sub-command.

    python main.py                 open the app
    python main.py --sample        open the app with the bundled sample shop loaded
    python main.py forecast ...    run the engine headless (see --help)
    python main.py --smoke-test    check this build end to end offscreen, exit 0 on success
"""
from __future__ import annotations

import multiprocessing
import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    from core.cli import COMMAND_NAMES

    if argv and (argv[0] in COMMAND_NAMES or argv[0] in ("-h", "--help", "--version")):
        from core.cli import run

        return run(argv)
    if argv and argv[0] == "--smoke-test":
        from gui.smoke import run_smoke

        return run_smoke(argv[1:])
    from core.cli import COMMANDS
    from core.cli.launch import app_arguments_problem

    problem = app_arguments_problem(argv, list(COMMANDS))
    if problem:  # never open a window nobody asked for (headless it would wait forever)
        print(problem, file=sys.stderr)
        return 2
    from gui.app import run_app  # Qt is imported only on this path

    return run_app(argv)


if __name__ == "__main__":
    multiprocessing.freeze_support()  # frozen builds start worker processes through main
    sys.exit(main())
