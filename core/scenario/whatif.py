"""Apply a what-if plan to a finished forecast run.

    result = what_if(run, history, Scenario((PriceChange(-10, "2012-03-01", "2012-03-31"),)))
    result.totals()            # units and revenue, planned vs as forecast
    result.forecast            # per product and period: prices, both forecasts, both revenues

The forecast each product got (the model chosen for it) stays the baseline; the plan moves it by
how sales respond to price, either
- "elasticity": each product's price elasticity estimated from its own history, shrunk towards all
  products' (`core.scenario.elasticity`); sales x (new price / old price) ^ elasticity, or
- "network": the trained networks forecast again with the planned prices and promotions
  (`core.scenario.network`); sales + the change of their median forecast.
"auto" uses elasticities, and the networks only for what elasticities cannot answer (a
promotion, data without prices); see `resolve_method`.
Revenue is units x price, where price is what customers last paid on average (`price`, revenue
over units) changed by the plan's percentage; the response itself is learned from the list price
(`core.scenario.elasticity`), which a plan changes by the same percentage.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from core.error_messages import user_error
from core.message_parts import Clause, encode, english
from core.progress import NEVER, CancelToken, ProgressCallback, no_progress, said
from core.scenario import elasticity, network
from core.scenario.plan import Scenario, price_factors
from core.schema import DS, ID

BANDS = ("yhat_lo_80", "yhat_hi_80", "yhat_lo_95", "yhat_hi_95")
# Share of price-changed periods answered against the change above which a network's what-if
# gets a warning (the daily TCN on Online Retail: about half, see bench/README.md).
WRONG_SIGN_WARNING = 0.25


@dataclass
class WhatIf:
    plan: Scenario
    method: str  # "elasticity" or "network": what moved the forecast
    # unique_id, ds, price_base, price, promo, yhat_base, yhat, yhat_lo/hi_* (planned),
    # revenue_base, revenue
    forecast: pd.DataFrame
    # elasticity method: unique_id, elasticity, low, high, own, own_se, moves, source; else empty
    effects: pd.DataFrame = field(default_factory=pd.DataFrame)
    notes: list[str] = field(default_factory=list)
    # Each note as template ids + fields (core.message_parts); [] in projects of older versions.
    note_ids: list[str] = field(default_factory=list)

    _rows: dict[str, np.ndarray] | None = field(default=None, init=False, repr=False,
                                                compare=False)

    def product(self, uid: str | None = None) -> pd.DataFrame:
        """One product's rows (ds onwards), or with `uid` None the shop: units and revenue
        summed per period (prices and bands do not add up, so they are left out)."""
        if uid is None:
            cols = ["yhat_base", "yhat", "revenue_base", "revenue"]
            return self.forecast.groupby(DS, sort=True)[cols].sum(min_count=1).reset_index()
        if self._rows is None:  # grouped once: switching products then only slices
            self._rows = {str(k): v for k, v in
                          self.forecast.groupby(ID, sort=False).indices.items()}
        rows = self._rows.get(str(uid))
        if rows is None:
            return self.forecast.iloc[0:0].drop(columns=ID)
        return self.forecast.iloc[rows].drop(columns=ID).reset_index(drop=True)

    def totals(self, uid: str | None = None) -> dict[str, float]:
        """Units and revenue over the horizon, as forecast (`*_base`) and as planned; with
        elasticities also `units_lo`/`units_hi`: the planned units if every elasticity sits at
        the end of its 95 % interval (NaN when some elasticity was only assumed).
        Revenue is NaN when no product has a price, and `unpriced_products` says how many
        products the revenue leaves out for want of a price."""
        rows = self.forecast if uid is None else self.product(uid)
        out = {"units_base": float(rows["yhat_base"].sum()), "units": float(rows["yhat"].sum()),
               "revenue_base": float(rows["revenue_base"].sum(min_count=1)),
               "revenue": float(rows["revenue"].sum(min_count=1))}
        unpriced = rows["revenue_base"].isna()  # one product's rows come without their id
        out["unpriced_products"] = float(rows.loc[unpriced, ID].nunique() if ID in rows
                                         else unpriced.any())
        for end in ("lo", "hi"):
            column = rows.get(f"yhat_range_{end}")
            out[f"units_{end}"] = (float(column.sum()) if column is not None
                                   and column.notna().all() else float("nan"))
        return out

    def meta_json(self) -> dict[str, Any]:
        """Everything but the tables, as JSON (project files store the tables as CSV)."""
        return {"plan": self.plan.to_json(), "method": self.method, "notes": self.notes,
                "note_ids": self.note_ids}

    @classmethod
    def from_parts(cls, meta: dict[str, Any], forecast: pd.DataFrame,
                   effects: pd.DataFrame) -> WhatIf:
        return cls(Scenario.from_json(meta.get("plan", {})), str(meta.get("method", "")),
                   forecast, effects, [str(n) for n in meta.get("notes", [])],
                   [str(n) for n in meta.get("note_ids", [])])


def what_if(run, history: pd.DataFrame, plan: Scenario, *,
            progress: ProgressCallback | None = None,
            cancel: CancelToken | None = None) -> WhatIf:
    """The run's chosen forecast moved by `plan` (see the module's docstring)."""
    progress, cancel = progress or no_progress, cancel or NEVER
    if not plan.changes:
        raise user_error("whatif.empty")
    base = run.forecast.sort_values([ID, DS], kind="stable").reset_index(drop=True)
    base[ID] = base[ID].astype(str)
    history = history.copy()
    history[ID] = history[ID].astype(str)
    categories = product_categories(history)
    _check_targets(plan, set(base[ID]), categories)
    factor, promo = price_factors(plan, base, categories)
    if not (factor != 1).any() and not promo.any():
        raise user_error("whatif.outside", first=f"{base[DS].min():%Y-%m-%d}",
                         last=f"{base[DS].max():%Y-%m-%d}")
    method = resolve_method(plan, run, history)
    notes: list[list[Clause]] = []
    progress(said(0.05, "progress.whatif", stage="what-if", method=method))
    out = base[[ID, DS]].copy()
    out["price_base"] = out[ID].map(_last_prices(history)).astype(float)
    out["price"] = out["price_base"] * factor
    out["promo"] = promo
    out["yhat_base"] = base["yhat"].astype(float)
    bands = [b for b in BANDS if b in base]
    effects = pd.DataFrame()
    if method == "elasticity":
        effects = _by_elasticity(out, base[bands], factor, plan, history, run.settings.freq)
        notes.append(_elasticity_note(effects) if plan.elasticity is None
                     else [("whatif.fixed", {"elasticity": f"{plan.elasticity:g}"})])
        if promo.any():
            notes.append([("whatif.promo_ignored", {})])
    else:
        wrong = _by_networks(out, base[bands], factor, promo, run.networks, cancel)
        notes.append([("whatif.networks", {"models": ", ".join(network.answering(run.networks))})])
        if wrong > WRONG_SIGN_WARNING:
            notes.append([("whatif.wrong_sign", {"share": f"{wrong:.0%}"})])
    out["revenue_base"] = out["yhat_base"] * out["price_base"]
    out["revenue"] = out["yhat"] * out["price"]
    progress(said(1.0, "progress.whatif_done", stage="what-if"))
    return WhatIf(plan, method, out, effects, [english(note) for note in notes],
                  [encode(note) for note in notes])


def _by_elasticity(out: pd.DataFrame, bands: pd.DataFrame, factor: np.ndarray, plan: Scenario,
                   history: pd.DataFrame, freq: str) -> pd.DataFrame:
    """Units x factor ^ elasticity into `out` (and the bands, and the units at both ends of the
    elasticity's interval); returns the elasticities used."""
    if plan.elasticity is None:
        effects = elasticity.with_default_response(elasticity.estimate(history, freq))
    else:
        effects = pd.DataFrame({ID: out[ID].unique(), "elasticity": plan.elasticity,
                                "low": plan.elasticity, "high": plan.elasticity,
                                "source": "fixed"})
    by_id = effects.set_index(ID)
    mult = np.power(factor, out[ID].map(by_id["elasticity"]).fillna(-1.0).to_numpy())
    out["yhat"] = out["yhat_base"] * mult
    for band in bands:
        out[band] = bands[band].astype(float).to_numpy() * mult
    # The planned units if the elasticity sits at either end of its 95 % interval.
    ends = [out["yhat_base"] * np.power(factor, out[ID].map(by_id[end]).to_numpy(float))
            for end in ("low", "high")]
    out["yhat_range_lo"], out["yhat_range_hi"] = np.fmin(*ends), np.fmax(*ends)
    return effects


def _by_networks(out: pd.DataFrame, bands: pd.DataFrame, factor: np.ndarray, promo: np.ndarray,
                 networks, cancel: CancelToken) -> float:
    """Units + the networks' change of median under the plan into `out` (bands shifted alike).
    Returns the share of price-changed periods where the answer goes against the change."""
    steps = out.groupby(ID, sort=False).cumcount().to_numpy()
    planned = pd.DataFrame({ID: out[ID], "step": steps, "factor": factor, "promo": promo})
    delta = network.deltas(networks, planned, cancel)["delta"].to_numpy()
    out["yhat"] = np.maximum(out["yhat_base"] + delta, 0.0)
    for band in bands:
        out[band] = np.maximum(bands[band].astype(float).to_numpy() + delta, 0.0)
    changed = (factor != 1) & ~promo
    against = changed & (delta * (factor - 1) > 1e-9)  # cheaper and less sold, or dearer, more
    return float(against.sum() / changed.sum()) if changed.any() else 0.0


def _elasticity_note(effects: pd.DataFrame) -> list[Clause]:
    sources = effects["source"].value_counts()
    if sources.get("assumed", 0):
        return [("whatif.assumed", {})]
    learned = effects[effects["source"].isin(["product", "pooled"])]
    notes: list[Clause] = []
    if len(learned):
        notes.append(("whatif.estimated", {"products": str(sources.get("product", 0)),
                                           "pooled": str(sources.get("pooled", 0)),
                                           "median": f"{np.median(learned['elasticity']):.2f}"}))
    if sources.get("no_effect", 0):
        notes.append(("whatif.no_effect", {"products": str(sources["no_effect"]),
                                           "elasticity": f"{elasticity.ASSUMED:g}"}))
    return notes


def resolve_method(plan: Scenario, run, history: pd.DataFrame | None = None) -> str:
    """The method `plan` asks for ("auto", "elasticity", "network") as it applies to `run`.

    A fixed elasticity always means elasticities. "auto" means elasticities when the history has
    prices: they are estimated so that the order mix cannot pass for a price effect, and come
    with an interval, while the networks read each period's own list price and learned part of
    that mix (bench/README.md: their daily response went the expected way for only 43-88 % of
    product-days). The networks answer "auto" only what elasticities cannot: a plan with a
    promotion, or data without prices.
    """
    asked = "elasticity" if plan.elasticity is not None else plan.method
    kept = getattr(run, "networks", {}) or {}
    networks = network.responsive(kept)
    promo_networks = [n for n, files in kept.items() if network.PROMO in network.inputs_of(files)]
    if asked == "network" and not networks:
        raise user_error("whatif.no_price_network")
    if asked == "auto":
        if promo_networks and any(change.promo for change in plan.changes):
            return "network"
        prices = history is None or elasticity.has_prices(history)
        return "network" if networks and not prices else "elasticity"
    return asked


@dataclass(frozen=True)
class PlanningFacts:
    """What a plan can use from the data, worked out once per run (off the UI thread)."""

    categories: dict[str, str]  # product -> its category (empty: the data has none)
    priced: bool  # the history has prices, so elasticities can be estimated
    promo: bool  # the history has a promotion column


def planning_facts(history: pd.DataFrame) -> PlanningFacts:
    history = history.assign(**{ID: history[ID].astype(str)})
    categories = product_categories(history)
    return PlanningFacts({} if categories is None else categories.to_dict(),
                         elasticity.has_prices(history), "promo" in history)


def product_categories(history: pd.DataFrame) -> pd.Series | None:
    """unique_id -> the product's (last) category; None when the data has none."""
    if "category" not in history:
        return None
    cats = history.dropna(subset=["category"]).groupby(ID, sort=False)["category"].last()
    return cats.astype(str) if not cats.empty else None


def _check_targets(plan: Scenario, ids: set[str], categories: pd.Series | None) -> None:
    for i, change in enumerate(plan.changes, 1):
        unknown = [p for p in change.products if p not in ids]
        if unknown:
            raise user_error("whatif.unknown_products", change=str(i),
                             products=", ".join(unknown[:5]))
        if change.category and (categories is None or change.category not in set(categories)):
            raise user_error("whatif.unknown_category", change=str(i),
                             category=str(change.category))


def _last_prices(history: pd.DataFrame) -> pd.Series:
    """Each product's last known positive price (NaN where the data has none)."""
    if "price" not in history:
        return pd.Series(dtype=float)
    prices = pd.to_numeric(history["price"], errors="coerce")
    known = history.loc[prices > 0, [ID, DS]].assign(price=prices[prices > 0])
    return known.sort_values(DS, kind="stable").groupby(ID)["price"].last()
