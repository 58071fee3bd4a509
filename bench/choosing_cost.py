"""Seconds of a run's choosing and scoring (everything after the fits) against its backtest rows,
for the run-time estimate's per-row cost (`core.run_estimate`, issue #12).

    OPENBLAS_NUM_THREADS=1 python -W ignore bench/choosing_cost.py W 10,40,160,640 \
        [repeats] [auto,fast,cheap]

Runs `core.pipeline.run` in process (1 job) on synthetic products (`synthetic_frame`) for the
old calibration's settings (`auto`, 2 windows), the Fast preset's models and cheap ones, and
prints per size: backtest rows as the estimate counts them, choosing seconds (the fastest of
`repeats`) and seconds per row.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

FAST = ("seasonal_naive", "ets", "theta", "croston", "imapa")
CHEAP = ("naive", "seasonal_naive", "moving_average", "drift")  # what the calibration runs


def choosing_seconds(frame, settings) -> float:
    from core.pipeline import run

    marks: dict[str, float] = {}

    def note(event):
        if event.stage == "selection":
            marks.setdefault("choosing", time.perf_counter())

    run(frame, settings, progress=note)
    return time.perf_counter() - marks["choosing"]


def main(freq: str, sizes: list[int], repeats: int) -> None:
    from core.models.demand import classify
    from core.pipeline_types import ForecastSettings
    from core.run_estimate import HORIZON, _backtest_rows, synthetic_frame

    print("| models | products | rows | choosing s | us per row |")
    print("|---|---:|---:|---:|---:|")
    which = sys.argv[4].split(",") if len(sys.argv) > 4 else ["auto", "fast", "cheap"]
    sets = {"auto": ("auto",), "fast": FAST, "cheap": CHEAP}
    for label in which:
        models = sets[label]
        settings = ForecastSettings(horizon=HORIZON[freq], freq=freq, windows=2, n_jobs=1,
                                    models=models)
        for products in sizes:
            frame = synthetic_frame(products, freq)
            rows = _backtest_rows(frame, settings, classify(frame))
            took = min(choosing_seconds(frame, settings) for _ in range(repeats))
            print(f"| {label} | {products} | {rows} | {took:.3f} | {1e6 * took / rows:.1f} |",
                  flush=True)


if __name__ == "__main__":
    main(sys.argv[1], [int(s) for s in sys.argv[2].split(",")],
         int(sys.argv[3]) if len(sys.argv) > 3 else 2)
