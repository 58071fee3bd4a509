"""Fake engine functions for GUI tests: same signatures and result types as the real ones."""
from __future__ import annotations

import time

import numpy as np
import pandas as pd

from core.data.types import ImportResult, RawPreview, Summary
from core.errors import InputError, Problem
from core.pipeline_types import ForecastRun
from core.progress import ProgressEvent
from core.schema import future_dates


def make_frame(products: int = 3, periods: int = 120, freq: str = "D") -> pd.DataFrame:
    rng = np.random.default_rng(0)
    dates = pd.date_range("2024-01-01", periods=periods, freq={"D": "D", "W": "W-SUN",
                                                               "M": "MS"}[freq])
    rows = []
    for p in range(products):
        weekly = 5 + 3 * np.sin(np.arange(periods) * 2 * np.pi / 7)
        # Shelf prices that move now and then, so what-if plans have something to learn from.
        price = (2.0 + p) * np.exp(rng.choice([0.0, 0.0, -0.15, 0.1], periods))
        rows.append(pd.DataFrame({"unique_id": f"P{p}", "ds": dates,
                                  "y": np.maximum(0, weekly + rng.normal(0, 1, periods)).round(),
                                  "price": price.round(2)}))
    return pd.concat(rows, ignore_index=True)


def fake_preview(path, options=None):
    if "bad" in str(path):
        raw = pd.DataFrame({"Datum": ["2024-01-01", "yesterday"], "Menge": ["3", "x"]})
        return RawPreview(str(path), raw, "long", {"date": "Datum", "quantity": "Menge"},
                          None, "utf-8", ",")
    raw = pd.DataFrame({"date": ["2024-01-01", "2024-01-02"], "sku": ["P0", "P0"],
                        "qty": ["3", "4"]})
    return RawPreview(str(path), raw, "long", {"date": "date", "product": "sku",
                                               "quantity": "qty"}, None, "utf-8", ",")


def fake_load(path, options=None, *, progress=None, cancel=None):
    if "bad" in str(path):
        raise InputError([Problem("'yesterday' is not a date", hint="Use dates like 2024-01-31.",
                                  file=str(path), row=3, column="Datum")])
    if progress:
        progress(ProgressEvent(0.5, "reading"))
    frame = make_frame()
    summary = Summary(products=3, start=frame.ds.min(), end=frame.ds.max(), freq="D",
                      rows_read=len(frame), periods=120, zero_share=0.05,
                      total_quantity=float(frame.y.sum()))
    return ImportResult(frame, "D", "long", {"date": "date", "product": "sku",
                                              "quantity": "qty"}, summary, source=str(path))


def fake_sample_path():
    return "/samples/sample_shop.csv"


def make_run(frame: pd.DataFrame, settings) -> ForecastRun:
    rows = []
    for uid, group in frame.groupby("unique_id"):
        dates = future_dates(group.ds.max(), settings.horizon, settings.freq)
        mean = float(group.y.tail(7).mean())
        rows.append(pd.DataFrame({"unique_id": uid, "ds": dates, "yhat": mean,
                                  "yhat_lo_80": mean * 0.8, "yhat_hi_80": mean * 1.2,
                                  "yhat_lo_95": mean * 0.7, "yhat_hi_95": mean * 1.3,
                                  "model": "seasonal_naive"}))
    forecast = pd.concat(rows, ignore_index=True)
    empty = pd.DataFrame()
    return ForecastRun(settings, forecast, forecast, empty, empty, empty, empty, seconds=0.1)


def fake_run_forecast(frame, settings, *, progress=None, cancel=None):
    for i, model in enumerate(settings.models):
        cancel.raise_if_cancelled()
        progress(ProgressEvent((i + 0.5) / len(settings.models), f"fitting {model}",
                               stage=model, metrics={"loss": 1.0 / (i + 1)}))
        time.sleep(0.02)
    return make_run(frame, settings)


def slow_run_forecast(frame, settings, *, progress=None, cancel=None):
    """Runs until cancelled (checks the flag every 10 ms like a real engine would)."""
    progress(ProgressEvent(0.1, "working", stage="ets"))
    while True:
        cancel.raise_if_cancelled()
        time.sleep(0.01)


def failing_run_forecast(frame, settings, *, progress=None, cancel=None):
    progress(ProgressEvent(0.2, "fitting", stage="ets"))
    raise ZeroDivisionError("float division by zero")
