"""A cautious forecast for products too young to backtest: what a careful buyer expects.

A product that sold 500 units on its only day is not a product that sells 500 a day. Repeating
that spike (seasonal naive) would forecast 500 x horizon and can dwarf the whole shop. Here the
units sold so far are spread evenly over the product's observed life plus the horizon:

    rate = total sold / (periods observed + horizon)

so the forecast for the whole horizon, total x h / (n + h), is always less than what the product
has sold so far: young products can never dominate the shop total. The band says how little one
or two observations tell: the spread of the observed periods around the rate (for one sale, the
sale itself), widened by sqrt(1 + 1/n) for a level estimated from n values.

`history_needed(horizon)` is where "too young" ends: the forecast run gives products with fewer
periods this forecast instead of any model, because none of them can be backtested.
"""
from __future__ import annotations

import numpy as np

from core.models.base import Capabilities
from core.models.panel import normal_intervals
from core.models.registry import register
from core.models.statistical.panel_model import Bands, PanelModel, quiet_nanmean

# Periods of history a backtest window trains on at least (core.evaluation.fitting).
MIN_TRAIN = 2


def history_needed(horizon: int) -> int:
    """Periods a product needs before its forecast can be chosen by a backtest.

    One rolling-origin window holds `horizon` periods back to score on and trains on at least
    `MIN_TRAIN` periods before them. With fewer, no window exists, so no model's accuracy on the
    product is known and the new-product forecast is used. The season length does not enter:
    the seasonal models already wait for two full seasons (core.models.demand), and with under
    one season seasonal naive only repeats the last value, which is exactly the spike to avoid.
    """
    return int(horizon) + MIN_TRAIN


@register
class NewProduct(PanelModel):
    name = "new_product"
    label = "New-product rate"
    family = "baseline"
    description = ("Units sold so far spread evenly over the product's life and the horizon; "
                   "the forecast for products too young to backtest.")
    capabilities = Capabilities(min_history=1)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        values = self.fit_panel_.values
        n = self.fit_panel_.lengths.astype(float)
        total = np.nansum(values, axis=1) if values.shape[1] else np.zeros(len(n))
        rate = np.maximum(total, 0.0) / (n + horizon)
        with np.errstate(all="ignore"):
            spread = np.sqrt(quiet_nanmean((values - rate[:, None]) ** 2, axis=1))
        sigma = np.nan_to_num(spread, nan=0.0) * np.sqrt(1.0 + 1.0 / np.maximum(n, 1))
        mean = np.repeat(rate[:, None], horizon, axis=1)
        lower, upper = normal_intervals(mean, np.repeat(sigma[:, None], horizon, axis=1),
                                        levels)
        return mean, lower, upper
