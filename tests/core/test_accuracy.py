"""Accuracy table on real slices: a model that gets worse than its recorded error fails.

Last-h holdout on 150 M3 monthly series (h = 18, season 12; sMAPE and MASE with m = 12) and
150 Online Retail products, weekly (h = 8; MASE scaled by the one-step naive forecast).
The limits sit ~1% above the values measured when they were recorded; lower them when a model
improves. Print today's values with: python -m tests.core.test_accuracy
"""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.models.registry import create

# model -> (M3 sMAPE, M3 MASE, weekly MASE) limits; None: not scored on that data.
LIMITS: dict[str, tuple[float | None, float | None, float | None]] = {
    "naive": (18.65, 1.22, 1.554),
    "seasonal_naive": (17.63, 1.221, 1.554),
    "moving_average": (16.66, 1.232, 1.544),
    "moving_median": (18.12, 1.252, 1.277),
    "drift": (20.0, 1.148, 1.626),
    "ets": (13.77, 0.92, 1.386),
    "ets_damped": (14.67, 0.927, 1.407),
    "theta": (15.27, 0.929, 1.345),
    "optimized_theta": (15.56, 0.915, 1.35),
    "mstl": (15.56, 0.983, None),
    "arima": (15.29, 0.908, 1.456),
    "croston": (None, None, 1.505),
    "tsb": (None, None, 1.296),
    "adida": (None, None, 1.343),
    "imapa": (None, None, 1.307),
}


def _holdout(frame: pd.DataFrame, horizon: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    ranked = frame.sort_values(["unique_id", "ds"])
    position = ranked.groupby("unique_id").cumcount(ascending=False)
    return ranked[position >= horizon], ranked[position < horizon]


def _mase(train: pd.DataFrame, test: pd.DataFrame, fc: pd.DataFrame, m: int) -> float:
    merged = test.merge(fc, on=["unique_id", "ds"])
    error = (merged.y - merged.yhat).abs().groupby(merged.unique_id).mean()
    scale = train.groupby("unique_id").y.apply(
        lambda y: np.mean(np.abs(y.to_numpy()[m:] - y.to_numpy()[:-m])))
    ratio = (error / scale).replace([np.inf, -np.inf], np.nan).dropna()
    return float(ratio.mean())


def _smape(test: pd.DataFrame, fc: pd.DataFrame) -> float:
    merged = test.merge(fc, on=["unique_id", "ds"])
    y, f = merged.y.to_numpy(), merged.yhat.to_numpy()
    return float(np.mean(200 * np.abs(y - f) / (np.abs(y) + np.abs(f))))


def m3_scores(name: str, train: pd.DataFrame, test: pd.DataFrame) -> tuple[float, float]:
    fc = create(name, season_length=12).fit(train, freq="M").predict(18)
    assert len(fc) == len(test)
    return _smape(test, fc), _mase(train, test, fc, 12)


def weekly_mase(name: str, frame: pd.DataFrame) -> float:
    train, test = _holdout(frame, 8)
    fc = create(name).fit(train, freq="W").predict(8)
    return _mase(train, test, fc, 1)


M3_MODELS = [name for name, limits in LIMITS.items() if limits[0] is not None]
WEEKLY_MODELS = [name for name, limits in LIMITS.items() if limits[2] is not None]


@pytest.mark.parametrize("name", M3_MODELS)
def test_m3_monthly_accuracy_does_not_get_worse(name, m3_monthly_slice):
    smape, mase = m3_scores(name, *m3_monthly_slice)
    assert smape <= LIMITS[name][0], f"{name}: sMAPE {smape:.2f}"
    assert mase <= LIMITS[name][1], f"{name}: MASE {mase:.3f}"


@pytest.mark.parametrize("name", WEEKLY_MODELS)
def test_online_retail_weekly_accuracy_does_not_get_worse(name, retail_weekly_slice):
    mase = weekly_mase(name, retail_weekly_slice)
    assert mase <= LIMITS[name][2], f"{name}: MASE {mase:.3f}"


def test_the_classical_models_beat_the_benchmarks(m3_monthly_slice, retail_weekly_slice):
    naive2 = m3_scores("seasonal_naive", *m3_monthly_slice)[0]
    assert m3_scores("theta", *m3_monthly_slice)[0] < naive2 - 2
    assert weekly_mase("imapa", retail_weekly_slice) < weekly_mase("naive", retail_weekly_slice)


if __name__ == "__main__":
    import sys

    sys.path.insert(0, "tests")
    from conftest import _read_fixture

    m3 = (_read_fixture("m3_monthly_150_train.csv.gz"), _read_fixture("m3_monthly_150_test.csv.gz"))
    weekly = _read_fixture("online_retail_weekly_150.csv.gz")
    for model in LIMITS:
        smape, mase = m3_scores(model, *m3) if model in M3_MODELS else (np.nan, np.nan)
        week = weekly_mase(model, weekly) if model in WEEKLY_MODELS else np.nan
        print(f'    "{model}": ({smape:.2f}, {mase:.3f}, {week:.3f}),')
