"""Sale lines -> a regular series per product at frequency D, W or M.

Weeks end on Sunday and are stamped with that Sunday; months are stamped with their first day.
Every product runs from its first period with a sale to the data's last period, or, with
`series_end="own"`, to its own last row (a record that stopped; see `core.data.series_end`);
periods without a row inside that span are 0 sales (never interpolated) and are counted as
gaps. Rows for the same product and period are added up.

Prices: `price` is the quantity-weighted mean unit price (units x price = revenue). When several
lines make up a period (order exports), `list_price` is the most common unit price among them,
leaving out lines far (over 1.5x, under 2/3) from the product's usual price: a bulk order paying
a lower tier price moves the weighted mean but not the list price, nor does a group of buyers who
always pay another price (Online Retail: buyers without an account pay about twice the wholesale
price; with them the most common price flipped to double and back in 40 % of its changes). So
what-if elasticities and the networks read `list_price` to see the shop's price changes, not its
order mix. A price changed by more than half at once reads as another group until it is the more
common one.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from core.schema import DS, ID, OPTIONAL, Y, pandas_freq

# Step (days) between consecutive dates -> the frequency it suggests.
_STEP_CLASSES = (("D", 1, 4), ("W", 5, 9), ("M", 27, 32))


def period_start(ds: pd.Series, freq: str) -> pd.Series:
    """Stamp each timestamp with its period: the day, the week's Sunday, the month's first day."""
    days = ds.dt.normalize()
    if freq == "D":
        return days
    if freq == "W":
        return days + pd.to_timedelta(6 - days.dt.day_of_week, unit="D")
    if freq == "M":
        return pd.Series(days.to_numpy().astype("datetime64[M]").astype("datetime64[ns]"),
                         index=ds.index)
    raise ValueError(f"Unknown frequency {freq!r}; use one of D, W, M.")


def complete_span(ds: pd.Series, freq: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """(first day of the first complete period, last day of the last complete period)."""
    first, last = ds.min().normalize(), ds.max().normalize()
    if freq == "W":  # weeks run Monday .. Sunday
        start = first + pd.Timedelta(days=(7 - first.day_of_week) % 7)
        end = last - pd.Timedelta(days=(last.day_of_week + 1) % 7)
    elif freq == "M":
        start = first if first.day == 1 else first + pd.offsets.MonthBegin(1)
        end = last if last.is_month_end else last - pd.offsets.MonthEnd(1)
    else:
        start, end = first, last
    return start, end


def step_frequencies(lines: pd.DataFrame) -> pd.Series:
    """How often each frequency's spacing occurs between a product's consecutive dates."""
    dates = lines[[ID, DS]].drop_duplicates().sort_values([ID, DS])
    # In whole days: a nanosecond difference overflows for dates 292+ years apart (1900, 2199).
    days = dates[DS].to_numpy().astype("datetime64[D]").astype(np.int64)
    same = dates[ID].eq(dates[ID].shift()).to_numpy()
    steps = pd.Series(np.diff(days, prepend=days[:1])[same])
    counts = {name: int(steps.between(lo, hi).sum()) for name, lo, hi in _STEP_CLASSES}
    return pd.Series(counts).sort_values(ascending=False)


@dataclass
class Regular:
    frame: pd.DataFrame
    gaps: int  # product-periods with no row, set to 0
    gap_examples: list[str]
    silent_periods: list[pd.Timestamp]  # periods where no product sold anything
    unsold: list[str]  # products without any sale (left out)
    duplicates: int  # rows added to another row of the same product and period


def regularise(lines: pd.DataFrame, freq: str, series_end: str = "shared") -> Regular:
    """Aggregate `lines` to `freq` and fill the grid (see the module docstring).

    `series_end` is "shared" (every product runs to the data's last period) or "own" (each
    product ends at its own last row, zero or not)."""
    lines = lines.assign(**{DS: period_start(lines[DS], freq)})
    agg = _aggregate(lines)
    agg[ID] = agg[ID].astype(str)
    duplicates = len(lines) - len(agg)
    end = agg[DS].max()
    grid = pd.date_range(agg[DS].min(), end, freq=pandas_freq(freq))
    pos = grid.get_indexer(agg[DS])
    sold = agg[agg[Y] > 0]
    first = sold.groupby(ID, sort=True)[DS].min()
    unsold = sorted(pd.Index(agg[ID].unique()).difference(first.index))
    if first.empty:
        return Regular(agg.iloc[:0][[ID, DS, Y]], 0, [], [], unsold, duplicates)
    start_pos = grid.get_indexer(first.to_numpy())
    if series_end == "own":
        end_pos = grid.get_indexer(agg.groupby(ID, sort=True)[DS].max().reindex(first.index))
    else:
        end_pos = np.full(len(first), len(grid) - 1)
    lengths = end_pos - start_pos + 1
    offsets = np.concatenate([[0], np.cumsum(lengths)[:-1]])
    total = int(lengths.sum())
    ids = np.repeat(first.index.to_numpy(dtype=object), lengths)
    grid_pos = np.arange(total) - np.repeat(offsets, lengths) + np.repeat(start_pos, lengths)
    out = pd.DataFrame({ID: pd.array(ids, dtype="str"), DS: grid[grid_pos]})
    which = pd.Index(first.index).get_indexer(agg[ID])
    keep = (which >= 0) & (pos >= start_pos[np.maximum(which, 0)])
    rows = offsets[which[keep]] + pos[keep] - start_pos[which[keep]]
    present = np.zeros(total, dtype=bool)
    present[rows] = True
    for col in [c for c in agg.columns if c not in (ID, DS)]:
        column = np.full(total, 0.0 if col == Y else np.nan)
        column[rows] = agg[col].to_numpy(dtype=float)[keep]
        out[col] = column.round(4) if col in ("price", "list_price") else column
    if "list_price" in out and _same(out["list_price"], out["price"]):
        out = out.drop(columns="list_price")  # one row per period: nothing to add
    out = _fill_covariates(out, lines)
    totals = out.groupby(DS)[Y].sum().reindex(grid, fill_value=0.0)
    missing = ~present
    examples = out.iloc[np.flatnonzero(missing)[:5000]].drop_duplicates(ID).head(3)
    return Regular(frame=out, gaps=int(missing.sum()),
                   gap_examples=[f"{r[ID]} {r[DS]:%Y-%m-%d}" for _, r in examples.iterrows()],
                   silent_periods=list(totals.index[totals.to_numpy() == 0]), unsold=unsold,
                   duplicates=duplicates)


def _aggregate(lines: pd.DataFrame) -> pd.DataFrame:
    """Sum per product and period; price is the quantity-weighted mean; stock the last value."""
    work = lines[[ID, DS, Y]].copy()
    named = {Y: (Y, "sum")}
    if "price" in lines:
        price = lines["price"]
        weight = lines[Y].where(price.notna() & (lines[Y] > 0), 0.0)
        work["_pw"] = (price.fillna(0) * weight)
        work["_w"] = weight
        work["_p"] = price
        named.update(_pw=("_pw", "sum"), _w=("_w", "sum"), _pm=("_p", "mean"))
    if "promo" in lines:
        work["promo"] = lines["promo"]
        named["promo"] = ("promo", "max")
    if "stock" in lines:
        work["stock"] = lines["stock"]
        named["stock"] = ("stock", "last")
    agg = work.groupby([ID, DS], sort=False, observed=True).agg(**named).reset_index()
    if "price" in lines:
        weighted = agg.pop("_pw") / agg["_w"].where(agg["_w"] > 0)
        agg["price"] = weighted.fillna(agg.pop("_pm"))
        agg.pop("_w")
        agg["list_price"] = _modal_price(lines).reindex(
            pd.MultiIndex.from_frame(agg[[ID, DS]])).to_numpy()
    return agg


def _modal_price(lines: pd.DataFrame) -> pd.Series:
    """(product, period) -> the unit price most lines paid; ties go to the higher price (the
    list price rather than a discount tier). Lines paying more than 1.5x or less than 2/3 of
    the product's usual price (its most common one over all periods) are another group of
    buyers, not the shelf price: they are left out, and a period with only such lines has no
    list price."""
    priced = lines.loc[lines["price"].notna() & (lines["price"] > 0), [ID, DS, "price"]]
    overall = priced.groupby([ID, "price"], sort=False, observed=True).size().reset_index(
        name="n").sort_values(["n", "price"], ascending=False, kind="stable")
    usual = priced[ID].map(overall.drop_duplicates(ID).set_index(ID)["price"]).astype(float)
    ratio = priced["price"] / usual
    priced = priced[(ratio <= 1.5) & (ratio >= 1 / 1.5)]
    counts = priced.groupby([ID, DS, "price"], sort=False, observed=True).size()
    counts = counts.reset_index(name="n").sort_values(["n", "price"], ascending=False,
                                                      kind="stable")
    return counts.drop_duplicates([ID, DS]).set_index([ID, DS])["price"]


def _same(a: pd.Series, b: pd.Series) -> bool:
    both = a.notna() & b.notna()
    return bool(np.allclose(a[both], b[both]) and (a.isna() == b.isna()).all())


def _fill_covariates(out: pd.DataFrame, lines: pd.DataFrame) -> pd.DataFrame:
    """Titles and categories per product (most frequent); stock carried forward; promo 0."""
    for col in ("title", "category"):
        if col in lines:
            values = lines.loc[(lines[col] != "").to_numpy(), [ID, col]]
            counts = (values.groupby([ID, col], observed=True).size().reset_index(name="n")
                      .sort_values("n", ascending=False, kind="stable").drop_duplicates(ID))
            most = pd.Series(counts[col].astype(str).to_numpy(),
                             index=counts[ID].astype(str).to_numpy())
            out[col] = out[ID].map(most).fillna("").astype("str")
    if "stock" in out:
        out["stock"] = out.groupby(ID, sort=False)["stock"].ffill()
    if "promo" in out:
        out["promo"] = out["promo"].fillna(0.0)
    order = [ID, DS, Y, *[c for c in OPTIONAL if c in out]]
    return out[order]
