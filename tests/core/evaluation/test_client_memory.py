"""The client's work after gathering holds no stale copy of every candidate's backtest rows
(issue #15): metrics are summed one model at a time, with the same numbers."""
from __future__ import annotations

import tracemalloc
from pathlib import Path

import pandas as pd
import pytest

from core.cli._io import read_input
from core.evaluation.metrics import _levels, score, summarise, window_errors
from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.schema import ID

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "sample" / "sample_shop_orders.csv.gz"

pytestmark = pytest.mark.timeout(300)


@pytest.fixture(scope="module")
def sample_run():
    frame, freq = read_input(str(SAMPLE), "W")  # 300 products, 52 weeks
    result = run(frame, ForecastSettings(freq=freq, horizon=8, windows=3, n_jobs=1))
    return frame, freq, result


def test_scoring_every_model_peaks_below_half_the_backtest(sample_run):
    frame, freq, result = sample_run
    bt = result.backtest
    size = bt.memory_usage(deep=True).sum()
    tracemalloc.start()
    try:
        score(bt, frame, freq=freq)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert bt["model"].nunique() >= 10
    # Before: 1.28 x (one work frame of all models' rows); one model at a time: 0.30 x.
    assert peak < 0.6 * size, f"peak {peak / 2**20:.1f} MiB for a {size / 2**20:.1f} MiB backtest"


def test_metrics_model_by_model_equal_all_at_once(sample_run):
    frame, freq, result = sample_run
    bt = result.backtest
    together = window_errors(bt, frame, freq=freq)
    levels = _levels(bt)
    overall, per_product = score(bt, frame, freq=freq)
    pd.testing.assert_frame_equal(overall, summarise(together, ["model"], levels),
                                  check_exact=True)
    pd.testing.assert_frame_equal(per_product, summarise(together, [ID, "model"], levels),
                                  check_exact=True)


def test_the_run_leaves_no_gathered_frames_behind(sample_run, monkeypatch):
    """The fit result hands its frames to the evaluation instead of keeping them to the end."""
    import core.pipeline as pipeline

    seen = []
    original = pipeline._evaluate

    def spy(frame, settings, plan, classes, result, cancel):
        out = original(frame, settings, plan, classes, result, cancel)
        seen.append((result.backtest.empty, result.forecast.empty, out[3]))
        return out

    monkeypatch.setattr(pipeline, "_evaluate", spy)
    frame, freq, _ = sample_run
    run(frame.head(52 * 20), ForecastSettings(freq=freq, horizon=8, windows=2, n_jobs=1))
    emptied_bt, emptied_fc, notes = seen[0]
    assert emptied_bt and emptied_fc
    assert all(isinstance(key, str) for key, _ in notes)  # the bands' notes, not their frames
