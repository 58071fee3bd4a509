"""The batch path with every candidate's rows on disk (issue #15): the same forecasts, choices
and metrics as the in-memory run, and a client whose memory grows with the products, not with
products x candidates."""
from __future__ import annotations

import gc
import tempfile
import tracemalloc
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import core.evaluation.candidate_store as candidate_store
from core.cli._io import read_input
from core.errors import Cancelled
from core.evaluation.candidate_store import CandidateStore
from core.executors import IN_PROCESS, ProcessPool
from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.progress import CancelToken
from core.schema import ID

ROOT = Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "resources" / "sample" / "sample_shop_orders.csv.gz"

pytestmark = pytest.mark.timeout(600)


class _ThreeBatches(ProcessPool):
    """Three batches per candidate group, fitted here (batches and slices cut differently)."""

    def split_for(self, products, work):
        return 3, IN_PROCESS


@pytest.fixture(scope="module")
def sample():
    frame, freq = read_input(str(SAMPLE), "W")  # 300 products, 52 weeks
    return frame, ForecastSettings(freq=freq, horizon=8, windows=3, n_jobs=1)


@pytest.fixture(scope="module")
def both(sample):
    frame, settings = sample
    kept = run(frame, settings, executor=_ThreeBatches())
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(candidate_store, "SLICE", 37)  # slices that cut across the batches
        lean = run(frame, settings, executor=_ThreeBatches(), keep_candidates=False)
    return kept, lean


def test_lean_run_gives_the_same_forecast_choices_and_notes(both):
    kept, lean = both
    pd.testing.assert_frame_equal(lean.forecast, kept.forecast, check_exact=True)
    pd.testing.assert_frame_equal(lean.choices, kept.choices, check_exact=True)
    assert lean.notes == kept.notes and lean.note_ids == kept.note_ids
    assert lean.candidates.empty and len(kept.candidates) > 10 * len(kept.forecast)


def test_lean_run_gives_every_models_metrics(both):
    kept, lean = both
    assert lean.metrics["model"].nunique() >= 10  # every candidate, the combinations and auto
    for name in ("metrics", "metrics_per_product"):
        pd.testing.assert_frame_equal(getattr(lean, name), getattr(kept, name),
                                      check_exact=False, rtol=0, atol=1e-9, obj=name)


def test_lean_backtest_keeps_the_chosen_models_rows_unchanged(both):
    kept, lean = both
    pairs = set(zip(lean.backtest[ID], lean.backtest["model"], strict=True))
    want = kept.backtest[[p in pairs for p in zip(kept.backtest[ID], kept.backtest["model"],
                                                   strict=True)]]
    got = lean.backtest[want.columns]
    pd.testing.assert_frame_equal(got.reset_index(drop=True), want.reset_index(drop=True),
                                  check_exact=True)
    before = set(zip(kept.backtest[ID], kept.backtest["model"], strict=True))
    chosen = set(zip(lean.choices[ID], lean.choices["model"], strict=True)) & before
    assert chosen and chosen <= pairs  # each product's chosen model, as trending/reorder read
    assert {m for _, m in pairs} >= {"auto", "seasonal_naive"}
    assert len(lean.backtest) < len(kept.backtest) / 3


def test_store_reads_back_by_model_and_by_slice_without_pickle(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    frame = pd.DataFrame({ID: ["b", "a", "c", "a"], "window": [0, 0, 1, 1],
                          "ds": pd.to_datetime(["2024-01-01"] * 4), "yhat": [1.5, 2.0, 3.0, 4.0],
                          "model": ["m", "m", "m", "n"]})
    with CandidateStore(["a", "b", "c"], slice_size=2) as store:
        store.add(0, "bt", frame)
        assert store.models("bt") == ["m", "n"] and store.pieces() == [0, 1]
        got = store.load("bt", model="m")
        pd.testing.assert_frame_equal(got, frame[frame["model"] == "m"].reset_index(drop=True),
                                      check_dtype=False)
        assert list(store.load("bt", piece=1)[ID]) == ["c"]
        files = list(Path(store.dir).glob("*.npz"))
        assert files and all(np.load(f, allow_pickle=False)[ID].dtype == np.int32
                             for f in files)
        with pytest.raises(TypeError, match="note"):
            store.add(1, "bt", frame.assign(note="x"))
    assert not any(tmp_path.iterdir())  # removed on close


def test_a_killed_runs_directory_is_removed_by_a_later_run_once_stale(tmp_path, monkeypatch):
    import os
    import time

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    orphan = tmp_path / f"{candidate_store.PREFIX}old"
    running = tmp_path / f"{candidate_store.PREFIX}running"
    other = tmp_path / "someone-elses"
    for path in (orphan, running, other):
        path.mkdir()
        (path / "0.npz").write_bytes(b"x")
    old = time.time() - candidate_store.STALE_AFTER - 60
    for path in (orphan, other):
        os.utime(path, (old, old))
    with CandidateStore(["a"]) as store:
        assert store.dir.exists()
        assert not orphan.exists() and running.exists() and other.exists()


def test_spilled_rows_are_removed_when_the_run_is_cancelled(sample, tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    frame, settings = sample
    token = CancelToken()

    def cancel_after_a_batch(event):
        if event.fraction > 0.2:
            token.cancel()

    with pytest.raises(Cancelled):
        run(frame, settings, executor=_ThreeBatches(), keep_candidates=False,
            progress=cancel_after_a_batch, cancel=token)
    assert not any(tmp_path.iterdir())


def _peak(frame, settings, **kwargs) -> int:
    gc.collect()  # garbage of earlier tests is not this run's
    tracemalloc.start()
    try:
        run(frame, settings, **kwargs)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_client_peak_grows_with_products_not_with_candidates(sample):
    """Doubling the candidates (3 -> 6 cheap models) barely moves the lean run's peak; the
    in-memory run's grows with them. Doubling the products doubles the lean run's."""
    frame, settings = sample
    ids = frame[ID].unique()
    small = frame[frame[ID].isin(ids[:150])]
    three = ForecastSettings(**{**settings.__dict__, "models": ("naive", "drift",
                                                                "moving_average"),
                                "cold_start": False})
    six = ForecastSettings(**{**three.__dict__, "models": (*three.models, "croston", "tsb",
                                                           "adida")})
    for keep in (True, False):  # modules the runs import on first use are not their peak
        run(small, six, keep_candidates=keep)
    lean = {key: _peak(data, s, keep_candidates=False)
            for key, (data, s) in {"3": (small, three), "6": (small, six),
                                   "6x2": (frame, six)}.items()}
    kept = {key: _peak(small, s) for key, s in {"3": three, "6": six}.items()}
    # Measured: lean 5.94 -> 5.92 MB (3 -> 6 models), 11.7 MB on twice the products;
    # in memory 6.47 -> 9.60 MB.
    assert lean["6"] < 1.1 * lean["3"], lean
    assert kept["6"] > 1.3 * kept["3"], kept
    assert lean["6x2"] > 1.6 * lean["6"], lean


def test_slices_holding_only_products_too_young_to_backtest(sample, monkeypatch):
    """A slice without a single backtest row still gets its combinations and choices."""
    frame, settings = sample
    ids = frame[ID].unique()
    young = frame[frame[ID].isin(ids[20:50])]
    young = young[young["ds"] >= young["ds"].max() - pd.Timedelta(weeks=2)]
    data = pd.concat([frame[frame[ID].isin(ids[:20])], young], ignore_index=True)
    quick = ForecastSettings(**{**settings.__dict__, "cold_start": False})
    kept = run(data, quick)
    monkeypatch.setattr(candidate_store, "SLICE", 10)  # slices 3-5: young products only
    lean = run(data, quick, keep_candidates=False)
    assert (lean.choices["model"] == "new_product").sum() == 30
    pd.testing.assert_frame_equal(lean.forecast, kept.forecast, check_exact=True)
    pd.testing.assert_frame_equal(lean.choices, kept.choices, check_exact=True)
    pd.testing.assert_frame_equal(lean.metrics, kept.metrics, check_exact=False, rtol=0,
                                  atol=1e-9)


def test_the_anchored_network_is_the_same_on_the_spilled_path():
    """`lstm_anchored` (issue #12) is made from the LSTM's own rows in both evaluations: the
    spilled path anchors it network by network, with the same factors, choices and forecast."""
    from core.models.registry import get

    rng = np.random.default_rng(1)
    days = pd.date_range("2024-01-01", periods=90, freq="D")
    frame = pd.concat([pd.DataFrame({"unique_id": f"p{i}", "ds": days,
                                     "y": rng.poisson(0.3 + 0.2 * i, len(days)) * 3.0})
                       for i in range(6)], ignore_index=True)
    settings = ForecastSettings(
        horizon=7, freq="D", windows=2, n_jobs=1, cold_start=False,
        models=("lstm_attention", "lstm_anchored", "naive"),
        params={"lstm_attention": dict(get("lstm_attention").test_params)})
    kept = run(frame, settings, executor=_ThreeBatches())
    lean = run(frame, settings, executor=_ThreeBatches(), keep_candidates=False)
    assert "lstm_anchored" in set(kept.candidates["model"])
    pd.testing.assert_frame_equal(lean.forecast, kept.forecast, check_exact=True)
    pd.testing.assert_frame_equal(lean.choices, kept.choices, check_exact=True)
    pd.testing.assert_frame_equal(lean.metrics, kept.metrics, rtol=1e-9)
    assert "lstm_anchored" in set(lean.metrics["model"])
