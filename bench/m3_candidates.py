"""Which candidates help `auto` on M3 monthly, and under which pooled choice rule (issue #12).

    OPENBLAS_NUM_THREADS=1 python -W ignore bench/m3_candidates.py combos
    OPENBLAS_NUM_THREADS=1 python -W ignore bench/m3_candidates.py auto --rule geo \
        [--without ets_damped] [--add global_boosting]

`combos`: every model fitted once on the 1,428 training series, the official 18 months scored by
sMAPE; then the per-period median of candidate sets, as `auto`'s `median` builds it.
`auto`: `core.pipeline.run` as `bench/run.py m3` runs it (3 windows + 1 warm-up), its forecast
scored the same way. `--rule mean` is today's pooled choice (mean window MASE over the pool);
`--rule geo` swaps in, for this run only, the geometric mean of each product-window's MAE
relative to seasonal naive's, which a few near-constant series cannot dominate. It is a stand-in
for the robust rule the `selection` branch puts into core/selection.py, not that rule.
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
MODELS = ("seasonal_naive", "ets", "ets_damped", "theta", "optimized_theta", "arima")
SETS = {"auto's smooth candidates before": ("seasonal_naive", "ets", "theta", "optimized_theta",
                                            "arima"),
        "... with ets_damped": MODELS}


def _read(name: str) -> pd.DataFrame:
    frame = pd.read_csv(DATA / name, parse_dates=["ds"], dtype={ID: str})
    return frame[[ID, "ds", "y"]].sort_values([ID, "ds"]).reset_index(drop=True)


def _smape(actual: pd.Series, forecast: pd.Series) -> float:
    return float(np.mean(200 * np.abs(actual - forecast) / (actual.abs() + forecast.abs())))


def combos() -> None:
    from core.models.registry import create

    train, test = _read("m3_monthly_train.csv"), _read("m3_monthly_test.csv")
    key = [ID, "ds"]
    actual = test.set_index(key)["y"]
    fc = pd.DataFrame({name: create(name, season_length=12).fit(train, freq="M").predict(18)
                       .set_index(key)["yhat"] for name in MODELS}).loc[actual.index]
    for name in MODELS:
        print(f"{name}: sMAPE {_smape(actual, fc[name]):.2f}")
    for label, members in SETS.items():
        part = fc[list(members)]
        print(f"{label}: median {_smape(actual, part.median(axis=1)):.2f}, "
              f"mean {_smape(actual, part.mean(axis=1)):.2f}")


def _relative_choose(choose):
    """`choose` fed log(MAE / seasonal naive's MAE) per product-window instead of MASE."""
    def wrapped(scores, order, *, upto=None, pools=None):
        bench = scores[scores["model"] == "seasonal_naive"].set_index([ID, "window"])["score"]
        base = scores.set_index([ID, "window"]).index.map(bench.to_dict().get)
        ratio = scores["score"].to_numpy() / np.maximum(np.asarray(base, float), 1e-9)
        relative = scores.assign(score=np.log(np.clip(ratio, 1e-3, 1e3)))
        return choose(relative, order, upto=upto, pools=pools)
    return wrapped


def auto(rule: str, without: str, add: str = "") -> None:
    import core.models.demand as demand
    import core.selection as selection
    import core.selection_guard as guard
    from core.evaluation.metrics import score
    from core.pipeline import run
    from core.pipeline_types import ForecastSettings

    if rule == "geo":
        selection.choose = guard.choose = _relative_choose(selection.choose)
    if without:
        listed = demand.candidates_for
        demand.candidates_for = lambda *a, **k: tuple(n for n in listed(*a, **k) if n != without)
    if add:  # one more candidate wherever the smooth models are (a product selling every month)
        listing = demand.candidates_for
        demand.candidates_for = lambda *a, **k: (
            (*listing(*a, **k), add) if "theta" in listing(*a, **k) else listing(*a, **k))
    train, test = _read("m3_monthly_train.csv"), _read("m3_monthly_test.csv")
    start = time.perf_counter()
    result = run(train, ForecastSettings(horizon=18, freq="M", windows=3, n_jobs=2))
    seconds = time.perf_counter() - start
    frame = pd.concat([result.candidates, result.forecast.assign(model="auto")])
    scored = frame[["model", ID, "ds", "yhat"]].merge(test, on=[ID, "ds"])
    scored["cutoff"] = scored[ID].map(train.groupby(ID)["ds"].max())
    overall, _ = score(scored, pd.concat([train, test]), freq="M")
    print(f"rule {rule}, without {without or '-'}, add {add or '-'}: {seconds:.1f} s, "
          f"load average {os.getloadavg()[0]:.1f}")
    print(result.choices["model"].value_counts().to_string())
    print(overall[["model", "sMAPE", "MASE"]].round(3).sort_values("sMAPE").to_string(index=False))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("task", choices=("combos", "auto"))
    parser.add_argument("--rule", choices=("mean", "geo"), default="mean")
    parser.add_argument("--without", default="", help="a candidate to leave out of `auto`")
    parser.add_argument("--add", default="", help="a candidate to add to `auto`'s smooth ones")
    args = parser.parse_args()
    combos() if args.task == "combos" else auto(args.rule, args.without, args.add)


if __name__ == "__main__":
    main()
