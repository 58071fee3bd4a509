"""Paths of the files in `resources/`, resolved from this module's own location.

From source that is the repository's `resources/`; in the PyInstaller bundle the package sits in
`_internal/gui/` and the spec puts the data in `_internal/resources/`, so the same code works.
"""
from __future__ import annotations

from pathlib import Path

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
APP_ICON = RESOURCES / "icons" / "trendcast.png"


def app_icon():
    """The window icon (a QIcon); a missing file gives an empty icon, not a crash."""
    from PySide6.QtGui import QIcon

    return QIcon(str(APP_ICON))
