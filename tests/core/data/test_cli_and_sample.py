"""The `import` command and the bundled sample shop."""
from __future__ import annotations

import subprocess
import sys

import pandas as pd

from core.cli import run
from core.data import load
from core.paths import RESOURCES, sample_shop_path
from tests.core.data.conftest import ROOT


def test_sample_shop_ships_and_imports():
    path = sample_shop_path()
    assert path.is_file() and path.parent.parent == RESOURCES
    assert path.stat().st_size < 2_000_000
    assert "UCI" in (path.parent / "README.md").read_text(encoding="utf-8")
    result = load(path)
    assert result.summary.products == 300
    assert result.layout == "orders"
    assert result.frame["title"].ne("").all()


def test_import_writes_the_canonical_csv(tmp_path, capsys):
    out = tmp_path / "long.csv"
    code = run(["import", str(sample_shop_path()), "--freq", "W", "--output", str(out)])
    assert code == 0
    printed = capsys.readouterr().out
    assert "300 products" in printed and "frequency W" in printed
    frame = pd.read_csv(out)
    assert list(frame.columns) == ["unique_id", "ds", "y", "price", "list_price", "title"]
    assert [p.name for p in tmp_path.iterdir()] == ["long.csv"], "no temporary file left"


def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("date,product,qty\n2024-01-01,a,1\n2024-01-02,a,lots\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    proc = subprocess.run([sys.executable, "main.py", "import", str(bad), "-o", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and "row 3" in lines[0] and "'lots' is not a number" in lines[0]
    assert "Traceback" not in proc.stderr
    assert not out.exists()


def test_rules_are_printed(capsys):
    assert run(["import", "--rules"]) == 0
    assert "cancelled" in capsys.readouterr().out
