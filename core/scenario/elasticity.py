"""How much each product's sales move with its price: a pooled, shrunk log-log elasticity.

For every product we compare short-run wiggles of sales and price around their local level
(log(1 + sales) and log(price), each minus its centred rolling mean), so slow trends and seasons
that happen to coincide with price moves do not count as a price effect. The slope of one on the
other is the product's elasticity: -1.5 means 1% cheaper sells about 1.5% more.

Few products change price often, so each product's slope is shrunk towards the slope of all
products together by how precisely it was measured (a random-effects average, DerSimonian-Laird),
then held to [-4, 0]: sales that rise with price are confounding (bulk buyers paying less per
unit), not a law a plan should rely on. Products whose price never moved get the pooled slope.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.errors import TrendcastError
from core.schema import DS, ID, Y

LOWEST, HIGHEST = -4.0, 0.0
_WINDOW = {"D": 29, "W": 13, "M": 7}  # periods in the centred rolling level
_MIN_MOVES = 3  # periods whose price differs from its local level before a slope is trusted


def has_prices(history: pd.DataFrame) -> bool:
    return "price" in history and pd.to_numeric(history["price"], errors="coerce").gt(0).any()


def estimate(history: pd.DataFrame, freq: str) -> pd.DataFrame:
    """One row per product: unique_id, elasticity (used), own (the product's own slope or NaN),
    own_se, moves (periods with a price off its local level), source ("product" or "pooled")."""
    if not has_prices(history):
        raise TrendcastError("The data has no prices, so the effect of a price change cannot be "
                             "estimated. Import a file with a price column.")
    frame = history[[ID, DS, Y, "price"]].sort_values([ID, DS], kind="stable")
    frame[ID] = frame[ID].astype(str)
    price = pd.to_numeric(frame["price"], errors="coerce").where(lambda p: p > 0)
    # Days without a sale have no price: the shelf price was the last one seen.
    price = price.groupby(frame[ID], sort=False).transform(lambda p: p.ffill().bfill())
    x = np.log(price)
    y = np.log1p(pd.to_numeric(frame[Y], errors="coerce").clip(lower=0))
    window = _WINDOW.get(freq, 13)
    groups = frame[ID]
    level = lambda v: v.groupby(groups, sort=False).transform(  # noqa: E731
        lambda s: s.rolling(window, center=True, min_periods=1).mean())
    dx, dy = (x - level(x)).fillna(0.0), (y - level(y)).fillna(0.0)
    parts = pd.DataFrame({ID: groups, "xx": dx * dx, "xy": dx * dy, "yy": dy * dy,
                          "moved": (dx.abs() > 1e-3).astype(int), "n": 1})
    sums = parts.groupby(ID, sort=False).sum()
    slope = sums["xy"] / sums["xx"].where(sums["xx"] > 1e-9)
    dof = (sums["n"] - 2).clip(lower=1)
    resid = (sums["yy"] - slope * sums["xy"]).clip(lower=0) / dof
    var = resid / sums["xx"].where(sums["xx"] > 1e-9)
    usable = (sums["moved"] >= _MIN_MOVES) & slope.notna() & (var > 0) & np.isfinite(var)
    pooled = _random_effects(slope[usable], var[usable])
    shrunk = ((slope / var + pooled.mean / pooled.tau2) / (1 / var + 1 / pooled.tau2)
              if pooled.tau2 > 0 else pd.Series(pooled.mean, index=slope.index))
    used = shrunk.where(usable, pooled.mean).clip(LOWEST, HIGHEST)
    return pd.DataFrame({
        ID: sums.index, "elasticity": used.to_numpy(),
        "own": slope.where(usable).to_numpy(), "own_se": np.sqrt(var.where(usable)).to_numpy(),
        "moves": sums["moved"].to_numpy(),
        "source": np.where(usable, "product", "pooled")}).reset_index(drop=True)


class _Pooled:
    def __init__(self, mean: float, tau2: float) -> None:
        self.mean, self.tau2 = mean, tau2


def _random_effects(slopes: pd.Series, variances: pd.Series) -> _Pooled:
    """Mean slope over products and the spread of true slopes between them (DerSimonian-Laird);
    -1 (unit elastic) with no spread when no product moved its price enough."""
    if len(slopes) < 2:
        return _Pooled(float(np.clip(slopes.iloc[0], LOWEST, HIGHEST)) if len(slopes) else -1.0,
                       0.0)
    w = 1.0 / variances
    fixed = float((w * slopes).sum() / w.sum())
    q = float((w * (slopes - fixed) ** 2).sum())
    c = float(w.sum() - (w * w).sum() / w.sum())
    tau2 = max((q - (len(slopes) - 1)) / c, 0.0) if c > 0 else 0.0
    wr = 1.0 / (variances + tau2)
    mean = float((wr * slopes).sum() / wr.sum())
    return _Pooled(float(np.clip(mean, LOWEST, HIGHEST)), tau2)
