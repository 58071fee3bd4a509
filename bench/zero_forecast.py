"""MASE of forecasting zero everywhere on Online Retail daily's three backtest windows (h = 28),
scored as bench/run.py scores: what a MASE below ~1.5 on that file is worth (issue #12).

    /work/main/.venv/bin/python bench/zero_forecast.py
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import pandas as pd  # noqa: E402

from core.evaluation.backtest import window_splits  # noqa: E402
from core.evaluation.metrics import score  # noqa: E402

DAILY = Path("/work/shared/data/online_retail/online_retail_daily.csv.gz")

if __name__ == "__main__":
    df = pd.read_csv(DAILY, dtype={"unique_id": str}, parse_dates=["ds"])[["unique_id", "ds", "y"]]
    df = df.sort_values(["unique_id", "ds"]).reset_index(drop=True)
    parts = [test.assign(window=w, yhat=0.0, model="zero")
             for w, _, test, _ in window_splits(df, horizon=28, windows=3, min_history=2)]
    metrics, _ = score(pd.concat(parts), df, freq="D")
    print(metrics[["model", "MASE", "WAPE", "bias"]].to_string(index=False))
