"""Where the files that ship with Trendcast live.

Resolved relative to this module so the same code works from a source checkout and from a
PyInstaller bundle, where `resources/` sits beside `core/`.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESOURCES = ROOT / "resources"
SAMPLE_DIR = RESOURCES / "sample"


def sample_shop_path() -> Path:
    """The bundled sample shop: raw order lines of a real online gift shop (see its README)."""
    return SAMPLE_DIR / "sample_shop_orders.csv.gz"
