"""Which global network `auto` tries, when the data support it, and with which settings.

The rule, from the data's shape (no TensorFlow needed to decide):

    a network joins `auto` when at least MIN_PRODUCTS products are long enough that the *first*
    backtest window still leaves them lookback + 2 x horizon periods (one training window and
    the held-out horizon the network's early stopping validates on).

A global network learns from many products at once; with few products or short histories it
has too few windows to learn from and the classical models win. Measured (bench/README.md):
Online Retail daily (1,817 products, ~370 days, h = 28) the networks beat every classical model
by ~12 % MASE and pass the rule (a product needs 56 + 56 + 4 x 28 = 224 days); Online Retail
weekly (52 weeks, h = 8: needs 16 + 16 + 32 = 64) and M3 monthly (at most 126 months, h = 18:
needs 24 + 36 + 72 = 132) fail it, and there the networks lose (1.05x and 1.17x of the best
classical model).

One network (the LSTM with attention, the most accurate of the three on Online Retail daily:
MASE 1.461 vs 1.468) keeps `auto` within its time budget: it is fitted once per backtest window
for all products, each window warm-started from the previous window's weights
(`core.evaluation.fitting`), which only ever saw earlier data.

On Online Retail daily the network's MASE edge is a near-zero forecast (forecasting 0 scores
MASE 1.471 there; the LSTM 1.466 with the shop total 94 % short), so the bias guard
(`core.selection_guard`) refuses it in nearly every pool; it still helps through the
combinations. See bench/README.md, issue #12.
"""
from __future__ import annotations

import pandas as pd

from core.models.neural.model import AUTO_LOOKBACK
from core.schema import ID

AUTO_NETWORK = "lstm_attention"
# Each network's anchored variant (`core.models.neural.anchored`): built from the network's own
# backtest and forecast, a candidate the bias guard can let through (bench/README.md, #12).
ANCHORED = {"lstm_attention": "lstm_anchored"}
MIN_PRODUCTS = 100  # a global network learns across products: few products, few windows
# Settings of the network inside `auto` (the user's own settings for it win): fewer epochs
# than a network trained on its own, since each later window continues from the one before.
# Measured on Online Retail daily (1,817 products): 12 epochs, patience 3, 4,096 windows an
# epoch and 3 warm epochs took 252 s for the whole run (load 3-7); these settings 184 s (load
# ~2) with the same `auto` MASE (1.637) and the LSTM's 1.466 -> 1.464.
AUTO_PARAMS: dict[str, object] = {"epochs": 6, "patience": 2, "windows_per_epoch": 2048}
WARM_EPOCHS = 2  # epochs of each warm-started window (and of the final fit)


def networks_for(frame: pd.DataFrame, freq: str, horizon: int, windows: int,
                 step: int | None = None) -> tuple[str, ...]:
    """The networks `auto` backtests on `frame` (all its backtest windows: `windows`)."""
    need = AUTO_LOOKBACK.get(freq, 0) + 2 * horizon + windows * int(step or horizon)
    lengths = frame.groupby(ID, sort=False).size()
    return (AUTO_NETWORK,) if int((lengths >= need).sum()) >= MIN_PRODUCTS else ()


def with_auto_params(params: dict[str, dict], networks: tuple[str, ...]) -> dict[str, dict]:
    """`params` with `AUTO_PARAMS` filled in for `networks`, under the user's own values."""
    out = dict(params)
    for name in networks:
        out[name] = {**AUTO_PARAMS, **params.get(name, {})}
    return out
