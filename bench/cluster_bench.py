"""The batch path on one machine's process pool against a Dask LocalCluster, and how it scales.

    OPENBLAS_NUM_THREADS=1 python -W ignore bench/cluster_bench.py [--products 10000 100000]
        [--sides pool cluster]

A synthetic weekly panel of N products resampled from the Online Retail weekly products
(`online_retail_weekly.csv`, 1,817 products, 53 weeks): product k copies the sales of a
randomly drawn real product (seed 0) times a random factor in [0.5, 1.5], rounded. Each
(N, side) runs `core.pipeline.run` with the CLI defaults (`auto`, h = 8, 3 reported backtest
windows + the warm-up, 2 workers) in a fresh child process, which reports its wall time, its
own peak resident memory (the client: data, tasks, gathered results and, for a LocalCluster, the
scheduler) and the workers' peak, and the CPU seconds of both (on a shared machine the wall
time depends on the load; the CPU time much less). Results: `bench/results/cluster_bench.csv`.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TRENDCAST_DATA", "/work/shared/data"))
RESULTS = ROOT / "bench" / "results"


def make_panel(n: int, seed: int = 0):
    import numpy as np
    import pandas as pd

    src = pd.read_csv(DATA / "online_retail" / "online_retail_weekly.csv",
                      dtype={"unique_id": str}, parse_dates=["ds"])
    src = src[["unique_id", "ds", "y"]].sort_values(["unique_id", "ds"]).reset_index(drop=True)
    starts = np.flatnonzero(np.r_[True, src.unique_id.values[1:] != src.unique_id.values[:-1]])
    lengths = np.diff(np.r_[starts, len(src)])
    rng = np.random.default_rng(seed)
    pick = rng.integers(0, len(starts), size=n)
    factor = rng.uniform(0.5, 1.5, size=n)
    rows = np.concatenate([np.arange(starts[p], starts[p] + lengths[p]) for p in pick])
    owner = np.repeat(np.arange(n), lengths[pick])
    ids = np.array([f"S{k:06d}" for k in range(n)])
    return pd.DataFrame({"unique_id": ids[owner], "ds": src.ds.values[rows],
                         "y": np.round(src.y.values[rows] * factor[owner])})


def _own_usage() -> tuple[int, float]:
    """On a Dask worker: its peak resident KiB and CPU seconds so far."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    return own.ru_maxrss, own.ru_utime + own.ru_stime


def child(products: int, side: str) -> dict:
    sys.path.insert(0, str(ROOT))
    from core.executors import open_executor
    from core.pipeline import run
    from core.pipeline_types import ForecastSettings

    frame = make_panel(products)
    settings = ForecastSettings(horizon=8, freq="W", windows=3, n_jobs=2)
    workers_peak = workers_cpu = 0.0
    started = time.perf_counter()
    with open_executor("local:2" if side == "cluster" else None, 2) as executor:
        result = run(frame, settings, executor=executor, keep_candidates=False)
        if side == "cluster":
            usage = executor.client.run(_own_usage).values()
            workers_peak = max(peak for peak, _ in usage) / 1024
            workers_cpu = sum(cpu for _, cpu in usage)
    seconds = time.perf_counter() - started
    if side == "pool":  # the pool's worker processes have ended and been waited for
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        workers_peak = children.ru_maxrss / 1024
        workers_cpu = children.ru_utime + children.ru_stime
    own = resource.getrusage(resource.RUSAGE_SELF)
    auto = result.metrics[result.metrics["model"] == "auto"]
    return {"products": products, "side": side, "rows": len(frame), "seconds": round(seconds, 1),
            "client_peak_mib": round(own.ru_maxrss / 1024),
            "worker_peak_mib": round(workers_peak),
            "client_cpu_s": round(own.ru_utime + own.ru_stime, 1),
            "workers_cpu_s": round(workers_cpu, 1),
            "measured": time.strftime("%Y-%m-%d") + " spilled",  # keep_candidates=False
            "auto_mase": float(auto["MASE"].iloc[0]),
            "forecast_sum": float(result.forecast["yhat"].sum())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--sides", nargs="+", default=["pool", "cluster"])
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(args.products[0], args.sides[0])))
        return
    import pandas as pd

    rows = []
    for n in args.products:
        for side in args.sides:
            load = os.getloadavg()[0]
            out = subprocess.run([sys.executable, "-W", "ignore", __file__, "--child",
                                  "--products", str(n), "--sides", side],
                                 capture_output=True, text=True, check=True)
            row = json.loads(out.stdout.strip().splitlines()[-1])
            row["load_before"] = round(load, 1)
            row["load_after"] = round(os.getloadavg()[0], 1)
            print(row, flush=True)
            rows.append(row)
    RESULTS.mkdir(exist_ok=True)
    table = pd.DataFrame(rows)
    path = RESULTS / "cluster_bench.csv"
    if path.exists():  # keep earlier rows of other sizes
        old = pd.read_csv(path)
        keep = ~old.set_index(["products", "side"]).index.isin(
            table.set_index(["products", "side"]).index)
        table = pd.concat([old[keep], table], ignore_index=True)
    table.sort_values(["products", "side"]).to_csv(path, index=False)
    print(table.to_string(index=False))


if __name__ == "__main__":
    main()
