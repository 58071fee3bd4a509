"""What the Model setup's run-time estimate says against what the run takes (issue #12).

    python bench/estimate_check.py sample,retail_weekly,retail_daily fast,balanced[,tcn]

Calibrates this machine per frequency first (as the app does at first use; cached in the user
cache dir), then for each data set and preset prints the estimate, the wall time of the run
(`core.pipeline.run` in process, 2 worker processes, as the CLI runs it) and the 1-minute load
average just before the run. Presets as in the Model setup.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
DATA = Path("/work/shared/data/online_retail")
NETWORKS = ("tcn", "lstm_attention")  # step costs measured with the calibration
PRESETS = {"fast": (("seasonal_naive", "ets", "theta", "croston", "imapa"), 2),
           "balanced": (("auto",), 3),
           "tcn": (("tcn",), 1)}  # a network alone, defaults: the README's 913 s vs 64 s case


def _frames():
    from core.cli._io import import_options
    from core.data import load

    def csv(name):
        frame = pd.read_csv(DATA / name, dtype={"unique_id": str}, parse_dates=["ds"])
        return frame[["unique_id", "ds", "y"]]

    return {"sample": (lambda: load(str(ROOT / "resources/sample/sample_shop_orders.csv.gz"),
                                    import_options("D")).frame, "D", 28),
            "retail_weekly": (lambda: csv("online_retail_weekly.csv"), "W", 8),
            "retail_daily": (lambda: csv("online_retail_daily.csv.gz"), "D", 28)}


def main(names: list[str], presets: list[str]) -> None:
    from core.models.demand import classify
    from core.pipeline import _checked, run
    from core.pipeline_types import ForecastSettings
    from core.run_estimate import estimate, load_or_calibrate

    calibrations = {}
    print("| data | preset | estimate s | run s | ratio | load |")
    print("|---|---|---:|---:|---:|---:|")
    for name in names:
        make, freq, horizon = _frames()[name]
        frame = _checked(make())
        classes = classify(frame)
        if freq not in calibrations:
            began = time.perf_counter()
            calibrations[freq] = load_or_calibrate(freq, networks=NETWORKS)
            print(f"(calibration {freq}: {time.perf_counter() - began:.1f} s)", flush=True)
        for preset in presets:
            models, windows = PRESETS[preset]
            settings = ForecastSettings(horizon=horizon, freq=freq, windows=windows,
                                        models=models, n_jobs=2)
            guess = estimate(frame, settings, classes, calibrations[freq], in_child=False)
            load = os.getloadavg()[0]
            began = time.perf_counter()
            run(frame, settings)
            took = time.perf_counter() - began
            print(f"| {name} | {preset} | {guess.seconds:.1f} | {took:.1f} | "
                  f"{guess.seconds / took:.2f} | {load:.1f} |", flush=True)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1].split(","), sys.argv[2].split(","))
