"""Accuracy and training time of the neural models, the classical ones and their fusion.

    /work/main/.venv/bin/python bench/neural_bench.py daily|weekly|both [--products N]
        [--neural lstm_attention,transformer,tcn] [--classical adida,imapa,...] [--threads 1]
        [--set lookback=26 ...]

Online Retail from /work/shared/data (or $TRENDCAST_DATA): daily h = 28, weekly h = 8, 3 rolling
origins with step = horizon, every model refitted at each origin by the engine's `backtest`, and
scored by `core.evaluation.metrics` (MASE: m = 7 daily, 1 weekly; zero scales left out; forecasts
clipped at 0). Fusion is the engine's own `core.selection.add_combinations` over neural and
classical members together: `weighted` = per product the best 3 members by MASE on *earlier*
windows, weighted 1/MASE (equal weights on the first window); `median` = median of all members.
The same combinations over the classical members alone are shown, so the neural share is visible.
Results are printed as a Markdown table and written to bench/results/neural_<data>.csv.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.evaluation.backtest import backtest  # noqa: E402
from core.evaluation.metrics import score  # noqa: E402
from core.models.registry import create, load_all  # noqa: E402
from core.selection import add_combinations, window_scores  # noqa: E402

DATA = Path(os.environ.get("TRENDCAST_DATA", "/work/shared/data")) / "online_retail"
RESULTS = ROOT / "bench" / "results"
SETS = {"daily": ("online_retail_daily.csv.gz", "D", 28),
        "weekly": ("online_retail_weekly.csv", "W", 8)}
NEURAL = "lstm_attention,transformer,tcn"
CLASSICAL = "adida,imapa,tsb,croston,theta,ets,seasonal_naive"


def read(name: str, products: int | None) -> pd.DataFrame:
    df = pd.read_csv(DATA / name, dtype={"unique_id": str}, parse_dates=["ds"])
    if products:
        ids = np.sort(df.unique_id.unique())
        pick = np.random.default_rng(0).choice(ids, size=min(products, len(ids)), replace=False)
        df = df[df.unique_id.isin(pick)]
    return df.sort_values(["unique_id", "ds"]).reset_index(drop=True)


def run_one(name: str, frame: pd.DataFrame, freq: str, h: int, params: dict) -> tuple:
    start = time.perf_counter()
    bt = backtest(lambda: create(name, **params), frame, horizon=h, windows=3, freq=freq,
                  levels=(80, 95))
    return bt.assign(model=name), time.perf_counter() - start


def bench(data: str, args) -> pd.DataFrame:
    file, freq, h = SETS[data]
    frame = read(file, args.products)
    registered = load_all()
    neural = [m for m in args.neural.split(",") if m]
    classical = [m for m in args.classical.split(",") if m in registered]
    parts, seconds = [], {}
    for name in classical + neural:
        params = {"horizon": h, "threads": args.threads, **_settings(args.set)} \
            if name in neural else {}
        bt, secs = run_one(name, frame, freq, h, params)
        parts.append(bt)
        seconds[name] = secs
        print(f"  {data} {name}: {secs:.1f} s for 3 fits", flush=True)
    bt = pd.concat(parts, ignore_index=True)
    scores = window_scores(bt, frame, freq=freq)
    rows = [bt]
    for label, members in (("classical", classical), ("neural+classical", classical + neural)):
        sub, sc = bt[bt.model.isin(members)], scores[scores.model.isin(members)]
        combo, _ = add_combinations(sub, sub.drop(columns=["y", "cutoff", "window"]), sc)
        combo = combo[combo.model.isin(["median", "weighted"])]
        rows.append(combo.assign(model=combo.model + f" ({label})"))
    overall, _ = score(pd.concat(rows, ignore_index=True), frame, freq=freq)
    overall["train_s_per_fit"] = overall.model.map(seconds) / 3
    overall["family"] = np.where(overall.model.isin(neural), "neural",
                                 np.where(overall.model.isin(classical), "classical", "fusion"))
    cols = ["family", "model", "MASE", "WAPE", "RMSSE", "coverage_80", "coverage_95",
            "train_s_per_fit"]
    out = overall[[c for c in cols if c in overall.columns]].sort_values(["family", "MASE"])
    RESULTS.mkdir(parents=True, exist_ok=True)
    out.to_csv(RESULTS / f"neural_{data}.csv", index=False)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", choices=["daily", "weekly", "both"])
    parser.add_argument("--products", type=int, default=None, help="random subset (seed 0)")
    parser.add_argument("--neural", default=NEURAL)
    parser.add_argument("--classical", default=CLASSICAL)
    parser.add_argument("--threads", type=int, default=1, help="TensorFlow compute threads")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a neural parameter for every network, e.g. --set lookback=26")
    args = parser.parse_args()
    for data in (["daily", "weekly"] if args.data == "both" else [args.data]):
        start = time.perf_counter()
        table = bench(data, args)
        print(f"\n### Online Retail {data} ({args.products or 'all'} products), "
              f"{time.perf_counter() - start:.0f} s, load {os.getloadavg()[0]:.1f}\n")
        print(table.to_markdown(index=False, floatfmt=".3f") if _has_tabulate()
              else table.to_string(index=False, float_format="%.3f"), flush=True)


def _settings(pairs: list[str]) -> dict:
    out = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        out[key] = float(value) if "." in value else int(value) if value.isdigit() else value
    return out


def _has_tabulate() -> bool:
    try:
        import tabulate  # noqa: F401
    except ImportError:
        return False
    return True


if __name__ == "__main__":
    main()
