"""A global model across all M3 monthly series: alone and in `auto`'s median (issue #12).

    OPENBLAS_NUM_THREADS=1 python -W ignore bench/m3_global.py cache     # the six candidates
    OPENBLAS_NUM_THREADS=1 python -W ignore bench/m3_global.py lgbm [--lookback 24,36]
        [--scale mean|log|deseason] [--objective l1|l2] [--seeds 0]

`cache`: the six smooth candidates of `auto`'s `median` fitted once on the 1,428 training series,
their official 18-month forecasts written to /tmp/m3glob (as bench/m3_candidates.py combos).
`lgbm`: one LightGBM regressor trained on windows of every series' training part only (the
last `lookback` months as inputs, divided by the mean of their last 12 months; the horizon step
as a feature; the scaled value h months after the window's end as the target), then forecasting
the 18 months after each series' training end. Scored alone by sMAPE and as a seventh member of
the per-period median. `--scale log`: log of the scaled values; `deseason`: seasonally adjusted
first where M3 Theta's 90 % test finds seasonality (classical multiplicative decomposition of the
training part), the indices put back on the forecast.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from core.schema import ID  # noqa: E402

DATA = Path("/work/shared/data/m3_monthly")
CACHE = Path("/tmp/m3glob")
MODELS = ("seasonal_naive", "ets", "ets_damped", "theta", "optimized_theta", "arima")
HORIZON, SEASON = 18, 12
RATE = [0.05]  # --rate


def _read(name: str) -> pd.DataFrame:
    frame = pd.read_csv(DATA / name, parse_dates=["ds"], dtype={ID: str})
    return frame[[ID, "ds", "y"]].sort_values([ID, "ds"]).reset_index(drop=True)


def _smape(actual: np.ndarray, forecast: np.ndarray) -> float:
    return float(np.mean(200 * np.abs(actual - forecast) / (np.abs(actual) + np.abs(forecast))))


def cache() -> None:
    from core.models.registry import create

    CACHE.mkdir(exist_ok=True)
    train = _read("m3_monthly_train.csv")
    for name in MODELS:
        fc = create(name, season_length=SEASON).fit(train, freq="M").predict(HORIZON)
        fc[[ID, "ds", "yhat"]].to_csv(CACHE / f"{name}.csv", index=False)


def _series(train: pd.DataFrame) -> tuple[list[str], list[np.ndarray]]:
    groups = train.groupby(ID, sort=True)["y"]
    return list(groups.groups), [g.to_numpy(float) for _, g in groups]


def _season_indices(series: list[np.ndarray]) -> list[np.ndarray]:
    """Per series, a multiplicative index per position (1 where not seasonal), right-aligned."""
    from core.models.statistical.seasonality import multiplicative_indices, seasonal_test

    width = max(len(y) for y in series)
    panel = np.full((len(series), width), np.nan)
    for i, y in enumerate(series):
        panel[i, width - len(y):] = y
    lengths = np.array([len(y) for y in series])
    seasonal = seasonal_test(panel, lengths, SEASON)
    figure = multiplicative_indices(panel, SEASON)
    figure[~seasonal] = 1.0
    cols = np.arange(width + HORIZON) % SEASON  # the future continues the right-aligned columns
    full = figure[:, cols]
    return [full[i, width - len(y):] for i, y in enumerate(series)]  # len(y) + HORIZON each


def _windows(y: np.ndarray, lookback: int, scale: str, last_only: bool):
    """Scaled inputs (k, lookback), the scales (k,), targets (k, HORIZON) (NaN past the end)."""
    n = len(y)
    padded = np.r_[np.full(max(lookback - n, 0), y[0]), y]  # short series: repeat the first value
    ends = np.array([len(padded)]) if last_only else np.arange(max(SEASON, min(lookback, n)),
                                                               len(padded))
    ends = ends[ends >= lookback]
    x = np.stack([padded[e - lookback:e] for e in ends])
    target = np.full((len(ends), HORIZON), np.nan)
    for j, e in enumerate(ends):
        future = padded[e:e + HORIZON]
        target[j, :len(future)] = future
    level = x[:, -SEASON:].mean(axis=1)
    if scale == "log":
        return np.log(x / level[:, None]), level, np.log(target / level[:, None])
    return x / level[:, None], level, target / level[:, None]


def _rows(x: np.ndarray, target: np.ndarray):
    """One row per window and horizon step: inputs + step; drops steps past the series' end."""
    k, lookback = x.shape
    steps = np.tile(np.arange(1, HORIZON + 1), k)
    features = np.c_[np.repeat(x, HORIZON, axis=0), steps]
    flat = target.reshape(-1)
    keep = np.isfinite(flat)
    return features[keep], flat[keep]


def global_forecast(series: list[np.ndarray], lookback: int, scale: str, objective: str,
                    seed: int, rounds: int, leaves: int) -> np.ndarray:
    import lightgbm as lgb

    indices = _season_indices(series) if scale == "deseason" else None
    kind = "log" if scale == "log" else "mean"
    xs, ys, future_x, future_level = [], [], [], []
    for i, y in enumerate(series):
        adjusted = y / indices[i][:len(y)] if indices is not None else y
        x, _, target = _windows(adjusted, lookback, kind, last_only=False)
        features, flat = _rows(x, target)
        xs.append(features)
        ys.append(flat)
        fx, level, _ = _windows(adjusted, lookback, kind, last_only=True)
        future_x.append(fx[0])
        future_level.append(level[0])
    features, target = np.concatenate(xs), np.concatenate(ys)
    model = lgb.LGBMRegressor(objective="l1" if objective == "l1" else "l2",
                              n_estimators=rounds, learning_rate=RATE[0], num_leaves=leaves,
                              min_child_samples=50, subsample=0.5, subsample_freq=1,
                              colsample_bytree=0.8, random_state=seed, n_jobs=1, verbose=-1)
    model.fit(features, target)
    fx = np.asarray(future_x)
    grid = np.c_[np.repeat(fx, HORIZON, axis=0), np.tile(np.arange(1, HORIZON + 1), len(fx))]
    scaled = model.predict(grid).reshape(len(fx), HORIZON)
    if scale == "log":
        scaled = np.exp(scaled)
    forecast = scaled * np.asarray(future_level)[:, None]
    if indices is not None:
        forecast = forecast * np.stack([ix[-HORIZON:] for ix in indices])
    print(f"  {len(target):,} training rows", flush=True)
    return forecast


def lgbm(lookbacks: list[int], scales: list[str], objectives: list[str], seeds: list[int],
         rounds: int, leaves: int) -> None:
    train, test = _read("m3_monthly_train.csv"), _read("m3_monthly_test.csv")
    ids, series = _series(train)
    key = [ID, "ds"]
    actual = test.set_index(key)["y"]
    candidates = pd.DataFrame({name: pd.read_csv(CACHE / f"{name}.csv", parse_dates=["ds"],
                                                 dtype={ID: str}).set_index(key)["yhat"]
                               for name in MODELS}).loc[actual.index]
    base = _smape(actual.to_numpy(), candidates.median(axis=1).to_numpy())
    print(f"median of the six: {base:.3f}; theta {_smape(actual, candidates['theta']):.3f}")
    future = test.groupby(ID, sort=True)["ds"].apply(list)
    for lookback in lookbacks:
        for scale in scales:
            for objective in objectives:
                runs = []
                for seed in seeds:
                    start = time.perf_counter()
                    fc = global_forecast(series, lookback, scale, objective, seed, rounds, leaves)
                    frame = pd.DataFrame({ID: np.repeat(ids, HORIZON),
                                          "ds": np.concatenate([future[i] for i in ids]),
                                          "yhat": fc.reshape(-1)}).set_index(key)["yhat"]
                    runs.append(frame.loc[actual.index])
                    seconds = time.perf_counter() - start
                mean_run = pd.concat(runs, axis=1).mean(axis=1)
                alone = _smape(actual.to_numpy(), mean_run.to_numpy())
                seven = candidates.assign(glob=mean_run)
                print(f"L={lookback} {scale} {objective} seeds={seeds} rounds={rounds} "
                      f"leaves={leaves} rate={RATE[0]}: alone {alone:.3f}, median of seven "
                      f"{_smape(actual.to_numpy(), seven.median(axis=1).to_numpy()):.3f}, "
                      f"mean of seven {_smape(actual, seven.mean(axis=1)):.3f} "
                      f"({seconds:.0f} s a fit, load {os.getloadavg()[0]:.1f})", flush=True)
                out = mean_run.rename("yhat").reset_index()
                out.to_csv(CACHE / f"glob_L{lookback}_{scale}_{objective}.csv", index=False)


def _ints(text: str) -> list[int]:
    return [int(v) for v in text.split(",")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("task", choices=("cache", "lgbm"))
    parser.add_argument("--lookback", default="24")
    parser.add_argument("--scale", default="mean")
    parser.add_argument("--objective", default="l1")
    parser.add_argument("--seeds", default="0")
    parser.add_argument("--rounds", type=int, default=500)
    parser.add_argument("--leaves", type=int, default=31)
    parser.add_argument("--rate", type=float, default=0.05)
    args = parser.parse_args()
    RATE[0] = args.rate
    if args.task == "cache":
        cache()
    else:
        lgbm(_ints(args.lookback), args.scale.split(","), args.objective.split(","),
             _ints(args.seeds), args.rounds, args.leaves)


if __name__ == "__main__":
    main()
