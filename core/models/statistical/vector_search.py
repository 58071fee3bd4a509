"""Minimise a loss for every product at once: a coarse grid, then a vectorised pattern search.

Per-series scipy optimisers cost a Python call per product and per iteration; here each round
evaluates a handful of candidate points for all products in one pass of the (vectorised) loss,
so 1,800 products cost about as much as one.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np

from core.progress import NEVER, CancelToken

# loss(params of shape (n, C, k)) -> losses of shape (n, C); NaN counts as +inf.
Loss = Callable[[np.ndarray], np.ndarray]


def _evaluate(loss: Loss, candidates: np.ndarray) -> np.ndarray:
    with np.errstate(all="ignore"):
        values = loss(candidates)
    return np.where(np.isfinite(values), values, np.inf)


def grid_start(loss: Loss, grid: np.ndarray, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Best point of a shared (C, k) grid for each of n rows: (n, k) points and (n,) losses."""
    candidates = np.broadcast_to(grid[None, :, :], (n, *grid.shape))
    values = _evaluate(loss, candidates)
    best = np.argmin(values, axis=1)
    return grid[best].copy(), values[np.arange(n), best]


def pattern_search(loss: Loss, start: np.ndarray, lower: np.ndarray, upper: np.ndarray, *,
                   step: float = 0.2, rounds: int = 20, tol: float = 1e-3,
                   cancel: CancelToken = NEVER) -> tuple[np.ndarray, np.ndarray]:
    """Coordinate pattern search inside the box [lower, upper], vectorised over rows.

    Each round tries a step up and down along every axis for every row; a row moves to its best
    candidate if that improves its loss, else its step halves. Returns (n, k) points and losses.
    """
    x = np.clip(start.astype(float), lower, upper)
    n, k = x.shape
    f = _evaluate(loss, x[:, None, :])[:, 0]
    steps = np.full(n, float(step))
    directions = np.concatenate([np.eye(k), -np.eye(k)])  # (2k, k)
    for _ in range(rounds):
        cancel.raise_if_cancelled()
        live = steps >= tol
        if not live.any():
            break
        rows = np.flatnonzero(live)
        cand = x[rows, None, :] + directions[None, :, :] * steps[rows, None, None]
        cand = np.clip(cand, lower, upper)
        values = _evaluate(loss_on_rows(loss, rows), cand)
        best = np.argmin(values, axis=1)
        f_best = values[np.arange(len(rows)), best]
        with np.errstate(invalid="ignore"):  # inf - inf where no candidate is finite yet
            better = f_best < f[rows] - 1e-10 * np.abs(f[rows])
        moved = rows[better]
        x[moved] = cand[better, best[better]]
        f[moved] = f_best[better]
        steps[rows[~better]] *= 0.5
    return x, f


def loss_on_rows(loss: Loss, rows: np.ndarray) -> Loss:
    """The loss restricted to some rows; losses built with `row_loss` accept a row subset."""
    restrict = getattr(loss, "restrict", None)
    if restrict is None:
        raise TypeError("pattern_search needs a loss made by row_loss()")
    return restrict(rows)


def row_loss(fn: Callable[[np.ndarray, np.ndarray], np.ndarray], n: int) -> Loss:
    """Wrap fn(rows, params (len(rows), C, k)) -> (len(rows), C) as a restrictable Loss."""

    def make(rows: np.ndarray) -> Loss:
        def loss(params: np.ndarray) -> np.ndarray:
            return fn(rows, params)

        loss.restrict = lambda sub: make(rows[sub])  # type: ignore[attr-defined]
        return loss

    return make(np.arange(n))
