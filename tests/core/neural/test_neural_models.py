"""The three networks through the engine's model contract, with tiny sizes and two epochs."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.errors import Cancelled, TrendcastError
from core.models.registry import create, get
from core.progress import CancelToken

NAMES = ("lstm_attention", "transformer", "tcn")


@pytest.fixture(scope="module")
def fitted(shop, tiny):
    """One fitted model per network, with the progress events of its training."""
    out = {}
    for name in NAMES:
        events = []
        model = create(name, **tiny(name)).fit(shop, freq="D", progress=events.append)
        out[name] = (model, events)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_registered_as_saveable_global_neural_models(name):
    cls = get(name)
    assert cls.family == "neural"
    caps = cls.capabilities
    assert caps.global_model and caps.saveable and caps.reports_epochs and caps.exogenous
    assert {"horizon", "lookback", "epochs", "batch_size", "learning_rate", "dropout",
            "units", "holiday_country", "seed"} <= {p.name for p in cls.params}
    assert cls.test_params["epochs"] == 1


@pytest.mark.parametrize("name", NAMES)
def test_forecast_frame_contract(fitted, shop, name):
    model, _ = fitted[name]
    fc = model.predict(7)
    assert list(fc.columns) == ["unique_id", "ds", "yhat", "yhat_lo_80", "yhat_hi_80",
                                "yhat_lo_95", "yhat_hi_95"]
    assert len(fc) == 5 * 7 and set(fc.unique_id) == set(shop.unique_id)
    first = shop.ds.max() + pd.Timedelta(days=1)
    for _, rows in fc.groupby("unique_id"):
        assert list(rows.ds) == list(pd.date_range(first, periods=7, freq="D"))
    values = fc.drop(columns=["unique_id", "ds"]).to_numpy()
    assert np.isfinite(values).all() and (values >= 0).all()
    assert (fc.yhat_lo_95 <= fc.yhat_lo_80).all() and (fc.yhat_lo_80 <= fc.yhat).all()
    assert (fc.yhat <= fc.yhat_hi_80).all() and (fc.yhat_hi_80 <= fc.yhat_hi_95).all()
    # The bands are real quantiles, not a zero-width copy of the median.
    assert (fc.yhat_hi_95 > fc.yhat_lo_95).all()
    # Fewer periods are the first steps of the trained horizon.
    pd.testing.assert_frame_equal(model.predict(3),
                                  fc.groupby("unique_id").head(3).reset_index(drop=True))


@pytest.mark.parametrize("name", NAMES)
def test_progress_reports_losses_each_epoch(fitted, name):
    model, events = fitted[name]
    epochs = [e for e in events if e.metrics and "val_loss" in e.metrics]
    assert [e.metrics["epoch"] for e in epochs] == [1.0, 2.0]
    assert all(np.isfinite(e.metrics["loss"]) for e in epochs)
    fractions = [e.fraction for e in events]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert model.get_params()["horizon"] == 7  # constructor arguments untouched by fit


def test_same_seed_same_forecast_and_another_seed_differs(fitted, shop, tiny):
    model, _ = fitted["lstm_attention"]
    again = create("lstm_attention", **tiny("lstm_attention")).fit(shop, freq="D")
    pd.testing.assert_frame_equal(model.predict(7), again.predict(7), check_exact=True)
    other = create("lstm_attention", **tiny("lstm_attention", seed=1)).fit(shop, freq="D")
    assert not np.allclose(other.predict(7).yhat_hi_95, model.predict(7).yhat_hi_95)


@pytest.mark.parametrize("name", NAMES)
def test_save_load_round_trip_gives_identical_forecasts_in_safe_mode(fitted, name, tmp_path,
                                                                    monkeypatch):
    import keras

    model, _ = fitted[name]
    calls = []
    real_load = keras.saving.load_model
    monkeypatch.setattr(keras.saving, "load_model",
                        lambda *a, **k: calls.append(k) or real_load(*a, **k))
    target = model.save(tmp_path / "model")
    assert sorted(p.name for p in target.iterdir()) == ["meta.json", "model.keras", "state.npz"]
    model.save(tmp_path / "model")  # overwriting an existing save works
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model"]  # no temp dirs left behind
    loaded = type(model).load(target)
    assert calls and all(k.get("safe_mode") is True for k in calls)
    pd.testing.assert_frame_equal(model.predict(7, levels=(80, 95)),
                                  loaded.predict(7, levels=(80, 95)), check_exact=True)


def test_loaded_model_fine_tunes_on_newer_data(fitted, make_shop, tmp_path):
    model, _ = fitted["tcn"]
    loaded = type(model).load(model.save(tmp_path / "tcn"))
    newer = make_shop(periods=98)  # two more weeks, plus the same history
    before = loaded.predict(7)
    loaded.fine_tune(newer, epochs=1)
    after = loaded.predict(7)
    assert after.ds.min() == newer.ds.max() + pd.Timedelta(days=1)
    assert before.ds.min() < after.ds.min()
    assert len(loaded.history_) == 1


def test_cancel_stops_within_one_batch_and_raises(shop, tiny):
    class CountingToken(CancelToken):
        """Cancels itself when asked for the third time (= after the third batch)."""

        reads = 0

        @property
        def cancelled(self):
            self.reads += 1
            if self.reads == 3:
                self.cancel()
            return super().cancelled

    token = CountingToken()
    model = create("lstm_attention", **tiny("lstm_attention", windows_per_epoch=320,
                                            batch_size=8))
    with pytest.raises(Cancelled):
        model.fit(shop, freq="D", cancel=token)
    # Batches 1-3 were checked, then Keras stopped; one more read is the loop's own check.
    assert token.reads <= 4
    assert not hasattr(model, "net_")


def test_predicting_past_the_trained_horizon_is_a_clear_error(fitted):
    model, _ = fitted["tcn"]
    with pytest.raises(TrendcastError, match="trained to forecast 7"):
        model.predict(8)
    with pytest.raises(TrendcastError, match="up to 95%"):
        model.predict(7, levels=(99,))
    assert set(model.predict(2, levels=(50,)).columns) >= {"yhat_lo_50", "yhat_hi_50"}


def test_too_short_history_is_a_clear_error(make_shop, tiny):
    from core.errors import NotEnoughHistory

    with pytest.raises(NotEnoughHistory):
        create("tcn", **tiny("tcn")).fit(make_shop(periods=7), freq="D")


def test_thread_pools_cannot_change_once_tensorflow_runs(fitted):
    from core.models.neural import tf_runtime

    tf_runtime.tensorflow(1, 1)  # what the tests already run with
    with pytest.raises(TrendcastError, match="restart"):
        tf_runtime.tensorflow(2, 1)
