"""What a forecast run takes and gives: shared by the CLI, the GUI and project files.

Implemented by `core.pipeline.run(frame, settings, progress=..., cancel=...) -> ForecastRun`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass
class ForecastSettings:
    horizon: int
    freq: str = "D"
    season_length: int | None = None  # None: the frequency's default
    windows: int = 3  # rolling-origin backtest windows
    step: int | None = None  # None: step = horizon
    models: tuple[str, ...] = ("auto",)  # registry names, or "auto"
    params: dict[str, dict[str, Any]] = field(default_factory=dict)  # model -> overrides
    levels: tuple[int, ...] = (80, 95)
    holiday_country: str | None = None
    n_jobs: int = 2
    seed: int = 0
    # Hand the trained networks back in `ForecastRun.networks` (the GUI keeps them in projects).
    keep_networks: bool = False
    # Products too young to backtest that have a title get the forecast of the products with the
    # most similar titles instead of the new-product rate (`core.text.run_cold_start`).
    cold_start: bool = True


@dataclass
class ForecastRun:
    settings: ForecastSettings
    # unique_id, ds, yhat, yhat_lo_80, yhat_hi_80, yhat_lo_95, yhat_hi_95, model: the chosen
    # forecast per product (what the CLI writes).
    forecast: pd.DataFrame
    # The same columns for every candidate model (to overlay and compare in the Forecast view).
    candidates: pd.DataFrame
    # unique_id, cutoff, ds, y, yhat, yhat_lo_*, yhat_hi_*, model: rolling-origin predictions.
    backtest: pd.DataFrame
    # One row per model: model, MAE, MSE, RMSE, MAPE, sMAPE, MASE, RMSSE, WAPE, bias,
    # coverage_80, coverage_95, trend_precision, trend_recall, trend_f1, ...
    metrics: pd.DataFrame
    # One row per model and product: unique_id, model, and the same metric columns.
    metrics_per_product: pd.DataFrame
    # One row per product: unique_id, demand_class, model (chosen), reason, fallback (str or "").
    choices: pd.DataFrame
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)
    # Each note as template ids + fields (core.message_parts); [] in projects of older versions.
    note_ids: list[str] = field(default_factory=list)
    # Trained networks (only with `settings.keep_networks`): model name -> {relative path: bytes}
    # as `NeuralModel.save` writes them; `core.neural_store` loads them back.
    networks: dict[str, dict[str, bytes]] = field(default_factory=dict)
    # The title embedding cache after the cold start (with this run's titles), b"" without one.
    embeddings: bytes = b""
