"""Which pooled score should `auto` choose by? One pipeline run per data set, then `auto`'s choice
redone with each method of `core.selection.pooled_scores` on the same backtests (issue #12: the
plain mean let a few outlier series choose for M1's 600 smooth ones).

    OPENBLAS_NUM_THREADS=1 /work/main/.venv/bin/python -W ignore bench/choice_rules.py \
        m1 tourism weekly m3 [daily]

Competition sets (m1, tourism, m3) score the final choice's forecast on the test part; the retail
sets (weekly, daily) score `auto` on the reported backtest windows, as bench/run.py does.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from competition import LAST_TRAIN, frames  # noqa: E402
from run import DATA, _read  # noqa: E402

import core.pipeline as pipeline  # noqa: E402
import core.selection as selection  # noqa: E402
from core.evaluation.metrics import score  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402

METHODS = ("mean", "fence", "gmean", "relative", "trim")


def _captured(df: pd.DataFrame, settings: ForecastSettings):
    """Run the pipeline; return (result, the arguments `auto_backtest` got)."""
    seen = {}
    original = pipeline.auto_backtest

    def spy(bt, usable, allowed, reported, **kw):
        seen.update(bt=bt, usable=usable, allowed=allowed, reported=reported, **kw)
        return original(bt, usable, allowed, reported, **kw)

    pipeline.auto_backtest = spy
    try:
        return pipeline.run(df, settings), seen
    finally:
        pipeline.auto_backtest = original


def competition(name: str) -> dict[str, float]:
    which = {"m1": "M1", "tourism": "Tourism"}.get(name)
    if which:
        train, test, horizon = frames(which)
        cutoff = LAST_TRAIN
    else:  # m3
        train = _read(DATA / "m3_monthly" / "m3_monthly_train.csv")
        test = _read(DATA / "m3_monthly" / "m3_monthly_test.csv")
        horizon, cutoff = 18, None
    result, seen = _captured(train, ForecastSettings(horizon=horizon, freq="M", windows=3,
                                                     n_jobs=2))
    out = {}
    for method in METHODS:
        selection.POOLED_METHOD = method
        pick = seen["chooser"](seen["usable"], seen["allowed"], pools=seen["pools"])
        fc = result.candidates.merge(pick[["unique_id", "model"]], on=["unique_id", "model"])
        bt = fc[["model", "unique_id", "ds", "yhat"]].merge(test, on=["unique_id", "ds"])
        bt["model"] = "auto"
        bt["cutoff"] = cutoff if cutoff is not None else \
            bt.unique_id.map(train.groupby("unique_id").ds.max())
        overall, _ = score(bt, pd.concat([train, test]), freq="M")
        out[method] = float(overall["MASE"].iloc[0])
        print(name, method, round(out[method], 4), pick["model"].value_counts().to_dict(),
              flush=True)
    return out


def retail(name: str) -> dict[str, float]:
    path, freq, horizon = {"weekly": ("online_retail_weekly.csv", "W", 8),
                           "daily": ("online_retail_daily.csv.gz", "D", 28)}[name]
    df = _read(DATA / "online_retail" / path)
    result, seen = _captured(df, ForecastSettings(horizon=horizon, freq=freq, windows=3,
                                                  n_jobs=2))
    out = {}
    for method in METHODS:
        selection.POOLED_METHOD = method
        auto = selection.auto_backtest(seen["bt"], seen["usable"], seen["allowed"],
                                       seen["reported"], gap=seen["gap"], pools=seen["pools"],
                                       chooser=seen["chooser"])
        overall, _ = score(auto.drop(columns=["chosen"]), df, freq=freq)
        out[method] = float(overall["MASE"].iloc[0])
        print(name, method, round(out[method], 4), auto["chosen"].value_counts().to_dict(),
              flush=True)
    return out


def main() -> None:
    rows = {}
    for name in sys.argv[1:]:
        rows[name] = (retail if name in ("weekly", "daily") else competition)(name)
    print(pd.DataFrame(rows).T.round(4).to_string())


if __name__ == "__main__":
    main()
