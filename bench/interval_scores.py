"""How good the calibrated bands are beyond their coverage: the scaled interval score (MSIS) and
the coverage by fifth of yhat / the product's scale, on a backtest kept by
`bench/coverage_windows.py --keep FILE` and re-calibrated here by this checkout's
`core.evaluation.conformal` (so two checkouts compare on the very same backtest).

    OPENBLAS_NUM_THREADS=1 /work/main/.venv/bin/python -W ignore bench/coverage_windows.py \
        weekly --keep /tmp/weekly.pkl
    /work/main/.venv/bin/python -W ignore bench/interval_scores.py /tmp/weekly.pkl \
        --models median,theta

MSIS (Gneiting and Raftery's interval score over the product's scale, as in the M4 competition):
mean over the reported windows' rows of (hi - lo + 2/a (lo - y)+ + 2/a (y - hi)+) / s, s = the
product's mean |y_t - y_{t-1}| up to the window's cutoff. Lower is better: narrow bands that
still hold the actuals. The file is our own pickle of our own run (never a user's file).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.evaluation import conformal  # noqa: E402
from core.schema import DS, ID  # noqa: E402


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("kept", help="a file written by coverage_windows.py --keep")
    p.add_argument("--models", default="median,theta")
    a = p.parse_args()
    kept = pd.read_pickle(a.kept)
    kwargs = {k: v for k, v in kept["kwargs"].items() if k != "in_place"}
    cal = conformal.calibrate(kept["bt"], kept["fc"], kept["frame"], **kwargs)
    bt = cal.backtest
    bt = bt[bt["window"].isin(kept["reported"]) & bt["model"].isin(a.models.split(","))].copy()
    scales = conformal._scales(kept["frame"].sort_values([ID, DS], kind="stable"))
    bt["s"] = conformal._lookup(scales, bt[ID], bt["cutoff"].to_numpy())
    ratio = (bt["yhat"].abs() / bt["s"]).rank(method="first")
    bt["fifth of yhat/s"] = pd.qcut(ratio, 5, labels=False) + 1
    print(f"conformal: {conformal.__file__}")
    for model, rows in bt.groupby("model"):
        line = [model]
        for level in (80, 95):
            alpha = 1 - level / 100
            lo, hi, y = rows[f"yhat_lo_{level}"], rows[f"yhat_hi_{level}"], rows["y"]
            inside = (y >= lo) & (y <= hi)
            score = (hi - lo + 2 / alpha * (lo - y).clip(lower=0)
                     + 2 / alpha * (y - hi).clip(lower=0)) / rows["s"]
            line.append(f"{level} %: coverage {inside.mean():.4f} MSIS {score.mean():.3f}")
            rows = rows.assign(**{f"c{level}": inside})
        print(" | ".join(line))
        by = rows.groupby("fifth of yhat/s")[["c80", "c95"]].mean().round(3).T
        print(by.to_string(), flush=True)


if __name__ == "__main__":
    np.seterr(all="ignore")
    main()
