"""Why the bias guard refuses the networks on Online Retail daily, and what an honest fix is
worth (issue #12). One pipeline run (as `bench/run.py daily` runs `auto`), then, on its
backtest:

1. per pool and choosing step (windows < 1, 2, 3): each candidate's pooled MASE (as `choose`
   pools it), its total error and bias over the pool's sales, and whether the guard refuses it;
2. variants of the network forecast (scaled by a constant, blended with theta, anchored to
   recent sales per pool or per product), each added as one more candidate of `auto`'s guarded
   choice: `auto`'s MASE and the shop total per reported window.

    OPENBLAS_NUM_THREADS=1 /work/main/.venv/bin/python -W ignore bench/debias_probe.py
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from choice_rules import _captured  # noqa: E402
from run import DATA, _read  # noqa: E402

from core.evaluation.metrics import score  # noqa: E402
from core.level_anchor import anchored  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402
from core.selection import auto_backtest, choose, pooled_scores, window_scores  # noqa: E402
from core.selection_guard import (  # noqa: E402
    classical_models,
    guard_for,
    refused,
    total_errors,
    window_totals,
)

NET, ANCHORED = "lstm_attention", "lstm_anchored"
COLS = ["model", "unique_id", "ds", "cutoff", "window", "y", "yhat"]


def pool_tables(bt, usable, allowed, pools) -> None:
    totals = window_totals(bt)
    classical = classical_models(allowed)
    for upto in (1, 2, 3):
        use = usable[usable["window"] < upto].assign(pool=lambda d: d["unique_id"].map(pools))
        n = use.groupby(["unique_id", "window"])["model"].transform("nunique")
        use = use[n == n.groupby(use["pool"]).transform("max")]
        table = pooled_scores(use).merge(total_errors(totals, pools, upto),
                                         on=["pool", "model"], how="left")
        ref = choose(usable[usable["model"].isin(classical)], allowed, upto=upto,
                     pools=pools).drop_duplicates("pool").set_index("pool")["model"]
        bad = refused(total_errors(totals, pools, upto), ref)
        table["refused"] = pd.MultiIndex.from_frame(table[["pool", "model"]]).isin(
            pd.MultiIndex.from_frame(bad[["pool", "model"]]))
        print(f"\n=== choosing from windows < {upto}")
        for pool, group in table.groupby("pool"):
            print(f"-- {pool.split('|')[0]} ({int(group['products'].max())} products, "
                  f"reference {ref.get(pool)})")
            print(group.sort_values("score")[["model", "score", "total_error", "bias",
                                              "refused"]].round(3).to_string(index=False))


def variants(bt, df, pools) -> dict[str, pd.DataFrame]:
    net = bt[bt["model"] == NET]
    theta = bt[bt["model"] == "theta"].set_index(["unique_id", "ds", "window"])["yhat"]
    out = {f"net_x{c}": net.assign(yhat=net["yhat"] * c) for c in (1, 3, 10)}
    blend_theta = theta.reindex(pd.MultiIndex.from_frame(net[["unique_id", "ds", "window"]]))
    out["blend_theta_0.5"] = net.assign(yhat=0.5 * net["yhat"].clip(lower=0)
                                        + 0.5 * blend_theta.to_numpy())
    for periods in (28, 56, 112):
        out[f"anchor_pool_{periods}d"] = anchored(net, df, pools, periods=periods)
    per_product = pd.Series(net["unique_id"].unique(), index=net["unique_id"].unique())
    out["anchor_product_28d"] = anchored(net, df, per_product, periods=28)
    return out


def main() -> None:
    df = _read(DATA / "online_retail" / "online_retail_daily.csv.gz")
    _, seen = _captured(df, ForecastSettings(horizon=28, freq="D", windows=3, n_jobs=2))
    bt, usable, pools, reported = seen["bt"], seen["usable"], seen["pools"], seen["reported"]
    bt = bt[bt["model"] != ANCHORED][COLS]  # "before": the candidates without the anchored one
    usable = usable[usable["model"] != ANCHORED]
    allowed = [m for m in seen["allowed"] if m != ANCHORED]
    pool_tables(bt, usable, allowed, pools)
    print("\n=== one more candidate: auto's MASE and shop total per reported window (%)")
    for name, rows in {"none": bt.iloc[:0], **variants(bt, df, pools)}.items():
        rows = rows[COLS].assign(model=name)
        both = pd.concat([bt, rows], ignore_index=True)
        extra = [window_scores(rows, df, freq="D")] if len(rows) else []
        scores = pd.concat([usable, *extra], ignore_index=True)
        names = allowed + ([name] if len(rows) else [])
        auto = auto_backtest(both, scores, names, reported, gap=seen["gap"], pools=pools,
                             chooser=guard_for(both, names))
        scored = pd.concat([auto.drop(columns=["chosen"]), rows[rows["window"].isin(reported)]])
        metrics, _ = score(scored, df, freq="D")
        sums = scored.assign(yhat=scored["yhat"].clip(lower=0)).groupby(
            ["model", "window"])[["y", "yhat"]].sum()
        shop = (100 * (sums["yhat"] / sums["y"] - 1)).round(1).unstack()
        mase = metrics.set_index("model")["MASE"].round(3).to_dict()
        chosen = auto.drop_duplicates(["unique_id", "window"]).groupby("window")["chosen"] \
            .value_counts().to_dict()
        print(name, mase, shop.to_dict("index"), chosen, flush=True)


if __name__ == "__main__":
    main()
