"""Fixtures for the import tests: the shared real data and small files written on the fly."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def shared_data() -> Path:
    """`../shared/data` beside the clone (CI); a worktree under `wt/` looks one level higher."""
    for base in (ROOT.parent, ROOT.parent.parent):
        candidate = base / "shared" / "data"
        if (candidate / "online_retail").is_dir():
            return candidate
    raise FileNotFoundError(
        f"The shared real data was not found beside the repository ({ROOT.parent / 'shared'}). "
        "Lay the project's shared/ folder beside the clone as ../shared.")


@pytest.fixture(scope="session")
def retail_orders() -> Path:
    return shared_data() / "online_retail" / "online_retail_orders.csv.gz"


@pytest.fixture
def write(tmp_path):
    """write(name, text_or_bytes, encoding='utf-8') -> path of a new file in tmp_path."""
    def _write(name: str, content, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, str):
            content = content.encode(encoding)
        path.write_bytes(content)
        return path
    return _write
