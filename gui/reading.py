"""Reading a sales file for the Import step, free of Qt so it can run in a child process.

`read_file` previews and loads a file and returns every input problem as part of its outcome;
`read_file_in_process` does the same in a spawned process (`core.subprocess_runner`), so a large
file never makes the window stutter and a cancel takes effect within about a second.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from core.data.types import ImportOptions, ImportResult, RawPreview
from core.errors import InputError, Problem, TrendcastError
from core.progress import NEVER


@dataclass
class ImportOutcome:
    """What reading a file gave: the raw preview, and either a result or the problems."""

    path: str
    preview: RawPreview | None = None
    result: ImportResult | None = None
    problems: list[Problem] = field(default_factory=list)


def read_file(path: str, options: ImportOptions | None, *, preview_fn: Callable, load_fn: Callable,
              progress=None, cancel=None) -> ImportOutcome:
    """Preview, then load; input problems are part of the outcome, not an exception."""
    outcome = ImportOutcome(path)
    cancel = cancel or NEVER
    try:
        outcome.preview = preview_fn(path, options)
        cancel.raise_if_cancelled()
        outcome.result = load_fn(path, options, progress=progress, cancel=cancel)
        outcome.problems = list(outcome.result.problems)
    except InputError as exc:
        outcome.problems = list(exc.problems) or [Problem(str(exc), file=path)]
    except TrendcastError as exc:
        outcome.problems = [Problem(str(exc), file=path, key=exc.key, fields=exc.fields)]
    return outcome


def read_file_in_process(path: str, options: ImportOptions | None, *, preview_fn: Callable,
                         load_fn: Callable, progress=None, cancel=None) -> ImportOutcome:
    """`read_file` in a spawned process; `preview_fn` and `load_fn` must be module-level."""
    from core.subprocess_runner import run_in_process

    return run_in_process(read_file, path, options, preview_fn=preview_fn, load_fn=load_fn,
                          progress=progress, cancel=cancel)
