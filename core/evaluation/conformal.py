"""Calibrated prediction intervals: split conformal on the rolling-origin backtest residuals.

A model's own bands assume its error model is right; on retail data they are not (the networks'
80 % bands covered 72-83 %). Here every model's bands are replaced by quantiles of its own
backtest errors:

- error e = (y - yhat) / scale, with scale = s x r^p: s = the product's mean |y_t - y_{t-1}|
  up to the window's cutoff (its mean |y| when the series never moves, else 1), so products of
  very different sizes can share one set of quantiles; r = max(1, |yhat| / s), how far the
  forecast is above the product's usual movement; p in [0, 1], fitted per model on the same
  earlier errors (`_spread_power`: the slope of log |error| on log r). Errors grow with the
  forecast's level faster than s alone says, and by how much differs by data (the fitted slope
  is 0.3-0.45 on M3 monthly, above 1 on Online Retail, so 1 there). With s alone, the 80 % bands
  of the fifth of rows with the highest yhat / s covered 0.54 on M3 and 0.65 on Online Retail
  weekly (the lowest fifth 0.97 and 0.80); now 0.73 and 0.79, and the scaled interval score
  fell 12 % (M3), 5 % (weekly) and 1 % (daily) at 80 % (bench/README.md, "Prediction
  intervals");
- quantiles per model, demand class (the pool) and horizon step; where a cell has fewer than
  `MIN_RESIDUALS` errors neighbouring steps are grouped, then the pool falls back to the model's
  errors over all products, and with fewer still the model keeps its own bands (`Calibration.
  uncalibrated` names it; the run's notes say so);
- band = yhat + scale * [q_(a/2), q_(1-a/2)] of the signed errors, with the finite-sample
  conformal rank, so the bands are quantile-based and skewed where the errors are (an
  intermittent product gets [0, a few units], not a normal band around a fraction);
- a product without sales in more than a/2 of its periods (up to the cutoff) gets [0, upper]
  with the one-sided L % quantile of the errors of such products: 0 is its own lower quantile;
- bands are clipped at 0 for products whose history is never negative, keep yhat inside, and the
  wider level always contains the narrower one.

The final forecast is calibrated on every backtest window. Backtest window w is calibrated only on
windows v <= w - gap (their test periods end by w's cutoff), so its coverage is an honest
held-out score; windows with no such earlier window keep the model's own bands. Each window's
miss moves the level the later windows and the forecast aim at (`_Targets`, adaptive conformal):
errors that grow over time (a season building up) would otherwise leave every band too narrow.
The level moves per model *and pool*, as the quantiles are per pool: one level per model let a
pool that missed in every window stay short while the others over-covered (Online Retail
weekly: lumpy products' 80 % bands covered 0.70 / 0.78 / 0.74, the erratic ones 0.77 / 0.83 /
0.81, `bench/coverage_windows.py`). A pool with fewer than `MIN_RESIDUALS` rows in a window
leaves its level to the model's.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.schema import DS, ID, Y

# A two-sided 95 % conformal band needs at least 39 errors for its rank to exist ((n+1)*0.975 <= n).
MIN_RESIDUALS = 40
_ALL = "\x00all"  # pool label of a model's errors over all products


@dataclass
class Calibration:
    backtest: pd.DataFrame
    forecast: pd.DataFrame
    # models whose final bands are their own: fewer than MIN_RESIDUALS backtest errors
    uncalibrated: list[str] = field(default_factory=list)
    residuals: int = 0  # backtest errors the final bands were calibrated on


def calibrate(backtest: pd.DataFrame, forecast: pd.DataFrame, history: pd.DataFrame, *,
              pools: pd.Series | None = None, levels: Sequence[int] = (80, 95), gap: int = 1,
              min_residuals: int = MIN_RESIDUALS, in_place: bool = False) -> Calibration:
    """Replace the `yhat_lo_L`/`yhat_hi_L` bands of `backtest` and `forecast` (long frames with a
    `model` column) by conformal bands from the backtest errors; see the module docstring.

    `pools`: unique_id -> pool label (demand class); `gap`: windows between a calibrated window
    and the last one it may learn from (ceil(horizon / step)). `in_place`: write the backtest's
    bands into `backtest` itself instead of a copy (for a caller that drops its own frame).
    """
    levels = [int(lv) for lv in sorted(levels)]
    if not levels or forecast.empty:
        return Calibration(backtest, forecast, [])
    history = history.sort_values([ID, DS], kind="stable")
    scales = _scales(history)
    nonneg = history.groupby(ID, sort=False)[Y].min().ge(0)
    pool_of = pools if pools is not None else pd.Series(dtype=object)
    aux = _aux(backtest, scales, nonneg) if not backtest.empty else None
    errors = _errors(backtest, aux, pool_of) if aux is not None else None
    models = forecast["model"].unique()

    # Backtest windows in time order: each learns from earlier windows only, and each one's
    # miss moves the level the next ones aim at (adaptive conformal inference).
    targets = _Targets(levels)
    out_bt = backtest
    if errors is not None:
        out_bt = _with_bands(backtest if in_place else backtest.copy(), levels)
        bands = [f"yhat_{side}_{level}" for level in levels for side in ("lo", "hi")]
        # One window's needed columns at a time, written back in place: copying every column
        # of every window and joining them again held three copies of all the candidates'
        # backtest rows at once (the client's peak on 100k products, issue #15).
        needed = [ID, Y, "yhat", "model", *bands]
        at_band = [out_bt.columns.get_loc(c) for c in bands]
        for w, at in sorted(out_bt.groupby("window", sort=True).indices.items()):
            rows = out_bt.iloc[at][needed].join(aux.iloc[at])
            earlier = errors[errors["window"] <= w - gap]
            aims = targets.for_window(w, gap)
            rows, skipped = _apply(rows, earlier, pool_of, levels, aims, min_residuals,
                                   rows["model"].unique())
            targets.record(w, rows, skipped, pool_of, min_residuals)
            out_bt.iloc[at, at_band] = rows[bands].to_numpy(dtype=float)

    fc = forecast.copy()
    fc["_step"] = fc.groupby(["model", ID], sort=False).cumcount() + 1
    last = history.groupby(ID, sort=False)[DS].max()
    fc["_scale"] = _lookup(scales, fc[ID], last.reindex(fc[ID]).to_numpy())
    fc["_lr"] = _log_ratio(fc["yhat"].to_numpy(dtype=float), fc["_scale"].to_numpy())
    fc["_zeros"] = _zero_share(scales, fc[ID], last.reindex(fc[ID]).to_numpy(), nonneg)
    used = errors if errors is not None else _no_errors()
    fc, uncalibrated = _apply(fc, used, pool_of, levels, targets.for_window(None, gap),
                              min_residuals, models)
    out_fc = fc.drop(columns=["_step", "_scale", "_lr", "_zeros"])
    return Calibration(out_bt, out_fc, sorted(uncalibrated), len(used))


def _with_bands(backtest: pd.DataFrame, levels: list[int]) -> pd.DataFrame:
    """`backtest` with a float column for every band (NaN where a model had none), added in
    the order `_apply` adds them."""
    out = backtest
    for level in levels:
        for side in ("lo", "hi"):
            column = f"yhat_{side}_{level}"
            if column not in out.columns:
                out[column] = np.nan
            elif out[column].dtype != float:
                out[column] = out[column].astype(float)
    return out


class _Targets:
    """The level each model's bands aim at, per window and pool: adaptive conformal inference
    (Gibbs and Candes 2021) with step 1 over whole windows, a = nominal a + sum over earlier
    scored windows of (nominal a - miss). When the errors grow from window to window (Online
    Retail weekly runs into the Christmas peak: held-out 80 % coverage 0.74 at the nominal
    level), the next windows and the forecast aim higher; where the earlier windows
    over-covered, lower. Misses are kept per (model, pool, level) and per (model, level); a
    pool without its own (too few rows in every earlier window) aims at the model's level."""

    def __init__(self, levels: list[int]) -> None:
        self.levels = levels
        # window -> (model, pool or _ALL, level) -> miss
        self.misses: dict[int, dict[tuple[str, str, int], float]] = {}

    def for_window(self, window: int | None, gap: int) -> dict[tuple[str, str, int], float]:
        """(model, pool or _ALL, level) -> the level to aim at in `window` (None: the final
        forecast)."""
        seen = [w for w in self.misses if window is None or w <= window - gap]
        aims: dict[tuple[str, str, int], float] = {}
        for w in seen:
            for key, miss in self.misses[w].items():
                alpha = 1 - key[2] / 100
                aims[key] = aims.get(key, alpha) + (alpha - miss)
        return {key: 100 * (1 - min(max(a, (1 - key[2] / 100) / 4), 2 * (1 - key[2] / 100)))
                for key, a in aims.items()}

    def record(self, window: int, rows: pd.DataFrame, skipped: set[str], pool_of: pd.Series,
               min_rows: int) -> None:
        y = rows[Y].to_numpy(dtype=float)
        pools = pool_of.reindex(rows[ID]).fillna(_ALL).to_numpy()
        misses = {}
        for model, at in rows.groupby("model", sort=False).indices.items():
            if model in skipped:
                continue
            for level in self.levels:
                lo = rows[f"yhat_lo_{level}"].to_numpy(dtype=float)[at]
                hi = rows[f"yhat_hi_{level}"].to_numpy(dtype=float)[at]
                missed = (y[at] < lo) | (y[at] > hi)
                misses[(model, _ALL, level)] = float(np.mean(missed))
                for pool in np.unique(pools[at]):
                    mine = pools[at] == pool
                    if pool != _ALL and mine.sum() >= min_rows:
                        misses[(model, pool, level)] = float(np.mean(missed[mine]))
        if misses:
            self.misses[window] = misses


def _scales(history: pd.DataFrame) -> pd.DataFrame:
    """unique_id, ds, scale: the product's error scale from its history up to and including ds."""
    y = history[Y].astype(float).to_numpy()
    by = history.groupby(ID, sort=False)
    step = np.abs(by[Y].diff().to_numpy(dtype=float))
    n_steps = by.cumcount().to_numpy()
    moved = pd.Series(np.nan_to_num(step), index=history.index).groupby(history[ID],
                                                                        sort=False).cumsum()
    size = pd.Series(np.abs(y), index=history.index).groupby(history[ID], sort=False).cumsum()
    with np.errstate(divide="ignore", invalid="ignore"):
        scale = np.where(n_steps > 0, moved.to_numpy() / np.maximum(n_steps, 1), 0.0)
        level = size.to_numpy() / (n_steps + 1)
    scale = np.where(scale > 0, scale, np.where(level > 0, level, 1.0))
    zeros = pd.Series(y == 0, index=history.index).groupby(history[ID], sort=False).cumsum()
    return pd.DataFrame({ID: history[ID].to_numpy(), DS: history[DS].to_numpy(), "scale": scale,
                         "zeros": zeros.to_numpy() / (n_steps + 1)})


def _lookup(scales: pd.DataFrame, ids: pd.Series, dates: np.ndarray,
            column: str = "scale") -> np.ndarray:
    """The scale (or share of zero periods) of each (product, date) from its history up to the
    date; 1 (0) where the product's history does not reach it."""
    key = pd.MultiIndex.from_arrays([scales[ID], scales[DS]])
    table = pd.Series(scales[column].to_numpy(), index=key)
    found = table.reindex(pd.MultiIndex.from_arrays([ids.to_numpy(), dates]))
    return found.fillna(1.0 if column == "scale" else 0.0).to_numpy()


def _steps(rows: pd.DataFrame) -> np.ndarray:
    """Horizon step (1 = first period after the cutoff) of each backtest row."""
    keys = ["model", ID, "window"]
    order = rows.sort_values([*keys, DS], kind="stable")
    step = order.groupby(keys, sort=False).cumcount() + 1
    return step.reindex(rows.index).to_numpy()


def _aux(backtest: pd.DataFrame, scales: pd.DataFrame, nonneg: pd.Series) -> pd.DataFrame:
    """Each backtest row's horizon step, error scale, log forecast-to-scale ratio and share of
    zero periods at its cutoff."""
    cutoff = backtest["cutoff"].to_numpy()
    scale = _lookup(scales, backtest[ID], cutoff)
    return pd.DataFrame({"_step": _steps(backtest), "_scale": scale,
                         "_lr": _log_ratio(backtest["yhat"].to_numpy(dtype=float), scale),
                         "_zeros": _zero_share(scales, backtest[ID], cutoff, nonneg)},
                        index=backtest.index)


def _log_ratio(yhat: np.ndarray, scale: np.ndarray) -> np.ndarray:
    """log max(1, |yhat| / scale): 0 where the forecast is missing."""
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.abs(yhat) / scale
    return np.log(np.maximum(np.nan_to_num(ratio, nan=1.0, posinf=1.0), 1.0))


def _spread_power(errors: pd.DataFrame) -> float:
    """How fast a model's errors grow with its forecast above the product's scale: the least-
    squares slope of log |e0| on the log ratio over its nonzero errors, within [0, 1]; 0 when
    fewer than `MIN_RESIDUALS` of them lie above the scale (nothing to fit)."""
    size, x = np.abs(errors["e0"].to_numpy()), errors["lr"].to_numpy()
    use = size > 0
    size, x = size[use], x[use]
    if int((x > 0).sum()) < MIN_RESIDUALS:
        return 0.0
    y = np.log(size)
    dx, dy = x - x.mean(), y - y.mean()
    slope = float(np.mean(dx * dy) / np.mean(dx * dx))
    # Rounded: the same errors summed in another order (the batch path loads them model by
    # model from disk) differ in the last bits, and must give the very same bands.
    return round(min(max(slope, 0.0), 1.0), 4)


def _errors(backtest: pd.DataFrame, aux: pd.DataFrame, pool_of: pd.Series) -> pd.DataFrame:
    err = (backtest[Y].to_numpy(dtype=float) - backtest["yhat"].to_numpy(dtype=float)) \
        / aux["_scale"].to_numpy()  # e0, in units of the product's scale (`_apply` rescales)
    # categoricals: the errors are grouped by model and pool many times
    out = pd.DataFrame({"model": pd.Categorical(backtest["model"].to_numpy()),
                        "window": backtest["window"],
                        "pool": pd.Categorical(pool_of.reindex(backtest[ID]).fillna(_ALL)
                                               .to_numpy()),
                        "step": aux["_step"].to_numpy(), "e0": err,
                        "lr": aux["_lr"].to_numpy(), "zeros": aux["_zeros"].to_numpy()})
    return out[np.isfinite(out["e0"].to_numpy())]


def _zero_share(scales: pd.DataFrame, ids: pd.Series, dates: np.ndarray,
                nonneg: pd.Series) -> np.ndarray:
    """Share of periods without sales up to the date; -1 for products that can go negative (their
    band is never floored at 0)."""
    share = _lookup(scales, ids, dates, "zeros")
    return np.where(nonneg.reindex(ids).fillna(False).to_numpy(), share, -1.0)


def _no_errors() -> pd.DataFrame:
    return pd.DataFrame({"model": [], "window": [], "pool": [], "step": [], "e0": [], "lr": [],
                         "zeros": []})


def _apply(rows: pd.DataFrame, errors: pd.DataFrame, pool_of: pd.Series, levels: list[int],
           aims: dict[tuple[str, str, int], float], min_residuals: int, models
           ) -> tuple[pd.DataFrame, set[str]]:
    """Calibrated bands for `rows` (with _step, _scale, _lr, _zeros) from `errors`; returns the
    models left as they are because they have too few errors."""
    uncalibrated = set()
    for level in levels:  # a model without intervals gets them here
        for side in ("lo", "hi"):
            if f"yhat_{side}_{level}" not in rows.columns:
                rows[f"yhat_{side}_{level}"] = np.nan
    rows_pool = pool_of.reindex(rows[ID]).fillna(_ALL).to_numpy()
    by_model = dict(tuple(errors.groupby("model", sort=False, observed=True)))
    for model in models:
        mine = by_model.get(model)
        at = np.flatnonzero(rows["model"].to_numpy() == model)
        if mine is None or len(mine) < min_residuals:
            uncalibrated.add(model)
            continue
        power = _spread_power(mine)
        mine = mine.assign(e=mine["e0"].to_numpy() * np.exp(-power * mine["lr"].to_numpy()))
        pools = rows_pool[at]
        for aim, where in _aim_groups(aims, model, levels, pools):
            _banded(rows, at[where], mine, levels, aim, min_residuals, pools[where], power)
    return rows, uncalibrated


def _aim_groups(aims: dict[tuple[str, str, int], float], model: str, levels: list[int],
                pools: np.ndarray) -> list[tuple[dict[int, float], np.ndarray]]:
    """The model's rows grouped by the levels they aim at: their pool's own (`_Targets`), else
    the model's, else the nominal one; (aim per level, rows of `pools` that aim so)."""
    groups: dict[tuple[float, ...], list[str]] = {}
    for pool in np.unique(pools):
        aim = tuple(aims.get((model, pool, level), aims.get((model, _ALL, level), float(level)))
                    for level in levels)
        groups.setdefault(aim, []).append(pool)
    return [(dict(zip(levels, aim, strict=True)), np.isin(pools, members))
            for aim, members in groups.items()]


def _banded(rows: pd.DataFrame, at: np.ndarray, errors: pd.DataFrame, levels: list[int],
            aim: dict[int, float], min_residuals: int, rows_pool: np.ndarray,
            power: float) -> None:
    """Write the calibrated bands of `rows`' positions `at` (one model, one aim), from the
    model's `errors` (scaled by the model's spread `power`)."""
    table = _quantile_table(errors, levels, aim, min_residuals, only=set(rows_pool))
    sub = rows.iloc[at]
    known = set(table.index.get_level_values(0))
    pool = np.array([p if p in known else _ALL for p in rows_pool], dtype=object)
    q = _quantiles_for(table, pool, sub["_step"].to_numpy())
    yhat = sub["yhat"].to_numpy(dtype=float)
    scale = sub["_scale"].to_numpy() * np.exp(power * sub["_lr"].to_numpy())
    zeros = sub["_zeros"].to_numpy()
    lo_prev, hi_prev = yhat, yhat
    for level in levels:  # narrowest first, so each band contains the one before
        own_lo = sub[f"yhat_lo_{level}"].to_numpy(dtype=float)
        own_hi = sub[f"yhat_hi_{level}"].to_numpy(dtype=float)
        # A product without sales in more than a/2 of its periods has 0 as its own lower
        # quantile (a band from 0.2 units would leave out its most common outcome): its band
        # is [0, the one-sided upper quantile of the errors of such products].
        floor = zeros > (1 - aim[level] / 100) / 2
        q_lo = np.where(floor, -np.inf, q[f"lo_{level}"].to_numpy())
        q_hi = np.where(floor, q[f"top_{level}"].to_numpy(), q[f"hi_{level}"].to_numpy())
        # a step block without errors (a gap in the data) keeps the model's own band
        lo = np.minimum(np.where(np.isnan(q_lo), own_lo, yhat + scale * q_lo), lo_prev)
        hi = np.maximum(np.where(np.isnan(q_hi), own_hi, yhat + scale * q_hi), hi_prev)
        lo = np.where(zeros >= 0, np.maximum(lo, 0.0), lo)  # never below no sales
        rows.iloc[at, rows.columns.get_loc(f"yhat_lo_{level}")] = lo
        rows.iloc[at, rows.columns.get_loc(f"yhat_hi_{level}")] = hi
        lo_prev, hi_prev = lo, hi


def _quantile_table(errors: pd.DataFrame, levels: list[int], aim: dict[int, float],
                    min_residuals: int, only: set | None = None) -> pd.DataFrame:
    """(pool, step) -> lo_L, hi_L (two-sided, from products whose band is not floored at 0) and
    top_L (one-sided, from those whose band is), for every pool with enough errors and for the
    `_ALL` pool (of the pools in `only`, if given). A subgroup with too few errors uses all of
    its pool's."""
    parts = []
    counts = errors["pool"].value_counts()
    # `_ALL` (every product's errors) only where a pool asked for lacks errors of its own
    everyone = only is None or any(p == _ALL or counts.get(p, 0) < min_residuals for p in only)
    if not everyone:
        errors = errors[errors["pool"].isin(list(only))]
    errors = errors.sort_values("e", kind="stable")  # every subset below stays sorted
    pools = [(p, e) for p, e in errors.groupby("pool", sort=False, observed=True)
             if p != _ALL and (only is None or p in only)]
    for pool, mine in [*pools, *([(_ALL, errors.assign(pool=_ALL))] if everyone else [])]:
        if len(mine) < min_residuals:
            continue
        steps = np.arange(1, int(mine["step"].max()) + 1)
        cells = {}
        for level in levels:
            floor = (mine["zeros"] > (1 - aim[level] / 100) / 2).to_numpy()
            two = mine[~floor] if (~floor).sum() >= min_residuals else mine
            one = mine[floor] if floor.sum() >= min_residuals else mine
            for side, part in (("lo", two), ("hi", two), ("top", one)):
                cells[f"{side}_{level}"] = _per_step(part, steps, side, aim[level],
                                                     min_residuals)
        index = pd.MultiIndex.from_arrays([[pool] * len(steps), steps], names=["pool", "step"])
        parts.append(pd.DataFrame(cells, index=index))
    return pd.concat(parts)


def _per_step(errors: pd.DataFrame, steps: np.ndarray, side: str, level: float,
              min_residuals: int) -> np.ndarray:
    """The conformal quantile of each step in `steps`, over blocks of consecutive steps that hold
    at least `min_residuals` errors (steps are about equally filled: one error per
    product-window)."""
    step = errors["step"].to_numpy(dtype=int)
    per_step = np.bincount(step)[1:]
    thinnest = int(per_step[per_step > 0].min())
    width = max(1, math.ceil(min_residuals / thinnest))
    n_blocks = max(1, len(steps) // width)
    block = np.minimum((step - 1) // width, n_blocks - 1)
    e = errors["e"].to_numpy(dtype=float)
    order = np.argsort(block, kind="stable")  # errors come sorted by e (`_quantile_table`)
    counts = np.bincount(block, minlength=n_blocks)
    starts = np.cumsum(counts) - counts
    k = _conformal_rank(counts, side, level)
    values = np.where(counts > 0, e[order][np.clip(starts + k - 1, 0, len(e) - 1)], np.nan)
    return values[np.minimum((steps - 1) // width, n_blocks - 1)]


def _conformal_rank(n: np.ndarray, side: str, level: float) -> np.ndarray:
    """The finite-sample conformal rank among n sorted errors: the lower (upper) band at the
    floor((n+1)a/2)-th (ceil((n+1)(1-a/2))-th) smallest, the one-sided band ("top", whose
    lower end is 0) at the ceil((n+1)L)-th, so coverage is at least L when exchangeable."""
    half = (1 - level / 100) / 2
    if side == "top":
        k = np.ceil((n + 1) * level / 100)
    elif side == "hi":
        k = np.ceil((n + 1) * (1 - half))
    else:
        k = np.floor((n + 1) * half)
    return np.clip(k, 1, np.maximum(n, 1)).astype(int)


def _quantiles_for(table: pd.DataFrame, pool: np.ndarray, step: np.ndarray) -> pd.DataFrame:
    """The quantile row for each (pool, step); steps beyond the calibrated ones take the last."""
    max_step = table.groupby(level=0).apply(lambda t: t.index.get_level_values(1).max())
    capped = np.minimum(step, max_step.reindex(pool).to_numpy())
    return table.reindex(pd.MultiIndex.from_arrays([pool, capped])).reset_index(drop=True)


def band_notes(calibration: Calibration) -> list[tuple[str, dict[str, str]]]:
    """The run's notes on its bands, as (template id, fields) (`core.messages`): calibrated on
    how many errors, and which are the models' own (too few errors)."""
    notes = []
    if calibration.residuals:
        notes.append(("note.intervals_calibrated", {"residuals": f"{calibration.residuals:,}"}))
    if calibration.uncalibrated:
        notes.append(("note.intervals_own", {"models": ", ".join(calibration.uncalibrated),
                                             "need": str(MIN_RESIDUALS)}))
    return notes
