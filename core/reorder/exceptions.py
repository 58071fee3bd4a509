"""Exception lists of the reorder plan: the rows a shop owner must look at first."""
from __future__ import annotations

RUNS_OUT = "runs_out"  # stock + on order will not last until a delivery ordered today arrives
EXCESS = "excess"  # more than the reorder point plus ReorderSettings.excess_days of sales
DEAD = "dead"  # stock on hand, but no sale for ReorderSettings.dead_days
NO_STOCK = "no_stock"  # no stock figure for the product


def flags(*, position: float, lead_demand: float, excess: float, on_hand: float,
          idle_days: float, dead_days: float) -> str:
    """The product's exception codes joined by ' ' ('' when none)."""
    out = []
    if position < lead_demand:
        out.append(RUNS_OUT)
    if excess > 0:
        out.append(EXCESS)
    if on_hand > 0 and idle_days >= dead_days:
        out.append(DEAD)
    return " ".join(out)

