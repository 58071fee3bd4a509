"""The LSTM with attention, anchored to recent sales (`core.level_anchor`): a candidate of `auto`.

The network forecasts each product-day's median, which for products that sell now and then is
near zero, so its totals are far too low and the bias guard refuses it. Anchored, its forecast
is scaled per pool and band of recent sales (`core.level_anchor`) so each group's total matches
what those products sold over the last horizon: the network decides where the units go, recent
sales how many.

Fitted on its own it anchors per demand class over the products it was fitted on. Inside `auto`
the pipeline does not fit it again: it anchors the LSTM candidate's own backtest windows and
forecast per `auto` pool (`core.pipeline`), the same numbers without a second network.
"""
from __future__ import annotations

from dataclasses import replace

import pandas as pd

from core.level_anchor import anchored
from core.models.neural.model import _CAPS, LSTMAttention, NeuralModel
from core.models.registry import register
from core.progress import CancelToken, ProgressCallback
from core.schema import DS, ID, Y

BASE = LSTMAttention.name  # the network whose forecast is anchored


@register
class AnchoredLSTM(LSTMAttention):
    name = "lstm_anchored"
    label = "LSTM anchored to recent sales"
    description = ("The LSTM with attention, its forecast scaled per demand class and level of "
                   "recent sales so that each group's total matches what it sold over the last "
                   "horizon; the network alone forecasts far too little for products that sell "
                   "now and then.")
    # The anchor is the recent sales of the data it was fitted on, not kept in the saved files.
    capabilities = replace(_CAPS, saveable=False)

    def _fit(self, data: pd.DataFrame, progress: ProgressCallback, cancel: CancelToken) -> None:
        super()._fit(data, progress, cancel)
        self._keep_anchor(data)

    def fine_tune(self, data: pd.DataFrame, **kwargs) -> NeuralModel:
        super().fine_tune(data, **kwargs)
        self._keep_anchor(data)
        return self

    def _keep_anchor(self, data: pd.DataFrame) -> None:
        from core.models.demand import classify

        self.anchor_history_ = data[[ID, DS, Y]].copy()
        self.anchor_pools_ = classify(self.anchor_history_)

    def _predict(self, horizon: int, levels: tuple[int, ...]) -> pd.DataFrame:
        raw = super()._predict(horizon, levels)
        return anchored(raw, self.anchor_history_, self.anchor_pools_, periods=horizon)
