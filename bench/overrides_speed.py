"""How long applying a journal of overrides takes on a shop-sized forecast.

    OPENBLAS_NUM_THREADS=1 python bench/overrides_speed.py

The forecast has the shape of Online Retail daily (1,817 products x 28 days); the journal has
10, 100 and 1,000 overrides (ranges and chosen periods). The reorder plan, exports and the
Forecast view's total call `core.overrides.apply` on the whole forecast.
"""
from __future__ import annotations

import time

import numpy as np
import pandas as pd

from core.overrides import Journal, Override, apply


def forecast(products: int = 1817, horizon: int = 28) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    ids = [f"P{i}" for i in range(products)]
    ds = pd.date_range("2011-12-10", periods=horizon, freq="D")
    frame = pd.DataFrame({"unique_id": np.repeat(ids, horizon), "ds": np.tile(ds, products)})
    frame["yhat"] = rng.gamma(1.0, 3.0, len(frame))
    for level, low, high in ((80, 0.6, 1.5), (95, 0.4, 2.0)):
        frame[f"yhat_lo_{level}"] = frame["yhat"] * low
        frame[f"yhat_hi_{level}"] = frame["yhat"] * high
    frame["model"] = "ets"
    return frame


def journal(frame: pd.DataFrame, size: int) -> Journal:
    ids = frame["unique_id"].unique()
    ds = sorted(frame["ds"].unique())
    entries = []
    for i in range(size):
        uid = ids[(i * 7919) % len(ids)]
        if i % 2:
            entries.append(Override(uid, "percent", 10, start=ds[5], end=ds[20]))
        else:
            entries.append(Override(uid, "absolute", 4, periods=(ds[1], ds[3])))
    return Journal(tuple(entries))


def main() -> None:
    frame = forecast()
    for size in (10, 100, 1000):
        entries = journal(frame, size)
        times = []
        for _ in range(5):
            start = time.perf_counter()
            out = apply(frame, entries)
            times.append(time.perf_counter() - start)
        print(f"{len(frame):,} rows, {size:>5} overrides: median {np.median(times) * 1000:6.1f} ms "
              f"({int(out['overridden'].sum()):,} rows changed)")


if __name__ == "__main__":
    main()
