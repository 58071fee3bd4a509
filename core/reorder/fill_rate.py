"""The order-up-to level that meets a fill-rate target: the share of units demanded that the
shelf meets, rather than the chance a cycle has no shortfall (cycle service).

An order placed now at level S covers the demand D over lead time + review period; the units it
is short are those beyond S by the end of that span that were not already short before the order
arrived (the previous order's cycle counted those): E[(D - S)+] - E[(L - S)+], L the demand over
the lead time alone (the textbook's expected shortage per replenishment cycle, exact with
backorders; Silver, Pyke & Peterson 7.7). The level is the smallest S with

    (E[(D - S)+] - E[(L - S)+]) / E[demand per cycle] <= 1 - target

taken from the same equally likely demands the cycle-service quantile uses (no normal curve).
Without the lead-time term (the first version) every lump that fell before the order could arrive
was counted twice, and the level chased the largest lumps.
"""
from __future__ import annotations

import math

import numpy as np


def expected_shortage(samples: np.ndarray, stock: float) -> float:
    """E[(D - stock)+] over equally likely demands `samples`."""
    if len(samples) == 0:
        return 0.0
    return float(np.mean(np.maximum(np.asarray(samples, float) - stock, 0.0)))


def fill_rate_level(samples: np.ndarray, target: float, cycle_demand: float,
                    lead_samples: np.ndarray | None = None) -> float:
    """The smallest stock S (a real number) whose expected shortage per cycle, E[(D - S)+] minus
    E[(L - S)+] over the lead-time demands `lead_samples` (if given), is at most
    (1 - target) * cycle_demand. 0 when nothing is expected to be demanded."""
    x = np.clip(np.asarray(samples, float), 0, None)
    lead = np.clip(np.asarray(lead_samples if lead_samples is not None else [], float), 0, None)
    if len(x) == 0 or cycle_demand <= 0 or x.max() <= 0:
        return 0.0
    allowed = (1.0 - target) * cycle_demand
    # The shortage is piecewise linear in S with kinks at the sample values: evaluate it there,
    # find the last kink still short by more than allowed, and interpolate to the next one.
    kinks = np.unique(np.concatenate([[0.0], x, lead]))
    short = _loss(x, kinks) - (_loss(lead, kinks) if len(lead) else 0.0)
    over = np.nonzero(short > allowed + 1e-12)[0]
    if len(over) == 0:
        return 0.0
    i = int(over[-1])
    if i == len(kinks) - 1:  # beyond the largest sample nothing is short
        return float(kinks[i])
    s0, s1, f0, f1 = kinks[i], kinks[i + 1], short[i], short[i + 1]
    return float(s0 + (f0 - allowed) / (f0 - f1) * (s1 - s0))


def _loss(values: np.ndarray, points: np.ndarray) -> np.ndarray:
    """E[(V - s)+] at every s of the sorted `points`, V equally likely `values`."""
    v = np.sort(values)
    above = np.concatenate([np.cumsum(v[::-1])[::-1], [0.0]])  # sum of v[k:], k = 0..n
    k = np.searchsorted(v, points, side="right")  # values <= s
    return (above[k] - (len(v) - k) * points) / len(v)


def fill_rate_point(samples: np.ndarray, target: float, cycle_demand: float,
                    lead_samples: np.ndarray | None = None) -> int:
    """The level in whole units."""
    return math.ceil(fill_rate_level(samples, target, cycle_demand, lead_samples) - 1e-9)
