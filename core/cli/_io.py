"""Reading INPUT and writing outputs for the forecast and backtest commands."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pandas as pd

from core.errors import TrendcastError


def read_input(path: str, freq: str | None) -> tuple[pd.DataFrame, str]:
    """Anything the importer accepts -> (canonical frame, frequency)."""
    if not Path(path).is_file():
        raise TrendcastError(f"Input file not found: {path}")
    load = _importer()
    if load is not None:
        from core.data.types import ImportOptions

        result = load(path, ImportOptions(freq=freq))
        return result.frame, result.freq
    return _read_canonical(path, freq)


def _importer():
    try:
        from core.data import load
    except ImportError:
        try:
            from core.data.importer import load
        except ImportError:  # the importer is not merged yet
            return None
    return load


def _read_canonical(path: str, freq: str | None) -> tuple[pd.DataFrame, str]:
    """Stand-in until the importer lands: a long CSV with unique_id, ds, y."""
    from core.schema import DS, ID, Y, infer_freq

    try:
        frame = pd.read_csv(path, dtype={ID: str})
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise TrendcastError(f"Could not read {path}: {exc}") from None
    missing = [c for c in (ID, DS, Y) if c not in frame.columns]
    if missing:
        raise TrendcastError(f"{path}: no column(s) {', '.join(missing)}.")
    frame[DS] = pd.to_datetime(frame[DS], errors="coerce")
    frame[Y] = pd.to_numeric(frame[Y], errors="coerce")
    if frame[[DS, Y]].isna().any().any():
        raise TrendcastError(f"{path}: some dates or quantities could not be read.")
    return frame, freq or infer_freq(frame)


def write_csv_atomic(frame: pd.DataFrame, path: str) -> None:
    """Write `frame` to `path` so that a reader never sees half a file."""
    target = Path(path)
    if not target.parent.exists():
        raise TrendcastError(f"Output folder does not exist: {target.parent}")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", newline="") as handle:
            frame.to_csv(handle, index=False, date_format="%Y-%m-%d")
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1."""
    import argparse

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, got {value}")
    return value


def levels(text: str) -> tuple[int, ...]:
    """argparse type: '80,95' -> (80, 95), each between 1 and 99."""
    import argparse

    try:
        out = tuple(sorted({int(p) for p in text.split(",") if p.strip()}))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected levels like 80,95, got {text!r}") from None
    if not out or any(not 0 < lv < 100 for lv in out):
        raise argparse.ArgumentTypeError(f"levels must be between 1 and 99, got {text!r}")
    return out
