""""Why this number", per product, as message clauses `(template id, fields)`.

The English comes from core.messages (the CLI's `why` column); the app renders the same clauses
in the user's language. Numbers are formatted here, once, as the plan shows them.
"""
from __future__ import annotations

import math

from core.messages import SEPARATOR, render
from core.reorder.lead_time_demand import SpanDemand

Clause = tuple[str, dict[str, str]]


def units(value: float) -> str:
    if not math.isfinite(value):
        return "nan"
    return f"{value:,.0f}" if abs(value) >= 100 or value == int(value) else f"{value:,.1f}"


def percent(level: float) -> str:
    return f"{level * 100:g}%"


def why(*, lead: float, review: float, demand: SpanDemand, level: float, reorder_point: float,
        safety: float, position: float, need: float, order: float, moq: float,
        pack: float, measure: str = "cycle") -> list[Clause]:
    clauses: list[Clause] = [
        ("reorder.expected", {"forecast": units(demand.mean), "days": units(lead + review),
                              "lead": units(lead), "review": units(review)}),
        ("reorder.point_fill" if measure == "fill" else "reorder.point_cycle",
         {"reorder_point": units(reorder_point), "level": percent(level),
          "safety": units(safety)}),
        _basis(demand),
    ]
    if order > 0:
        clauses.append(("reorder.order", {"position": units(position), "need": units(need)}))
        if order > math.ceil(need - 1e-9):
            clauses.append(("reorder.rounded", {"order": units(order), "moq": units(moq),
                                                "pack": units(pack)}))
    else:
        clauses.append(("reorder.no_order", {"position": units(position)}))
    return clauses


def no_stock() -> list[Clause]:
    return [("reorder.no_stock", {})]


def _basis(demand: SpanDemand) -> Clause:
    if demand.basis == "pool":
        return ("reorder.basis_pool", {"windows": units(demand.pool_size),
                                       "products": units(demand.pool_products),
                                       # the demand class ("lumpy"), or "all"
                                       "group": demand.pool_name.split("/")[0]})
    if demand.basis == "near_zero":
        return ("reorder.basis_near_zero", {
            "windows": units(demand.pool_size), "products": units(demand.pool_products),
            "group": demand.pool_name, "cap": units(demand.cap)})
    if demand.basis == "own_history":
        return ("reorder.basis_own", {"spans": units(demand.pool_size)})
    return ("reorder.basis_poisson", {})


def english(clauses: list[Clause]) -> str:
    return SEPARATOR.join(render(key, **fields) for key, fields in clauses)
