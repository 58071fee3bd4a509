"""From a trained network to the engine's forecast frame.

At the end of training we keep only what forecasting needs (each product's last lookback and the
next horizon's covariates, its scale, ids and last dates), so a saved model forecasts after a
restart without the training data.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from core.error_messages import user_error
from core.models.neural.windows import Batch
from core.models.panel import Panel

if TYPE_CHECKING:
    from core.models.neural.model import NeuralModel
    from core.models.neural.windows import WindowSource


@dataclass
class ForecastState:
    """Inputs for the next forecast of every product."""

    panel: Panel  # ids, lengths and last dates (values dropped)
    scales: np.ndarray  # (n,)
    inputs: Batch


def remember(model: NeuralModel, panel: Panel, source: WindowSource) -> None:
    """Keep the forecast inputs of the data the model was just trained on."""
    light = Panel(panel.ids, np.zeros((len(panel), 0)), panel.lengths, panel.last_dates,
                  panel.freq)
    model.state_ = ForecastState(light, source.scales.copy(), source.latest())


def quantile_matrix(model: NeuralModel) -> np.ndarray:
    """(n, H, Q) forecast quantiles in units sold."""
    state = model.state_
    raw = model.net_(state.inputs.inputs(), training=False)
    return np.asarray(raw, dtype=np.float64) * state.scales[:, None, None]


def _at(probs: tuple[float, ...], values: np.ndarray, p: float) -> np.ndarray:
    """Quantile `p` by linear interpolation between the trained quantiles (last axis)."""
    if p < probs[0] - 1e-12 or p > probs[-1] + 1e-12:
        raise user_error("network.wide_levels", most=str(round(200 * (0.5 - probs[0]))),
                         level=str(round(abs(200 * (0.5 - p)))))
    j = int(np.clip(np.searchsorted(probs, p), 1, len(probs) - 1))
    w = (p - probs[j - 1]) / (probs[j] - probs[j - 1])
    return (1 - w) * values[..., j - 1] + w * values[..., j]


def predict(model: NeuralModel, horizon: int, levels: tuple[int, ...]) -> pd.DataFrame:
    """The forecast frame: median as `yhat`, trained quantiles as bands, first `horizon` steps."""
    trained = model.trained_["horizon"]
    if horizon > trained:
        raise user_error("network.longer_horizon", model=model.label, trained=str(trained),
                         horizon=str(horizon))
    q = quantile_matrix(model)[:, :horizon]
    probs = tuple(model.quantiles)
    mean = _at(probs, q, 0.5)
    lower = {lv: _at(probs, q, 0.5 - lv / 200) for lv in levels}
    upper = {lv: _at(probs, q, 0.5 + lv / 200) for lv in levels}
    return model.state_.panel.forecast_frame(mean, lower, upper, levels)
