"""Honest check of the reorder plan: simulate it over Online Retail's held-out weeks.

    OPENBLAS_NUM_THREADS=1 /work/main/.venv/bin/python -W ignore bench/reorder_sim.py [--products N]

Weekly data (all 1,817 products, 52 weeks): a shop reviews stock weekly and suppliers quote lead
times in weeks, and at daily grain the Online Retail series are mostly zeros, so a daily review
would test the zeros more than the plan. The last 16 weeks are held out. Every 4 weeks the
forecast is re-run on the data up to that week (`auto`, horizon 4, 3 backtest windows) and the
plan re-made; in between, the same plan is used at every weekly review. Lead time 14 days,
review 7 days, lost sales (a sale the shelf cannot meet is gone).

Each week, per product: the order placed at the review (order-up-to level minus on hand minus on
order, if positive) arrives two weeks later; the week's actual demand is met from stock. Start:
on hand = the first plan's level (the policy's steady state), nothing on order.

Policies compared at 90 % and 95 %:
- trendcast: `core.reorder.build_plan` (quantile of backtest-learned lead-time demand);
- trendcast fill-rate: the same with `service_measure="fill"` (the level whose expected shortage
  per cycle, beyond what was already short before the order could arrive, is 1 - target of a
  cycle's demand);
- normal: forecast over lead time + review + z * sigma * sqrt(3 weeks), sigma = RMS of the same
  model's one-week backtest errors (the textbook formula);
- cover: keep lead time + review + 2 weeks of the last 8 weeks' average sales (a "days of
  cover" rule; one level, no target).
Reported: cycle service level (share of product-weeks with all demand met; also only weeks with
demand), fill rate (units sold / units demanded) and average stock on hand (units, and in weeks
of average demand). Results: bench/results/reorder_sim.csv.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import norm

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core.pipeline import run as run_pipeline  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402
from core.reorder import ReorderSettings, build_plan  # noqa: E402

DATA = Path("/work/shared/data/online_retail/online_retail_weekly.csv")
RESULTS = ROOT / "bench" / "results"
HELD_OUT, REPLAN, LEAD_WEEKS, REVIEW_WEEKS = 16, 4, 2, 1
LEVELS = (0.90, 0.95)
COVER_EXTRA_WEEKS, COVER_HISTORY = 2, 8


def levels_at(history: pd.DataFrame, ids: list[str], jobs: int) -> dict[str, np.ndarray]:
    """policy name -> order-up-to level per product, planned on `history`."""
    result = run_pipeline(history, ForecastSettings(horizon=4, freq="W", windows=3, n_jobs=jobs))
    items = pd.DataFrame({"unique_id": ids, "on_hand": 0.0})
    out = {}
    span = LEAD_WEEKS + REVIEW_WEEKS
    for level in LEVELS:
        for measure in ("cycle", "fill"):
            plan = build_plan(history, result.forecast, result.backtest, items,
                              ReorderSettings(lead_time_days=7 * LEAD_WEEKS, service_level=level,
                                              review_days=7 * REVIEW_WEEKS,
                                              service_measure=measure), "W")
            table = plan.table.set_index("unique_id").loc[ids]
            name = "trendcast" if measure == "cycle" else "trendcast fill-rate"
            out[f"{name} {level:.0%}"] = table["reorder_point"].to_numpy(float)
        mean = table["forecast_lead_review"].to_numpy(float)
        out[f"normal {level:.0%}"] = np.maximum(mean + norm.ppf(level) * _sigma(result, ids)
                                                * np.sqrt(span), 0)
    recent = history[history["ds"] > history["ds"].max() - pd.Timedelta(weeks=COVER_HISTORY)]
    rate = recent.groupby("unique_id")["y"].mean().reindex(ids).fillna(0).to_numpy(float)
    out["cover"] = rate * (span + COVER_EXTRA_WEEKS)
    return out


def _sigma(result, ids: list[str]) -> np.ndarray:
    """RMS one-week backtest error of the model each product's forecast came from."""
    chosen = result.forecast.drop_duplicates("unique_id").set_index("unique_id")["model"]
    bt = result.backtest
    bt = bt[bt["model"].to_numpy() == bt["unique_id"].map(chosen).to_numpy()]
    rms = ((bt["y"] - bt["yhat"].clip(lower=0)) ** 2).groupby(bt["unique_id"]).mean() ** 0.5
    return rms.reindex(ids).fillna(0).to_numpy(float)


def simulate(levels: list[np.ndarray], demand: np.ndarray) -> dict[str, float]:
    """levels[w], demand[:, w] for each held-out week w -> service, fill rate, stock."""
    products, weeks = demand.shape
    on_hand = np.ceil(levels[0]).astype(float)
    arriving = np.zeros((products, weeks + LEAD_WEEKS + 1))
    met_weeks = stock = sold = 0.0
    met_with_demand = weeks_with_demand = 0.0
    for w in range(weeks):
        on_hand += arriving[:, w]
        on_order = arriving[:, w + 1:].sum(axis=1)
        order = np.maximum(np.ceil(levels[w]) - on_hand - on_order, 0)
        arriving[:, w + LEAD_WEEKS] += order
        sales = np.minimum(on_hand, demand[:, w])
        met = sales >= demand[:, w]
        met_weeks += met.sum()
        has_demand = demand[:, w] > 0
        met_with_demand += (met & has_demand).sum()
        weeks_with_demand += has_demand.sum()
        sold += sales.sum()
        on_hand -= sales
        stock += on_hand.sum()
    cells = products * weeks
    return {"cycle_service": 100 * met_weeks / cells,
            "cycle_service_demand_weeks": 100 * met_with_demand / weeks_with_demand,
            "fill_rate": 100 * sold / demand.sum(), "avg_stock_units": stock / cells,
            "avg_stock_weeks": stock / weeks / demand.sum() * weeks}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, help="random subset (seed 0) for a quick run")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    frame = pd.read_csv(DATA, dtype={"unique_id": str}, parse_dates=["ds"])
    ids = sorted(frame["unique_id"].unique())
    if args.products:
        ids = sorted(np.random.default_rng(0).choice(ids, args.products, replace=False))
        frame = frame[frame["unique_id"].isin(ids)]
    weeks = np.sort(frame["ds"].unique())
    held = weeks[-HELD_OUT:]
    wide = frame.pivot(index="unique_id", columns="ds", values="y").reindex(ids).fillna(0)
    demand = wide[held].to_numpy(float)
    started = time.time()
    plans: dict[str, list[np.ndarray]] = {}
    for start in range(0, HELD_OUT, REPLAN):
        history = frame[frame["ds"] < held[start]].reset_index(drop=True)
        for name, level in levels_at(history, ids, args.jobs).items():
            plans.setdefault(name, []).extend([level] * REPLAN)
        print(f"planned at {pd.Timestamp(held[start]).date()} ({time.time() - started:.0f} s)",
              file=sys.stderr)
    rows = [{"policy": name, **simulate(levels, demand)} for name, levels in plans.items()]
    table = pd.DataFrame(rows).round(2)
    RESULTS.mkdir(exist_ok=True)
    suffix = f"_{args.products}" if args.products else ""
    table.to_csv(RESULTS / f"reorder_sim{suffix}.csv", index=False)
    print(table.to_string(index=False))
    print(f"{len(ids)} products, {HELD_OUT} held-out weeks, {time.time() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
