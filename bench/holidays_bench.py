"""Do public holidays help a network? The same network, seed and data with and without them.

    OPENBLAS_NUM_THREADS=1 /work/main/.venv/bin/python -W ignore bench/holidays_bench.py \
        [--data daily|weekly] [--model tcn] [--countries GB,GB-ENG] [--seeds 0,1,2] [--products N]
        [--end 2011-06-10]

Online Retail (a UK shop: 84 % of the units sold go to the UK, core.data.country) as in
bench/neural_bench.py: daily h = 28 (weekly h = 8), 3 rolling origins, every fit by the engine's
`backtest` with the network's default settings (as neural_bench uses them), scored by
`core.evaluation.metrics`. Several seeds show how much of a difference is the seed's. The last
84 days of the file (2011-09-17 .. 12-09) hold no UK public holiday, so `--end 2011-06-10` cuts
the data to put Good Friday, the royal wedding, May Day and the spring bank holiday inside the
tested windows. Prints a table per seed; writes
bench/results/holidays_<data>[_<end>]_seed<seed>.csv.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from neural_bench import RESULTS, SETS, read, run_one  # noqa: E402

from core.evaluation.metrics import score  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", choices=sorted(SETS), default="daily")
    parser.add_argument("--model", default="tcn")
    parser.add_argument("--countries", default="GB", help="each compared with no holidays")
    parser.add_argument("--seeds", default="0", help="comma-separated, e.g. 0,1,2")
    parser.add_argument("--products", type=int, default=None, help="random subset (seed 0)")
    parser.add_argument("--end", help="use the data up to this day only (YYYY-MM-DD)")
    args = parser.parse_args()
    file, freq, h = SETS[args.data]
    frame = read(file, args.products)
    if args.end:
        frame = frame[frame.ds <= pd.Timestamp(args.end)].reset_index(drop=True)
    name = f"holidays_{args.data}" + (f"_{args.end}" if args.end else "")
    for seed in (int(x) for x in args.seeds.split(",")):
        table = compare(args, frame, freq, h, seed)
        RESULTS.mkdir(parents=True, exist_ok=True)
        table.to_csv(RESULTS / f"{name}_seed{seed}.csv", index=False)
        print(f"\n### Online Retail {args.data} to {frame.ds.max():%Y-%m-%d}, "
              f"{frame.unique_id.nunique()} products, seed {seed}\n")
        print(table.to_string(index=False, float_format="%.3f"), flush=True)


def compare(args, frame: pd.DataFrame, freq: str, h: int, seed: int) -> pd.DataFrame:
    """One row per run (no holidays, then the country's): metrics, seconds, load average."""
    rows = []
    for country in ("", *args.countries.split(",")):
        label = f"{args.model} holidays={country or 'none'}"
        params = {"horizon": h, "threads": 1, "seed": seed, "holiday_country": country}
        bt, seconds = run_one(args.model, frame, freq, h, params)
        metrics, _ = score(bt.assign(model=label), frame, freq=freq)
        rows.append(metrics.assign(seed=seed, seconds=seconds, load=os.getloadavg()[0]))
        print(f"  {label} seed {seed}: {seconds:.0f} s for 3 fits, load "
              f"{os.getloadavg()[0]:.1f}", flush=True)
    return pd.concat(rows, ignore_index=True)[
        ["model", "seed", "MASE", "WAPE", "RMSSE", "bias", "coverage_80", "coverage_95",
         "seconds", "load"]]

if __name__ == "__main__":
    main()
