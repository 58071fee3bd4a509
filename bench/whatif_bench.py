"""Does a what-if price response make forecasts better when the future prices are known?

    OPENBLAS_NUM_THREADS=1 /work/main/.venv/bin/python -W ignore bench/whatif_bench.py \
        weekly|daily|both [--products N] [--no-network] [--price list|mean] [--set epochs=10 ...]

Rolling-origin backtest on the real Online Retail orders, imported as the app imports them
(`core.data.load`: `price` is the quantity-weighted mean unit price of each period, `list_price`
the unit price most order lines paid, ties to the higher; both NaN in periods without a sale).
The plan, the elasticities and the network's price input all use `list_price`, the price a shop
owner sets and would plan (core's elasticity and network read it when the data has it).
`--price mean` drops `list_price` from the imported frame, so everything uses the weighted mean
price as before core took up the list price (the run recorded at commit f229a95).
At each cutoff of the pipeline's own backtest:

- baseline "auto": the pipeline's backtest rows of `auto` (each window's model chosen from
  earlier windows only), from one `core.pipeline.run(frame, ForecastSettings(windows=3))`;
- the "plan" is what really happened to the list price: factor per product and test period =
  the actual list price of that period, forward-filled within the product from the last known price
  (periods without a sale keep the shelf price), divided by the last known price at the cutoff;
  products without any known price keep factor 1;
- "elasticity": `core.scenario.elasticity.estimate` on the history up to the cutoff only,
  forecast x factor ** elasticity (as `core.scenario.whatif` does); sanity checks with the
  elasticity fixed at -1 and at 0 (0 must equal the baseline);
- "network": a TCN trained on the history up to the cutoff (`core.pipeline.run` with
  `models=("tcn",), windows=0, keep_networks=True`), `core.scenario.network.deltas` with the
  plan; compared with the same TCN's own forecast (fair), and also added to `auto` (what the
  app's "network" method does: the chosen forecast moved by the networks' change).

A second plan, "lag1", uses for period t only the prices seen up to t-1 (the actual price of a
period is only observed when something sold, and which price most lines paid can depend on who
bought, so the same-period price may carry information about that period's sales; lag1 removes
that leak at the cost of seeing a real price change one period late).

Scored by `core.evaluation.metrics.score` (MASE with m = 7 daily, 1 weekly; WAPE; bias).
Writes bench/results/whatif_<data>.csv (metrics), whatif_<data>_elasticities.csv (the
distribution per window), whatif_<data>_plan.csv (how many test periods the plan changed) and
whatif_<data>_network_probe.csv (the TCN's response to every price 10 % lower / higher);
`--price mean` adds `_meanprice` to the names.
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from neural_bench import _settings  # noqa: E402  (same --set parsing)

from core.data import ImportOptions, load  # noqa: E402
from core.evaluation.metrics import score  # noqa: E402
from core.pipeline import run as run_pipeline  # noqa: E402
from core.pipeline_types import ForecastSettings  # noqa: E402
from core.scenario import elasticity, network  # noqa: E402
from core.schema import DS, ID, Y  # noqa: E402

DATA = Path(os.environ.get("TRENDCAST_DATA", "/work/shared/data")) / "online_retail"
RESULTS = ROOT / "bench" / "results"
ORDERS = DATA / "online_retail_orders.csv.gz"
# data -> (frequency, horizon, curated file whose products and date span we keep)
SETS = {"weekly": ("W", 8, "online_retail_weekly.csv"),
        "daily": ("D", 28, "online_retail_daily.csv.gz")}
TCN = {"threads": 1}  # the app's default TCN, one TensorFlow thread
CHANGED = 1e-3  # |log price ratio| above which a period's price counts as changed


def read(data: str, products: int | None, price: str = "list") -> pd.DataFrame:
    """The orders imported by the app's importer, restricted to the curated file's products and
    its complete periods (the weekly file drops the partial first and last weeks). Columns
    unique_id, ds, y, price and (with `price="list"`) list_price."""
    freq, _, curated = SETS[data]
    ref = pd.read_csv(DATA / curated, dtype={ID: str}, usecols=[ID, DS], parse_dates=[DS])
    ids = np.sort(ref[ID].unique())
    if products:
        ids = np.random.default_rng(0).choice(ids, size=min(products, len(ids)), replace=False)
    frame = load(ORDERS, ImportOptions(freq=freq)).frame
    frame[ID] = frame[ID].astype(str)
    # The importer names a merged case variant by its lower-case spelling (72801c for 72801C).
    wanted = {str(i).upper() for i in ids}
    keep = frame[ID].str.upper().isin(wanted) & frame[DS].between(ref[DS].min(), ref[DS].max())
    columns = [ID, DS, Y, "price"]
    if price == "list":
        if "list_price" not in frame:
            raise SystemExit("the importer gave no list_price column (core before cf1d8bc?); "
                             "use --price mean")
        columns.append("list_price")
    frame = frame.loc[keep, columns]
    return frame.sort_values([ID, DS]).reset_index(drop=True)


def plan_column(frame: pd.DataFrame) -> str:
    """The price the plan moves: the list price when the frame has one, as core's what-if."""
    column = elasticity.price_column(frame)
    if column is None:
        raise SystemExit("the data has no prices")
    return column


def plan_factors(frame: pd.DataFrame, cutoff: pd.Timestamp, horizon: int) -> pd.DataFrame:
    """Test rows after `cutoff` with the actual-price plan (of `plan_column`, the list price when
    present): step, factor, factor_lag1, whether the product had a known price by the cutoff,
    and whether the period's own price was observed and differed from the last known one."""
    column = plan_column(frame)
    price = frame[column].where(frame[column] > 0)
    hist = frame[DS] <= cutoff
    last = price[hist].groupby(frame.loc[hist, ID]).last()  # last non-NaN per product
    test = frame[~hist].copy()
    test["step"] = test.groupby(ID, sort=False).cumcount()
    test = test[test["step"] < horizon].copy()
    own = price[test.index]
    base = test[ID].map(last)
    filled = own.groupby(test[ID], sort=False).ffill().fillna(base)
    lag = own.groupby(test[ID], sort=False).shift(1)
    lag = lag.groupby(test[ID], sort=False).ffill().fillna(base)
    test["factor"] = (filled / base).fillna(1.0).to_numpy()
    test["factor_lag1"] = (lag / base).fillna(1.0).to_numpy()
    test["known"] = base.notna().to_numpy()
    test["observed"] = own.notna().to_numpy()
    test["observed_change"] = (own.notna() & (np.log(own / base).abs() > CHANGED)).to_numpy()
    test["cutoff"] = cutoff
    return test.reset_index(drop=True)


def network_run(history: pd.DataFrame, freq: str, horizon: int, params: dict):
    settings = ForecastSettings(horizon=horizon, freq=freq, windows=0, models=("tcn",),
                                params={"tcn": params}, keep_networks=True, n_jobs=1)
    return run_pipeline(history, settings)


def network_deltas(networks, test: pd.DataFrame, column: str) -> np.ndarray:
    plan = pd.DataFrame({ID: test[ID], "step": test["step"], "factor": test[column],
                         "promo": False})
    return network.deltas(networks, plan)["delta"].to_numpy()


def bench(data: str, args) -> dict[str, pd.DataFrame]:
    freq, horizon, _ = SETS[data]
    t0 = time.perf_counter()
    frame = read(data, args.products, args.price)
    n_products = frame[ID].nunique()
    print(f"{data}: {n_products} products, {len(frame)} rows, {frame[DS].min():%Y-%m-%d} .. "
          f"{frame[DS].max():%Y-%m-%d}; plan, elasticities and network read "
          f"{plan_column(frame)!r}", flush=True)
    _price_contrast(frame)
    start = time.perf_counter()
    auto = run_pipeline(frame, ForecastSettings(horizon=horizon, freq=freq, windows=3,
                                                n_jobs=args.jobs))
    secs = {"auto": time.perf_counter() - start}
    bt = auto.backtest[auto.backtest["model"] == "auto"]
    cutoffs = sorted(pd.to_datetime(bt["cutoff"].unique()))
    print(f"  auto run {secs['auto']:.0f} s; cutoffs {[f'{c:%Y-%m-%d}' for c in cutoffs]}",
          flush=True)
    rows, effects, plans, probes = [], [], [], []
    params = {**TCN, **_settings(args.set)}
    for w, cutoff in enumerate(cutoffs, 1):
        history = frame[frame[DS] <= cutoff]
        test = plan_factors(frame, cutoff, horizon)
        base = bt[bt["cutoff"] == cutoff][[ID, DS, "yhat"]]
        test = test.merge(base, on=[ID, DS], how="inner", validate="1:1")
        eff = elasticity.estimate(history, freq)
        effects.append(eff.assign(window=w, cutoff=cutoff))
        slope = test[ID].map(eff.set_index(ID)["elasticity"]).fillna(-1.0).to_numpy()
        # What the app's what-if uses: -1 assumed where the history shows no price effect.
        app = elasticity.with_default_response(eff)
        app_slope = test[ID].map(app.set_index(ID)["elasticity"]).fillna(-1.0).to_numpy()
        for plan, col in (("actual", "factor"), ("lag1", "factor_lag1")):
            f = test[col].to_numpy()
            rows.append(_rows(test, plan, "auto", test["yhat"]))
            rows.append(_rows(test, plan, "auto x elasticity", test["yhat"] * f ** slope))
            rows.append(_rows(test, plan, "auto x elasticity (app, -1 where no effect)",
                              test["yhat"] * f ** app_slope))
            rows.append(_rows(test, plan, "auto x elasticity -1", test["yhat"] / f))
            rows.append(_rows(test, plan, "auto x elasticity 0", test["yhat"] * f ** 0.0))
        plans.append(_plan_counts(test, w, cutoff))
        own = int((eff["source"] == "product").sum())
        msg = (f"  window {w} (cutoff {cutoff:%Y-%m-%d}): elasticity median "
               f"{eff['elasticity'].median():.2f}, own slopes {own}")
        if not args.no_network:
            start = time.perf_counter()
            net = network_run(history, freq, horizon, params)
            secs[f"tcn window {w}"] = time.perf_counter() - start
            responsive = network.responsive(net.networks)
            if "tcn" not in responsive:
                raise SystemExit(f"the TCN does not read prices (networks: {list(net.networks)})")
            nb = net.forecast[[ID, DS, "yhat"]].rename(columns={"yhat": "yhat_tcn"})
            t = test.merge(nb, on=[ID, DS], how="left", validate="1:1")
            if t["yhat_tcn"].isna().any():
                raise SystemExit(f"TCN forecast missing for {t['yhat_tcn'].isna().sum()} rows")
            for plan, col in (("actual", "factor"), ("lag1", "factor_lag1")):
                delta = network_deltas(net.networks, t, col)
                f = t[col].to_numpy()
                rows.append(_rows(t, plan, "tcn", t["yhat_tcn"]))
                rows.append(_rows(t, plan, "tcn + network", np.maximum(t["yhat_tcn"] + delta, 0)))
                rows.append(_rows(t, plan, "tcn x elasticity", t["yhat_tcn"] * f ** slope))
                rows.append(_rows(t, plan, "auto + network", np.maximum(t["yhat"] + delta, 0)))
                if plan == "actual":
                    moved = f != 1
                    msg += (f"; network |delta| mean {np.abs(delta[moved]).mean():.3f} on "
                            f"{int(moved.sum())} changed rows, "
                            f"TCN fit {secs[f'tcn window {w}']:.0f} s")
            probes.append(_probe(net.networks, t, w, cutoff))
            if w == 1:
                _cross_check(net, history, t, app)
        print(msg, flush=True)
    preds = pd.concat(rows, ignore_index=True)
    table = _score(preds, frame, freq)
    plan_table = pd.DataFrame(plans)
    eff_table = _effect_summary(pd.concat(effects, ignore_index=True))
    probe_table = pd.DataFrame(probes)
    secs["total"] = time.perf_counter() - t0
    RESULTS.mkdir(parents=True, exist_ok=True)
    suffix = (f"_{args.products}" if args.products else "") + (
        "_meanprice" if args.price == "mean" else "")
    table.round(4).to_csv(RESULTS / f"whatif_{data}{suffix}.csv", index=False)
    plan_table.to_csv(RESULTS / f"whatif_{data}{suffix}_plan.csv", index=False)
    eff_table.round(4).to_csv(RESULTS / f"whatif_{data}{suffix}_elasticities.csv", index=False)
    if len(probe_table):
        probe_table.round(4).to_csv(RESULTS / f"whatif_{data}{suffix}_network_probe.csv",
                                    index=False)
    print(f"\n### {data} ({n_products} products, h = {horizon}), {secs['total']:.0f} s, "
          f"load {os.getloadavg()[0]:.1f}; seconds: "
          + ", ".join(f"{k} {v:.0f}" for k, v in secs.items()))
    for name, tab in (("metrics", table), ("plan", plan_table), ("elasticities", eff_table),
                      ("network probe", probe_table)):
        print(f"\n{name}:\n{tab.round(3).to_string(index=False)}", flush=True)
    return {"metrics": table, "plan": plan_table, "elasticities": eff_table}


def _price_contrast(frame: pd.DataFrame) -> None:
    """How the list price and the weighted mean price differ in this frame."""
    if "list_price" not in frame:
        return
    both = frame["price"].notna() & frame["list_price"].notna()
    ratio = frame.loc[both, "price"] / frame.loc[both, "list_price"]
    lp = frame["list_price"].where(frame["list_price"] > 0)
    mp = frame["price"].where(frame["price"] > 0)
    moves = {}
    for name, p in (("list", lp), ("mean", mp)):
        filled = p.groupby(frame[ID], sort=False).ffill()
        prev = filled.groupby(frame[ID], sort=False).shift(1)
        moves[name] = int((p.notna() & prev.notna()
                           & (np.log(p / prev).abs() > CHANGED)).sum())
    differs = np.log(ratio).abs() > CHANGED
    print(f"  periods with a sale: {int(both.sum())}; mean price differs from list price in "
          f"{int(differs.sum())} ({100 * differs.mean():.1f} %), "
          f"mean/list 5-50-95 %: {ratio.quantile(0.05):.3f} / {ratio.median():.3f} / "
          f"{ratio.quantile(0.95):.3f}; period-to-period price changes (observed): "
          f"list {moves['list']}, mean {moves['mean']}", flush=True)


def _rows(test: pd.DataFrame, plan: str, model: str, yhat) -> pd.DataFrame:
    """Backtest rows for core's scorer; `moved`: the plan changed this product's price in at
    least one period of this window."""
    column = "factor" if plan == "actual" else "factor_lag1"
    moved = test[column].ne(1).groupby(test[ID], sort=False).transform("any")
    return pd.DataFrame({"plan": plan, "model": model, ID: test[ID].to_numpy(),
                         "cutoff": test["cutoff"].to_numpy(), DS: test[DS].to_numpy(),
                         Y: test[Y].to_numpy(), "yhat": np.asarray(yhat, dtype=float),
                         "moved": moved.to_numpy()})


def _score(preds: pd.DataFrame, frame: pd.DataFrame, freq: str) -> pd.DataFrame:
    """core's metrics per (plan, model): on every product-window, and on the product-windows
    whose plan changed the price at least once (the only ones a method can move)."""
    out = []
    for subset, part in (("all", preds), ("price changed", preds[preds["moved"]])):
        for plan, sub in part.groupby("plan", sort=False):
            overall, _ = score(sub.drop(columns=["plan", "moved"]), frame, freq=freq)
            overall.insert(0, "plan", plan)
            overall.insert(1, "subset", subset)
            out.append(overall)
    cols = ["plan", "subset", "model", "MASE", "WAPE", "bias", "RMSSE", "MAE", "points",
            "windows", "zero_scale"]
    return pd.concat(out, ignore_index=True)[cols]


def _plan_counts(test: pd.DataFrame, w: int, cutoff) -> dict:
    moved = test.groupby(ID)["factor"].apply(lambda f: (f != 1).any())
    logf = np.log(test["factor"])
    return {"window": w, "cutoff": f"{cutoff:%Y-%m-%d}", "product_periods": len(test),
            "with_sales": int(test["observed"].sum()),
            "observed_price_change": int(test["observed_change"].sum()),
            "factor_not_1": int((test["factor"] != 1).sum()),
            "factor_lag1_not_1": int((test["factor_lag1"] != 1).sum()),
            "products": int(test[ID].nunique()), "products_moved": int(moved.sum()),
            "no_known_price": int(test.loc[~test["known"], ID].nunique()),
            "factor_p05": float(np.exp(logf[test["factor"] != 1].quantile(0.05))),
            "factor_p95": float(np.exp(logf[test["factor"] != 1].quantile(0.95))),
            "outside_app_range": int(((test["factor"] < 0.1) | (test["factor"] > 4)).sum())}


def _probe(networks, test: pd.DataFrame, w: int, cutoff) -> dict:
    """Direction of the network's response: every product 10% cheaper, or 10% dearer, in every
    test period. A price response should raise sales for the cut and lower them for the rise."""
    out = {"window": w, "cutoff": f"{cutoff:%Y-%m-%d}"}
    base = test["yhat_tcn"].sum()
    for label, factor in (("minus10", 0.9), ("plus10", 1.1)):
        delta = network_deltas(networks, test.assign(probe=factor), "probe")
        out[f"{label}_units_pct"] = 100 * delta.sum() / base
        out[f"{label}_share_up"] = float((delta > 0).mean())
        out[f"{label}_share_down"] = float((delta < 0).mean())
    return out


def _effect_summary(eff: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for (w, cutoff), e in eff.groupby(["window", "cutoff"]):
        x = e["elasticity"]
        q = x.quantile([0.05, 0.25, 0.5, 0.75, 0.95])
        own = e["own"].dropna()
        rows.append({"window": w, "cutoff": f"{pd.Timestamp(cutoff):%Y-%m-%d}",
                     "products": len(e), "own_slope": int((e["source"] == "product").sum()),
                     "pooled_only": int((e["source"] == "pooled").sum()),
                     "assumed": int((e["source"] == "assumed").sum()),
                     "pooled_value": float(x[e["source"] == "pooled"].iloc[0])
                     if (e["source"] == "pooled").any() else np.nan,
                     "mean": x.mean(), "p05": q[0.05], "p25": q[0.25], "median": q[0.5],
                     "p75": q[0.75], "p95": q[0.95],
                     "at_0": int((x >= -1e-9).sum()), "at_-4": int((x <= -4 + 1e-9).sum()),
                     "own_raw_median": own.median() if len(own) else np.nan,
                     "own_raw_positive": int((own > 0).sum())})
    return pd.DataFrame(rows)


def _cross_check(net, history: pd.DataFrame, test: pd.DataFrame, eff: pd.DataFrame) -> None:
    """The app's own entry point (`what_if`) on a few products with real planned changes must
    give what this bench computes directly."""
    from core.scenario import PriceChange, Scenario, what_if

    changed = test[(test["factor"] != 1) & test["factor"].between(0.1, 4)]
    picks = changed.drop_duplicates(ID).head(5)
    changes = tuple(PriceChange(percent=100 * (r.factor - 1), start=r.ds, end=r.ds,
                                products=(r.unique_id,)) for r in picks.itertuples())
    sub = test.set_index([ID, DS])
    for method in ("elasticity", "network"):
        result = what_if(net, history, Scenario(changes, method=method)).forecast
        got = result.set_index([ID, DS]).loc[[(r.unique_id, r.ds) for r in picks.itertuples()]]
        base = got["yhat_base"].to_numpy()
        key = [(r.unique_id, r.ds) for r in picks.itertuples()]
        factor = sub.loc[key, "factor"].to_numpy()
        if method == "elasticity":
            slope = picks[ID].map(eff.set_index(ID)["elasticity"]).to_numpy()
            mine = base * factor ** slope
        else:
            delta = network_deltas(net.networks, picks, "factor")
            mine = np.maximum(base + delta, 0)
        ok = np.allclose(got["yhat"].to_numpy(), mine, rtol=1e-4, atol=1e-6)
        print(f"  cross-check with what_if ({method}, {len(picks)} product-periods): "
              f"{'same' if ok else 'DIFFERENT'}; what_if {np.round(got['yhat'].to_numpy(), 3)} "
              f"bench {np.round(mine, 3)}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", choices=["weekly", "daily", "both"])
    parser.add_argument("--products", type=int, default=None, help="random subset (seed 0)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for `auto`")
    parser.add_argument("--no-network", action="store_true", help="skip the TCN")
    parser.add_argument("--price", choices=["list", "mean"], default="list",
                        help="the price everything reads: list price (default) or the "
                             "quantity-weighted mean (drops list_price, as at f229a95)")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                        help="a TCN parameter, e.g. --set epochs=10")
    args = parser.parse_args()
    for data in (["weekly", "daily"] if args.data == "both" else [args.data]):
        bench(data, args)


if __name__ == "__main__":
    main()
