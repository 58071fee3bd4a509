"""Every CSV Trendcast writes is atomic and formula-safe: CLI outputs, GUI exports, smoke mode."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.cli import run
from core.csv_output import FORMULA_PREFIXES, write_csv
from core.errors import TrendcastError

ROOT = Path(__file__).resolve().parents[2]
IDS = ['=HYPERLINK("http://evil.example","click")', "@SUM(1)", "+1", "-1+1", "plain"]
TITLES = ["=1+1 mug", "@cmd", "+tea", "-2+3 cup", "Plain mug"]


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Path:
    """A weekly sales file whose product ids and titles are spreadsheet formulas."""
    rng = np.random.default_rng(0)
    rows = [(uid, day.date(), float(rng.poisson(5 + i)), 2.5 + i, title)
            for i, (uid, title) in enumerate(zip(IDS, TITLES, strict=True))
            for day in pd.date_range("2011-01-02", periods=40, freq="W-SUN")]
    path = tmp_path_factory.mktemp("formulas") / "shop.csv"
    pd.DataFrame(rows, columns=["unique_id", "ds", "y", "price", "title"]).to_csv(path,
                                                                                 index=False)
    return path


def _cells(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _assert_formula_safe(path: Path, text_columns: tuple[str, ...]) -> None:
    rows = _cells(path)
    assert rows, f"{path} is empty"
    for row in rows:
        for column in text_columns:
            assert not row[column].startswith(FORMULA_PREFIXES), (path.name, column, row[column])
    ids = {row["unique_id"] for row in rows}
    assert {"'" + uid for uid in IDS if uid != "plain"} <= ids, ids  # shown as text, not lost
    assert "plain" in ids


def _cli(*args: str) -> None:
    assert run([*args]) == 0


def test_import_output_is_formula_safe_and_keeps_numbers(shop, tmp_path):
    out = tmp_path / "series.csv"
    _cli("import", str(shop), "--freq", "W", "-o", str(out))
    _assert_formula_safe(out, ("unique_id", "title"))
    back = pd.read_csv(out)
    original = pd.read_csv(shop)
    assert back["y"].sum() == original["y"].sum()  # numbers untouched
    assert sorted(back["price"].unique()) == sorted(original["price"].unique())


def test_forecast_and_choices_outputs_are_formula_safe(shop, tmp_path):
    out, why = tmp_path / "fc.csv", tmp_path / "why.csv"
    _cli("forecast", str(shop), "--freq", "W", "--horizon", "4", "--model", "naive",
         "--jobs", "1", "--output", str(out), "--choices", str(why))
    _assert_formula_safe(out, ("unique_id", "model"))
    _assert_formula_safe(why, ("unique_id", "model", "reason"))
    assert (pd.read_csv(out)["yhat"] >= 0).all()  # numbers are numbers
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fc.csv", "why.csv"]  # no temp files


def test_backtest_output_is_formula_safe(shop, tmp_path):
    out = tmp_path / "metrics.csv"
    _cli("backtest", str(shop), "--freq", "W", "--horizon", "4", "--windows", "2",
         "--models", "naive", "--per-product", "--jobs", "1", "--output", str(out))
    _assert_formula_safe(out, ("unique_id", "model"))


def test_whatif_output_is_formula_safe(shop, tmp_path):
    project, out = tmp_path / "shop.trendcast", tmp_path / "wi.csv"
    _cli("forecast", str(shop), "--freq", "W", "--horizon", "4", "--model", "naive",
         "--windows", "1", "--jobs", "1", "--output", str(tmp_path / "fc.csv"),
         "--project", str(project))
    _cli("whatif", str(project), "--price", "-10", "--elasticity", "-1", "-o", str(out))
    _assert_formula_safe(out, ("unique_id", "title"))
    assert {row["title"] for row in _cells(out)} >= {"'=1+1 mug", "'-2+3 cup", "Plain mug"}


def test_numbers_and_dates_are_written_untouched_and_text_is_neutralised(tmp_path):
    frame = pd.DataFrame({"name": ["-1+1", "ok", "\tx"], "value": [-1.5, 2.0, -3.0],
                          "count": [-1, 0, 1],
                          "ds": pd.to_datetime(["2024-01-01", "2024-01-02", "2024-01-03"])})
    path = tmp_path / "t.csv"
    write_csv(path, frame, date_format="%Y-%m-%d")
    assert path.read_text(encoding="utf-8").splitlines() == [
        "name,value,count,ds", "'-1+1,-1.5,-1,2024-01-01", "ok,2.0,0,2024-01-02",
        "'\tx,-3.0,1,2024-01-03"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("old")

    class Boom:
        def __str__(self):
            raise OSError(28, "No space left on device")

    with pytest.raises(TrendcastError, match="Could not write .*No space left on device"):
        write_csv(path, pd.DataFrame({"a": [Boom()]}))
    assert path.read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]
    with pytest.raises(TrendcastError, match="folder .* does not exist"):
        write_csv(tmp_path / "missing" / "t.csv", pd.DataFrame({"a": [1]}))


def test_there_is_one_csv_writer():
    """Only the writer itself and the project format (data inside the zip, read back by us, not
    by spreadsheets) may call pandas' to_csv; everything else goes through core.csv_output."""
    allowed = {ROOT / "core" / "csv_output.py", ROOT / "core" / "project.py"}
    callers = [path.relative_to(ROOT).as_posix()
               for folder in ("core", "gui", "build")
               for path in (ROOT / folder).rglob("*.py")
               if path not in allowed and re.search(r"\.to_csv\(", path.read_text("utf-8"))]
    assert callers == []
