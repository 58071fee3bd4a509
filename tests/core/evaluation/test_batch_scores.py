"""Window scores are computed by the batch that fitted the candidates, and give exactly what the
client computed from all gathered backtest rows before (`core.evaluation.batch_scores`)."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import core.pipeline as pipeline
from core.cli._io import read_input
from core.evaluation.fitting import ChunkTask, fit_chunk
from core.executors import ProcessPool
from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.schema import ID
from core.selection import window_scores

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "sample" / "sample_shop_orders.csv.gz"

pytestmark = pytest.mark.timeout(300)


class _AlwaysProcesses(ProcessPool):
    """The local pool, in worker processes even below its size threshold."""

    def split_for(self, products, work):
        return 2 * self.n_jobs, self


@pytest.fixture(scope="module")
def sample():
    frame, freq = read_input(str(SAMPLE), "W")  # 300 products, 52 weeks
    return frame, ForecastSettings(freq=freq, horizon=8, windows=3, n_jobs=2)


def _task(frame, model):
    return ChunkTask(frame, (model,), 8, 4, None, "W", None, (80, 95))


def test_batches_score_their_own_windows_exactly_as_the_client_did(sample):
    frame, _ = sample
    ids = frame[ID].unique()
    halves = [frame[frame[ID].isin(ids[:120])], frame[frame[ID].isin(ids[120:])]]
    results = [fit_chunk(_task(half.reset_index(drop=True), model))
               for model in ("ets", "croston") for half in halves]
    merged = pipeline._merge(results)
    client = window_scores(merged.backtest, frame, freq="W")
    pd.testing.assert_frame_equal(merged.scores, client, check_exact=True)
    # One row per (model, product, window), not per backtest row: 8 x fewer at h = 8.
    assert len(merged.scores) == len(merged.backtest) // 8
    assert len(merged.scores) == merged.backtest.groupby(["model", ID, "window"]).ngroups


@pytest.mark.parametrize("executor", [None, _AlwaysProcesses(2)], ids=["default", "processes"])
def test_run_with_batch_scores_matches_the_client_scoring(sample, monkeypatch, executor):
    frame, settings = sample
    got = run(frame, settings, executor=executor)
    computed = []
    real = pipeline.window_scores

    def on_client(*args, **kwargs):
        computed.append(len(args[0]))
        return real(*args, **kwargs)

    monkeypatch.setattr(pipeline, "window_scores", on_client)
    run(frame, settings, executor=executor)
    # With batch scores the client scores only the combinations' rows (median, weighted).
    assert computed and all(n < len(got.backtest) for n in computed)
    monkeypatch.setattr(pipeline, "merged_scores", lambda parts: None)  # the old client path
    want = run(frame, settings, executor=executor)
    for name in ("forecast", "backtest", "metrics", "metrics_per_product", "choices",
                 "candidates"):
        pd.testing.assert_frame_equal(getattr(got, name), getattr(want, name),
                                      check_exact=False, rtol=0, atol=1e-9, obj=name)
