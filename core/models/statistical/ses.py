"""Simple exponential smoothing across all products at once, with fitted smoothing weight.

Used by Theta and the intermittent-demand models. Rows are right-aligned (NaN before a
product's start); the level stays at its initial value until the first observation.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from core.progress import NEVER, CancelToken


@dataclass
class SESFit:
    """Per-row smoothing weight, final level, in-sample squared error and observation count."""

    alpha: np.ndarray
    level: np.ndarray
    sse: np.ndarray
    count: np.ndarray
    level0: np.ndarray


def first_values(y: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """Each row's first observation."""
    n, width = y.shape
    return y[np.arange(n), np.clip(width - lengths, 0, max(width - 1, 0))] if width else \
        np.zeros(n)


def ses_pass(y: np.ndarray, alpha: np.ndarray, level0: np.ndarray | None = None
             ) -> tuple[np.ndarray, ...]:
    """One pass for rows y (n, T) and weights alpha (n, C).

    With `level0` (n,) the level starts there; without it the initial level is chosen by least
    squares: the fitted values are linear in it, so tracking the weight d_t = (1-alpha)^k of the
    initial level next to the level started at 0 gives the optimum in closed form.
    Returns (final level, SSE, level0) each (n, C).
    """
    n, width = y.shape
    shape = alpha.shape
    level = np.zeros(shape) if level0 is None else np.broadcast_to(level0[:, None], shape).copy()
    weight = np.ones(shape)  # d_t: how much of the initial level is still in the level
    see = np.zeros(shape)  # sum e0^2
    sed = np.zeros(shape)  # sum e0 * d
    sdd = np.zeros(shape)  # sum d^2
    for t in range(width):
        obs = y[:, t]
        active = np.isfinite(obs)
        if not active.any():
            continue
        act = active[:, None]
        e = np.where(act, obs[:, None] - level, 0.0)
        see += e * e
        if level0 is None:
            d = np.where(act, weight, 0.0)
            sed += e * d
            sdd += d * d
            weight = np.where(act, weight * (1 - alpha), weight)
        level = level + alpha * e
    if level0 is not None:
        return level, see, np.broadcast_to(level0[:, None], shape)
    with np.errstate(all="ignore"):
        best0 = np.where(sdd > 0, sed / sdd, 0.0)
    sse = see - best0 * sed
    return level + best0 * weight, np.maximum(sse, 0.0), best0


def fit_ses(y: np.ndarray, lengths: np.ndarray, *, bounds: tuple[float, float] = (0.01, 0.99),
            points: int = 12, refine: int = 3, optimise_start: bool = True,
            cancel: CancelToken = NEVER) -> SESFit:
    """SES with alpha from a grid in `bounds`, then `refine` rounds of a finer grid around it.

    `optimise_start=False` starts each level at the row's first observation (statsforecast's
    rule for the intermittent models); otherwise the best initial level is used.
    """
    n = len(y)
    level0 = None if optimise_start else first_values(y, lengths)
    lo, hi = bounds
    grid = np.linspace(lo, hi, points)
    alphas = np.broadcast_to(grid[None, :], (n, points)).copy()
    spacing = np.full(n, grid[1] - grid[0] if points > 1 else 0.0)
    best_alpha = alphas[:, 0]
    for round_ in range(refine + 1):
        cancel.raise_if_cancelled()
        _, sse, _ = ses_pass(y, alphas, level0)
        sse = np.where(np.isfinite(sse), sse, np.inf)
        best_alpha = alphas[np.arange(n), np.argmin(sse, axis=1)]
        if round_ == refine:
            break
        # A finer grid across the neighbouring cells of the best point.
        offsets = np.linspace(-1, 1, points)[None, :] * spacing[:, None]
        alphas = np.clip(best_alpha[:, None] + offsets, lo, hi)
        spacing = spacing * 2 / max(points - 1, 1)
    level, sse, start = ses_pass(y, best_alpha[:, None], level0)
    return SESFit(best_alpha, level[:, 0], sse[:, 0], lengths.astype(float), start[:, 0])
