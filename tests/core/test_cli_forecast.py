"""`forecast` and `backtest` on the command line: exit codes, one-line errors, output columns."""
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from core.cli import run

ROOT = Path(__file__).resolve().parents[2]
FIXTURE = ROOT / "tests" / "core" / "fixtures" / "retail_weekly_40.csv"
COLUMNS = ["unique_id", "ds", "yhat", "yhat_lo_80", "yhat_hi_80", "yhat_lo_95", "yhat_hi_95",
           "model"]


def test_forecast_writes_one_row_per_product_and_period(tmp_path, capsys):
    out = tmp_path / "fc.csv"
    code = run(["forecast", str(FIXTURE), "--horizon", "6", "--freq", "W", "--jobs", "1",
                "--windows", "1",
                "--output", str(out), "--choices", str(tmp_path / "why.csv")])
    assert code == 0
    fc = pd.read_csv(out, dtype={"unique_id": str})
    assert list(fc.columns) == COLUMNS
    assert len(fc) == 40 * 6
    assert fc.model.notna().all()
    assert "40 products" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fc.csv", "why.csv"]  # no temp files
    why = pd.read_csv(tmp_path / "why.csv", dtype={"unique_id": str})
    assert list(why.columns) == ["unique_id", "demand_class", "model", "reason", "fallback"]
    assert len(why) == 40


def test_forecast_with_a_named_model_and_other_levels(tmp_path):
    out = tmp_path / "fc.csv"
    assert run(["forecast", str(FIXTURE), "--horizon", "2", "--model", "naive", "--levels", "90",
                "--jobs", "1", "--output", str(out)]) == 0
    fc = pd.read_csv(out)
    assert list(fc.columns) == ["unique_id", "ds", "yhat", "yhat_lo_90", "yhat_hi_90", "model"]
    assert set(fc.model) == {"naive"}


def test_backtest_writes_metrics_per_model_and_per_product(tmp_path):
    out = tmp_path / "m.csv"
    assert run(["backtest", str(FIXTURE), "--horizon", "4", "--windows", "2", "--models",
                "naive,seasonal_naive", "--jobs", "1", "--output", str(out)]) == 0
    metrics = pd.read_csv(out)
    assert sorted(metrics.model) == ["naive", "seasonal_naive"]
    for col in ("MAE", "MSE", "RMSE", "MAPE", "sMAPE", "MASE", "RMSSE", "WAPE", "bias",
                "coverage_80", "coverage_95", "trend_precision", "trend_recall", "trend_f1"):
        assert col in metrics.columns
    assert run(["backtest", str(FIXTURE), "--horizon", "4", "--windows", "2", "--models",
                "naive", "--per-product", "--jobs", "1", "--output", str(out)]) == 0
    per_product = pd.read_csv(out, dtype={"unique_id": str})
    assert len(per_product) == 40 and "unique_id" in per_product.columns


@pytest.mark.parametrize("args, message", [
    (["forecast", "missing.csv", "--horizon", "3", "--output", "x.csv"], "not found"),
    (["forecast", str(FIXTURE), "--horizon", "0", "--output", "x.csv"],
     "--horizon: the horizon must be at least 1 period (got 0)"),
    (["forecast", str(FIXTURE), "--horizon", "abc", "--output", "x.csv"], "whole number"),
    (["forecast", str(FIXTURE), "--horizon", "3", "--model", "nope", "--output", "x.csv"],
     "--model: unknown model nope"),
    (["backtest", str(FIXTURE), "--horizon", "3", "--windows", "2", "--models", "naive,nope",
      "--output", "x.csv"], "--models: unknown model nope"),
    (["backtest", str(FIXTURE), "--horizon", "3", "--windows", "0", "--models", "naive",
      "--output", "x.csv"], "--windows: a backtest needs at least 1 window (got 0)"),
    (["forecast", str(FIXTURE), "--horizon", "3", "--levels", "80,100", "--output", "x.csv"],
     "--levels: interval levels must be between 1 and 99 (got 80,100)"),
    (["forecast", str(FIXTURE), "--horizon", "3", "--output", "/no/such/dir/x.csv"],
     "does not exist"),
])
def test_bad_input_exits_2_with_one_line(args, message, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:  # argparse errors exit from the parser
        code = run(args)
        raise SystemExit(code)
    assert exc.value.code == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and message in err
    assert "Traceback" not in err


def test_the_real_entry_point_gives_no_traceback(tmp_path):
    result = subprocess.run([sys.executable, "main.py", "forecast", "nothing.csv", "--horizon",
                             "3", "--output", str(tmp_path / "x.csv")], cwd=ROOT,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert result.stderr.strip() == "error: Input file not found: nothing.csv"


def test_forecast_from_orders_leaves_out_a_half_recorded_last_week(tmp_path):
    # Orders run to Wednesday 2024-03-13: that week is incomplete, so the weekly forecast starts
    # at the week it belongs to instead of reading the short week as a sales drop.
    days = pd.date_range("2024-01-01", "2024-03-13", freq="D")
    orders = pd.DataFrame({"Order": range(len(days) * 2),
                           "Date": [f"{d:%Y-%m-%d} 10:00" for d in days for _ in (0, 1)],
                           "SKU": ["A", "B"] * len(days), "Quantity": 3, "Price": 2.5})
    src = tmp_path / "orders.csv"
    orders.to_csv(src, index=False)
    out = tmp_path / "fc.csv"
    code = run(["forecast", str(src), "--horizon", "2", "--freq", "W", "--model", "naive",
                "--jobs", "1", "--windows", "1", "--output", str(out)])
    assert code == 0
    fc = pd.read_csv(out, parse_dates=["ds"])
    assert fc.ds.min() == pd.Timestamp("2024-03-17")  # the Sunday ending the cut week
    assert (fc.yhat == 21).all()  # a full week of 3 a day, not the 9 of the partial week
