"""The headless command line: everything the GUI does can run from a script.

Each sub-command lives in its own module with `add_parser(subparsers)` and `run(args) -> int`.
Modules are imported only when their command runs, so `--help` stays fast and TensorFlow-free.
Exit codes: 0 success, 2 bad input or arguments (one line on stderr, never a traceback),
130 cancelled, 141 the output's reader closed the pipe (`| head`).
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from core import __version__
from core.errors import Cancelled, TrendcastError

# command name -> (module, one-line help). The module is imported for its parser only when used.
COMMANDS: dict[str, tuple[str, str]] = {
    "models": ("core.cli.models_cmd", "list the forecasting models and what they can do"),
    "forecast": ("core.cli.forecast_cmd", "forecast every product of a sales file to a CSV"),
    "backtest": ("core.cli.backtest_cmd", "rolling-origin accuracy of models on a sales file"),
    "import": ("core.cli.import_cmd", "read a sales file into daily, weekly or monthly series"),
    "whatif": ("core.cli.whatif_cmd", "what a price change or promotion does to a saved forecast"),
    "reorder": ("core.cli.reorder_cmd", "what to order, how much and by when, from sales + stock"),
    "similar": ("core.cli.similar_cmd", "products with the most similar titles (any language)"),
}
COMMAND_NAMES = frozenset(COMMANDS)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit 2 with one line, as for bad input
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser(selected: str | None = None) -> argparse.ArgumentParser:
    parser = _Parser(prog="trendcast", description="Offline sales forecasting for every product "
                     "of a shop. Without a sub-command the desktop app opens.")
    parser.add_argument("--version", action="version", version=f"Trendcast {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name, (module, help_text) in COMMANDS.items():
        if name == selected:
            importlib.import_module(module).add_parser(sub, name, help_text)
        else:
            sub.add_parser(name, help=help_text, add_help=False)
    return parser


def run(argv: list[str]) -> int:
    selected = argv[0] if argv and argv[0] in COMMANDS else None
    args = build_parser(selected).parse_args(argv)
    if not args.command:
        build_parser().print_help()
        return 0
    module = importlib.import_module(COMMANDS[args.command][0])
    try:
        return int(module.run(args) or 0)
    except TrendcastError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Cancelled:
        print("cancelled", file=sys.stderr)
        return 130
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return _reader_left()


def _reader_left() -> int:
    """The reader of our output went away (`... | head`): stop quietly, as `cat` does.

    Python would print a traceback when it flushes stdout at exit, so stdout is pointed at
    the null device first. 141 = 128 + SIGPIPE, what a shell reports for such a pipe."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    return 141
