"""Does a static title feature help the global networks? Online Retail weekly or daily.

    OPENBLAS_NUM_THREADS=1 python -W ignore bench/text/network_feature.py weekly \
        [--neural tcn] [--clusters 32] [--seeds 0,1] [--products N]

The networks already learn an embedding of a product's `category` (core.models.neural). The
curated files have no category, so the title vectors (core.text, the sentence model) are
projected to one categorical feature: k-means (scipy's kmeans2, k-means++, seed 0) of the
products' title vectors into `--clusters` groups, given to the networks as `category`. Each
network is backtested (3 rolling origins, the engine's `backtest` and `score`, as
bench/neural_bench.py) without and with it, for every seed, so the difference can be set
against the seed-to-seed noise. Titles come from the orders file (the most frequent Description
of each StockCode).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.cluster.vq import kmeans2

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from neural_bench import SETS, read, run_one  # noqa: E402

from core.evaluation.metrics import score  # noqa: E402
from core.text.encoder import load_encoder  # noqa: E402

ORDERS = Path("/work/shared/data/online_retail/online_retail_orders.csv.gz")


def title_clusters(ids: np.ndarray, k: int) -> pd.Series:
    orders = pd.read_csv(ORDERS, usecols=["StockCode", "Description"], dtype=str).dropna()
    titles = (orders.groupby("StockCode")["Description"]
              .agg(lambda s: s.value_counts().index[0]).reindex(ids).fillna(""))
    loaded = load_encoder()
    assert loaded.is_model, loaded.note
    vectors = loaded.encoder.encode(titles.tolist()).astype(np.float64)
    _centres, labels = kmeans2(vectors, k, minit="++", seed=0)
    return pd.Series([f"t{c}" for c in labels], index=ids)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("data", choices=list(SETS))
    parser.add_argument("--neural", default="tcn")
    parser.add_argument("--clusters", type=int, default=32)
    parser.add_argument("--seeds", default="0,1")
    parser.add_argument("--products", type=int, default=None)
    args = parser.parse_args()
    file, freq, h = SETS[args.data]
    frame = read(file, args.products)
    ids = np.sort(frame.unique_id.unique())
    clusters = title_clusters(ids, args.clusters)
    with_titles = frame.assign(category=frame.unique_id.map(clusters))
    sizes = clusters.value_counts()
    print(f"{len(ids)} products in {len(sizes)} title clusters (sizes {sizes.min()}-"
          f"{sizes.max()}, median {int(sizes.median())})", flush=True)
    rows = []
    for name in [m for m in args.neural.split(",") if m]:
        for seed in [int(s) for s in args.seeds.split(",")]:
            for variant, data in (("without", frame), ("with title clusters", with_titles)):
                bt, secs = run_one(name, data, freq, h, {"horizon": h, "threads": 1,
                                                         "seed": seed})
                overall, _ = score(bt, frame, freq=freq)
                row = overall.iloc[0]
                rows.append({"model": name, "seed": seed, "feature": variant,
                             "MASE": row["MASE"], "WAPE": row["WAPE"], "seconds": secs})
                print(f"  {name} seed {seed} {variant}: MASE {row['MASE']:.4f} "
                      f"WAPE {row['WAPE']:.2f} ({secs:.0f} s)", flush=True)
    table = pd.DataFrame(rows)
    out = ROOT / "bench" / "results" / f"title_feature_{args.data}.csv"
    table.to_csv(out, index=False, float_format="%.4f")
    print(table.to_string(index=False, float_format=lambda v: f"{v:.4f}"))
    print(f"wrote {out}; load {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    start = time.perf_counter()
    main()
    print(f"{time.perf_counter() - start:.0f} s")
