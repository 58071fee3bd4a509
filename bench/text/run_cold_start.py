"""The forecast run's cold start on Online Retail: young products' forecasts before and after.

    OPENBLAS_NUM_THREADS=1 python bench/text/run_cold_start.py [--orders PATH] [--origins N]

The orders file is imported as the app does (weekly, whole weeks). At each origin (every 4 weeks
from 2011-06-05) the data are cut there and the real forecast run (`core.pipeline.run`, h=8,
1 window) is made twice: `cold_start=False` (the new-product rate) and `cold_start=True` (title
neighbours). The established products use naive (their model does not touch the young ones'
forecasts; it keeps the runs short). The young products (too young to backtest at the origin)
are scored on the 8 held-out weeks: MASE per product = mean |error| / mean |y_t - y_(t-1)| over
its whole life in the file (the same scale for both; zero scales left out), WAPE pooled. The
run time of each is printed: their difference is what the cold start adds (at the first origin
with the encoder loaded and every title encoded; later with the title vectors kept from the
previous origin, as a project keeps them).
"""
from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from core.data import ImportOptions, load  # noqa: E402
from core.pipeline import run  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402
from core.schema import DS, ID, Y  # noqa: E402

ORDERS = "/work/shared/data/online_retail/online_retail_orders.csv.gz"
H, FIRST_ORIGIN, EVERY = 8, "2011-06-05", 4
YOUNG = ("new_product", "cold_start")


def scales(frame: pd.DataFrame) -> pd.Series:
    return frame.sort_values(DS).groupby(ID)[Y].apply(lambda y: np.abs(np.diff(y)).mean())


def scored(forecast: pd.DataFrame, actual: pd.DataFrame, scale: pd.Series, ids) -> dict:
    fc = forecast[forecast[ID].isin(ids)][[ID, DS, "yhat"]]
    both = fc.merge(actual, on=[ID, DS], how="left").fillna({Y: 0.0})
    both["e"] = (both["yhat"] - both[Y]).abs()
    per = both.groupby(ID)["e"].mean() / scale.reindex(both[ID].unique())
    per = per[np.isfinite(per)]
    return {"MASE": per.mean(), "median MASE": per.median(),
            "WAPE %": 100 * both["e"].sum() / both[Y].sum(), "products": len(set(fc[ID]))}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", default=ORDERS)
    parser.add_argument("--origins", type=int, default=5)
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=RuntimeWarning)
    frame = load(args.orders, ImportOptions(freq="W", complete_periods=True)).frame
    frame[ID] = frame[ID].astype(str)
    scale = scales(frame)
    weeks = np.sort(frame[DS].unique())
    first = int(np.searchsorted(weeks, np.datetime64(FIRST_ORIGIN)))
    origins = [weeks[i] for i in range(first, len(weeks) - H, EVERY)][:args.origins]
    rows, pooled, cache = [], {}, None  # the title vectors are kept between origins, as a project
    for origin in origins:
        seen = frame[frame[DS] <= origin]
        actual = frame[(frame[DS] > origin) & (frame[DS] <= origin + np.timedelta64(7 * H, "D"))]
        runs, seconds = {}, {}
        for on in (False, True):
            settings = ForecastSettings(horizon=H, freq="W", windows=1, n_jobs=1,
                                        models=("naive",), cold_start=on)
            started = time.perf_counter()
            runs[on] = run(seen, settings, embeddings=cache if on else None)
            seconds[on] = time.perf_counter() - started
        cached, cache = cache is not None, runs[True].embeddings
        choices = runs[True].choices.set_index(ID)["model"]
        young = choices.index[choices.isin(YOUNG)]
        titled = choices.index[choices == "cold_start"]
        for label, ids in (("young with a title", titled), ("all young", young)):
            for on, name in ((False, "new-product rate"), (True, "cold start (run)")):
                rows.append({"origin": str(pd.Timestamp(origin).date()), "group": label,
                             "forecast": name, **scored(runs[on].forecast, actual, scale, ids)})
                part = runs[on].forecast[runs[on].forecast[ID].isin(ids)]
                pooled.setdefault((label, name), []).append(
                    part[[ID, DS, "yhat"]].merge(actual, on=[ID, DS], how="left")
                    .fillna({Y: 0.0}).assign(origin=origin))
        print(f"origin {pd.Timestamp(origin).date()}: {len(young)} young, {len(titled)} on the "
              f"cold start; run {seconds[False]:.1f} s without, {seconds[True]:.1f} s with "
              f"({'titles from the cache' if cached else 'encoder loaded, titles encoded'})",
              flush=True)
    table = pd.DataFrame(rows)
    print(table.round(3).to_string(index=False))
    print("\nall origins together:")
    for (label, name), parts in pooled.items():
        both = pd.concat(parts, ignore_index=True)
        both["e"] = (both["yhat"] - both[Y]).abs()
        per = both.groupby([ID, "origin"])["e"].mean()
        per = per / scale.reindex(per.index.get_level_values(0)).to_numpy()
        per = per[np.isfinite(per)]
        print(f"{label:20s} {name:18s} MASE {per.mean():.3f} median {per.median():.3f} "
              f"WAPE {100 * both['e'].sum() / both[Y].sum():.1f} % "
              f"({len(per)} product-origins)")


if __name__ == "__main__":
    main()
