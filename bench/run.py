"""Accuracy and speed of Trendcast's `auto` against statsforecast, on the shared real data.

    /work/main/.venv/bin/python bench/run.py weekly|daily|speed|m3|all [--jobs 2]

Trendcast runs here (main venv); statsforecast runs in bench/.venv as a subprocess (`peer.py`).
Both sides get the same series, windows (step = horizon) and clipping at 0, and both are scored
by `core.evaluation.metrics` (MASE: m = 7 daily, 1 weekly, 12 monthly; zero scales left out).
Results go to bench/results/<task>.csv; bench/README.md holds the table.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.evaluation.metrics import score  # noqa: E402
from core.pipeline import run as run_pipeline  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402

DATA = Path(os.environ.get("TRENDCAST_DATA", "/work/shared/data"))
# The peer venv (`make bench-env`); TRENDCAST_PEER_PY names another copy (e.g. from a worktree).
PEER_PY = Path(os.environ.get("TRENDCAST_PEER_PY", ROOT / "bench" / ".venv" / "bin" / "python"))
RESULTS = ROOT / "bench" / "results"
FAST_PEERS = "SeasonalNaive,AutoETS,AutoTheta,CrostonOptimized,ADIDA,IMAPA,TSB"
INTERMITTENT_PEERS = "SeasonalNaive,CrostonOptimized,ADIDA,IMAPA,TSB"
# windows: product-windows scored (a candidate only tried on some products covers fewer).
COLS = ["side", "model", "MASE", "RMSSE", "sMAPE", "WAPE", "seconds", "series", "windows",
        "zero_scale"]


def _read(path: Path) -> pd.DataFrame:
    df = pd.read_csv(path, dtype={"unique_id": str}, parse_dates=["ds"])
    return df[["unique_id", "ds", "y"]].sort_values(["unique_id", "ds"]).reset_index(drop=True)


def _subset(df: pd.DataFrame, n: int | None, seed: int = 0) -> pd.DataFrame:
    if not n:
        return df
    ids = np.sort(df.unique_id.unique())
    pick = np.random.default_rng(seed).choice(ids, size=min(n, len(ids)), replace=False)
    return df[df.unique_id.isin(pick)].reset_index(drop=True)


def peer(df: pd.DataFrame, *, freq: str, season: int, horizon: int, windows: int, models: str,
         jobs: int, forecast: bool = False, clip: bool = True) -> tuple[pd.DataFrame, dict]:
    """Run statsforecast in its venv on exactly `df`; returns predictions and seconds."""
    with tempfile.TemporaryDirectory() as tmp:
        data, out = Path(tmp) / "data.csv", Path(tmp) / "out.csv"
        df.to_csv(data, index=False)
        cmd = [str(PEER_PY), str(ROOT / "bench" / "peer.py"), "--data", str(data), "--freq",
               freq, "--season", str(season), "--horizon", str(horizon), "--windows",
               str(windows), "--models", models, "--n-jobs", str(jobs), "--out", str(out)]
        cmd += ["--forecast"] if forecast else []
        cmd += [] if clip else ["--no-clip"]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode:
            raise SystemExit(f"peer failed:\n{done.stderr[-3000:]}")
        info = json.loads(done.stdout.strip().splitlines()[-1])
        preds = pd.read_csv(out, dtype={"unique_id": str}, parse_dates=["ds"]
                            + (["cutoff"] if not forecast else []))
    return preds, info["seconds"]


def ours(df: pd.DataFrame, settings: ForecastSettings):
    start = time.perf_counter()
    result = run_pipeline(df, settings)
    return result, time.perf_counter() - start


def _table(metrics: pd.DataFrame, side: str, seconds: dict, series: int) -> pd.DataFrame:
    out = metrics.assign(side=side, series=series)
    out["seconds"] = out["model"].map(seconds)
    return out[COLS]


def cross_validation_task(name: str, df: pd.DataFrame, *, freq: str, pfreq: str, season: int,
                          horizon: int, peers: str, jobs: int) -> pd.DataFrame:
    n = df.unique_id.nunique()
    result, secs = ours(df, ForecastSettings(horizon=horizon, freq=freq, windows=3, n_jobs=jobs))
    mine = _table(result.metrics, "trendcast", {"auto": round(secs, 1)}, n)
    _print_totals(result)
    preds, peer_secs = peer(df, freq=pfreq, season=season, horizon=horizon, windows=3,
                            models=peers, jobs=jobs)
    overall, _ = score(preds, df, freq=freq)
    theirs = _table(overall, "statsforecast", peer_secs, n)
    table = pd.concat([mine, theirs], ignore_index=True)
    _save(table, name, result.choices)
    return table


def _print_totals(result) -> None:
    """What the bias guard looks at, over all products and reported windows: each model's miss
    of the whole shop's total per window, as a share of its sales (`core.selection_guard`)."""
    from core.selection_guard import total_errors, window_totals

    bt = result.backtest
    # Only models that forecast every product-window: `total_errors` compares models on the
    # product-windows all of them forecast, and a candidate tried on 30 products (arima, mstl,
    # optimized_theta on daily) would shrink the "shop" to those 30.
    cover = bt.groupby("model")["unique_id"].nunique()
    bt = bt[bt["model"].isin(cover.index[cover == cover.max()])]
    pools = pd.Series("all", index=bt["unique_id"].unique())
    errors = total_errors(window_totals(bt), pools).set_index("model")
    print("shop total per window, |miss| / sales and bias (reported windows):")
    print((100 * errors[["total_error", "bias"]]).round(1).sort_values("total_error")
          .to_string())


def speed_task(daily: pd.DataFrame, n: int, jobs: int) -> pd.DataFrame:
    df = _subset(daily, n)
    table = cross_validation_task(f"speed_daily_{n}", df, freq="D", pfreq="D", season=7,
                                  horizon=28, peers=FAST_PEERS, jobs=jobs)
    peer_secs = table.loc[table.model.isin(["AutoETS", "AutoTheta"]), "seconds"].sum()
    auto_secs = table.loc[table.model == "auto", "seconds"].iloc[0]
    print(f"speed: auto {auto_secs:.1f} s vs AutoETS+AutoTheta {peer_secs:.1f} s "
          f"-> ratio {auto_secs / peer_secs:.3f} ({n} daily products, seed 0)")
    return table


def m3_task(jobs: int) -> pd.DataFrame:
    train = _read(DATA / "m3_monthly" / "m3_monthly_train.csv")
    test = _read(DATA / "m3_monthly" / "m3_monthly_test.csv")
    n = train.unique_id.nunique()
    result, secs = ours(train, ForecastSettings(horizon=18, freq="M", windows=3, n_jobs=jobs))
    cands = pd.concat([result.candidates, result.forecast.assign(model="auto")])
    # AutoARIMA is left out: on this shared 2-core machine it did not finish M3 in 20 minutes.
    peers = "SeasonalNaive,AutoETS,AutoTheta,Theta,CrostonOptimized,IMAPA,TSB"
    preds, peer_secs = peer(train, freq="MS", season=12, horizon=18, windows=1, models=peers,
                            jobs=jobs, forecast=True, clip=False)
    rows = []
    for side, frame, seconds in (("trendcast", cands, {"auto": round(secs, 1)}),
                                 ("statsforecast", preds, peer_secs)):
        bt = frame[["model", "unique_id", "ds", "yhat"]].merge(test, on=["unique_id", "ds"])
        bt["cutoff"] = bt.unique_id.map(train.groupby("unique_id").ds.max())
        overall, _ = score(bt, pd.concat([train, test]), freq="M")
        rows.append(_table(overall, side, seconds, n))
    table = pd.concat(rows, ignore_index=True)
    _save(table, "m3_monthly", result.choices)
    return table


def _save(table: pd.DataFrame, name: str, choices: pd.DataFrame) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    table.round(4).to_csv(RESULTS / f"{name}.csv", index=False)
    choices.model.value_counts().to_csv(RESULTS / f"{name}_choices.csv")
    refused = choices.reason.str.contains("not chosen: it missed", regex=False)
    print(f"\n== {name} (load average {os.getloadavg()[0]:.1f} at the end; "
          f"{int(refused.sum())} products where the bias guard refused the MASE winner)")
    print(choices.model.value_counts().to_string())
    print(table.round(3).to_string(index=False))


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("task", choices=("weekly", "daily", "speed", "m3", "arima-weekly", "all"))
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--subset", type=int, default=300, help="daily products for the speed run")
    p.add_argument("--full-daily", action=argparse.BooleanOptionalAction, default=True,
                   help="daily: AutoETS and AutoTheta as peers too (slow)")
    a = p.parse_args()
    retail = DATA / "online_retail"
    if a.task in ("weekly", "all"):
        cross_validation_task("retail_weekly", _read(retail / "online_retail_weekly.csv"),
                              freq="W", pfreq="W-SUN", season=1, horizon=8, peers=FAST_PEERS,
                              jobs=a.jobs)
    if a.task in ("daily", "all"):
        # AutoETS and AutoTheta too (issue #12: `auto`'s time, networks included, side by side
        # with theirs in one run; they take about 20 minutes here).
        cross_validation_task("retail_daily", _read(retail / "online_retail_daily.csv.gz"),
                              freq="D", pfreq="D", season=7, horizon=28,
                              peers=FAST_PEERS if a.full_daily else INTERMITTENT_PEERS,
                              jobs=a.jobs)
    if a.task in ("speed", "all"):
        speed_task(_read(retail / "online_retail_daily.csv.gz"), a.subset, a.jobs)
    if a.task in ("m3", "all"):
        m3_task(a.jobs)
    if a.task in ("arima-weekly", "all"):
        # AutoARIMA is too slow for the whole file here (baselines.md: 267 s for 300 products),
        # so every peer, AutoARIMA included, runs on the same 300 weekly products (seed 0).
        cross_validation_task("retail_weekly_300_all_peers",
                              _subset(_read(retail / "online_retail_weekly.csv"), a.subset),
                              freq="W", pfreq="W-SUN", season=1, horizon=8,
                              peers="AutoARIMA," + FAST_PEERS, jobs=a.jobs)


if __name__ == "__main__":
    main()
