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
           "model", "basis"]


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
    assert list(fc.columns) == ["unique_id", "ds", "yhat", "yhat_lo_90", "yhat_hi_90", "model",
                                 "basis"]
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


def test_forecast_writes_the_trending_ranking(tmp_path, capsys):
    out, ranked = tmp_path / "fc.csv", tmp_path / "trending.csv"
    assert run(["forecast", str(FIXTURE), "--horizon", "4", "--freq", "W", "--jobs", "1",
                "--windows", "1", "--output", str(out), "--trending", str(ranked)]) == 0
    table = pd.read_csv(ranked, dtype={"unique_id": str})
    assert list(table.columns)[:4] == ["unique_id", "rank", "class", "change"]
    assert len(table) == 40 and table["unique_id"].is_unique
    assert set(table["class"]) <= {"rising", "falling", "new", "fading", "stable"}
    scored = table[table["score"].notna()]
    assert scored["score"].is_monotonic_decreasing and len(scored) > 0
    assert table["score"].notna().tolist() == sorted(table["score"].notna(), reverse=True)
    fc = pd.read_csv(out, dtype={"unique_id": str})
    future = fc.groupby("unique_id")["yhat"].sum()
    top = scored.iloc[0]
    assert top["future_units"] == pytest.approx(future[top["unique_id"]], rel=1e-6)


def test_a_reader_that_closes_the_pipe_gets_no_traceback():
    """`python main.py import --rules | head -1`: the reader is gone before we write."""
    import os

    read_end, write_end = os.pipe()
    os.close(read_end)  # deterministic: every write now fails with EPIPE
    try:
        result = subprocess.run([sys.executable, "main.py", "import", "--rules"], cwd=ROOT,
                                stdout=write_end, stderr=subprocess.PIPE, text=True, timeout=120)
    finally:
        os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141


def test_forecast_with_overrides_writes_final_and_model_numbers(tmp_path, capsys):
    from core.overrides import Journal, Override, write_journal

    plain, changed = tmp_path / "plain.csv", tmp_path / "changed.csv"
    journal_path = tmp_path / "journal.json"
    args = [str(FIXTURE), "--horizon", "3", "--freq", "W", "--model", "naive", "--jobs", "1",
            "--windows", "1"]
    assert run(["forecast", *args, "--output", str(plain)]) == 0
    base = pd.read_csv(plain, dtype={"unique_id": str})
    uid, first = base.unique_id.iloc[0], base.ds.iloc[0]
    write_journal(journal_path, Journal((
        Override(uid, "absolute", 123, periods=(first,), comment="big order"),
        Override("no-such-product", "units", 5))))
    capsys.readouterr()
    assert run(["forecast", *args, "--output", str(changed), "--overrides",
                str(journal_path), "--project", str(tmp_path / "shop.trendcast")]) == 0
    err = capsys.readouterr().err
    assert "journal.json, entry 2: changes nothing (product no-such-product" in err
    out = pd.read_csv(changed, dtype={"unique_id": str})
    assert list(out.columns) == [*COLUMNS[:3], "yhat_model", "overridden", *COLUMNS[3:]]
    hit = out.overridden
    assert hit.sum() == 1 and out.loc[hit, "yhat"].item() == 123
    assert out.loc[hit, "yhat_model"].item() == base.loc[0, "yhat"]
    assert out.yhat_model.tolist() == base.yhat.tolist()
    assert (out.loc[hit, "yhat_hi_95"] >= 123).all()
    from core.project import load_project

    assert load_project(tmp_path / "shop.trendcast").overrides.overrides[0].comment == "big order"


def test_forecast_with_a_bad_overrides_file_exits_2_before_reading(tmp_path, capsys):
    journal_path = tmp_path / "journal.json"
    journal_path.write_text('{"format": "trendcast-overrides", "format_version": 1, '
                            '"overrides": [{"product": "A", "kind": "percent", "value": -300}]}')
    code = run(["forecast", str(FIXTURE), "--horizon", "3", "--output",
                str(tmp_path / "x.csv"), "--overrides", str(journal_path)])
    err = capsys.readouterr().err.strip()
    assert code == 2 and len(err.splitlines()) == 1
    assert "journal.json, entry 1: Override value: -300 % would make sales negative" in err
    assert not (tmp_path / "x.csv").exists()
