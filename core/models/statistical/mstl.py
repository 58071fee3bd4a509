"""STL / MSTL decomposition forecast: seasonal patterns repeated, the rest forecast by ETS.

Each product is split by statsmodels' STL (one season) or MSTL (weekly and yearly seasons for
daily data with two years of history) into seasonal parts and an adjusted series. The seasonal
parts are carried forward season by season; the adjusted series of all products is forecast at
once by the automatic non-seasonal ETS (as statsforecast's MSTL does). Intervals come from the
ETS of the adjusted series.
"""
from __future__ import annotations

import math
import warnings

import numpy as np

from core.models.base import Capabilities, ParamSpec
from core.models.panel import Panel, normal_intervals
from core.models.registry import register
from core.models.statistical.ets import ETSSelection
from core.models.statistical.panel_model import Bands, PanelModel
from core.progress import CancelToken, ProgressCallback, said

YEAR = {"D": 365, "W": 52, "M": 12}


def _jumps(period: int, window: int) -> dict[str, int]:
    # R's stl() evaluates its loess smoothers every ~window/10 points and interpolates;
    # statsmodels defaults to every point, which makes a 365-day season ~15x slower.
    jump = max(1, math.ceil(0.15 * period))
    return {"trend_jump": jump, "low_pass_jump": jump,
            "seasonal_jump": max(1, math.ceil(window / 10))}


def decompose(y: np.ndarray, periods: tuple[int, ...], window: int) -> np.ndarray:
    """Seasonal components (len(periods), len(y)) of one product.

    `window` (odd) is STL's seasonal smoother span in seasons: larger keeps the pattern steadier.
    """
    # Imported here: statsmodels costs about a second, and listing models (the window's start
    # path) must not pay it.
    from statsmodels.tsa.seasonal import MSTL, STL

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        if len(periods) == 1:
            result = STL(y, period=periods[0], seasonal=window, **_jumps(periods[0], window)).fit()
            return np.asarray(result.seasonal)[None, :]
        result = MSTL(y, periods=periods, windows=[window] * len(periods),
                      stl_kwargs=_jumps(max(periods), window)).fit()
        seasonal = np.asarray(result.seasonal)
        return seasonal.T if seasonal.ndim == 2 else seasonal[None, :]


@register
class MSTLForecast(PanelModel):
    """STL/MSTL seasonal parts carried forward plus non-seasonal ETS on the rest."""

    name = "mstl"
    label = "Seasonal decomposition (MSTL)"
    family = "classical"
    description = ("Splits sales into seasonal patterns (for daily data weekly, plus yearly "
                   "with two years of history) and the rest; repeats the patterns and "
                   "forecasts the rest with ETS.")
    capabilities = Capabilities(min_history=14)
    params = (ParamSpec("yearly", "bool", True, "Yearly pattern",
                        "Also model a yearly pattern for products with at least two years of "
                        "history (daily or weekly data)."),
              ParamSpec("season_window", "int", 101, "Pattern steadiness",
                        "Over how many seasons the pattern is averaged (odd number). Large "
                        "values keep the pattern steady, which suits noisy sales; small ones "
                        "let it change quickly.", minimum=7, maximum=1001))

    def required_history(self) -> int:
        return max(self.capabilities.min_history, 2 * int(self.season_))

    def _window(self) -> int:
        window = max(7, int(self.season_window))
        return window if window % 2 else window + 1

    def _periods(self, length: int) -> tuple[int, ...]:
        periods = [int(self.season_)] if self.season_ > 1 else []
        year = YEAR.get(self.freq_, 0)
        # statsmodels' MSTL drops a season unless the history is longer than two of them.
        if self.yearly and year > int(self.season_) and length > 2 * year:
            periods.append(year)
        return tuple(periods)

    def _fit_panel(self, panel: Panel, progress: ProgressCallback, cancel: CancelToken) -> None:
        y = panel.values
        n, width = y.shape
        adjusted = y.copy()
        self.components_: list[tuple[tuple[int, ...], np.ndarray]] = []
        for i in range(n):
            if i % 50 == 0:
                cancel.raise_if_cancelled()
                progress(said(0.7 * i / n, "progress.decomposing", stage=self.name))
            length = int(panel.lengths[i])
            periods = self._periods(length)
            if not periods:
                self.components_.append(((), np.zeros((0, length))))
                continue
            seasonal = decompose(y[i, width - length:], periods, self._window())
            periods = periods[: len(seasonal)]  # in case statsmodels dropped a long season
            adjusted[i, width - length:] -= seasonal.sum(axis=0)
            self.components_.append((periods, seasonal))
        # The adjusted series can cross zero, so additive errors only.
        self.trend_ = ETSSelection(adjusted, panel.lengths, 1, ("N", "A", "Ad"), ("N",), cancel,
                                   errors=("A",))

    def _details(self) -> np.ndarray:
        return np.array([("seasons " + "+".join(map(str, periods)) if periods else "no season")
                         + f", rest ETS({code})"
                         for (periods, _), code in zip(self.components_, self.trend_.form,
                                                       strict=True)], dtype=object)

    def _forecast(self, horizon: int, levels: tuple[int, ...]) -> Bands:
        mean, sd = self.trend_.forecast(horizon)
        var = sd ** 2
        steps = np.arange(horizon)
        for i, (periods, seasonal) in enumerate(self.components_):
            for period, component in zip(periods, seasonal, strict=True):
                last_cycle = component[-period:]
                mean[i] += last_cycle[steps % period]
                # The pattern itself drifts from season to season; treat that drift as a
                # random walk over seasons so bands widen by the seasons ahead.
                drift = np.mean((component[period:] - component[:-period]) ** 2)
                var[i] += drift * (steps // period + 1)
        lower, upper = normal_intervals(mean, np.sqrt(var), levels)
        return mean, lower, upper
