"""The reorder plan: one row per product, from a forecast, its backtest and the stock.

`build_plan` takes the forecast as a frame so a hand-overridden forecast can be planned on the
same way; the backtest gives the errors the lead-time demand distribution is learned from.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from scipy.stats import norm

from core.progress import NEVER, CancelToken
from core.reorder import exceptions, explain
from core.reorder.fill_rate import fill_rate_point
from core.reorder.inputs import ReorderSettings, abc_classes, last_prices
from core.reorder.lead_time_demand import (
    RatioPools,
    SpanDemand,
    backtest_ratios,
    period_days,
    span_demand,
    span_weights,
)
from core.reorder.policy import days_of_cover, days_until_stockout, order_quantity

ID = "unique_id"
SPREAD_POINTS = (0.1, 0.3, 0.5, 0.7, 0.9)  # lead-time quantiles mixed when it has a spread
_SPREAD_Z = norm.ppf(SPREAD_POINTS)  # standard normal lead-time deviations
MIX_DRAWS = 400  # each lead time's demand enters the mixture as this many equal quantiles
COLUMNS = ["unique_id", "supplier", "abc_class", "on_hand", "on_order", "inventory_position",
           "lead_time_days", "review_days", "service_level", "forecast_lead_time",
           "forecast_lead_review", "safety_stock", "reorder_point", "order_qty", "stockout_date",
           "days_of_cover", "price", "revenue_at_risk", "excess_units", "basis", "forecast_basis",
           "exceptions", "why"]


@dataclass
class ReorderPlan:
    table: pd.DataFrame  # COLUMNS, one row per product
    reasons: dict[str, list[explain.Clause]] = field(default_factory=dict)  # uid -> why clauses
    unknown_ids: list[str] = field(default_factory=list)  # stock rows without sales
    missing_ids: list[str] = field(default_factory=list)  # products without a stock figure


def build_plan(history: pd.DataFrame, forecast: pd.DataFrame, backtest: pd.DataFrame | None,
               items: pd.DataFrame, settings: ReorderSettings, freq: str,
               demand_class: pd.Series | None = None, cancel: CancelToken = NEVER,
               choices: pd.DataFrame | None = None) -> ReorderPlan:
    """history: unique_id, ds, y (+ price); forecast: unique_id, ds, yhat (+ model);
    backtest: unique_id, cutoff, ds, y, yhat, model (rolling origin, any models: the one that
    made each product's forecast is used); items: unique_id plus any of on_hand, on_order,
    lead_time_days, lead_time_sd_days, review_days, service_level, moq, pack_size, supplier,
    price (missing values take the settings' defaults). `cancel` is checked between products.
    `choices` (the run's): a forecast borrowed from similar titles names them in the why."""
    from core.error_messages import clauses_error

    if settings.problem_clauses():
        raise clauses_error("reorder.settings", settings.problem_clauses())
    step = period_days(freq)
    items = _with_defaults(items, history, settings, step)
    fc = forecast.sort_values([ID, "ds"], kind="stable")
    per_period = {uid: g["yhat"].to_numpy(float) for uid, g in fc.groupby(ID, sort=False)}
    starts = fc.groupby(ID, sort=False)["ds"].first()
    bt = _own_model_rows(backtest, forecast)
    if demand_class is None:
        from core.models.demand import classify
        demand_class = classify(history[[ID, "ds", "y"]])
    pools = demand_class.astype(str)
    histories = {uid: g["y"].to_numpy(float) for uid, g in history.groupby(ID, sort=False)}
    _check_horizon(items, per_period, step)
    demands = _Demands(per_period, bt, pools, histories, freq)
    last_sale = history[history["y"] > 0].groupby(ID)["ds"].max()
    end = history["ds"].max()
    bases = forecast_bases(forecast)
    borrowed = borrowed_from(choices)

    rows, reasons = [], {}
    for item in items.itertuples(index=False):
        cancel.raise_if_cancelled()
        uid = item.unique_id
        values = per_period.get(uid, np.zeros(0))
        lead, review = float(item.lead_time_days), float(item.review_days)
        spread = float(item.lead_time_sd_days)
        over_lead = demands.over(uid, lead, spread)
        over_cycle = demands.over(uid, lead + review, spread)
        level = float(item.service_level)
        row = {c: getattr(item, c) for c in ("supplier", "abc_class", "on_hand", "on_order",
                                              "lead_time_days", "review_days", "service_level",
                                              "price")}
        if settings.service_measure == "fill":
            reorder_point = fill_rate_point(over_cycle.samples, level,
                                            _cycle_demand(over_cycle, lead, review, step),
                                            over_lead.samples)
        else:
            reorder_point = math.ceil(over_cycle.quantile(level) - 1e-9)
        row.update(unique_id=uid, forecast_lead_time=over_lead.mean,
                   forecast_lead_review=over_cycle.mean, reorder_point=float(reorder_point),
                   safety_stock=max(reorder_point - over_cycle.mean, 0.0),
                   basis=over_cycle.basis, forecast_basis=bases.get(uid, "history"))
        if np.isnan(item.on_hand):
            row.update(inventory_position=np.nan, order_qty=np.nan, stockout_date=pd.NaT,
                       days_of_cover=np.nan, revenue_at_risk=np.nan, excess_units=np.nan,
                       exceptions=exceptions.NO_STOCK)
            reasons[uid] = explain.no_stock()
        else:
            idle = (end - last_sale[uid]).days if uid in last_sale else math.inf
            row.update(_with_stock(item, values, step, reorder_point, over_lead, settings,
                                   idle, starts.get(uid)))
            reasons[uid] = explain.why(
                lead=lead, review=review, demand=over_cycle, level=level,
                reorder_point=reorder_point, safety=row["safety_stock"],
                position=row["inventory_position"], need=reorder_point - row["inventory_position"],
                order=row["order_qty"], moq=float(item.moq), pack=float(item.pack_size),
                measure=settings.service_measure)
        if uid in borrowed:  # say first that the forecast itself is borrowed
            reasons[uid] = [borrowed[uid], *reasons[uid]]
        row["why"] = explain.english(reasons[uid])
        rows.append(row)
    table = pd.DataFrame(rows, columns=COLUMNS)
    return ReorderPlan(table, reasons)


def forecast_bases(forecast: pd.DataFrame) -> dict[str, str]:
    """Product -> history / new_product / cold_start, from the forecast's model column."""
    from core.text.run_cold_start import basis_of

    if "model" not in forecast:
        return {}
    first = forecast.drop_duplicates(ID)
    return dict(zip(first[ID], basis_of(first["model"]), strict=True))


def borrowed_from(choices: pd.DataFrame | None) -> dict[str, explain.Clause]:
    """Product -> the "borrowed from similar titles" clause, for cold-start products."""
    from core.message_parts import clauses_of

    if choices is None or choices.empty:
        return {}
    out = {}
    ids = choices["reason_ids"] if "reason_ids" in choices else [""] * len(choices)
    for uid, text, said in zip(choices[ID], choices["reason"], ids, strict=True):
        for key, fields in clauses_of(text, said):
            if key == "reason.cold_start":
                out[uid] = ("reorder.borrowed", {"neighbours": fields["neighbours"]})
    return out
def _cycle_demand(over_cycle: SpanDemand, lead: float, review: float, step: float) -> float:
    """Units expected to be demanded in one review cycle (the fill rate's denominator): the
    span's mean demand, from the same samples as its shortage, times the review's share of the
    span. With no review period (continuous review) one period of the data stands for it."""
    span = lead + review
    if len(over_cycle.samples) == 0 or span <= 0:
        return float(np.mean(over_cycle.samples)) if len(over_cycle.samples) else 0.0
    return float(np.mean(over_cycle.samples)) * min(max(review, step) / span, 1.0)


def _with_stock(item, values: np.ndarray, step: float, reorder_point: float,
                over_lead: SpanDemand, settings: ReorderSettings, idle_days: float,
                start: pd.Timestamp | None) -> dict:
    """The columns that need the product's stock: order, stock-out date, cover, risk, flags."""
    on_hand = float(item.on_hand)
    position = on_hand + float(item.on_order)
    order = order_quantity(reorder_point - position, float(item.moq), float(item.pack_size))
    out_in = days_until_stockout(values, step, on_hand)
    cover = days_of_cover(on_hand, values, step)
    daily = float(np.mean(np.clip(values, 0, None))) / step if len(values) else 0.0
    excess = max(position - reorder_point - daily * settings.excess_days, 0.0)
    return dict(
        inventory_position=position, order_qty=order,
        stockout_date=(start + pd.Timedelta(days=math.floor(out_in))
                       if math.isfinite(out_in) and start is not None else pd.NaT),
        days_of_cover=cover if math.isfinite(cover) else np.nan,
        # units demanded before an order placed today arrives that the stock cannot meet
        revenue_at_risk=over_lead.expected_shortfall(position) * float(item.price),
        excess_units=excess,
        exceptions=exceptions.flags(position=position, lead_demand=over_lead.mean,
                                    excess=excess, on_hand=on_hand, idle_days=idle_days,
                                    dead_days=settings.dead_days))


def _check_horizon(items: pd.DataFrame, per_period: dict[str, np.ndarray], step: float) -> None:
    """The forecast must reach past the longest lead time (+ spread) + review: beyond it the
    plan would have to invent sales."""
    from core.error_messages import user_error

    days = (items["lead_time_days"] + _SPREAD_Z.max() * items["lead_time_sd_days"]
            + items["review_days"])
    needed = math.ceil(float(days.max()) / step - 1e-9) if len(days) else 0
    have = min((len(v) for v in per_period.values()), default=0)
    if per_period and have < needed:
        raise user_error("reorder.short_forecast", have=str(have), needed=str(needed))


def _with_defaults(items: pd.DataFrame, history: pd.DataFrame, settings: ReorderSettings,
                   step: float) -> pd.DataFrame:
    out = items.copy()
    abc = abc_classes(history)
    out["abc_class"] = out[ID].map(abc).fillna("C")
    defaults = {
        "on_hand": np.nan, "on_order": 0.0, "lead_time_days": settings.lead_time_days,
        "lead_time_sd_days": 0.0, "moq": 0.0, "pack_size": 1.0, "supplier": "",
        "review_days": step if settings.review_days is None else settings.review_days,
    }
    if "supplier" in out and settings.lead_time_by_supplier:  # product row, supplier, default
        by_supplier = out["supplier"].map(settings.lead_time_by_supplier)
        given = out.get("lead_time_days", by_supplier)
        out["lead_time_days"] = given.fillna(by_supplier)
    for column, value in defaults.items():
        out[column] = out[column].fillna(value) if column in out else value
    level = pd.Series(settings.service_level, index=out.index)  # the product's own row first,
    if settings.service_by_abc:  # then its revenue class's level, then the one default
        level = out["abc_class"].map(settings.service_by_abc).fillna(level)
    out["service_level"] = out["service_level"].fillna(level) if "service_level" in out else level
    prices = out[ID].map(last_prices(history))
    out["price"] = out["price"].fillna(prices) if "price" in out else prices
    out["supplier"] = out["supplier"].astype(str)
    return out.reset_index(drop=True)


def _own_model_rows(backtest: pd.DataFrame | None, forecast: pd.DataFrame) -> pd.DataFrame:
    """Backtest rows of the model that made each product's forecast."""
    if backtest is None or backtest.empty:
        return pd.DataFrame(columns=[ID, "cutoff", "ds", "y", "yhat"])
    if "model" not in backtest or "model" not in forecast:
        return backtest
    chosen = forecast.drop_duplicates(ID).set_index(ID)["model"]
    return backtest[backtest["model"].to_numpy() == backtest[ID].map(chosen).to_numpy()]


class _Demands:
    """Lead-time demand distributions, computed once per span length and shared."""

    def __init__(self, per_period, backtest, pools, histories, freq):
        self.per_period, self.backtest, self.pools = per_period, backtest, pools
        self.histories, self.freq = histories, freq
        self._ratios: dict[tuple, RatioPools] = {}
        self._grids: dict[int, np.ndarray] = {}  # id(pool ratios) -> their MIX_DRAWS quantiles

    def over(self, uid: str, days: float, spread: float) -> SpanDemand:
        if spread <= 0:
            return self._one(uid, days)
        parts = [self._one(uid, max(days + spread * z, 0.0)) for z in _SPREAD_Z]
        middle = parts[len(parts) // 2]
        if middle.ratios is not None:
            # One error shape for every lead time: the ratios learned over the mean lead time,
            # scaled by each lead time's own forecast. Each lead time's own pool (learned
            # separately, with part periods) put its sampling noise into the mix: on the sample
            # shop a 3-day spread gave 27 % of products a lower reorder point than none.
            samples = np.concatenate([p.mean * middle.ratios for p in parts])
        else:
            samples = np.concatenate([self._mix_draws(p) for p in parts])
        return SpanDemand(middle.mean, samples, middle.basis, middle.pool_size,
                          middle.pool_products, middle.pool_name, cap=middle.cap)

    def _mix_draws(self, part: SpanDemand) -> np.ndarray:
        """MIX_DRAWS equally likely demands of `part` (equal weight for every lead time). A pool's
        are its ratios' quantiles times the product's mean, computed once per pool."""
        grid = (np.arange(MIX_DRAWS) + 0.5) / MIX_DRAWS
        if part.ratios is None:
            return np.quantile(part.samples, grid, method="inverted_cdf")
        key = id(part.ratios)  # the arrays live in self._ratios as long as self
        if key not in self._grids:
            self._grids[key] = np.quantile(part.ratios, grid, method="inverted_cdf")
        return part.mean * self._grids[key]

    def _one(self, uid: str, days: float) -> SpanDemand:
        weights = span_weights(days, self.freq)
        key = tuple(np.round(weights, 6))
        if key not in self._ratios:
            self._ratios[key] = RatioPools(backtest_ratios(self.backtest, weights), self.pools)
        values = self.per_period.get(uid, np.zeros(0))
        padded = np.concatenate([values, np.zeros(max(len(weights) - len(values), 0))])
        mean = float(np.dot(np.clip(padded[:len(weights)], 0, None), weights))
        return span_demand(mean, self.pools.get(uid, "unknown"), self._ratios[key],
                           self.histories.get(uid, np.zeros(0)), weights)


def plan_for_run(history: pd.DataFrame, run, stock: pd.DataFrame, settings: ReorderSettings,
                 cancel: CancelToken = NEVER) -> ReorderPlan:
    """The plan for a finished forecast run (the app's Reorder step): `stock` is read_stock_file
    or stock_from_sales output, possibly edited; unmatched ids are reported in the plan."""
    from core.reorder.inputs import match_stock

    match = match_stock(sorted(history[ID].unique()), stock)
    plan = build_plan(history, run.forecast, run.backtest, match.items, settings,
                      run.settings.freq, cancel=cancel, choices=getattr(run, "choices", None))
    plan.unknown_ids, plan.missing_ids = match.unknown_ids, match.missing_ids
    return plan
