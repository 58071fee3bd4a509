"""The three registered neural models: LSTM with attention, Transformer, TCN.

Importing this module is cheap: it describes the models (parameters, capabilities) for the registry,
the GUI form and the CLI. TensorFlow is imported on the first `fit`, `predict` or `load`.

Each is one global network trained on windows from all products, forecasting the whole horizon at
once as quantiles (0.025, 0.1, 0.5, 0.9, 0.975) under pinball loss: the median is `yhat`, 0.1/0.9
the 80% band, 0.025/0.975 the 95% band. The horizon is fixed at training time (`horizon`); asking
`predict` for more periods raises a `TrendcastError`, fewer are cut from the trained horizon.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, ClassVar

import pandas as pd

from core.error_messages import user_error
from core.models.base import Capabilities, ForecastModel, ParamSpec
from core.models.registry import register
from core.progress import NEVER, CancelToken, ProgressCallback, no_progress

QUANTILES = (0.025, 0.1, 0.5, 0.9, 0.975)
AUTO_HORIZON = {"D": 28, "W": 8, "M": 12}
AUTO_LOOKBACK = {"D": 56, "W": 16, "M": 24}
# Extra epochs on all data after early stopping, per epoch it took (`training.fit`; here so the
# run-time estimate can count them without importing TensorFlow).
REFIT_SHARE = 0.25

_COMMON = (
    ParamSpec("horizon", "int", 0, "Horizon trained for",
              "Periods the network forecasts at once; 0 = 28 days, 8 weeks or 12 months. "
              "The forecast run sets it from its own horizon.", minimum=0, maximum=366),
    ParamSpec("lookback", "int", 0, "Lookback",
              "Past periods the network reads; 0 = 56 days, 16 weeks or 24 months.",
              minimum=0, maximum=730),
    ParamSpec("units", "int", 32, "Units", "Width of the network's layers.",
              minimum=4, maximum=512),
    ParamSpec("dropout", "float", 0.1, "Dropout", "Share of units dropped while training.",
              minimum=0.0, maximum=0.8),
    ParamSpec("epochs", "int", 20, "Epochs (max)",
              "Most passes of sampled windows; training stops earlier when the validation loss "
              "stops improving.", minimum=1, maximum=1000),
    ParamSpec("windows_per_epoch", "int", 4096, "Windows per epoch",
              "Training windows sampled from all products in each epoch.",
              minimum=16, maximum=1_000_000),
    ParamSpec("batch_size", "int", 128, "Batch size", "Windows per training step.",
              minimum=1, maximum=8192),
    ParamSpec("learning_rate", "float", 0.002, "Learning rate",
              "Adam's starting step size; it decays along a cosine schedule.",
              minimum=1e-6, maximum=1.0),
    ParamSpec("patience", "int", 4, "Patience",
              "Epochs without a better validation loss before training stops.",
              minimum=1, maximum=100),
    ParamSpec("holiday_country", "str", "", "Holidays of",
              "ISO country code for public holidays as inputs (e.g. GB, US, DE); empty = none."),
    ParamSpec("seed", "int", 0, "Seed", "Same data, settings and seed give the same forecast.",
              minimum=0, maximum=2**31 - 1),
    ParamSpec("threads", "int", 1, "CPU threads",
              "Threads TensorFlow computes with; 1 leaves a core free for the app. Fixed for the "
              "life of the process once a network has run.", minimum=1, maximum=64),
)

_LAYERS = ParamSpec("layers", "int", 1, "Layers", "Stacked encoder layers.", minimum=1,
                    maximum=8)
_HEADS = ParamSpec("heads", "int", 2, "Attention heads", "Heads of self-attention.",
                   minimum=1, maximum=16)
_DILATIONS = ParamSpec("dilations", "int_list", (1, 2, 4, 8), "Dilations",
                       "Dilation of each residual block; the receptive field grows with them.")

_CAPS = Capabilities(intervals=True, global_model=True, exogenous=True,
                     # A product's short lookback is zero-padded and flagged as unobserved, and a
                     # product without training windows uses the learned "unknown product"
                     # embedding: the network forecasts young products too, no fallback needed.
                     # Too little data overall is a NotEnoughHistory from fit.
                     min_history=1, reports_epochs=True, saveable=True)


class NeuralModel(ForecastModel):
    """Shared behaviour of the neural models; subclasses name the architecture."""

    family = "neural"
    capabilities = _CAPS
    architecture = ""
    quantiles = QUANTILES
    # Small settings for the shared contract tests: tiny network, one short epoch.
    test_params: ClassVar[dict[str, Any]] = {"units": 8, "epochs": 1, "windows_per_epoch": 64,
                                             "batch_size": 32, "lookback": 14}

    def resolved(self) -> dict[str, Any]:
        """Parameters with the frequency-dependent 'auto' values filled in."""
        params = {p.name: getattr(self, p.name) for p in self.params}
        params["horizon"] = int(self.horizon) or AUTO_HORIZON[self.freq_]
        params["lookback"] = int(self.lookback) or AUTO_LOOKBACK[self.freq_]
        return params

    def _fit(self, data: pd.DataFrame, progress: ProgressCallback, cancel: CancelToken) -> None:
        from core.models.neural import tf_runtime

        tf_runtime.tensorflow(self.threads)
        from core.models.neural import training

        training.fit(self, data, progress, cancel)

    def fine_tune(self, data: pd.DataFrame, *, epochs: int | None = None,
                  progress: ProgressCallback | None = None,
                  cancel: CancelToken | None = None) -> NeuralModel:
        """Continue training the fitted (or loaded) network on newer data; products unknown to the
        network share the 'unknown product' embedding."""
        if not hasattr(self, "net_"):
            raise user_error("network.fit_first")
        from core.models.neural import tf_runtime

        tf_runtime.tensorflow(self.threads)
        from core.models.neural import training

        training.fit(self, data, progress or no_progress, cancel or NEVER, warm=True,
                     epochs=epochs)
        return self

    def _predict(self, horizon: int, levels: tuple[int, ...]) -> pd.DataFrame:
        from core.models.neural import forecasting

        return forecasting.predict(self, horizon, levels)

    def save(self, directory: str | Path) -> Path:
        """Write `model.keras`, `meta.json` and `state.npz` into `directory`, atomically."""
        from core.models.neural import persistence

        return persistence.save(self, directory)

    @classmethod
    def load(cls, directory: str | Path) -> NeuralModel:
        """A fitted model from `save`'s directory (Keras `safe_mode=True`: no code is run)."""
        from core.models.neural import persistence

        model = persistence.load(directory)
        if not isinstance(model, cls):
            raise user_error("network.other_kind", where=str(directory), found=model.name,
                             wanted=cls.name)
        return model

    @classmethod
    def check_files(cls, files: dict[str, bytes], where: str) -> None:
        """Raise TrendcastError unless `files` (as `save` writes them) hold a usable network;
        checks everything but the Keras file's contents, without TensorFlow."""
        from core.models.neural import saved_format

        saved_format.check_files(files, where)


@register
class LSTMAttention(NeuralModel):
    name = "lstm_attention"
    label = "LSTM with attention"
    description = ("A recurrent network that reads the recent past of every product and attends "
                   "to the periods that matter; one model for all products.")
    architecture = "lstm_attention"
    params = (*_COMMON, _LAYERS)


@register
class Transformer(NeuralModel):
    name = "transformer"
    label = "Transformer"
    description = ("Self-attention over the recent past with positional information; one model "
                   "for all products. The slowest of the networks to train.")
    architecture = "transformer"
    params = (*_COMMON, _LAYERS, _HEADS)


@register
class TCN(NeuralModel):
    name = "tcn"
    label = "Temporal convolutional network"
    description = ("Residual stack of causal dilated convolutions over the recent past; one model "
                   "for all products.")
    architecture = "tcn"
    params = (*_COMMON, _DILATIONS)
