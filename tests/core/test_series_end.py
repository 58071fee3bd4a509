"""Series that end at different dates (issue #11 section 4): a record that stops is not sales
of 0, each series is forecast from its own last date, and the user sees and can override the
rule (`core.data.series_end`)."""
import gzip
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.cli import run
from core.data import ImportOptions, load
from core.errors import InputError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TRAIN, TEST = FIXTURES / "m3_monthly_150_train.csv.gz", FIXTURES / "m3_monthly_150_test.csv.gz"


def _write(path: Path, frame: pd.DataFrame) -> Path:
    frame.to_csv(path, index=False)
    return path


def test_m3_long_table_ends_each_series_at_its_own_last_row():
    result = load(TRAIN, ImportOptions(freq="M"))
    raw = pd.read_csv(TRAIN, parse_dates=["ds"], dtype={"unique_id": str})
    assert len(result.frame) == len(raw)  # no invented periods
    own_ends = raw.groupby("unique_id")["ds"].max()
    ends = result.frame.groupby("unique_id")["ds"].max()
    assert (ends.reindex(own_ends.index) == own_ends).all()
    assert result.summary.series_end == "own" and result.summary.end_reason == "dense"
    assert result.summary.ended_early == int((own_ends < own_ends.max()).sum()) > 0
    keys = [key for key, _ in result.summary.items()]
    assert "summary.end_own" in keys and "summary.end_why_dense" in keys
    assert not any("count as 0 sales" in str(p) for p in result.problems)


def test_shared_override_pads_to_the_last_period():
    result = load(TRAIN, ImportOptions(freq="M", series_end="shared"))
    ends = result.frame.groupby("unique_id")["ds"].max()
    assert (ends == ends.max()).all()
    assert result.summary.end_reason == "chosen" and result.summary.ended_early == 0
    assert any("count as 0 sales" in str(p) for p in result.problems)


def test_unknown_series_end_is_a_clear_error():
    with pytest.raises(InputError, match="Unknown series end 'last'"):
        load(TRAIN, ImportOptions(freq="M", series_end="last"))


def test_explicit_zeros_mean_a_missing_tail_was_not_recorded(tmp_path):
    rows = [("a", f"2024-01-{d:02d}", q) for d, q in ((1, 3), (2, 0), (3, 5), (4, 2), (5, 0))]
    rows += [("b", f"2024-01-{d:02d}", 4) for d in (1, 2, 3)]  # b stops being recorded
    path = _write(tmp_path / "zeros.csv", pd.DataFrame(rows, columns=["sku", "date", "qty"]))
    result = load(path, ImportOptions(freq="D"))
    assert result.summary.end_reason == "zeros"
    ends = result.frame.groupby("unique_id")["ds"].max().dt.day.to_dict()
    assert ends == {"a": 5, "b": 3}


def test_sparse_table_without_zeros_pads_to_the_shops_last_period(tmp_path):
    # Only days with sales are listed, a few each: a missing day is a day without sales.
    rows = [("a", "2024-01-01", 2), ("a", "2024-01-05", 1), ("a", "2024-01-20", 3),
            ("b", "2024-01-02", 1), ("b", "2024-01-11", 2), ("c", "2024-01-03", 4),
            ("c", "2024-01-30", 1)]
    path = _write(tmp_path / "sparse.csv", pd.DataFrame(rows, columns=["sku", "date", "qty"]))
    result = load(path, ImportOptions(freq="D"))
    assert (result.summary.series_end, result.summary.end_reason) == ("shared", "sparse")
    ends = result.frame.groupby("unique_id")["ds"].max()
    assert (ends == pd.Timestamp("2024-01-30")).all()


def test_order_lines_run_to_the_shops_last_period(tmp_path):
    rows = [("1", "2024-01-01 10:00", "a", 2, 1.5), ("2", "2024-01-02 11:00", "b", 1, 2.0),
            ("3", "2024-01-09 12:00", "a", 1, 1.5), ("4", "2024-01-10 09:00", "a", 3, 1.5)]
    path = _write(tmp_path / "orders.csv", pd.DataFrame(
        rows, columns=["InvoiceNo", "InvoiceDate", "StockCode", "Quantity", "UnitPrice"]))
    result = load(path, ImportOptions(freq="D"))
    assert result.layout == "orders"
    assert (result.summary.series_end, result.summary.end_reason) == ("shared", "orders")
    assert result.frame.groupby("unique_id")["ds"].max().nunique() == 1


def _smape(y: np.ndarray, f: np.ndarray) -> float:
    return float(np.mean(200 * np.abs(y - f) / (np.abs(y) + np.abs(f))))


def test_cli_forecast_meets_every_test_point_at_its_real_date(tmp_path, capsys):
    """M3 fixture through the CLI: each series forecast from its own end, scored by its dates."""
    out = tmp_path / "fc.csv"
    assert run(["forecast", str(TRAIN), "--horizon", "18", "--freq", "M", "--model", "auto",
                "--windows", "1", "--jobs", "1", "--output", str(out)]) == 0
    assert "each product ends at its own last row" in capsys.readouterr().err
    fc = pd.read_csv(out, parse_dates=["ds"], dtype={"unique_id": str})
    with gzip.open(TEST) as handle:
        test = pd.read_csv(handle, parse_dates=["ds"], dtype={"unique_id": str})
    scored = test.merge(fc, on=["unique_id", "ds"], how="left")
    assert scored["yhat"].notna().all()  # every test point has a forecast at its real date
    assert len(fc) == len(test)  # and no forecast at dates the series never had
    assert _smape(scored["y"].to_numpy(), scored["yhat"].to_numpy()) < 16.0  # Naive2: 16.9


def test_wide_table_series_end_at_their_last_filled_cell(tmp_path):
    """M3 fixture as a wide table: empty cells after a column's last value are not sales of 0."""
    long = pd.read_csv(TRAIN, dtype={"unique_id": str})
    wide = long.pivot(index="ds", columns="unique_id", values="y").reset_index()
    path = _write(tmp_path / "wide.csv", wide)
    result = load(path, ImportOptions(freq="M"))
    assert result.layout == "wide" and result.summary.end_reason == "dense"
    assert len(result.frame) == len(long) and "blank" not in result.frame
    padded = load(path, ImportOptions(freq="M", series_end="shared"))
    assert len(padded.frame) == 150 * wide.shape[0]
    assert any("count as 0 sales" in str(p) for p in padded.problems)


def test_wide_table_empty_cells_inside_a_series_are_no_sale(tmp_path):
    wide = pd.DataFrame({"date": ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04"],
                         "a": ["3", "", "2", ""], "b": ["1", "0", "4", "5"]})
    result = load(_write(tmp_path / "w.csv", wide), ImportOptions(freq="D"))
    assert result.summary.end_reason == "zeros"  # b's written 0
    frame = result.frame.set_index(["unique_id", result.frame["ds"].dt.day])["y"]
    assert frame["a"].to_dict() == {1: 3.0, 2: 0.0, 3: 2.0}  # day 4 was not recorded
    assert frame["b"].to_dict() == {1: 1.0, 2: 0.0, 3: 4.0, 4: 5.0}


def test_cli_series_end_flag_overrides_the_rule(tmp_path, capsys):
    out = tmp_path / "fc.csv"
    assert run(["forecast", str(TRAIN), "--horizon", "2", "--freq", "M", "--model", "naive",
                "--series-end", "shared", "--jobs", "1", "--output", str(out)]) == 0
    assert "every product runs to the last period (2010-06-01)" in capsys.readouterr().err
    fc = pd.read_csv(out, parse_dates=["ds"])
    assert set(fc["ds"]) == {pd.Timestamp("2010-07-01"), pd.Timestamp("2010-08-01")}
    assert run(["import", str(TRAIN), "--freq", "M", "--series-end", "own"]) == 0
    assert "series end chosen in the import settings" in capsys.readouterr().out
    with pytest.raises(SystemExit):
        run(["backtest", str(TRAIN), "--horizon", "2", "--windows", "1", "--series-end", "x",
             "--output", str(out)])
