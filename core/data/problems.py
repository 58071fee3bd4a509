"""Building the InputError the importer raises: one problem about one file."""
from __future__ import annotations

from pathlib import Path

from core.errors import InputError, Problem


def fail(path: Path | str, message: str, hint: str = "", **where) -> InputError:
    """An InputError with one problem about `path` (use: `raise fail(...)`)."""
    return InputError([Problem(message, hint, file=str(path), **where)])
