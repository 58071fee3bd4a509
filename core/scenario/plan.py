"""What the user plans: price changes and promotions in future periods, for some products.

    plan = Scenario((PriceChange(percent=-10, start="2012-03-01", end="2012-03-31"),))

A change applies to every forecast period whose date stamp lies in [start, end] (weeks are
stamped with their last day, months with their first), to the products it names, or the products
of a category, or all products. Changes that overlap multiply: -10% then +5% is x0.945.
Everything round-trips through plain JSON (`to_json`/`from_json`) for project files and the CLI.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from core.calendar_day import calendar_day
from core.error_messages import user_error
from core.errors import TrendcastError
from core.schema import DS, ID

METHODS = ("auto", "elasticity", "network")
MIN_PERCENT, MAX_PERCENT = -90.0, 300.0  # a price can fall to a tenth or rise fourfold


@dataclass(frozen=True)
class PriceChange:
    percent: float  # -10: ten percent cheaper; 0 with `promo`: a promotion at the same price
    start: pd.Timestamp | None = None  # None: from the first forecast period
    end: pd.Timestamp | None = None  # None: to the end of the horizon
    products: tuple[str, ...] = ()  # these products (with `category`: these and that category)
    category: str = ""  # every product of this category
    promo: bool = False  # a promotion runs in these periods (used where the data has promo)

    def __post_init__(self) -> None:
        object.__setattr__(self, "percent", float(self.percent))
        object.__setattr__(self, "start", _date(self.start, "start"))
        object.__setattr__(self, "end", _date(self.end, "end"))
        object.__setattr__(self, "products", tuple(str(p) for p in self.products))
        if not np.isfinite(self.percent) or not MIN_PERCENT <= self.percent <= MAX_PERCENT:
            raise user_error("whatif.percent_range", percent=str(self.percent),
                             low=f"{MIN_PERCENT:+.0f}", high=f"{MAX_PERCENT:+.0f}")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise user_error("whatif.ends_before", end=f"{self.end:%Y-%m-%d}",
                             start=f"{self.start:%Y-%m-%d}")

    @property
    def factor(self) -> float:
        return 1.0 + self.percent / 100.0

    def applies_to(self, ids: pd.Series, categories: pd.Series | None) -> np.ndarray:
        """Boolean mask over products: which of `ids` this change covers."""
        if not self.products and not self.category:
            return np.ones(len(ids), dtype=bool)
        mask = ids.isin(self.products).to_numpy().copy()
        if self.category and categories is not None:
            mask |= (categories.astype(str) == self.category).to_numpy()
        return mask

    def covers(self, dates: pd.Series) -> np.ndarray:
        inside = np.ones(len(dates), dtype=bool)
        if self.start is not None:
            inside &= (dates >= self.start).to_numpy()
        if self.end is not None:
            inside &= (dates <= self.end).to_numpy()
        return inside

    def describe(self) -> str:
        who = ", ".join(self.products) or ""
        if self.category:
            who = f"{who}, category {self.category}" if who else f"category {self.category}"
        when = f"{_fmt(self.start) or 'start'} .. {_fmt(self.end) or 'end'}"
        promo = " with a promotion" if self.promo else ""
        return f"price {self.percent:+g}%{promo} for {who or 'all products'}, {when}"


@dataclass(frozen=True)
class Scenario:
    changes: tuple[PriceChange, ...] = ()
    method: str = "auto"  # how sales respond: see core.scenario.whatif
    name: str = ""
    # With the elasticity method: this elasticity for every product instead of the estimated
    # ones (the user's own assumption, e.g. -1.5), None = estimate from the history.
    elasticity: float | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "changes", tuple(self.changes))
        if self.method not in METHODS:
            raise _invalid("method", f"Unknown what-if method {self.method!r}; use one of "
                           f"{', '.join(METHODS)}.")
        if self.elasticity is not None:
            value = float(self.elasticity)
            if not np.isfinite(value) or not -10 <= value <= 10:
                raise _invalid("elasticity", f"An elasticity of {self.elasticity} is not "
                               "plausible; use a number between -10 and 10 (typically -0.5 "
                               "to -3).")
            object.__setattr__(self, "elasticity", value)
            if self.method == "network":
                raise _invalid("elasticity", "A fixed elasticity needs the elasticity method, "
                               "not the networks.")

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "method": self.method, "elasticity": self.elasticity,
                "changes": [
            {"percent": c.percent, "start": _fmt(c.start), "end": _fmt(c.end),
             "products": list(c.products), "category": c.category, "promo": c.promo}
            for c in self.changes]}

    @classmethod
    def from_json(cls, data: Any) -> Scenario:
        """A scenario from `to_json`'s form; a wrong shape raises InputError saying what."""
        if not isinstance(data, dict):
            raise _invalid("scenario", "A what-if scenario must be a JSON object with "
                           "a list of 'changes'.")
        changes = data.get("changes", [])
        if not isinstance(changes, list):
            raise _invalid("changes", "'changes' must be a list.")
        out = []
        for i, item in enumerate(changes, 1):
            if not isinstance(item, dict) or "percent" not in item:
                raise _invalid("changes", f"Change {i} needs at least a 'percent'.")
            try:
                out.append(PriceChange(
                    percent=float(item["percent"]), start=item.get("start") or None,
                    end=item.get("end") or None, products=tuple(item.get("products") or ()),
                    category=str(item.get("category") or ""), promo=bool(item.get("promo"))))
            except (TypeError, ValueError) as exc:
                raise _invalid("changes", f"Change {i}: {exc}") from None
        elasticity = data.get("elasticity")
        try:
            elasticity = None if elasticity is None else float(elasticity)
        except (TypeError, ValueError):
            raise _invalid("elasticity", f"{elasticity!r} is not a number.") from None
        return cls(tuple(out), method=str(data.get("method", "auto")),
                   name=str(data.get("name", "")), elasticity=elasticity)


def price_factors(plan: Scenario, forecast: pd.DataFrame,
                  categories: pd.Series | None) -> tuple[np.ndarray, np.ndarray]:
    """Per row of `forecast` (unique_id, ds): the price multiplier and whether a promo runs."""
    factor = np.ones(len(forecast))
    promo = np.zeros(len(forecast), dtype=bool)
    ids = forecast[ID].astype(str)
    cats = ids.map(categories) if categories is not None else None
    dates = pd.to_datetime(forecast[DS])
    for change in plan.changes:
        hit = change.applies_to(ids, cats) & change.covers(dates)
        factor[hit] *= change.factor
        promo[hit] |= change.promo
    return factor, promo


def _date(value, name: str) -> pd.Timestamp | None:
    try:
        return calendar_day(value)
    except ValueError:
        raise _invalid(name, f"The {name} date {value!r} is not a date (use YYYY-MM-DD).") \
            from None


def _fmt(stamp: pd.Timestamp | None) -> str:
    return "" if stamp is None else f"{stamp:%Y-%m-%d}"


def _invalid(field_name: str, message: str) -> TrendcastError:
    return TrendcastError(f"What-if {field_name}: {message}")
