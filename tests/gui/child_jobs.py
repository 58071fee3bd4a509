"""Real work for the GUI's process path; runs in the spawned child, which imports it by name.

TensorFlow is imported here only, inside the child: never in the test process.
"""
from __future__ import annotations

import os

import numpy as np
import pandas as pd
from fakes import make_run

from core.progress import ProgressEvent

LAGS = 7


def train_tiny_keras(frame, settings, *, progress, cancel, epochs: int = 20):
    """Fit a one-hidden-layer network on lagged sales; report the loss every epoch."""
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    progress(ProgressEvent(0.0, "importing TensorFlow", stage="tiny_mlp"))
    import keras

    keras.utils.set_random_seed(0)
    x, y = [], []
    for _uid, group in frame.groupby("unique_id"):
        values = group["y"].to_numpy(dtype="float32")
        for end in range(LAGS, len(values)):
            x.append(values[end - LAGS:end])
            y.append(values[end])
    x, y = np.asarray(x), np.asarray(y)
    model = keras.Sequential([keras.Input((LAGS,)), keras.layers.Dense(16, activation="relu"),
                              keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")

    class Report(keras.callbacks.Callback):
        def on_train_batch_end(self, batch, logs=None):
            if cancel.cancelled:
                self.model.stop_training = True

        def on_epoch_end(self, epoch, logs=None):
            progress(ProgressEvent((epoch + 1) / epochs, f"epoch {epoch + 1}/{epochs}",
                                   stage="tiny_mlp", metrics={"loss": float(logs["loss"])}))

    model.fit(x, y, epochs=epochs, batch_size=16, verbose=0, callbacks=[Report()])
    cancel.raise_if_cancelled()
    return make_run(frame, settings)


def fit_registry_model(frame, settings, *, progress, cancel):
    """Fit the first chosen model from the real registry and forecast with it."""
    from core.models.registry import create
    from core.pipeline_types import ForecastRun

    name = settings.models[0]
    model = create(name, season_length=settings.season_length)
    model.fit(frame, freq=settings.freq, progress=progress, cancel=cancel)
    forecast = model.predict(settings.horizon, levels=settings.levels).assign(model=name)
    empty = pd.DataFrame()
    return ForecastRun(settings, forecast, forecast, empty, empty, empty, empty)


def crash(frame, settings, *, progress, cancel):
    import signal

    progress(ProgressEvent(0.1, "about to crash", stage="ets"))
    os.kill(os.getpid(), signal.SIGSEGV)
