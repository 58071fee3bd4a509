"""Where each product's series ends: at its own last row, or at the data's last period.

A product with no row in the last periods of a file either sold nothing then or was no longer
recorded. Padding a stopped record with zeros invents sales of 0 (M3 monthly: 38,070 invented
zeros, and forecasts of 0 at dates where the real series had long ended); cutting a shop's
product at its last sale hides that it stopped selling. The file tells which it is, decided from
all its rows (`decide`):

- order lines (`orders`, `wide_orders`): an order export lists sales only, so a period without a
  line is a period without sales: every product runs to the shop's last period (`shared`);
- period tables (`long`, `wide`) that record zero sales explicitly (a 0 in some row; an empty
  cell of a wide table does not count): absent periods are periods not recorded, so each
  product ends at its own last row (`own`; in a wide table, its last filled cell);
- period tables without zeros whose products have a row for nearly every period between their
  first and last row (dense, >= 90 % of products >= 90 % covered): a record that simply stops,
  so `own` too;
- other period tables (sparse, no zeros: only periods with sales are listed): `shared`.

The user can override the rule (`ImportOptions.series_end`, `--series-end`, the Import panel).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.data.regular import period_start
from core.schema import DS, ID, Y

OWN, SHARED = "own", "shared"
CHOICES = (OWN, SHARED)
# Why the rule was applied; each is a template "summary.end_why_<reason>" in core.messages.
REASONS = ("orders", "zeros", "dense", "sparse", "chosen")
_DENSE_SHARE = 0.9


@dataclass(frozen=True)
class EndRule:
    rule: str  # OWN or SHARED
    reason: str  # one of REASONS


def decide(lines: pd.DataFrame, freq: str, *, orders: bool, chosen: str | None = None
           ) -> EndRule:
    """The rule for these sale lines at frequency `freq` (`chosen` overrides it)."""
    if chosen is not None:
        if chosen not in CHOICES:
            raise ValueError(f"Unknown series end {chosen!r}; use one of {', '.join(CHOICES)}.")
        return EndRule(chosen, "chosen")
    if orders:
        return EndRule(SHARED, "orders")
    written = ~lines["blank"].to_numpy(bool) if "blank" in lines else np.ones(len(lines), bool)
    if bool(((lines[Y] == 0).to_numpy() & written).any()):
        return EndRule(OWN, "zeros")
    # An empty cell of a wide table is a period without a row, as in a long table.
    dense = _mostly_dense(lines[ID][written], period_start(lines[DS][written], freq))
    return EndRule(OWN, "dense") if dense else EndRule(SHARED, "sparse")


def _mostly_dense(ids: pd.Series, periods: pd.Series) -> bool:
    """True when most products have a row for nearly every period of their own span."""
    stamps = pd.DataFrame({ID: ids.astype(str).to_numpy(), DS: periods.to_numpy()})
    stamps = stamps.drop_duplicates()
    grid = pd.DatetimeIndex(np.sort(stamps[DS].unique()))
    pos = pd.Series(grid.get_indexer(stamps[DS]), index=stamps.index)
    by_id = pos.groupby(stamps[ID].to_numpy())
    span = by_id.max() - by_id.min() + 1
    covered = by_id.size() / span
    return bool((covered >= _DENSE_SHARE).mean() >= _DENSE_SHARE)
