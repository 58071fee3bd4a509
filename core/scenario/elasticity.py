"""How much each product's sales move with its price: a pooled, shrunk log-log elasticity.

For every product we compare short-run wiggles of sales and price around their local level
(log(1 + sales) and log(price), each minus its centred rolling mean), so slow trends and seasons
that happen to coincide with price moves do not count as a price effect. The slope of one on the
other is the product's elasticity: -1.5 means 1% cheaper sells about 1.5% more.

A period's own price is partly set by who bought in it: a day with only bulk orders shows the
tier price and high sales, which reads as "cheaper sells much more" (Online Retail, plain slope
on the list price: daily median -4, weekly -3). So the slope is an instrumental-variable one:
the price move of the period before stands in for this period's (a shelf price holds for a
while, the mix of buyers does not), slope = cov(z, sales) / cov(z, price). Products whose price
moves do not last into the next period get no own slope. On Online Retail the result is that no
price effect shows (most own slopes are positive and held at 0); on data with real, lasting price
changes the slope comes back (tests).

Few products change price often, so each product's slope is shrunk towards the slope of all
products together by how precisely it was measured (a random-effects average, DerSimonian-Laird),
then held to [-4, 0]: a plan should not rely on sales that rise with price. Products whose price
never moved get the pooled slope; when no product's did, every product gets -1 marked "assumed".
A what-if (`with_default_response`) also assumes -1, marked "no_effect", for products whose
estimate shows no price effect at all, and says so.

The price is the list price when the data has one (`core.data.regular`): the quantity-weighted
mean price of order exports falls whenever a bulk buyer pays a lower tier price, the same
artefact over a whole period.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.error_messages import user_error
from core.schema import DS, ID, Y

LOWEST, HIGHEST = -4.0, 0.0
ASSUMED = -1.0  # unit elastic: 1 % cheaper sells about 1 % more, when nothing was learned
NO_EFFECT = -0.05  # an estimate above this is "no measurable price effect"
_WINDOW = {"D": 29, "W": 13, "M": 7}  # periods in the centred rolling level
_MIN_MOVES = 3  # periods whose price differs from its local level before a slope is trusted
_MIN_PERSISTENCE = 0.3  # correlation of a price move with the one before it, for an own slope


def price_column(history: pd.DataFrame) -> str | None:
    """The price the shop set: `list_price` from order lines when present (not moved by the order
    mix, see core.data.regular), else `price`; None when the data has no prices."""
    for column in ("list_price", "price"):
        if column in history and pd.to_numeric(history[column], errors="coerce").gt(0).any():
            return column
    return None


def has_prices(history: pd.DataFrame) -> bool:
    return price_column(history) is not None


def estimate(history: pd.DataFrame, freq: str) -> pd.DataFrame:
    """One row per product: unique_id, elasticity (used), low and high (its 95 % interval; NaN
    when assumed), own (the product's own slope or NaN), own_se, moves (periods with a price off
    its local level), source ("product", "pooled" or "assumed")."""
    column = price_column(history)
    if column is None:
        raise user_error("whatif.no_prices")
    frame = history[[ID, DS, Y, column]].sort_values([ID, DS], kind="stable")
    frame[ID] = frame[ID].astype(str)
    price = pd.to_numeric(frame[column], errors="coerce").where(lambda p: p > 0)
    # Days without a sale have no price: the shelf price was the last one seen.
    price = price.groupby(frame[ID], sort=False).transform(lambda p: p.ffill().bfill())
    x = np.log(price)
    y = np.log1p(pd.to_numeric(frame[Y], errors="coerce").clip(lower=0))
    window = _WINDOW.get(freq, 13)
    groups = frame[ID]
    level = lambda v: v.groupby(groups, sort=False).transform(  # noqa: E731
        lambda s: s.rolling(window, center=True, min_periods=1).mean())
    dx, dy = (x - level(x)).fillna(0.0), (y - level(y)).fillna(0.0)
    # Instrument: the price move one period earlier (see the module docstring).
    dz = dx.groupby(groups, sort=False).shift(1).fillna(0.0)
    parts = pd.DataFrame({ID: groups, "xx": dx * dx, "xy": dx * dy, "yy": dy * dy, "zz": dz * dz,
                          "zx": dz * dx, "zy": dz * dy,
                          "moved": (dx.abs() > 1e-3).astype(int), "n": 1})
    sums = parts.groupby(ID, sort=False).sum()
    slope = sums["zy"] / sums["zx"].where(sums["zx"].abs() > 1e-9)
    dof = (sums["n"] - 2).clip(lower=1)
    resid = (sums["yy"] - 2 * slope * sums["xy"] + slope ** 2 * sums["xx"]).clip(lower=0) / dof
    var = resid * sums["zz"] / sums["zx"] ** 2
    # Moves that do not last into the next period (a weak instrument) give no own slope.
    persistence = sums["zx"] / np.sqrt(sums["zz"] * sums["xx"]).where(sums["xx"] > 1e-9)
    usable = ((sums["moved"] >= _MIN_MOVES) & slope.notna() & (var > 0) & np.isfinite(var)
              & (persistence >= _MIN_PERSISTENCE))
    pooled = _random_effects(slope[usable], var[usable])
    if pooled.tau2 > 0:
        shrunk = (slope / var + pooled.mean / pooled.tau2) / (1 / var + 1 / pooled.tau2)
        shrunk_var = 1 / (1 / var + 1 / pooled.tau2)
    else:
        shrunk = pd.Series(pooled.mean, index=slope.index)
        shrunk_var = pd.Series(pooled.se ** 2, index=slope.index)
    used = shrunk.where(usable, pooled.mean).clip(LOWEST, HIGHEST)
    # A product without its own slope is any product: the spread between products counts too.
    spread = np.sqrt(shrunk_var.where(usable, pooled.tau2 + pooled.se ** 2))
    # No product moved its price enough: nothing was learned, -1 is an assumption (say so).
    fallback = "pooled" if usable.any() else "assumed"
    low = (used - 1.96 * spread).clip(LOWEST, HIGHEST).where(usable | (fallback == "pooled"))
    high = (used + 1.96 * spread).clip(LOWEST, HIGHEST).where(usable | (fallback == "pooled"))
    return pd.DataFrame({
        ID: sums.index, "elasticity": used.to_numpy(), "low": low.to_numpy(),
        "high": high.to_numpy(),
        "own": slope.where(usable).to_numpy(), "own_se": np.sqrt(var.where(usable)).to_numpy(),
        "moves": sums["moved"].to_numpy(),
        "source": np.where(usable, "product", fallback)}).reset_index(drop=True)


def with_default_response(effects: pd.DataFrame) -> pd.DataFrame:
    """`estimate`'s table with the assumed ASSUMED elasticity, source "no_effect", for products
    whose estimate shows no measurable price effect (above NO_EFFECT, mostly slopes held at 0).

    A what-if that answers "a 10 % cut sells nothing more" only repeats that the history had no
    usable price moves; a planner needs a response to plan with, stated as an assumption (the
    note says so, and a fixed elasticity of 0 in the plan gives the no-effect answer)."""
    flat = effects["elasticity"].gt(NO_EFFECT) & effects["source"].ne("assumed")
    if not flat.any():
        return effects
    out = effects.copy()
    out.loc[flat, "elasticity"] = ASSUMED
    out.loc[flat, ["low", "high"]] = np.nan
    out.loc[flat, "source"] = "no_effect"
    return out


class _Pooled:
    def __init__(self, mean: float, tau2: float, se: float = 0.0) -> None:
        self.mean, self.tau2, self.se = mean, tau2, se  # se: of the mean


def _random_effects(slopes: pd.Series, variances: pd.Series) -> _Pooled:
    """Mean slope over products and the spread of true slopes between them (DerSimonian-Laird);
    -1 (unit elastic) with no spread when no product moved its price enough."""
    if len(slopes) < 2:
        if not len(slopes):
            return _Pooled(-1.0, 0.0)
        return _Pooled(float(np.clip(slopes.iloc[0], LOWEST, HIGHEST)), 0.0,
                       float(np.sqrt(variances.iloc[0])))
    w = 1.0 / variances
    fixed = float((w * slopes).sum() / w.sum())
    q = float((w * (slopes - fixed) ** 2).sum())
    c = float(w.sum() - (w * w).sum() / w.sum())
    tau2 = max((q - (len(slopes) - 1)) / c, 0.0) if c > 0 else 0.0
    wr = 1.0 / (variances + tau2)
    mean = float((wr * slopes).sum() / wr.sum())
    return _Pooled(float(np.clip(mean, LOWEST, HIGHEST)), tau2, float(np.sqrt(1 / wr.sum())))
