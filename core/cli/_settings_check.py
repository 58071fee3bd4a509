"""The run plan's rules (`core.run_plan`) on the command line: the same as in the app.

argparse only reads whole numbers; whether a value is allowed is the plan's to say, so the
`forecast` and `backtest` commands refuse exactly what the Model setup panel refuses, with the
same sentence, naming the flag instead of the field.
"""
from __future__ import annotations

import argparse
import sys

from core.errors import TrendcastError
from core.run_plan import DataShape, Problem, blocking, check

# Plan field -> the flag that sets it.
FLAGS = {"horizon": "--horizon", "windows": "--windows", "step": "--step",
         "season_length": "--season-length", "freq": "--freq", "levels": "--levels",
         "n_jobs": "--jobs", "data": "INPUT"}


def whole_number(text: str) -> int:
    """argparse type: any integer; its range is checked by the run plan."""
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None


def level_list(text: str) -> tuple[int, ...]:
    """argparse type: '80,95' -> (80, 95); the run plan checks each is between 1 and 99."""
    try:
        return tuple(sorted({int(p) for p in text.split(",") if p.strip()}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected levels like 80,95, got {text!r}") from None


def model_list(text: str) -> tuple[str, ...]:
    return tuple(m.strip() for m in text.split(",") if m.strip())


def check_settings(settings, shape: DataShape | None = None, *, models_flag: str = "--model",
                   backtest: bool = False) -> None:
    """One-line TrendcastError for settings the run cannot use; warnings as `note:` lines."""
    problems = check(settings, shape, backtest=backtest)
    bad = blocking(problems)
    if bad:
        raise TrendcastError("; ".join(_line(p, models_flag) for p in bad))
    for problem in problems:
        print(f"note: {_line(problem, models_flag)}", file=sys.stderr)


def _line(problem: Problem, models_flag: str) -> str:
    flag = FLAGS.get(problem.field, models_flag)
    return f"{flag}: {problem.text}"
