"""Where held-out band coverage falls short: per reported window, demand class, horizon step
and band kind (two-sided, or [0, upper] for products mostly without sales), from one run.

    OPENBLAS_NUM_THREADS=1 /work/main/.venv/bin/python -W ignore bench/coverage_windows.py \
        weekly|daily|m3|sample [--model auto]

Runs `core.pipeline.run` once (settings as `bench/coverage.py`) and keeps what the conformal
step was given, so the same backtest is re-calibrated offline for comparison
(`--keep FILE`).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from unittest import mock

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from coverage import SETS, load  # noqa: E402

import core.pipeline as pipeline  # noqa: E402
from core.evaluation import conformal  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402

captured: dict = {}


def _capturing(bt, fc, frame, **kwargs):
    captured.update(bt=bt.copy(), fc=fc.copy(), frame=frame, kwargs=dict(kwargs))
    return conformal.calibrate(bt, fc, frame, **kwargs)


def covered(rows: pd.DataFrame, level: int) -> np.ndarray:
    y = rows["y"].to_numpy(float)
    return (y >= rows[f"yhat_lo_{level}"].to_numpy(float)) & \
        (y <= rows[f"yhat_hi_{level}"].to_numpy(float))


def breakdown(bt: pd.DataFrame, frame: pd.DataFrame, classes: pd.Series, model: str,
              reported: list[int]) -> None:
    rows = bt[(bt["model"] == model) & bt["window"].isin(reported)].copy()
    rows["class"] = classes.reindex(rows["unique_id"]).to_numpy()
    rows["step"] = rows.groupby(["unique_id", "window"]).cumcount() + 1
    for level in (80, 95):
        rows[f"c{level}"] = covered(rows, level)
    rows["zero_lo"] = rows["yhat_lo_80"] <= 0
    for key in ("window", "class", "step", "zero_lo", ["class", "window"]):
        table = rows.groupby(key)[["c80", "c95"]].mean().round(3)
        table["rows"] = rows.groupby(key).size()
        print(f"-- {model} by {key}\n{table.to_string()}", flush=True)
    print(f"-- {model} all: {rows['c80'].mean():.4f} / {rows['c95'].mean():.4f}", flush=True)


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("data", choices=SETS)
    p.add_argument("--model", default="auto")
    p.add_argument("--keep", default="", help="pickle the conformal step's inputs here")
    a = p.parse_args()
    freq, horizon = SETS[a.data]
    frame = load(a.data)
    settings = ForecastSettings(horizon=horizon, freq=freq, windows=3, n_jobs=2)
    with mock.patch.object(pipeline, "calibrate", _capturing):
        result = pipeline.run(frame, settings)
    from core.models.demand import classify

    classes = classify(frame)
    bt = result.backtest
    reported = sorted(bt["window"].unique())
    print(f"reported windows {reported}; captured windows "
          f"{sorted(captured['bt']['window'].unique())}", flush=True)
    breakdown(bt, frame, classes, a.model, reported)
    if a.keep:  # our own run's frames, for offline re-calibration (never a user's file)
        pd.to_pickle({**captured, "classes": classes, "reported": reported}, a.keep)
    if a.model != "median":
        breakdown(bt, frame, classes, "median", reported)


if __name__ == "__main__":
    main()
