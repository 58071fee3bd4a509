"""What the Model setup's run-time estimate says against what the run takes (issue #12).

    python bench/estimate_check.py sample,retail_weekly,retail_daily fast,balanced[,tcn]

Calibrates this machine per frequency first (as the app does at first use; cached in the user
cache dir), then for each data set and preset prints the estimate, the wall time of the run
(`core.pipeline.run` in process, 2 worker processes, as the CLI runs it) and the 1-minute load
average just before the run. Presets as in the Model setup.

Every network fit of the runs is recorded (`--epochs`, on by default): for each training phase
(early-stopping or refit, fresh or warm) the epochs it ran, its maximum, the best epoch and its
seconds, so the estimator's epoch model (`core/network_estimate.py`) is checked against what
the runs really trained. Printed after each run and appended to bench/results/estimate_epochs.csv.
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


EPOCHS_CSV = ROOT / "bench" / "results" / "estimate_epochs.csv"
_phases: list[dict] = []


def _record_epochs() -> None:
    """Wrap the networks' training loop to record every phase it runs (this process trains the
    networks: global models are fitted by the client, not the workers)."""
    from core.models.neural import training

    inner = training._train

    def recorded(model, net, source, validation, train_end, *, epochs, patience,
                 keep_best=True, **kwargs):
        began = time.perf_counter()
        history = inner(model, net, source, validation, train_end, epochs=epochs,
                        patience=patience, keep_best=keep_best, **kwargs)
        scores = [h.get("val_loss", h["loss"]) for h in history]
        _phases.append({"model": model.name, "phase": "stop" if keep_best else "refit",
                        "warm": hasattr(model, "trained_"), "max_epochs": epochs,
                        "patience": patience if keep_best else "",
                        "ran": len(history),
                        "best": 1 + scores.index(min(scores)) if keep_best and scores else "",
                        "seconds": round(time.perf_counter() - began, 2)})
        return history

    training._train = recorded


def _epochs_report(name: str, preset: str, load: float) -> None:
    if not _phases:
        return
    rows = pd.DataFrame(_phases).assign(data=name, preset=preset, load=round(load, 1))
    print(rows.to_string(index=False), flush=True)
    header = not EPOCHS_CSV.exists()
    rows.to_csv(EPOCHS_CSV, mode="a", header=header, index=False)
    _phases.clear()


def main(names: list[str], presets: list[str]) -> None:
    from core.models.demand import classify
    from core.pipeline import _checked, run
    from core.pipeline_types import ForecastSettings
    from core.run_estimate import estimate, load_or_calibrate

    calibrations = {}
    _record_epochs()
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
            _phases.clear()  # the calibration's own short fits are not a run's
        for preset in presets:
            models, windows = PRESETS[preset]
            settings = ForecastSettings(horizon=horizon, freq=freq, windows=windows,
                                        models=models, n_jobs=2)
            guess = estimate(frame, settings, classes, calibrations[freq], in_child=False)
            load = os.getloadavg()[0]
            marks: dict[str, float] = {}

            def note(event, marks=marks):
                if event.stage == "selection":
                    marks.setdefault("choosing", time.perf_counter())

            began = time.perf_counter()
            run(frame, settings, progress=note)
            took = time.perf_counter() - began
            fitting = marks.get("choosing", began + took) - began
            said = {k: round(v, 1) for k, v in guess.parts.items()}
            print(f"  fitting {fitting:.1f} s, choosing and scoring {took - fitting:.1f} s; "
                  f"estimate's parts {said}", flush=True)
            nets = {k: round(v, 1) for k, v in guess.parts.items() if k in NETWORKS}
            print(f"| {name} | {preset} | {guess.seconds:.1f} | {took:.1f} | "
                  f"{guess.seconds / took:.2f} | {load:.1f} | networks estimated {nets} "
                  f"trained {sum(p['seconds'] for p in _phases):.1f} s", flush=True)
            _epochs_report(name, preset, load)


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1].split(","), sys.argv[2].split(","))
