"""Per-product views of a ForecastRun, indexed once so that showing any product is instant.

`RunIndex(run, history)` groups row positions by product once (a few ms for thousands of
products); `index.product(uid)` then slices with those positions. `ALL_PRODUCTS` is the shop total:
sales summed over products, the chosen forecasts summed, and each model's forecasts summed, all
by date. Products may end on different dates (each forecast starts after its own last period), so
a date's total covers only the products with a value at that date: the totals carry a `products`
column (how many were added up) and `extra["forecast_starts"]` says when the forecasts start.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.schema import DS, ID, Y
from core.trending import CALL_THRESHOLD, Trending, direction, trending

ALL_PRODUCTS = "\x00all"  # cannot collide with a real product id
CHOSEN = "chosen"  # the name of the per-product chosen forecast in the total
SPARK_POINTS = 26


@dataclass
class ProductData:
    uid: str
    title: str
    history: pd.DataFrame  # ds, y
    forecasts: dict[str, pd.DataFrame]  # model -> ds, yhat, yhat_lo_*, yhat_hi_*
    chosen: str  # key into forecasts
    backtest: dict[str, pd.DataFrame]  # model -> cutoff, ds, y, yhat, ...
    metrics: pd.DataFrame  # one row per model
    reason: str = ""
    demand_class: str = ""
    reason_ids: str = ""  # `reason` as template ids + fields (core.message_parts); "" if none
    fallback_ids: str = ""  # `fallback` likewise
    fallback: str = ""
    extra: dict = field(default_factory=dict)


def _positions(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    if frame.empty:
        return {}
    return {str(k): v for k, v in frame.groupby(ID, sort=False).indices.items()}


def _model_codes(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """Each row's model as an integer code, and the model names the codes stand for."""
    if frame.empty or "model" not in frame:
        return np.zeros(len(frame), dtype=int), np.array([], dtype=object)
    codes, names = pd.factorize(frame["model"], sort=False)
    return codes, np.asarray(names, dtype=object)


class RunIndex:
    def __init__(self, run, history: pd.DataFrame | None) -> None:
        self.run = run
        if history is None:  # a run shown without its data: forecasts only
            history = pd.DataFrame({ID: pd.Series(dtype=str), DS: pd.Series(dtype="M8[ns]"),
                                    Y: pd.Series(dtype=float)})
        self.history = history.sort_values([ID, DS], kind="stable", ignore_index=True)
        self.candidates = (run.candidates if not run.candidates.empty else run.forecast)
        self._pos = {name: _positions(frame) for name, frame in (
            ("history", self.history), ("candidates", self.candidates),
            ("backtest", run.backtest), ("metrics", run.metrics_per_product))}
        self._codes = {"candidates": _model_codes(self.candidates),
                       "backtest": _model_codes(run.backtest)}
        self.choices = (run.choices.set_index(ID) if not run.choices.empty
                        else pd.DataFrame(columns=["model", "reason"]))
        self.models = [str(m) for m in self._codes["candidates"][1]]
        self.trending: Trending = trending(run, self.history)
        self.summary = self._summary()
        self._cache: dict[str, ProductData] = {}

    # -- per product ------------------------------------------------------------------------
    def product(self, uid: str) -> ProductData:
        if uid not in self._cache:
            self._cache[uid] = self._total() if uid == ALL_PRODUCTS else self._product(uid)
        return self._cache[uid]

    def _rows(self, table: str, frame: pd.DataFrame, uid: str) -> pd.DataFrame:
        pos = self._pos[table].get(uid)
        return frame.iloc[pos] if pos is not None else frame.iloc[:0]

    def _per_model(self, table: str, frame: pd.DataFrame, uid: str) -> dict[str, pd.DataFrame]:
        pos = self._pos[table].get(uid)
        if pos is None:
            return {}
        codes, names = self._codes[table]
        mine = codes[pos]
        return {str(names[c]): frame.take(pos[mine == c]) for c in pd.unique(mine) if c >= 0}

    def _product(self, uid: str) -> ProductData:
        hist = self._rows("history", self.history, uid)
        choice = self.choices.loc[uid] if uid in self.choices.index else None
        chosen = str(choice["model"]) if choice is not None else (self.models or [""])[0]
        title = str(hist["title"].iloc[-1]) if "title" in hist and len(hist) else ""
        return ProductData(
            uid=uid, title="" if title == "nan" else title,
            history=hist[[DS, Y]].reset_index(drop=True),
            forecasts=self._per_model("candidates", self.candidates, uid), chosen=chosen,
            backtest=self._per_model("backtest", self.run.backtest, uid),
            metrics=self._rows("metrics", self.run.metrics_per_product, uid)
            .reset_index(drop=True),
            reason=_text(choice, "reason"), demand_class=_text(choice, "demand_class"),
            fallback=_text(choice, "fallback"), reason_ids=_text(choice, "reason_ids"),
            fallback_ids=_text(choice, "fallback_ids"))

    def _total(self) -> ProductData:
        hist = self.history.groupby(DS, as_index=False)[Y].sum()
        forecasts = {CHOSEN: _sum_forecasts(self.run.forecast)}
        # Split by the factorized model codes: grouping by the string column costs far more.
        codes, names = self._codes["candidates"]
        for code, model in enumerate(names):
            forecasts[str(model)] = _sum_forecasts(self.candidates[codes == code])
        backtest = {}
        codes, names = self._codes["backtest"]
        for code, model in enumerate(names):
            backtest[str(model)] = _sum_backtest(self.run.backtest[codes == code])
        return ProductData(uid=ALL_PRODUCTS, title="", history=hist, forecasts=forecasts,
                           chosen=CHOSEN, backtest=backtest,
                           metrics=self.run.metrics.reset_index(drop=True),
                           extra={"forecast_starts": _forecast_starts(self.run.forecast)})

    # -- the product list ---------------------------------------------------------------------
    def _summary(self) -> pd.DataFrame:
        """One row per product: volume, growth, accuracy, demand class, trend, sparkline, and
        the trending class, score and trust of `core.trending` (what "fastest growing" sorts by)."""
        hist = self.history
        horizon = max(int(self.run.settings.horizon), 1)
        ids = list(dict.fromkeys([*self._pos["history"], *self._pos["candidates"]]))
        grouped = hist.groupby(ID, sort=False)[Y]
        volume = grouped.sum()
        last = hist.groupby(ID, sort=False).cumcount(ascending=False) < horizon
        recent = hist[Y].where(last, 0.0).groupby(hist[ID], sort=False).sum()
        future = self.run.forecast.groupby(ID)["yhat"].sum()
        first = self.run.forecast.sort_values(DS, kind="stable").groupby(ID)["yhat"].first()
        before = recent.reindex(ids)
        growth = (future.reindex(ids) - before) / before.replace(0, np.nan)
        out = pd.DataFrame({ID: ids, "volume": volume.reindex(ids).to_numpy(),
                            "forecast": future.reindex(ids).to_numpy(),
                            "next": first.reindex(ids).to_numpy(),
                            "growth": growth.to_numpy(), "recent": before.to_numpy()})
        titles = (hist.drop_duplicates(ID, keep="last").set_index(ID)["title"].reindex(ids)
                  .fillna("").astype(str).to_numpy() if "title" in hist else "")
        out.insert(1, "title", titles)
        chosen_acc = self._chosen_accuracy()
        out["accuracy"] = out[ID].map(chosen_acc["WAPE"]).astype(float)
        out["mase"] = out[ID].map(chosen_acc["MASE"]).astype(float)
        for column in ("demand_class", "model"):
            values = (out[ID].map(self.choices[column]) if column in self.choices
                      else pd.Series(np.nan, index=out.index))
            out[column] = [("" if pd.isna(v) else str(v)) for v in values]
        positions, y = self._pos["history"], hist[Y].to_numpy(float)
        out["spark"] = [y[positions[uid]][-SPARK_POINTS:] if uid in positions else y[:0]
                        for uid in ids]
        trend = self.trending.products.set_index(ID)
        for column, name in (("class", "trend_class"), ("score", "score"), ("pool", "pool"),
                             ("precision", "precision"), ("recall", "recall"),
                             ("calls", "calls")):
            out[name] = out[ID].map(trend[column]).to_numpy()
        # The arrow says what the trending class says, so the two can never disagree.
        out["trend"] = direction(out["trend_class"]).to_numpy()
        out["trend_periods"] = horizon
        return out

    def _chosen_accuracy(self) -> pd.DataFrame:
        """WAPE and MASE of each product's chosen model in the backtest (lower is better)."""
        per = self.run.metrics_per_product
        empty = pd.DataFrame({"WAPE": pd.Series(dtype=float), "MASE": pd.Series(dtype=float)})
        if per.empty or "WAPE" not in per or "model" not in self.choices:
            return empty
        chosen = per.merge(self.choices["model"].rename("chosen").reset_index(), on=ID)
        chosen = chosen[chosen["model"] == chosen["chosen"]].set_index(ID)
        return chosen.reindex(columns=["WAPE", "MASE"])

    def adjusted(self, journal) -> tuple[pd.DataFrame, dict]:
        """The product list's rows and total with hand-made overrides in force (a
        `core.overrides.Journal`): the next period's and the horizon's units and the growth of
        each overridden product follow its final forecast. The trending class stays the model's
        (it says what the model expects)."""
        if not journal:
            return self.summary, self.total_row()
        from core.overrides import apply

        forecast = self.run.forecast
        products = {o.product for o in journal}
        final = apply(forecast[forecast[ID].astype(str).isin(products)], journal)
        by = final.sort_values(DS, kind="stable").groupby(final[ID].astype(str))["yhat"]
        out = self.summary.copy()
        ids = out[ID].astype(str)
        hit = ids.isin(set(by.groups))
        out.loc[hit, "forecast"] = ids[hit].map(by.sum())
        out.loc[hit, "next"] = ids[hit].map(by.first())
        recent = out.loc[hit, "recent"]
        out.loc[hit, "growth"] = (out.loc[hit, "forecast"] - recent) / recent.replace(0, np.nan)
        return out, self.total_row(out)

    def total_row(self, summary: pd.DataFrame | None = None) -> dict:
        """The "All products" row: the shop's total volume, forecast and growth (of `summary`,
        default the model's)."""
        s = self.summary if summary is None else summary
        horizon = max(int(self.run.settings.horizon), 1)
        sales = self.product(ALL_PRODUCTS).history[Y].to_numpy()
        # Each product's own last periods: products that end early have no sales in the shop's
        # last periods, and their forecasts are in `future` all the same.
        recent = float(np.nansum(s["recent"])) if len(s) else float(sales[-horizon:].sum())
        future = float(np.nansum(s["forecast"]))
        first = float(np.nansum(s["next"])) if len(s) else np.nan
        growth = (future - recent) / recent if recent else np.nan
        trend = 0 if not np.isfinite(growth) or abs(growth) <= CALL_THRESHOLD else int(
            np.sign(growth))
        return {ID: ALL_PRODUCTS, "title": "", "volume": float(np.nansum(s["volume"])),
                "forecast": future, "next": first, "growth": growth, "accuracy": np.nan,
                "demand_class": "",
                "model": "", "trend": trend, "spark": sales[-SPARK_POINTS:]}


def _text(row, key: str) -> str:
    if row is None or key not in row.index:
        return ""
    value = row[key]
    return "" if pd.isna(value) else str(value)


def _sum_forecasts(frame: pd.DataFrame) -> pd.DataFrame:
    """Totals over products. The mean adds up; for the bands we assume products vary
    independently, so half-widths add in quadrature (summing bounds would overstate them)."""
    frame = frame[[c for c in frame.columns if c == DS or c.startswith("yhat")]]
    out = frame.groupby(DS, as_index=False)["yhat"].sum()
    counts = frame.groupby(DS)["yhat"].size()
    for lo in [c for c in frame.columns if c.startswith("yhat_lo_")]:
        hi = lo.replace("_lo_", "_hi_")
        widths = frame.assign(lo_w=(frame["yhat"] - frame[lo]) ** 2,
                              hi_w=(frame[hi] - frame["yhat"]) ** 2)
        sums = widths.groupby(DS)[["lo_w", "hi_w"]].sum()
        out[lo] = np.clip(out["yhat"].to_numpy() - np.sqrt(sums["lo_w"].to_numpy()), 0, None)
        out[hi] = out["yhat"].to_numpy() + np.sqrt(sums["hi_w"].to_numpy())
    out["products"] = counts.to_numpy()  # how many products' forecasts this date adds up
    return out


def _sum_backtest(frame: pd.DataFrame) -> pd.DataFrame:
    """Backtest totals per window and date. Windows count back from each product's own end, so
    products that end on different dates have different cutoffs in the same window: the
    window's earliest cutoff stands for them (one segment per window on the chart)."""
    if "window" not in frame:
        return frame.groupby(["cutoff", DS], as_index=False)[[Y, "yhat"]].sum()
    out = frame.groupby(["window", DS], as_index=False).agg(
        cutoff=("cutoff", "min"), y=(Y, "sum"), yhat=("yhat", "sum"))
    out["cutoff"] = out.groupby("window")["cutoff"].transform("min")
    return out[["cutoff", DS, Y, "yhat"]].sort_values(["cutoff", DS], kind="stable",
                                                      ignore_index=True)


def starts_note(total: ProductData) -> tuple[str, dict[str, str]] | None:
    """`(template id, fields)` saying what the shop total covers when the products' forecasts
    start on different dates, else None."""
    starts = total.extra.get("forecast_starts") or {}
    if starts.get("distinct", 1) <= 1:
        return None
    return "total.starts_differ", {"first": f"{starts['first']:%Y-%m-%d}",
                                   "last": f"{starts['last']:%Y-%m-%d}"}


def _forecast_starts(forecast: pd.DataFrame) -> dict:
    """When the products' forecasts start: the first and last start date and how many start
    at the latest one (products that end early start their forecasts early)."""
    if forecast.empty:
        return {"products": 0, "first": None, "last": None}
    starts = forecast.groupby(ID, sort=False)[DS].min()
    return {"products": int(len(starts)), "first": starts.min(), "last": starts.max(),
            "distinct": int(starts.nunique())}
