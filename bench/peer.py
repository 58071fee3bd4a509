"""The statsforecast side of the benchmarks. Runs in bench/.venv (statsforecast needs pandas<3).

    bench/.venv/bin/python bench/peer.py --data FILE --freq W-SUN --season 1 --horizon 8 \
        --windows 3 --models SeasonalNaive,AutoETS --out preds.csv [--forecast]

Writes long predictions `model, unique_id, cutoff, ds, y, yhat` (cross-validation, step = horizon)
or `model, unique_id, ds, yhat` (--forecast), clipped at 0 unless --no-clip, and prints one JSON
line with the wall seconds per model. Scoring happens in the main venv with Trendcast's metrics so
both sides are scored by the same code.
"""
from __future__ import annotations

import argparse
import json
import os
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import pandas as pd  # noqa: E402
from statsforecast import StatsForecast  # noqa: E402
from statsforecast.models import (  # noqa: E402
    ADIDA,
    IMAPA,
    TSB,
    AutoARIMA,
    AutoETS,
    AutoTheta,
    CrostonOptimized,
    SeasonalNaive,
    Theta,
)


def make(name: str, season: int):
    return {
        "SeasonalNaive": lambda: SeasonalNaive(season_length=season),
        "AutoETS": lambda: AutoETS(season_length=season),
        "AutoARIMA": lambda: AutoARIMA(season_length=season),
        "AutoTheta": lambda: AutoTheta(season_length=season),
        "Theta": lambda: Theta(season_length=season),
        "CrostonOptimized": CrostonOptimized,
        "ADIDA": ADIDA,
        "IMAPA": IMAPA,
        "TSB": lambda: TSB(alpha_d=0.2, alpha_p=0.2),
    }[name]()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--freq", required=True)
    p.add_argument("--season", type=int, required=True)
    p.add_argument("--horizon", type=int, required=True)
    p.add_argument("--windows", type=int, default=3)
    p.add_argument("--models", required=True)
    p.add_argument("--forecast", action="store_true")
    p.add_argument("--no-clip", action="store_true")
    p.add_argument("--n-jobs", type=int, default=2)
    p.add_argument("--out", required=True)
    a = p.parse_args()
    df = pd.read_csv(a.data, dtype={"unique_id": str}, parse_dates=["ds"])
    df = df[["unique_id", "ds", "y"]]
    parts, seconds = [], {}
    for name in a.models.split(","):
        sf = StatsForecast(models=[make(name, a.season)], freq=a.freq, n_jobs=a.n_jobs)
        start = time.perf_counter()
        if a.forecast:
            out = sf.forecast(df=df, h=a.horizon)
        else:
            out = sf.cross_validation(df=df, h=a.horizon, n_windows=a.windows,
                                      step_size=a.horizon)
        seconds[name] = round(time.perf_counter() - start, 2)
        out = out.reset_index() if "unique_id" not in out.columns else out
        col = [c for c in out.columns if c not in ("unique_id", "ds", "cutoff", "y")][0]
        out = out.rename(columns={col: "yhat"}).assign(model=name)
        if not a.no_clip:
            out["yhat"] = out["yhat"].clip(lower=0)
        parts.append(out)
    pd.concat(parts).to_csv(a.out, index=False)
    print(json.dumps({"seconds": seconds, "series": int(df.unique_id.nunique())}))


if __name__ == "__main__":
    main()
