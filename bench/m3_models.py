"""Accuracy and speed of the classical models on M3 monthly and Online Retail daily.

    OPENBLAS_NUM_THREADS=1 PYTHONPATH=. python bench/m3_models.py [--models ets,theta]
        [--skip-m3] [--skip-daily] [--retail WD]

M3 monthly: fit on the 1,428 training series, forecast the official 18 months (season 12) and
score sMAPE as the competition did (mean of 200|y - yhat| / (|y| + |yhat|) over all series and
horizons), MASE (m = 12) and the coverage of the 80/95% bands. Online Retail daily: fit +
predict seconds on all 1,817 products (h = 28). --retail W/D: Online Retail MASE with 3 rolling
origins as in /work/shared/data/baselines.md (weekly h = 8, daily h = 28). Prints markdown.
"""
from __future__ import annotations

import argparse
import time
from pathlib import Path

import numpy as np
import pandas as pd

from core.errors import TrendcastError
from core.models.registry import available, create

DATA = Path("/work/shared/data")


def smape(actual: np.ndarray, forecast: np.ndarray) -> float:
    with np.errstate(all="ignore"):
        terms = 200 * np.abs(actual - forecast) / (np.abs(actual) + np.abs(forecast))
    return float(np.nanmean(np.where(np.isfinite(terms), terms, 0.0)))


def mase(train: pd.DataFrame, test: pd.DataFrame, fc: pd.DataFrame, m: int) -> float:
    scores = []
    merged = test.merge(fc, on=["unique_id", "ds"])
    errors = (merged.y - merged.yhat).abs().groupby(merged.unique_id).mean()
    for uid, y in train.groupby("unique_id").y:
        v = y.to_numpy()
        scale = np.mean(np.abs(v[m:] - v[:-m])) if len(v) > m else np.nan
        if scale > 0 and uid in errors.index:
            scores.append(errors[uid] / scale)
    return float(np.mean(scores))


def run_m3(names: list[str]) -> None:
    train = pd.read_csv(DATA / "m3_monthly/m3_monthly_train.csv", parse_dates=["ds"])
    test = pd.read_csv(DATA / "m3_monthly/m3_monthly_test.csv", parse_dates=["ds"])
    train = train[["unique_id", "ds", "y"]]
    print("| model | sMAPE | MASE | cover 80 | cover 95 | fit+predict s | fallbacks |\n"
          "|---|---:|---:|---:|---:|---:|---:|")
    for name in names:
        start = time.perf_counter()
        model = create(name, season_length=12).fit(train, freq="M")
        fc = model.predict(18)
        seconds = time.perf_counter() - start
        merged = test.merge(fc, on=["unique_id", "ds"], how="left")
        cover = [((merged.y >= merged[f"yhat_lo_{lv}"]) & (merged.y <= merged[f"yhat_hi_{lv}"]))
                 .mean() * 100 for lv in (80, 95)]
        print(f"| {name} | {smape(merged.y.to_numpy(), merged.yhat.to_numpy()):.2f} | "
              f"{mase(train, test, fc, 12):.3f} | {cover[0]:.1f} | {cover[1]:.1f} | "
              f"{seconds:.1f} | {len(model.fallbacks_)} |", flush=True)


def run_daily(names: list[str]) -> None:
    daily = pd.read_csv(DATA / "online_retail/online_retail_daily.csv.gz", parse_dates=["ds"],
                        dtype={"unique_id": str})[["unique_id", "ds", "y"]]
    print("\n| model (Online Retail daily, 1,817 products, h=28) | fit+predict s | fallbacks |"
          "\n|---|---:|---:|")
    for name in names:
        start = time.perf_counter()
        model = create(name).fit(daily, freq="D")
        model.predict(28)
        print(f"| {name} | {time.perf_counter() - start:.1f} | {len(model.fallbacks_)} |",
              flush=True)


def retail_backtest(names: list[str], freq: str, horizon: int, origins: int = 3) -> None:
    """Online Retail MASE as in /work/shared/data/baselines.md: 3 origins, step = horizon."""
    path = {"W": "online_retail/online_retail_weekly.csv",
            "D": "online_retail/online_retail_daily.csv.gz"}[freq]
    frame = pd.read_csv(DATA / path, parse_dates=["ds"], dtype={"unique_id": str})
    frame = frame[["unique_id", "ds", "y"]].sort_values(["unique_id", "ds"])
    m = {"W": 1, "D": 7}[freq]
    dates = np.sort(frame.ds.unique())
    print(f"\n| model (Online Retail {freq}, h={horizon}, {origins} origins) | MASE | cover 80 "
          "| seconds |\n|---|---:|---:|---:|")
    for name in names:
        start, scores, covered = time.perf_counter(), [], []
        for origin in range(origins, 0, -1):
            cutoff = dates[len(dates) - origin * horizon - 1]
            train = frame[frame.ds <= cutoff]
            test = frame[(frame.ds > cutoff) & (frame.ds <= cutoff + np.timedelta64(
                horizon * (7 if freq == "W" else 1), "D"))]
            try:
                fc = create(name).fit(train, freq=freq).predict(horizon)
            except TrendcastError as error:
                print(f"| {name} | n/a: {error} | | |")
                break
            merged = test.merge(fc, on=["unique_id", "ds"])
            covered.append((merged.y >= merged.yhat_lo_80) & (merged.y <= merged.yhat_hi_80))
            err = (merged.y - merged.yhat).abs().groupby(merged.unique_id).mean()
            scale = train.groupby("unique_id").y.apply(
                lambda y: np.mean(np.abs(np.diff(y.to_numpy(), n=1)[m - 1:]))
                if m == 1 else np.mean(np.abs(y.to_numpy()[m:] - y.to_numpy()[:-m])))
            ratio = (err / scale).replace([np.inf, -np.inf], np.nan).dropna()
            scores.extend(ratio.tolist())
        if not scores:
            continue
        print(f"| {name} | {np.mean(scores):.3f} | {pd.concat(covered).mean() * 100:.1f} | "
              f"{time.perf_counter() - start:.1f} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", default="", help="comma-separated registry names")
    parser.add_argument("--skip-daily", action="store_true")
    parser.add_argument("--skip-m3", action="store_true")
    parser.add_argument("--retail", default="", help="W and/or D: Online Retail MASE backtest")
    args = parser.parse_args()
    names = args.models.split(",") if args.models else [
        cls.name for cls in available() if cls.family in ("baseline", "classical", "intermittent")]
    if not args.skip_m3:
        run_m3(names)
    if not args.skip_daily:
        run_daily(names)
    for freq in args.retail:
        retail_backtest(names, freq, {"W": 8, "D": 28}[freq])


if __name__ == "__main__":
    main()
