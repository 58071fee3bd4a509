"""The arithmetic of one product's order: rounding to MOQ and packs, stock-out date, cover.

Policy: periodic review, order-up-to ("R, S"). At every review the inventory position (on hand +
on order) is compared with the reorder point S, the service-level quantile of demand over the lead
time plus the review period; below it, the order brings the position back up to S. The next
order can only arrive a lead time after the next review, so S must last that long: with
probability `service_level` it does (cycle service level).
"""
from __future__ import annotations

import math

import numpy as np


def order_quantity(need: float, moq: float = 0.0, pack_size: float = 1.0) -> float:
    """Units to order for a shortfall of `need` units: nothing if none, else at least the MOQ,
    rounded up to whole packs."""
    if not need > 0:
        return 0.0
    qty = max(math.ceil(need - 1e-9), moq or 0.0)
    pack = pack_size if pack_size and pack_size > 0 else 1.0
    return float(math.ceil(qty / pack - 1e-9) * pack)


def days_until_stockout(per_period: np.ndarray, period_days: float, stock: float) -> float:
    """Days until the forecast sales (one value per coming period) use up `stock`, assuming sales
    spread evenly within a period; inf when the stock outlasts the forecast."""
    if stock <= 0:
        return 0.0
    used = 0.0
    for i, sales in enumerate(np.clip(per_period, 0, None)):
        if used + sales >= stock and sales > 0:
            return (i + (stock - used) / sales) * period_days
        used += sales
    return math.inf


def days_of_cover(stock: float, per_period: np.ndarray, period_days: float) -> float:
    """How many days `stock` lasts at the forecast's average daily rate (inf with no sales)."""
    rate = float(np.mean(np.clip(per_period, 0, None))) / period_days if len(per_period) else 0.0
    if rate <= 0:
        return math.inf
    return max(stock, 0.0) / rate
