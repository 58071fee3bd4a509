"""Reading INPUT and writing outputs for the forecast and backtest commands."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from core.errors import TrendcastError
from core.messages import render


def add_import_arguments(parser) -> None:
    """What every command that reads a sales file lets the user decide about the import:
    `--series-end own|shared` (where each product's series ends) and `--cancelled-status`."""
    parser.add_argument(
        "--series-end", choices=("own", "shared"), default=None,
        help="own: each product ends at its own last row (a record that stops was no longer "
             "kept); shared: every product runs to the data's last period, missing periods "
             "counted as 0 sales. Default: decided from the file (order lines shared; tables "
             "with explicit zeros or a row for nearly every period own)")
    parser.add_argument(
        "--cancelled-status", action="append", default=[], metavar="VALUE",
        help="a value of the file's status column that means the order was cancelled or "
             "refunded, beyond the known ones (e.g. --cancelled-status storno); repeat for more")


def read_input(path: str, freq: str | None, series_end: str | None = None,
               cancelled_statuses: Sequence[str] = ()) -> tuple[pd.DataFrame, str]:
    """Anything the importer accepts (CSV, Excel, order exports...) -> (frame, frequency)."""
    result = load_input(path, freq, series_end, cancelled_statuses)
    return result.frame, result.freq


def load_input(path: str, freq: str | None, series_end: str | None = None,
               cancelled_statuses: Sequence[str] = ()):
    """`read_input`, giving the whole `ImportResult` (with the shop's country, for holidays)."""
    from core.data import load

    if not Path(path).is_file():
        raise TrendcastError(f"Input file not found: {path}")
    # A forecast must not read a half-recorded last week or month as a sales drop, so order
    # exports are cut to whole periods here (the `import` command keeps them, with a warning).
    result = load(path, import_options(freq, series_end, cancelled_statuses))
    for problem in result.problems:
        print(f"warning: {problem}", file=sys.stderr)
    for key, fields in result.summary.items():  # say which series-end rule was applied
        if key.startswith("summary.end_"):
            print(f"note: {render(key, **fields)}", file=sys.stderr)
    return result


def import_options(freq: str | None, series_end: str | None = None,
                   cancelled_statuses: Sequence[str] = ()):
    from core.data import ImportOptions

    return ImportOptions(freq=freq, complete_periods=True, series_end=series_end,
                         cancelled_statuses=tuple(cancelled_statuses))


def save_run_as_project(path: str, source: str, frame: pd.DataFrame, freq: str, run,
                        series_end: str | None = None, overrides=None,
                        cancelled_statuses: Sequence[str] = ()) -> None:
    """The run, its data and settings (and a journal of overrides) as a project file the app
    opens (written atomically)."""
    from core.overrides import Journal
    from core.project import Project, save_project

    options = import_options(freq, series_end, cancelled_statuses)
    save_project(path, Project(frame=frame, source=Path(source).name,
                               options=options, settings=run.settings,
                               run=run, overrides=overrides or Journal(),
                               # the titles the cold start read, so the app need not again
                               embeddings=getattr(run, "embeddings", b"") or None))


def check_before_reading(output: str) -> None:
    """Fail fast, before a long import: the output's folder exists (settings: the run plan)."""
    folder = Path(output).parent
    if not folder.exists():
        raise TrendcastError(f"Output folder does not exist: {folder}")


def quiet_numeric_warnings() -> None:
    """Numerical RuntimeWarnings inside models are handled by their fallbacks (and reported per
    product); on a terminal they would only alarm, so the commands do not print them."""
    import warnings

    warnings.filterwarnings("ignore", category=RuntimeWarning)


def write_output(frame: pd.DataFrame, path: str) -> None:
    """A CLI output CSV: the one writer (atomic, formula-safe), plain UTF-8, dates as days."""
    from core.csv_output import write_csv

    write_csv(path, frame, date_format="%Y-%m-%d")
