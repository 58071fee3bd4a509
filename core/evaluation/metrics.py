"""Accuracy of backtest predictions: per product, per model and overall, vectorised.

Input is the long backtest frame (`unique_id, cutoff, ds, y, yhat, yhat_lo_*, yhat_hi_*`, and
`model` when several models are scored) plus the history it was cut from, which gives each
product-window its scale and its "previous period".

Definitions (the benchmarks use exactly these):
- MASE: per product and window, mean |y - yhat| over the horizon divided by the mean in-sample
  |y_t - y_{t-m}| of the training part (m from `core.schema.MASE_SEASON`, or `season`); windows
  whose scale is 0 are left out and counted (`zero_scale`); then the mean over products and windows.
- RMSSE: the same with squared errors, square-rooted per product-window.
- MAPE: mean of 100·|e|/|y| over periods with y != 0 only; the zero periods skipped are counted
  in `mape_zeros_skipped` (shop data is full of zero days, so MAPE alone would be undefined).
- sMAPE: mean of 200·|e|/(|y| + |yhat|), 0 when both are 0 (the M3 definition).
- WAPE: 100·sum|e| / sum|y|. bias: mean(yhat - y) (positive = over-forecast).
- coverage_L: share of actuals inside the L% interval.
- trend: per product-window, did total sales over the horizon go up against the previous period of
  the same length? "Up" is the positive class for precision/recall/F1; equal counts as not up.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from core.schema import DS, ID, MASE_SEASON, Y

METRIC_COLUMNS = ("MAE", "MSE", "RMSE", "MAPE", "sMAPE", "MASE", "RMSSE", "WAPE", "bias")
TREND_COLUMNS = ("trend_precision", "trend_recall", "trend_f1")
_KEYS = ("model", ID, "cutoff")


def window_scales(history: pd.DataFrame, cutoffs: pd.DataFrame, *, season: int
                  ) -> pd.DataFrame:
    """Scale and previous-period total for each (unique_id, cutoff, horizon) row of `cutoffs`.

    Returns `unique_id, cutoff, scale_mae, scale_mse, prev_sum`: the in-sample seasonal-naive
    mean |diff| and mean diff² over the history up to the cutoff, and the sum of the `horizon`
    periods ending at the cutoff (NaN when the history is shorter than that).
    """
    hist = history[[ID, DS, Y]].sort_values([ID, DS], kind="stable").reset_index(drop=True)
    y = hist[Y].to_numpy(dtype=float)
    lagged = hist.groupby(ID, sort=False)[Y].shift(season).to_numpy(dtype=float)
    diff = y - lagged
    out = []
    for cutoff, group in cutoffs.groupby("cutoff", sort=True):
        upto = hist[DS].to_numpy() <= np.datetime64(cutoff)
        sub = pd.DataFrame({ID: hist[ID].to_numpy()[upto], "ad": np.abs(diff[upto]),
                            "sd": diff[upto] ** 2, Y: y[upto]})
        grouped = sub.groupby(ID, sort=False)
        stats = pd.DataFrame({"scale_mae": grouped["ad"].mean(), "scale_mse": grouped["sd"].mean()})
        ids = group[[ID, "horizon"]].drop_duplicates(ID)
        stats = ids.join(stats, on=ID)
        # Sum of the last `horizon` observations up to the cutoff, per product.
        rank = grouped.cumcount(ascending=False).to_numpy()
        sub["h"] = sub[ID].map(ids.set_index(ID)["horizon"])
        last = sub[rank < sub["h"].to_numpy()]
        sums = last.groupby(ID, sort=False)[Y].agg(["sum", "count"])
        stats = stats.join(sums, on=ID)
        stats["prev_sum"] = stats["sum"].where(stats["count"] >= stats["horizon"])
        stats["cutoff"] = cutoff
        out.append(stats[[ID, "cutoff", "scale_mae", "scale_mse", "prev_sum"]])
    if not out:
        return pd.DataFrame(columns=[ID, "cutoff", "scale_mae", "scale_mse", "prev_sum"])
    return pd.concat(out, ignore_index=True)


def _levels(frame: pd.DataFrame) -> list[int]:
    return sorted(int(c.rsplit("_", 1)[1]) for c in frame.columns if c.startswith("yhat_lo_"))


def window_errors(backtest: pd.DataFrame, history: pd.DataFrame, *, freq: str,
                  season: int | None = None, by_model: bool = False) -> pd.DataFrame:
    """One row per (model, unique_id, cutoff) with the sums every metric is built from.

    `by_model`: sum one model's rows at a time (rows come out model by model, each model's in
    their own order), so the per-row work frame (larger than the backtest) holds one model's
    rows at most; for callers that group by model afterwards, as `score` does."""
    season = int(season or MASE_SEASON[freq])
    bt = backtest if "model" in backtest.columns else backtest.assign(model="model")
    if by_model and bt["model"].nunique() > 1:
        parts = [row_sums(bt.iloc[at]) for at in bt.groupby("model", sort=False).indices.values()]
        grouped = pd.concat(parts, ignore_index=True)
    else:
        grouped = row_sums(bt)
    return errors_from_sums(grouped, history, season=season)


def errors_from_sums(grouped: pd.DataFrame, history: pd.DataFrame, *, season: int
                     ) -> pd.DataFrame:
    """`window_errors` from `row_sums` of the backtest rows (computed in parts, in the order
    `window_errors` would sum them)."""
    grouped = grouped.rename(columns={"y": "sum_y", "yhat": "sum_yhat"})
    horizons = grouped[[ID, "cutoff"]].assign(horizon=grouped["n"].astype(int))
    scales = window_scales(history, horizons.drop_duplicates([ID, "cutoff"]), season=season)
    grouped = grouped.merge(scales, on=[ID, "cutoff"], how="left")
    with np.errstate(divide="ignore", invalid="ignore"):
        ok = grouped["scale_mae"] > 0
        grouped["mase"] = np.where(ok, grouped["ae"] / grouped["n"] / grouped["scale_mae"], np.nan)
        ok2 = grouped["scale_mse"] > 0
        grouped["rmsse"] = np.where(
            ok2, np.sqrt(grouped["se"] / grouped["n"] / grouped["scale_mse"]), np.nan)
    has_prev = grouped["prev_sum"].notna()
    grouped["actual_up"] = np.where(has_prev, grouped["sum_y"] > grouped["prev_sum"], np.nan)
    grouped["pred_up"] = np.where(has_prev, grouped["sum_yhat"] > grouped["prev_sum"], np.nan)
    return grouped


def row_sums(bt: pd.DataFrame) -> pd.DataFrame:
    """Per (model, unique_id, cutoff) of `bt`, the sums of its rows' errors."""
    y = bt[Y].to_numpy(dtype=float)
    yhat = bt["yhat"].to_numpy(dtype=float)
    err = yhat - y
    ae = np.abs(err)
    denom = np.abs(y) + np.abs(yhat)
    with np.errstate(divide="ignore", invalid="ignore"):
        sape = np.where(denom > 0, 200.0 * ae / denom, 0.0)
        ape = np.where(y != 0, 100.0 * ae / np.abs(y), np.nan)
    cols = {"model": bt["model"].to_numpy(), ID: bt[ID].to_numpy(), "cutoff": bt["cutoff"],
            "n": 1.0, "ae": ae, "se": err ** 2, "err": err, "sape": sape,
            "ape": np.nan_to_num(ape), "ape_n": (y != 0).astype(float), "abs_y": np.abs(y),
            "y": y, "yhat": yhat}
    for level in _levels(bt):
        lo, hi = bt[f"yhat_lo_{level}"].to_numpy(float), bt[f"yhat_hi_{level}"].to_numpy(float)
        cols[f"cov_{level}"] = ((y >= lo) & (y <= hi)).astype(float)
    return pd.DataFrame(cols).groupby(list(_KEYS), sort=False).sum().reset_index()


def summarise(windows: pd.DataFrame, by: list[str], levels: Sequence[int]) -> pd.DataFrame:
    """Pool window rows into metrics per group `by`."""
    w = windows.assign(
        zero_scale=windows["scale_mae"].fillna(0).le(0).astype(int),
        tp=(windows["actual_up"] == 1) & (windows["pred_up"] == 1),
        fp=(windows["actual_up"] == 0) & (windows["pred_up"] == 1),
        fn=(windows["actual_up"] == 1) & (windows["pred_up"] == 0),
        windows=1)
    agg = {"n": "sum", "ae": "sum", "se": "sum", "err": "sum", "sape": "sum", "ape": "sum",
           "ape_n": "sum", "abs_y": "sum", "mase": "mean", "rmsse": "mean", "zero_scale": "sum",
           "tp": "sum", "fp": "sum", "fn": "sum", "windows": "sum"}
    agg.update({f"cov_{level}": "sum" for level in levels})
    s = w.groupby(by, sort=True).agg(agg)
    out = pd.DataFrame(index=s.index)
    with np.errstate(divide="ignore", invalid="ignore"):
        out["MAE"] = s["ae"] / s["n"]
        out["MSE"] = s["se"] / s["n"]
        out["RMSE"] = np.sqrt(out["MSE"])
        out["MAPE"] = (s["ape"] / s["ape_n"]).where(s["ape_n"] > 0)
        out["sMAPE"] = s["sape"] / s["n"]
        out["MASE"] = s["mase"]
        out["RMSSE"] = s["rmsse"]
        out["WAPE"] = (100.0 * s["ae"] / s["abs_y"]).where(s["abs_y"] > 0)
        out["bias"] = s["err"] / s["n"]
        for level in levels:
            out[f"coverage_{level}"] = s[f"cov_{level}"] / s["n"]
        precision = (s["tp"] / (s["tp"] + s["fp"])).where((s["tp"] + s["fp"]) > 0)
        recall = (s["tp"] / (s["tp"] + s["fn"])).where((s["tp"] + s["fn"]) > 0)
        out["trend_precision"] = precision
        out["trend_recall"] = recall
        out["trend_f1"] = 2 * precision * recall / (precision + recall)
    out["points"] = s["n"].astype(int)
    out["windows"] = s["windows"].astype(int)
    out["zero_scale"] = s["zero_scale"].astype(int)
    out["mape_zeros_skipped"] = (s["n"] - s["ape_n"]).astype(int)
    return out.reset_index()


def score(backtest: pd.DataFrame, history: pd.DataFrame, *, freq: str,
          season: int | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Metrics per model and per (model, product) for a backtest frame.

    Returns `(overall, per_product)`: one row per model, and one per model and product, with
    the columns of `METRIC_COLUMNS`, `coverage_<level>`, `TREND_COLUMNS` and the counts
    `points, windows, zero_scale, mape_zeros_skipped`.
    """
    windows = window_errors(backtest, history, freq=freq, season=season, by_model=True)
    return summaries(windows, _levels(backtest))


def summaries(windows: pd.DataFrame, levels: Sequence[int]
              ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`score`'s (overall, per_product) from its window rows."""
    overall = summarise(windows, ["model"], levels)
    per_product = summarise(windows, [ID, "model"], levels)
    return overall, per_product
