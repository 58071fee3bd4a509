"""Trending products: which products the forecast expects to rise or fall against their own recent
past, ranked so that dead and tiny products cannot top the list, and how far the backtest says
the up/down call can be trusted in each demand class (issue #13).

Per product, with H = the run's horizon:
- recent: units sold in the product's last H periods; future: its chosen forecast over the H
  periods; change = future / recent - 1 (NaN when recent is 0).
- class, the first rule that fits:
  new      fewer than 2·H periods since its first sale: too little past to compare with.
  fading   it sold before, but its last H periods hold less than FADING_SHARE of what H periods
           held on average before them (none or almost none recently).
  rising / falling   recent at or above the volume floor and change beyond ±CALL_THRESHOLD.
  stable   everything else, including products under the floor (too small to call).
- floor: decided from the shop's own distribution, the FLOOR_QUANTILE of recent units over the
  products that sold anything in their last H periods, and at least one unit a period (H): the
  bottom quarter of the shop's sellers is too small for a percentage to mean anything.
- score: (future - recent) / (recent + typical), the change shrunk towards 0 for small products;
  typical = the median recent units of the selling products (at least the floor): +100 % on a
  typical product scores +0.5, the same +100 % on ten times that +0.91.
  New, fading and under-floor products get no score (NaN), so they sort after every scored
  product whichever the direction: a dead product can never top "fastest growing".

Trust, per pool (demand class) and over all products ("all"): at each backtest window origin the
chosen model's forecast for the window makes the same call as above against the H periods before
the origin (up / down / none; only products at or above the floor there), and is compared with
what the window's sales did. precision = right calls / calls made; recall = right calls / real
moves (actual change beyond ±CALL_THRESHOLD). The chosen model was picked on these windows, so
the numbers lean optimistic; they are still out of sample for every forecast they score.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.evaluation.metrics import window_scales
from core.schema import DS, ID, Y

CLASSES = ("rising", "falling", "new", "fading", "stable")
CALL_THRESHOLD = 0.10  # a change within ±10 % is "no call" / "no move"
FADING_SHARE = 0.10  # recent sales under 10 % of the usual rate: fading
FLOOR_QUANTILE = 0.25
ALL_POOL = "all"
TRUST_COLUMNS = ("pool", "windows", "calls", "moves", "hits", "precision", "recall")
PRODUCT_COLUMNS = (ID, "class", "change", "recent_units", "future_units", "score", "pool",
                   "precision", "recall", "calls")


@dataclass
class Trending:
    products: pd.DataFrame  # one row per product: PRODUCT_COLUMNS
    pools: pd.DataFrame  # one row per pool and one for "all": TRUST_COLUMNS
    floor: float  # recent units a product needs for a rising / falling call
    typical: float  # the median recent units of selling products: the score's shrinkage
    horizon: int


def volume_floor(recent: pd.Series, horizon: int) -> float:
    """The FLOOR_QUANTILE of recent units among products that sold recently, at least H."""
    selling = recent[recent > 0]
    quantile = float(selling.quantile(FLOOR_QUANTILE)) if len(selling) else 0.0
    return max(quantile, float(horizon))


def call(change: np.ndarray) -> np.ndarray:
    """+1 up, -1 down, 0 no call (within the threshold or undefined)."""
    change = np.asarray(change, dtype=float)
    out = np.zeros(len(change), dtype=int)
    out[change > CALL_THRESHOLD] = 1
    out[change < -CALL_THRESHOLD] = -1
    return out


def trending(run, history: pd.DataFrame | None) -> Trending:
    """Classes, change, score and trust for every product of `run` (a ForecastRun)."""
    horizon = max(int(run.settings.horizon), 1)
    ids = list(dict.fromkeys([*run.forecast[ID].astype(str), *(
        history[ID].astype(str) if history is not None else [])]))
    if history is None or history.empty:
        history = pd.DataFrame({ID: pd.Series(dtype=str), DS: pd.Series(dtype="M8[ns]"),
                                Y: pd.Series(dtype=float)})
    past = _past(history, horizon).reindex(ids)
    future = run.forecast.groupby(ID)["yhat"].sum().reindex(ids)
    floor = volume_floor(past["recent"].dropna(), horizon)
    selling = past["recent"][past["recent"] > 0]
    typical = max(float(selling.median()) if len(selling) else 0.0, floor)
    recent = past["recent"].fillna(0.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        change = (future - recent) / recent.where(recent > 0)
    classes = _classes(past, change, floor, horizon)
    scored = classes.isin(["rising", "falling"]) | ((classes == "stable") & (recent >= floor))
    score = ((future - recent) / (recent + typical)).where(scored)
    pools = trust(run, history, floor)
    pool = _pools_of(run, ids, pools)
    trust_of = pools.set_index("pool")
    products = pd.DataFrame({
        ID: ids, "class": classes.to_numpy(), "change": change.to_numpy(),
        "recent_units": recent.to_numpy(), "future_units": future.to_numpy(),
        "score": score.to_numpy(), "pool": pool,
        "precision": trust_of["precision"].reindex(pool).to_numpy(),
        "recall": trust_of["recall"].reindex(pool).to_numpy(),
        "calls": trust_of["calls"].reindex(pool).fillna(0).astype(int).to_numpy()})
    return Trending(products=products, pools=pools, floor=floor, typical=typical,
                    horizon=horizon)


def _past(history: pd.DataFrame, horizon: int) -> pd.DataFrame:
    """Per product: units in the last H periods, periods since the first sale, and units and
    periods (since the first sale) before the last H."""
    hist = history[[ID, DS, Y]].sort_values([ID, DS], kind="stable")
    hist = hist.assign(**{ID: hist[ID].astype(str)})
    y = hist[Y].fillna(0.0)
    by = hist[ID]
    sold = (y > 0).groupby(by, sort=False).cumsum() > 0  # on or after the first sale
    last = hist.groupby(ID, sort=False).cumcount(ascending=False) < horizon
    frame = pd.DataFrame({
        "recent": y.where(last, 0.0), "lived": sold.astype(int),
        "before": y.where(~last, 0.0), "before_periods": (sold & ~last).astype(int)})
    return frame.groupby(by, sort=False).sum()


def _classes(past: pd.DataFrame, change: pd.Series, floor: float, horizon: int) -> pd.Series:
    lived = past["lived"].fillna(0)
    before = past["before"].fillna(0.0)
    periods = past["before_periods"].fillna(0)
    recent = past["recent"].fillna(0.0)
    usual = (before / periods.where(periods > 0)) * horizon  # H periods' sales, before
    direction = call(change.to_numpy())
    out = np.where(direction > 0, "rising", np.where(direction < 0, "falling", "stable"))
    out = np.where(recent.to_numpy() < floor, "stable", out)
    fading = (before > 0) & (recent < FADING_SHARE * usual.fillna(0.0))
    out = np.where(fading.to_numpy(), "fading", out)
    out = np.where((lived < 2 * horizon).to_numpy() & (lived + before > 0).to_numpy(), "new", out)
    return pd.Series(out, index=past.index, dtype=object)


def _pools_of(run, ids: list[str], pools: pd.DataFrame) -> list[str]:
    """Each product's demand class when the backtest made calls in it, else "all"."""
    classes = (run.choices.assign(**{ID: run.choices[ID].astype(str)}).set_index(ID)
               ["demand_class"] if "demand_class" in run.choices else pd.Series(dtype=object))
    with_calls = set(pools.loc[pools["calls"] > 0, "pool"])
    out = []
    for uid in ids:
        value = classes.get(uid)
        out.append(str(value) if isinstance(value, str) and value in with_calls else ALL_POOL)
    return out


def trust(run, history: pd.DataFrame, floor: float) -> pd.DataFrame:
    """Backtest precision and recall of the up/down call per demand class and over all."""
    windows = backtest_calls(run, history, floor)
    rows = []
    groups = [(ALL_POOL, windows)] + [(str(k), g) for k, g in windows.groupby("pool", sort=True)
                                      if str(k)]
    for name, group in groups:
        calls = int((group["called"] != 0).sum())
        moves = int((group["moved"] != 0).sum())
        hits = int(((group["called"] != 0) & (group["called"] == group["moved"])).sum())
        rows.append({"pool": name, "windows": len(group), "calls": calls, "moves": moves,
                     "hits": hits, "precision": hits / calls if calls else np.nan,
                     "recall": hits / moves if moves else np.nan})
    return pd.DataFrame(rows, columns=list(TRUST_COLUMNS))


def backtest_calls(run, history: pd.DataFrame, floor: float) -> pd.DataFrame:
    """One row per product and window origin of the chosen model's backtest: the call made at
    the origin (`called`) and what happened (`moved`), both +1 / 0 / -1, and the product's pool.
    Only origins where the product's previous H periods reached the floor are kept."""
    columns = [ID, "cutoff", "pool", "prev", "predicted", "actual", "called", "moved"]
    bt = run.backtest
    if bt.empty or history is None or history.empty:
        return pd.DataFrame(columns=columns)
    choices = run.choices
    if "model" in bt and "model" in choices:
        chosen = choices[[ID, "model"]].assign(**{ID: choices[ID].astype(str)})
        bt = bt.assign(**{ID: bt[ID].astype(str)}).merge(chosen, on=[ID, "model"])
    sums = bt.groupby([ID, "cutoff"], as_index=False).agg(
        predicted=("yhat", "sum"), actual=(Y, "sum"), horizon=("yhat", "size"))
    if sums.empty:
        return pd.DataFrame(columns=columns)
    prev = window_scales(history, sums[[ID, "cutoff", "horizon"]], season=1)
    sums = sums.merge(prev[[ID, "cutoff", "prev_sum"]], on=[ID, "cutoff"], how="left")
    sums = sums[sums["prev_sum"] >= floor]
    prev_sum = sums["prev_sum"].to_numpy(float)
    sums = sums.assign(
        prev=prev_sum,
        called=call(sums["predicted"].to_numpy(float) / prev_sum - 1),
        moved=call(sums["actual"].to_numpy(float) / prev_sum - 1))
    classes = (choices.assign(**{ID: choices[ID].astype(str)}).set_index(ID)["demand_class"]
               if "demand_class" in choices else pd.Series(dtype=object))
    sums["pool"] = sums[ID].map(classes).fillna("").astype(str)
    return sums[columns].reset_index(drop=True)
