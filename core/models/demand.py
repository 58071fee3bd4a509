"""Demand classification (Syntetos & Boylan, 2005) and the models suited to each class.

ADI, the average number of periods between sales, says how often a product sells; CV², the
squared coefficient of variation of the non-zero sales, says how much the sale sizes vary.

    smooth        ADI < 1.32, CV² < 0.49   sells nearly every period, steady sizes
    erratic       ADI < 1.32, CV² >= 0.49  sells nearly every period, sizes jump around
    intermittent  ADI >= 1.32, CV² < 0.49  sells now and then, steady sizes
    lumpy         ADI >= 1.32, CV² >= 0.49 sells now and then, sizes jump around

A product that never sold is "intermittent" (nothing to say about its sizes).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.models.panel import Panel
from core.models.registry import load_all
from core.schema import DEFAULT_SEASON, ID, infer_freq

ADI_CUTOFF = 1.32
CV2_CUTOFF = 0.49
CLASSES = ("smooth", "erratic", "intermittent", "lumpy")


def demand_statistics(data: pd.DataFrame | Panel) -> pd.DataFrame:
    """Per product: adi, cv2, share of periods with a sale, and the demand class."""
    panel = data if isinstance(data, Panel) else Panel.from_frame(data, infer_freq(data))
    values = np.nan_to_num(panel.values, nan=0.0)
    sales = values > 0
    count = sales.sum(axis=1)
    width = values.shape[1]
    with np.errstate(all="ignore"):
        # Periods from the product's start to its last sale, per sale.
        last_sale = width - 1 - np.argmax(sales[:, ::-1], axis=1)
        adi = np.where(count > 0, (last_sale - (width - panel.lengths) + 1) / count, np.inf)
        sizes = np.where(sales, values, np.nan)
        mean = np.nansum(sizes, axis=1) / count
        var = np.nansum((sizes - mean[:, None]) ** 2, axis=1) / count
        cv2 = np.where(count > 0, var / mean ** 2, 0.0)
    frequent = adi < ADI_CUTOFF
    steady = cv2 < CV2_CUTOFF
    labels = np.select([frequent & steady, frequent & ~steady, ~frequent & steady],
                       ["smooth", "erratic", "intermittent"], "lumpy")
    return pd.DataFrame({"adi": adi, "cv2": cv2, "sale_share": count / np.maximum(panel.lengths, 1),
                         "demand_class": labels}, index=pd.Index(panel.ids, name=ID))


def classify(data: pd.DataFrame | Panel) -> pd.Series:
    """unique_id -> 'smooth' | 'erratic' | 'intermittent' | 'lumpy'."""
    return demand_statistics(data)["demand_class"]


def candidates_for(demand_class: str, freq: str, length: int) -> tuple[str, ...]:
    """Registered model names worth backtesting for a product of this class and history.

    Products that sell nearly every period get the classical models (with seasonal ones only
    once two seasons are observed); products that sell now and then get the intermittent-demand
    models plus ETS and Theta, which often do as well on them (Online Retail weekly). The
    seasonal naive forecast is always a candidate: the benchmark every model must beat.
    """
    if demand_class not in CLASSES:
        raise ValueError(f"Unknown demand class {demand_class!r}; use one of {CLASSES}.")
    season = DEFAULT_SEASON.get(freq, 1)
    names: list[str] = ["seasonal_naive"]
    if demand_class in ("smooth", "erratic"):
        if length >= 5:
            names += ["ets", "theta", "optimized_theta"]
        if freq == "M" and length >= 5:
            # A damped trend moves the median of the candidates (M3 monthly 13.65 -> 13.44
            # sMAPE); on Online Retail weekly it changed nothing (core/models/statistical/
            # damped_ets.py, bench/README.md).
            names.append("ets_damped")
            # LightGBM models across all products (core/models/statistical/global_boosting.py),
            # on seasonally adjusted sales and on the sales as they are: in the median of the
            # candidates M3 monthly 13.45 -> 13.33 with the first, 13.24 with both (fitted once
            # on the official split, bench/README.md).
            names += ["global_boosting", "global_boosting_unadjusted"]
        if length >= 8:
            names.append("arima")
        if freq == "D" and length >= 2 * season:
            names.append("mstl")
    else:
        if length >= 2:
            names += ["croston", "tsb", "adida", "imapa"]
        if length >= 5:
            names += ["ets", "theta"]
    registered = load_all()
    return tuple(name for name in names if name in registered)
