"""The order-up-to level that meets a fill-rate target: the share of units demanded that the
shelf meets, rather than the chance a cycle has no shortfall (cycle service).

Over one cycle the expected units short are E[(D - S)+], D the demand over lead time + review
period (the span an order-up-to level S must last), and the units demanded in that cycle are the
demand over one review period. The level is the smallest S with

    E[(D - S)+] / E[demand per cycle] <= 1 - target

taken from the same equally likely demands the cycle-service quantile uses (no normal curve).
Counting every unit D exceeds S as lost in this cycle is the textbook's lost-sales form; it errs
towards more stock when a cycle starts short.
"""
from __future__ import annotations

import math

import numpy as np


def expected_shortage(samples: np.ndarray, stock: float) -> float:
    """E[(D - stock)+] over equally likely demands `samples`."""
    if len(samples) == 0:
        return 0.0
    return float(np.mean(np.maximum(np.asarray(samples, float) - stock, 0.0)))


def fill_rate_level(samples: np.ndarray, target: float, cycle_demand: float) -> float:
    """The smallest stock S (a real number) whose expected shortage is at most
    (1 - target) * cycle_demand. 0 when nothing is expected to be demanded."""
    x = np.sort(np.clip(np.asarray(samples, float), 0, None))[::-1]  # largest first
    n = len(x)
    if n == 0 or cycle_demand <= 0 or x[0] <= 0:
        return 0.0
    allowed = (1.0 - target) * cycle_demand * n  # n * E[(D - S)+] may be at most this
    top = np.cumsum(x)
    # n * E[(D - x_j)+] for each sample value x_j: the j larger values minus j * x_j
    short_at = top - np.arange(1, n + 1) * x
    over = np.nonzero(short_at > allowed + 1e-12)[0]
    if len(over) == 0:  # even S at the smallest sample is enough: the line below it
        return max((top[-1] - allowed) / n, 0.0)
    j = int(over[0])  # S lies between x[j] and x[j - 1], with j values above it
    return float((top[j - 1] - allowed) / j)


def fill_rate_point(samples: np.ndarray, target: float, cycle_demand: float) -> int:
    """The level in whole units."""
    return math.ceil(fill_rate_level(samples, target, cycle_demand) - 1e-9)
