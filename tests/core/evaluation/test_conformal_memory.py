"""Calibrating the backtest bands holds one extra copy of the candidates' backtest rows, not
three (the client's memory peak on the batch path, issue #15)."""
from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

import core.pipeline as pipeline
from core.cli._io import read_input
from core.evaluation.conformal import calibrate
from core.pipeline_types import ForecastSettings

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "sample" / "sample_shop_orders.csv.gz"

pytestmark = pytest.mark.timeout(300)


class _Captured(Exception):
    pass


def test_calibrating_the_sample_backtest_peaks_below_twice_its_size(monkeypatch):
    frame, freq = read_input(str(SAMPLE), "W")  # 300 products, 52 weeks
    seen = {}

    def capture(bt, fc, history, **kwargs):
        seen.update(bt=bt, fc=fc, history=history, kwargs=kwargs)
        raise _Captured

    monkeypatch.setattr(pipeline, "calibrate", capture)
    with pytest.raises(_Captured):
        pipeline.run(frame, ForecastSettings(freq=freq, horizon=8, windows=3, n_jobs=1))
    bt = seen["bt"]
    size = bt.memory_usage(deep=True).sum()
    tracemalloc.start()
    try:
        out = calibrate(bt, seen["fc"], seen["history"], **seen["kwargs"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(out.backtest) == len(bt) > 100_000
    # Before: 2.35 x (every window copied with all columns, joined, concatenated, reindexed).
    assert peak < 2.0 * size, f"peak {peak / 2**20:.0f} MiB for a {size / 2**20:.0f} MiB backtest"
