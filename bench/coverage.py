"""Coverage of the 80 % / 95 % bands on held-out backtest windows, per data set and model, with
the models' own bands (before) and the conformal bands of `core.evaluation.conformal` (after).

    OPENBLAS_NUM_THREADS=1 /work/main/.venv/bin/python -W ignore bench/coverage.py \
        weekly|daily|m3|sample|all [--networks tcn,lstm_attention] [--windows 3]

One `core.pipeline.run` per data set and side (settings as the CLI's defaults: `auto`, 3
reported windows after one warm-up window, 2 worker processes). "Before" runs the same pipeline
with the calibration step replaced by the identity. Coverage = share of actuals inside the band
over the reported windows (`core.evaluation.metrics`); each reported window's conformal bands
are learnt from earlier windows only. Results: bench/results/coverage_<data>.csv.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from unittest import mock

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import core.pipeline as pipeline  # noqa: E402
from core.evaluation.conformal import Calibration  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402

sys.path.insert(0, str(ROOT / "bench"))
from run import DATA, RESULTS, _read  # noqa: E402

SETS = {  # name -> (freq, horizon)
    "weekly": ("W", 8), "daily": ("D", 28), "m3": ("M", 18), "sample": ("W", 8)}


def load(name: str) -> pd.DataFrame:
    retail = DATA / "online_retail"
    if name == "weekly":
        return _read(retail / "online_retail_weekly.csv")
    if name == "daily":
        return _read(retail / "online_retail_daily.csv.gz")
    if name == "m3":
        return _read(DATA / "m3_monthly" / "m3_monthly_train.csv")
    from core.data import load as import_file
    from core.data.types import ImportOptions
    from core.paths import sample_shop_path

    frame = import_file(sample_shop_path(), ImportOptions(freq="W", complete_periods=True)).frame
    return frame[["unique_id", "ds", "y"]]


def _own_bands(bt, fc, *args, **kwargs) -> Calibration:
    return Calibration(bt, fc, [])


def coverage(name: str, networks: tuple[str, ...], windows: int, jobs: int) -> pd.DataFrame:
    freq, horizon = SETS[name]
    frame = load(name)
    settings = ForecastSettings(horizon=horizon, freq=freq, windows=windows, n_jobs=jobs,
                                models=("auto", *networks))
    sides = {}
    for side in ("before", "after"):
        started = time.perf_counter()
        if side == "before":
            with mock.patch.object(pipeline, "calibrate", _own_bands):
                result = pipeline.run(frame, settings)
        else:
            result = pipeline.run(frame, settings)
        m = result.metrics.set_index("model")
        sides[side] = m[["coverage_80", "coverage_95", "points"]]
        print(f"{name} {side}: {time.perf_counter() - started:.0f} s", flush=True)
    table = sides["before"].join(sides["after"], lsuffix="_before", rsuffix="_after")
    table = table.drop(columns="points_after").rename(columns={"points_before": "points"})
    table.insert(0, "data", name)
    table = table.reset_index()
    RESULTS.mkdir(parents=True, exist_ok=True)
    table.round(4).to_csv(RESULTS / f"coverage_{name}.csv", index=False)
    print(f"\n== {name} (h = {horizon}, {frame['unique_id'].nunique()} products)")
    print(table.round(3).to_string(index=False), flush=True)
    return table


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("data", choices=(*SETS, "all"))
    p.add_argument("--networks", default="", help="comma-separated networks to add, e.g. tcn")
    p.add_argument("--windows", type=int, default=3)
    p.add_argument("--jobs", type=int, default=2)
    a = p.parse_args()
    networks = tuple(n for n in a.networks.split(",") if n)
    for name in (SETS if a.data == "all" else (a.data,)):
        coverage(name, networks, a.windows, a.jobs)


if __name__ == "__main__":
    main()
