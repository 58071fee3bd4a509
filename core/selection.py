"""Automatic choice per product, honest by construction.

The candidates are backtested on `warmup + reported` rolling windows. At each window the choice
for a product is made from the candidates' errors on the *earlier* windows only (whose test periods
end at or before this window's cutoff), so the accuracy reported for `auto` never uses the windows
it is scored on. The final choice, for the real forecast, uses every window. This reuses the
candidates' window fits instead of running a second, inner backtest.

Combinations are candidates too: `median` of all candidates, and `weighted` (inverse-error mean
of each product's best k, weights from the earlier windows in the same way).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.evaluation.metrics import window_errors
from core.messages import join, render
from core.models.ensemble import combine_median, combine_weighted, inverse_error_weights
from core.run_plan import AUTO, COMBINATIONS  # noqa: F401  (COMBINATIONS: kept importable here)
from core.schema import ID


def window_scores(backtest: pd.DataFrame, history: pd.DataFrame, *, freq: str,
                  season: int | None = None) -> pd.DataFrame:
    """`model, unique_id, window, score`: MASE per window (MAE where the scale is 0)."""
    errors = window_errors(backtest, history, freq=freq, season=season)
    windows = backtest[[ID, "cutoff", "window"]].drop_duplicates([ID, "cutoff"])
    errors = errors.merge(windows, on=[ID, "cutoff"], how="left")
    scale = errors["scale_mae"].where(errors["scale_mae"] > 0, 1.0).fillna(1.0)
    errors["score"] = errors["ae"] / errors["n"] / scale
    return errors[["model", ID, "window", "score"]]


def add_combinations(backtest: pd.DataFrame, forecast: pd.DataFrame, scores: pd.DataFrame,
                     *, k: int = 3) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Backtest and forecast frames with `median` and `weighted` rows added.

    `scores` are the members' window scores (`window_scores`).
    """
    bt_parts = [backtest, combine_median(backtest.drop(columns=["model"])).assign(model="median")]
    fc_parts = [forecast, combine_median(forecast.drop(columns=["model"])).assign(model="median")]
    # Weighted: at window w the weights come from windows < w; products without an earlier
    # window (none yet, or too short for it) get equal weights.
    weights = []
    for w in sorted(backtest["window"].unique()):
        pairs = backtest.loc[backtest["window"] == w, [ID, "model"]].drop_duplicates()
        earlier = scores[scores["window"] < w]
        mean = earlier.groupby([ID, "model"])["score"].mean().rename("error").reset_index()
        wts = inverse_error_weights(mean[mean[ID].isin(pairs[ID])], k)
        fresh = pairs[~pairs[ID].isin(wts[ID])]
        equal = inverse_error_weights(fresh.assign(error=1.0), len(pairs))
        weights.append(pd.concat([wts, equal], ignore_index=True).assign(window=w))
    if weights:
        bt_parts.append(combine_weighted(backtest, pd.concat(weights)).assign(model="weighted"))
    final = scores.groupby([ID, "model"])["score"].mean().rename("error").reset_index()
    final_weights = inverse_error_weights(final, k)
    # Products without a single backtest score (too young for any window) would get no
    # `weighted` forecast at all: they weight their members equally, as in the first window.
    members = forecast[[ID, "model"]].drop_duplicates()
    unscored = members[~members[ID].isin(final_weights[ID])]
    equal = inverse_error_weights(unscored.assign(error=1.0), len(members))
    fc_parts.append(combine_weighted(forecast, pd.concat([final_weights, equal],
                                                         ignore_index=True))
                    .assign(model="weighted"))
    bt = pd.concat(bt_parts, ignore_index=True)
    fc = pd.concat(fc_parts, ignore_index=True)
    return bt, fc


def choose(scores: pd.DataFrame, order: list[str], *, upto: int | None = None,
           pools: pd.Series | None = None) -> pd.DataFrame:
    """Per product, the model with the lowest mean score over windows `< upto` (all if None).

    With `pools` (unique_id -> pool key, e.g. the demand class), the mean runs over every
    product-window of the product's pool and all products of a pool share the choice: one to three
    windows of a single product are too few to tell good models apart (on Online Retail weekly,
    choosing per product alone scored MASE 1.72, pooled by demand class 1.64). Ties go to the
    model earlier in `order`. Returns `unique_id, model, score, runner_up, runner_up_score,
    windows_used, own_score, pool, products`.
    """
    use = scores if upto is None else scores[scores["window"] < upto]
    own = use.groupby([ID, "model"]).agg(own_score=("score", "mean"),
                                         windows_used=("score", "size")).reset_index()
    if pools is None:
        per_product = own.rename(columns={"own_score": "score", ID: "pool"})
        out = _ranked(per_product, order).rename(columns={"pool": ID})
        out["own_score"], out["products"] = out["score"], 1
        return out
    use = use.assign(pool=use[ID].map(pools))
    # Compare models on the same product-windows: those where every model of the pool has a score.
    n_models = use.groupby([ID, "window"])["model"].transform("nunique")
    use = use[n_models == n_models.groupby(use["pool"]).transform("max")]
    pooled = pooled_scores(use, method=POOLED_METHOD)
    ranked = _ranked(pooled, order)
    out = pd.DataFrame({ID: pools.index, "pool": pools.to_numpy()})
    out = out.merge(ranked, on="pool", how="left")
    out = out.merge(own, on=[ID, "model"], how="left")
    out["windows_used"] = out["windows_used"].fillna(0).astype(int)
    return out


# How a pool's product-window scores become one number per model. "mean" let a few series with a
# near-zero scale decide for hundreds (M1 monthly: pooled mean MASE 401.79 chose seasonal naive
# for 600 smooth series). "fence" drops those far-out product-windows and keeps the mean (what
# `auto` is scored by); bench/choice_rules.py compares the methods on five real data sets.
POOLED_METHOD = "fence"
FENCE = 30.0  # Q3 + FENCE x IQR: 3 (Tukey) cost weekly 0.006 MASE, 30 gained 0.001, M1 same
SCORE_FLOOR = 0.05  # MASE below this counts as this: a perfect zero must not outvote everything
SPREAD_FLOOR = 0.1  # a tied middle half spreads this x Q3 (the fence is then 4 x Q3)
MIN_FENCED = 4  # product-windows with an error a pool needs for quartiles (a fence)


def pooled_scores(use: pd.DataFrame, *, method: str = "fence") -> pd.DataFrame:
    """`pool, model, score, products` from product-window `score`s with a `pool` column.

    gmean: geometric mean (the ranking equals that of the geometric mean of each score relative to
    any per product-window benchmark, so no outlier's scale weighs more than another's);
    relative: mean of score / the product-window's median over the models; trim: 10 % trimmed
    mean; fence: mean without the product-windows whose median score over the models is far out
    (above Q3 + FENCE x IQR of the pool's, `_far_out`); mean: plain mean.
    """
    groups = ["pool", "model"]
    floored = use["score"].clip(lower=SCORE_FLOOR)
    if method == "gmean":
        values = np.log(floored)
    elif method == "relative":
        bench = floored.groupby([use[ID], use["window"]]).transform("median")
        values = floored / bench
    else:
        values = use["score"]
    frame = use[groups + [ID]].assign(value=values.to_numpy())
    if method == "fence":
        frame = frame[~_far_out(use)]
    if method == "trim":
        from scipy.stats import trim_mean
        score = frame.groupby(groups)["value"].agg(lambda v: trim_mean(v, 0.1))
    else:
        score = frame.groupby(groups)["value"].mean()
    if method == "gmean":
        score = np.exp(score)
    products = use.groupby(groups)[ID].nunique()  # the pool's, fenced-out ones too
    return pd.DataFrame({"score": score, "products": products}).reset_index()


def _far_out(use: pd.DataFrame) -> np.ndarray:
    """Rows of the pool's far-out product-windows: the models' median score above
    Q3 + FENCE x spread of the pool's (degenerate scales there, not evidence about the models).

    The quartiles come from the product-windows some model got wrong (median above SCORE_FLOOR):
    windows every model forecast perfectly say nothing about the spread, and where they are most
    of a pool (intermittent products with zero sales, zero forecasts) they made Q3 = IQR = 0 and
    fenced out every window with an error. A pool with no such window, or too few for quartiles,
    has no fence (everything kept); a middle half that is tied spreads at least SPREAD_FLOOR x Q3,
    so one window far above a tied pool is still dropped.
    """
    if use.empty:  # no scored window (e.g. every product too young to backtest)
        return np.zeros(0, dtype=bool)
    typical = use["score"].astype(float).groupby([use[ID], use["window"]]).transform("median")
    informative = typical.where(typical > SCORE_FLOOR)
    quartiles = informative.groupby(use["pool"]).quantile([0.25, 0.75]).unstack()
    q1 = use["pool"].map(quartiles[0.25]) if len(quartiles) else np.nan
    q3 = use["pool"].map(quartiles[0.75]) if len(quartiles) else np.nan
    spread = np.maximum(q3 - q1, SPREAD_FLOOR * q3)
    windows = use[[ID, "window", "pool"]].assign(informative=informative.to_numpy())
    counted = use["pool"].map(windows.drop_duplicates([ID, "window"])
                              .groupby("pool")["informative"].count())
    far = (typical > q3 + FENCE * spread) & (counted >= MIN_FENCED)
    return far.fillna(False).to_numpy(dtype=bool)


def _ranked(mean: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """Per `pool`: the best model and the runner-up by `score`."""
    rank = {name: i for i, name in enumerate(order)}
    mean = mean.assign(rank=mean["model"].map(rank).fillna(len(rank)))
    mean = mean.sort_values(["pool", "score", "rank"], kind="stable", na_position="last")
    first = mean.groupby("pool", sort=False).nth(0).set_index("pool")
    second = mean.groupby("pool", sort=False).nth(1).set_index("pool")
    out = first.drop(columns=["rank"]).copy()
    out["runner_up"] = second["model"].reindex(out.index)
    out["runner_up_score"] = second["score"].reindex(out.index)
    return out.reset_index()


def auto_backtest(backtest: pd.DataFrame, scores: pd.DataFrame, order: list[str],
                  reported: list[int], *, gap: int = 1,
                  pools: pd.Series | None = None, chooser=None) -> pd.DataFrame:
    """`auto`'s predictions on the reported windows, each chosen from earlier windows only.

    `gap` windows separate the window scored from the last one used to choose, so that every
    period the choice used lies at or before the cutoff (gap = ceil(horizon / step)).
    `chooser` replaces `choose` (same arguments), e.g. `core.selection_guard.guarded_choose`.
    """
    chooser = chooser or choose
    parts = []
    for w in reported:
        pick = chooser(scores, order, upto=w - gap + 1, pools=pools)[[ID, "model"]].dropna()
        rows = backtest[backtest["window"] == w].merge(pick, on=[ID, "model"], how="inner")
        parts.append(rows)
    out = pd.concat(parts, ignore_index=True) if parts else backtest.iloc[:0]
    return out.assign(chosen=out["model"], model=AUTO)


def reason(row: pd.Series) -> str:
    """Plain words: 'lowest MASE in backtest (0.83 vs 0.91 for ets, 3 windows)'.

    Written from the templates in `core.messages`, so a GUI can show it in its own language.
    """
    return join(*(render(key, **fields) for key, fields in reason_parts(row)))


def reason_parts(row: pd.Series) -> list[tuple[str, dict[str, str]]]:
    """`reason` as `(template id, fields)` clauses (`core.messages`)."""
    if pd.isna(row.get("score")):
        return [("reason.no_backtest", {})]
    products = int(row.get("products", 1) or 1)
    best, second = row["score"], row.get("runner_up_score", np.nan)
    # Two decimals, or three when two would print the same number twice.
    digits = 3 if np.isfinite(second) and f"{best:.2f}" == f"{second:.2f}" else 2
    fields = {"best": f"{best:.{digits}f}"}
    versus = isinstance(row.get("runner_up"), str) and np.isfinite(second)
    if versus:
        fields.update(runner_up_score=f"{second:.{digits}f}", runner_up=row["runner_up"])
    n = int(row.get("windows_used", 0))
    if products > 1:
        fields.update(products=str(products), pool=_pool_label(row))
        parts = [("reason.pooled" if versus else "reason.pooled_alone", fields)]
        if n and np.isfinite(row.get("own_score", np.nan)):
            own = {"own": f"{row['own_score']:.2f}", "windows": str(n)}
            parts.append(("reason.own_one" if n == 1 else "reason.own", own))
        return parts
    key = "reason.single" if versus else "reason.single_alone"
    return [(key + "_one" if n == 1 else key, {**fields, "windows": str(n)})]


def _pool_label(row: pd.Series) -> str:
    return str(row.get("pool", "")).split("|", 1)[0]
