"""A cautious forecast for products too young to backtest: what a careful buyer expects.

A product that sold 500 units on its only day is not a product that sells 500 a day. Repeating
that spike (seasonal naive) would forecast 500 x horizon and can dwarf the whole shop. Here the
units sold so far are spread evenly over the product's observed life plus the horizon:

    rate = total sold / (periods observed + horizon)

so the forecast for the whole horizon, total x h / (n + h), is always less than what the product
has sold so far. That alone still let one trade order dominate: an 80,995-unit order on a
product's only day (Online Retail 23843) became 2,793 units a day, five times the best
established product. So a forecast run also caps the rate (`rate_cap`, from `rate_cap_of`) at
what the shop's top tenth of established products sold per period lately: a young product is
forecast like a good seller at most, until its own history can be backtested. The band says how
little one or two observations tell: the spread of the observed periods around the rate (for one
sale, the sale itself), widened by sqrt(1 + 1/n) for a level estimated from n values.

`history_needed(horizon)` is where "too young" ends: the forecast run gives products with fewer
periods this forecast instead of any model, because none of them can be backtested.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.models.base import Capabilities, ParamSpec
from core.models.panel import normal_intervals
from core.models.registry import register
from core.models.statistical.panel_model import Bands, PanelModel, quiet_nanmean
from core.schema import ID, Y

# Periods of history a backtest window trains on at least (core.evaluation.fitting).
MIN_TRAIN = 2
# The established products whose recent rate bounds a young product's: the top tenth.
CAP_QUANTILE = 0.9


def history_needed(horizon: int) -> int:
    """Periods a product needs before its forecast can be chosen by a backtest.

    One rolling-origin window holds `horizon` periods back to score on and trains on at least
    `MIN_TRAIN` periods before them. With fewer, no window exists, so no model's accuracy on the
    product is known and the new-product forecast is used. The season length does not enter:
    the seasonal models already wait for two full seasons (core.models.demand), and with under
    one season seasonal naive only repeats the last value, which is exactly the spike to avoid.
    """
    return int(horizon) + MIN_TRAIN


def rate_cap_of(frame: pd.DataFrame, horizon: int) -> float:
    """The highest per-period rate a young product is forecast at: the 90th percentile, over the
    products old enough to backtest, of their mean sales in their last `horizon` periods.
    0 (no cap) when no product is that old, e.g. a file of a few rows."""
    lengths = frame.groupby(ID, sort=False).size()
    old = lengths.index[lengths >= history_needed(horizon)]
    if not len(old):
        return 0.0
    recent = (frame[frame[ID].isin(old)].groupby(ID, sort=False).tail(int(horizon))
              .groupby(ID, sort=False)[Y].mean())
    return float(max(np.nanquantile(recent.to_numpy(float), CAP_QUANTILE), 0.0))


@register
class NewProduct(PanelModel):
    name = "new_product"
    label = "New-product rate"
    family = "baseline"
    description = ("Units sold so far spread evenly over the product's life and the horizon; "
                   "the forecast for products too young to backtest.")
    capabilities = Capabilities(min_history=1)
    params = (ParamSpec("rate_cap", "float", 0.0, "Highest rate",
                        "Sales per period no young product is forecast above; 0 means no cap. "
                        "A forecast run sets it to what the shop's top tenth of established "
                        "products sold per period lately.", minimum=0.0),)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        values = self.fit_panel_.values
        n = self.fit_panel_.lengths.astype(float)
        total = np.nansum(values, axis=1) if values.shape[1] else np.zeros(len(n))
        rate = np.maximum(total, 0.0) / (n + horizon)
        with np.errstate(all="ignore"):
            spread = np.sqrt(quiet_nanmean((values - rate[:, None]) ** 2, axis=1))
        sigma = np.nan_to_num(spread, nan=0.0) * np.sqrt(1.0 + 1.0 / np.maximum(n, 1))
        if self.rate_cap > 0:  # a capped rate keeps its band's width relative to the rate
            capped = np.minimum(rate, float(self.rate_cap))
            with np.errstate(all="ignore"):
                sigma = sigma * np.where(rate > 0, capped / rate, 1.0)
            rate = capped
        mean = np.repeat(rate[:, None], horizon, axis=1)
        lower, upper = normal_intervals(mean, np.repeat(sigma[:, None], horizon, axis=1),
                                        levels)
        return mean, lower, upper
