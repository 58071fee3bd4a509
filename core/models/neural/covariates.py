"""Known-future covariates: calendar, holidays, price and promotion, as numeric channels.

Everything here is NumPy/pandas; no TensorFlow. Calendar channels are a function of the date
alone, so they are known for any future period. Price and promotion are known for the past; for
the future we hold them at their last value (the shop's current price, no promotion planned
unless the data says one is running), which is the honest default when nobody typed a plan in.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

PERIODS_PER_YEAR = {"D": 365, "W": 52, "M": 12}


def calendar_features(dates: pd.DatetimeIndex, freq: str, country: str | None,
                      yearly: bool = True) -> np.ndarray:
    """(len(dates), k) calendar channels for these period stamps.

    `yearly` adds the position in the year (month, week). With less than a year of history
    before the forecast those channels only tell the network *when* a window is, and it
    extrapolates them into months it has never seen, so callers turn them off then.
    """
    cols = [np.zeros(len(dates))]  # keeps k >= 1 for monthly data without yearly channels
    if yearly:
        month = dates.month.to_numpy()
        cols += [np.sin(2 * np.pi * (month - 1) / 12), np.cos(2 * np.pi * (month - 1) / 12)]
        if freq == "W":
            week = dates.isocalendar().week.to_numpy(dtype=float)
            cols += [np.sin(2 * np.pi * week / 52.18), np.cos(2 * np.pi * week / 52.18)]
    if freq == "D":
        dow = dates.day_of_week.to_numpy()
        cols += [(dow == d).astype(float) for d in range(7)]  # the shop may close on some days
    if country:
        cols.append(_holiday_share(dates, freq, country))
    return np.stack(cols, axis=1).astype(np.float32)


def _holiday_share(dates: pd.DatetimeIndex, freq: str, country: str) -> np.ndarray:
    """Share of the days in each period that are public holidays (0/1 for daily data)."""
    from core.countries import holiday_dates

    years = range(int(dates.year.min()) - 1, int(dates.year.max()) + 2)
    days_off = holiday_dates(country, years)
    if freq == "D":
        return np.array([d in days_off for d in dates.date], dtype=float)
    # Weeks end on their stamp; months start on it.
    length = 7 if freq == "W" else None
    out = np.zeros(len(dates))
    for i, stamp in enumerate(dates):
        if length:
            days = pd.date_range(end=stamp, periods=length, freq="D")
        else:
            days = pd.date_range(stamp, stamp + pd.offsets.MonthEnd(0), freq="D")
        out[i] = np.mean([d in days_off for d in days.date])
    return out


@dataclass
class ExogenousPanel:
    """Per-product price/promo channels aligned with a `Panel`'s right-aligned matrix."""

    names: tuple[str, ...]  # channel names, e.g. ("log_price_ratio", "promo")
    values: np.ndarray  # (n, T, k) float32, 0 where unknown

    @property
    def width(self) -> int:
        return len(self.names)


def exogenous_panel(data: pd.DataFrame, ids: np.ndarray, width: int,
                    ref_price: dict[str, float] | None = None
                    ) -> tuple[ExogenousPanel, dict[str, float]]:
    """Price (as log ratio to the product's typical price) and promo, right-aligned like Panel.

    Days without a sale have no price; we carry the last known price forward (then back) since the
    shelf price did not change just because nobody bought. Returns the channels and the reference
    prices used (kept with the model so the same scaling applies at fine-tuning time).
    """
    from core.schema import DS, ID

    # The list price (order exports) is the price the shop set; the weighted mean also moves with
    # the order mix, which the network would learn as a price effect (see core.data.regular).
    price = "list_price" if "list_price" in data.columns and pd.to_numeric(
        data["list_price"], errors="coerce").notna().any() else "price"
    names = tuple(c for c in (price, "promo") if c in data.columns
                  and pd.to_numeric(data[c], errors="coerce").notna().any())
    values = np.zeros((len(ids), width, len(names)), dtype=np.float32)
    refs: dict[str, float] = dict(ref_price or {})
    if not names:
        return ExogenousPanel((), values), refs
    frame = data[[ID, DS, *names]].sort_values([ID, DS], kind="stable")
    frame[ID] = frame[ID].astype(str)
    row_of = {uid: i for i, uid in enumerate(ids)}
    for uid, group in frame.groupby(ID, sort=False):
        i = row_of.get(uid)
        if i is None:
            continue
        n = min(len(group), width)
        for k, name in enumerate(names):
            col = pd.to_numeric(group[name], errors="coerce").iloc[-n:]
            if name == price:
                col = col.where(col > 0).ffill().bfill()
                if uid not in refs:
                    med = float(col.median()) if col.notna().any() else float("nan")
                    refs[uid] = med if np.isfinite(med) and med > 0 else 1.0
                chan = np.log(col.to_numpy(dtype=float) / refs[uid])
            else:
                chan = (col.fillna(0).to_numpy(dtype=float) > 0).astype(float)
            values[i, width - n:, k] = np.nan_to_num(chan, nan=0.0, posinf=0.0, neginf=0.0)
    names_out = tuple("log_price_ratio" if n == price else n for n in names)
    return ExogenousPanel(names_out, values), refs
