"""Cancellations and refunds matched to the order lines they undo, both then removed.

A cancellation line undoes units of earlier (or same-time) purchase lines of the same product
and the same buyer:

- a "C" invoice (UCI Online Retail: C581484 cancels an earlier order of the same customer) is
  matched by customer id. A line without a customer id matches only a purchase without one, of
  the same product, on the same day (anything looser would net it against a stranger's sale);
- a negative line in an order that also has positive lines (a Shopify/WooCommerce refund that
  names its order) is matched within that order.

Matching runs twice, each time newest purchase first (a cancellation undoes the latest order):
first whole lines of exactly the cancelled quantity, then what is left unit by unit, so a
cancellation of fewer units reduces an order and one of more units can undo several. Units that
find no purchase (e.g. the order is older than the file) are reported and dropped, never netted
against other sales. Both passes are vectorised: sort, then per-group cumulative sums.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.data.problem_texts import warning
from core.data.statuses import is_partial_refund
from core.data.values import per_distinct
from core.errors import Problem


@dataclass
class Matched:
    """What matching did; line counts and units."""

    cancellation_lines: int = 0
    matched_fully: int = 0  # cancellation lines whose every unit found a purchase
    matched_partly: int = 0
    unmatched: int = 0  # cancellation lines with no purchase at all
    unmatched_units: float = 0.0
    purchase_lines_removed: int = 0  # purchase lines cancelled whole
    purchase_lines_reduced: int = 0  # purchase lines cancelled in part
    units_removed: float = 0.0  # units taken off purchases
    refunded_orders: frozenset[str] = frozenset()  # orders with refund lines in them


def cancellation_lines(lines: pd.DataFrame) -> pd.Series:
    """True for lines that cancel or refund earlier order lines (see the module docstring)."""
    out = pd.Series(False, index=lines.index)
    if "order" not in lines:
        return out
    c_numbers = _c_numbers(lines["order"])
    if c_numbers.mean() < 0.5:  # a minority: cancellation invoices, not a numbering scheme
        out |= c_numbers
    negative = (lines["y"] < 0).to_numpy()
    if negative.any():
        order = _codes(lines["order"])
        out |= negative & np.isin(order, order[(lines["y"] > 0).to_numpy()])
    return out.astype(bool)


def match_cancellations(lines: pd.DataFrame, cancels: pd.Series
                        ) -> tuple[pd.DataFrame, Matched]:
    """(purchase lines minus the units cancelled, counts); the cancellation lines are removed."""
    mask = cancels.to_numpy(bool)
    report = Matched(cancellation_lines=int(mask.sum()))
    if not mask.any():
        return lines, report
    if "order" in lines:
        orders = lines["order"][mask]
        report.refunded_orders = frozenset(orders[~_c_numbers(orders).to_numpy(bool)].astype(str))
    y = lines["y"].to_numpy(float)
    product = _codes(lines["unique_id"])
    group = _buyer_key(lines, mask) * (int(product.max()) + 1) + product
    # Only purchases of a (buyer, product) that has a cancellation can be matched.
    rows = np.flatnonzero(mask | ((y > 0) & np.isin(group, group[mask])))
    is_cancel = mask[rows]
    group, units = group[rows], np.abs(y[rows])
    time = lines["ds"].to_numpy("datetime64[ns]").astype(np.int64)[rows]
    # Pass 1: whole lines of exactly the cancelled quantity, one line against one line.
    exact = pd.factorize(pd.MultiIndex.from_arrays([group, units]))[0]
    left, short = _lifo(exact, time, np.where(is_cancel, -1.0, 1.0))
    remaining = np.where(is_cancel, 0.0, units * left)
    still = np.where(is_cancel, units * short, 0.0)
    # Pass 2: what is left, unit by unit, newest purchase first.
    left, short = _lifo(group, time, np.where(is_cancel, -still, remaining))
    kept, bought = left[~is_cancel], units[~is_cancel]
    miss, cancelled = short[is_cancel], units[is_cancel]
    report.unmatched = int((miss >= cancelled).sum())
    report.matched_fully = int((miss == 0).sum())
    report.matched_partly = report.cancellation_lines - report.unmatched - report.matched_fully
    report.unmatched_units = float(miss.sum())
    report.purchase_lines_removed = int((kept == 0).sum())
    report.purchase_lines_reduced = int(((kept > 0) & (kept < bought)).sum())
    report.units_removed = float((bought - kept).sum())
    new_y = y.copy()
    new_y[rows[~is_cancel]] = kept
    drop = mask.copy()
    drop[rows[~is_cancel][kept == 0]] = True  # purchases cancelled whole
    out = lines.loc[~drop]
    if report.purchase_lines_reduced:
        out = out.assign(y=new_y[~drop])
    return out, report


def _buyer_key(lines: pd.DataFrame, cancels: np.ndarray) -> np.ndarray:
    """Who bought, as an integer: the customer; the order, for refunds that name it; else the day.

    Lines without a customer id share the key of their day, so they only match on the same day.
    """
    n = len(lines)
    customer = (_codes(lines["customer"]) if "customer" in lines else np.full(n, -1))
    known = customer >= 0
    n_customers = int(customer.max()) + 1 if known.any() else 0
    day = lines["ds"].to_numpy("datetime64[D]").astype(np.int64)
    key = np.where(known, customer, n_customers + day - day.min()).astype(np.int64)
    if "order" in lines:
        order = _codes(lines["order"])
        refund = cancels & ~_c_numbers(lines["order"]).to_numpy(bool)
        if refund.any():  # a negative line inside an order with purchases: match in the order
            in_refunded = np.isin(order, order[refund])
            key = np.where(in_refunded, int(key.max()) + 1 + order, key)
    return key


def _c_numbers(orders: pd.Series) -> pd.Series:
    return per_distinct(orders, lambda u: u.astype(str).str.match(r"^[Cc]\d"))


def _codes(values: pd.Series) -> np.ndarray:
    """Integer codes of a text column; -1 for empty text."""
    codes, names = pd.factorize(values.astype("category") if values.dtype != "category"
                                else values)
    empty = np.flatnonzero(names.astype(str) == "")
    codes = np.asarray(codes, dtype=np.int64)
    if len(empty):
        codes[codes == empty[0]] = -1
    return codes


def _lifo(group: np.ndarray, time: np.ndarray, amount: np.ndarray
          ) -> tuple[np.ndarray, np.ndarray]:
    """Net negative amounts against earlier positive ones of the same group, newest first.

    Returns (what is left of each positive amount, what of each negative amount found nothing).
    Events are taken in time order, purchases before cancellations at the same time. The running
    balance is floored at 0 (a cancellation with nothing open is unmatched, not a debt): balance
    = cumsum - min(0, running min of cumsum). Newest first means a purchase keeps the part of
    its units the balance never falls below afterwards.
    """
    order = np.lexsort((amount < 0, time, group))
    g, a = group[order], amount[order]
    total = pd.Series(a).groupby(g).cumsum().to_numpy()
    floor = np.minimum(pd.Series(total).groupby(g).cummin().to_numpy(), 0.0)
    balance = total - floor
    before = balance - np.where(a > 0, a, 0.0)  # balance before a purchase (cancels: unused)
    low = pd.Series(balance[::-1]).groupby(g[::-1]).cummin().to_numpy()[::-1]
    kept = np.where(a > 0, np.clip(low - before, 0.0, np.maximum(a, 0.0)), 0.0)
    prev_floor = np.concatenate([[0.0], floor[:-1]])
    first = np.concatenate([[True], g[1:] != g[:-1]])
    prev_floor[first] = 0.0
    short = np.where(a < 0, prev_floor - floor, 0.0)
    left, missing = np.empty_like(kept), np.empty_like(short)
    left[order], missing[order] = kept, short
    return left, missing


def cancellation_warnings(path: str, matched: Matched) -> list[Problem]:
    """What matching removed, and the cancellations that matched nothing (never silent)."""
    out = []
    if matched.units_removed:
        out.append(warning(
            "import.cancellations", file=path, lines=f"{matched.cancellation_lines:,}",
            fully=f"{matched.matched_fully:,}", partly=f"{matched.matched_partly:,}",
            units=f"{matched.units_removed:,.0f}",
            removed=f"{matched.purchase_lines_removed:,}",
            reduced=f"{matched.purchase_lines_reduced:,}"))
    if matched.unmatched_units:
        out.append(warning(
            "import.unmatched_cancellations", file=path, unmatched=f"{matched.unmatched:,}",
            partly=f"{matched.matched_partly:,}", units=f"{matched.unmatched_units:,.0f}"))
    return out




def partial_refund_warnings(path: str, lines: pd.DataFrame, matched: Matched) -> list[Problem]:
    """Partially refunded orders without refund lines are counted in full: say so.

    Shopify and WooCommerce order exports give such an order's refunded amount at most, not
    which items, so taking units off would be a guess.
    """
    if "status" not in lines or "order" not in lines:
        return []
    partial = is_partial_refund(lines["status"])
    orders = [o for o in lines.loc[partial.to_numpy(bool), "order"].astype(str).unique()
              if o not in matched.refunded_orders]
    if not orders:
        return []
    return [warning("import.partial_refunds", file=path, count=f"{len(orders):,}",
                    orders=", ".join(orders[:3]))]
