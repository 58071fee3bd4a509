"""Save and load trained neural models: `model.keras` + `meta.json` + `state.npz` in a directory.

The directory is written under a temporary name beside the target and moved into place, so a
crash never leaves a half-written model where the app looks for one. Loading uses Keras'
`safe_mode=True` (no code from the file is run; our layers are real registered classes) and NumPy
without pickle.
"""
from __future__ import annotations

import json
import os
import shutil
import tempfile
import warnings
from pathlib import Path

import numpy as np

from core.error_messages import user_error
from core.models.neural import saved_format
from core.models.neural.forecasting import ForecastState
from core.models.neural.saved_format import BATCH_FIELDS as _BATCH_FIELDS
from core.models.neural.saved_format import FORMAT
from core.models.neural.windows import Batch
from core.models.panel import Panel


def save(model, directory: str | os.PathLike) -> Path:
    """Write the fitted `model` to `directory` (replaced if it exists) and return its path."""
    if not hasattr(model, "net_"):
        raise user_error("network.untrained")
    target = Path(directory).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        with warnings.catch_warnings():
            # Keras 3.15 converts TF variables with np.array(x, copy=False) on NumPy 2: harmless.
            warnings.filterwarnings("ignore", message=".*copy keyword", category=DeprecationWarning)
            model.net_.save(tmp / "model.keras")
        state = model.state_
        np.savez(tmp / "state.npz", ids=state.panel.ids.astype(str),
                 lengths=state.panel.lengths, last_dates=state.panel.last_dates.astype(
                     "datetime64[ns]"), scales=state.scales,
                 **{f: getattr(state.inputs, f) for f in _BATCH_FIELDS})
        meta = {
            "format": FORMAT, "model": model.name, "trendcast_version": _version(),
            "keras_version": _keras_version(), "freq": model.freq_, "season": model.season_,
            "params": _jsonable(model.get_params()), "trained": _jsonable(model.trained_),
            "quantiles": list(model.quantiles), "country": model.country_,
            "exog_names": list(model.exog_names_), "product_ids": list(model.product_ids_),
            "categories": list(model.categories_), "ref_prices": model.ref_prices_,
            "history": model.history_,
        }
        (tmp / "meta.json").write_text(json.dumps(meta, indent=1), encoding="utf-8")
        _swap_into_place(tmp, target)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return target


def _swap_into_place(tmp: Path, target: Path) -> None:
    """Move the finished directory `tmp` to `target`; an old `target` is replaced."""
    if not target.exists():
        os.replace(tmp, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old.", dir=target.parent))
    os.replace(target, old / "model")
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def load(directory: str | os.PathLike):
    """The model saved in `directory`, ready to forecast or fine-tune."""
    path = Path(directory)
    try:
        text = (path / "meta.json").read_bytes()
    except OSError as exc:
        raise user_error("network.not_saved", where=str(path), error=str(exc)) from None
    meta, cls = saved_format.read_meta(text, str(path))  # checked before any of it is used
    state = saved_format.read_state(path / "state.npz", str(path))
    params = dict(meta["params"])
    if "dilations" in params:
        params["dilations"] = tuple(params["dilations"])
    model = cls(**params)
    from core.models.neural import tf_runtime

    keras = tf_runtime.keras_module(model.threads)
    from core.models.neural import layers  # noqa: F401  (registers the custom layers)

    try:
        model.net_ = keras.saving.load_model(path / "model.keras", compile=False, safe_mode=True)
    except Exception as exc:  # a damaged file or one from an incompatible Keras
        raise user_error("network.unreadable", where=str(path), error=str(exc)) from exc
    panel = Panel(state["ids"], np.zeros((len(state["ids"]), 0)), state["lengths"],
                  state["last_dates"], meta["freq"])
    model.state_ = ForecastState(panel, state["scales"],
                                 Batch(**{f: state[f] for f in _BATCH_FIELDS}))
    model.freq_, model.season_, model.fallbacks_ = meta["freq"], meta["season"], {}
    model.trained_ = meta["trained"]
    if "dilations" in model.trained_:
        model.trained_["dilations"] = tuple(model.trained_["dilations"])
    model.quantiles = tuple(meta["quantiles"])
    model.country_, model.exog_names_ = meta["country"], meta["exog_names"]
    model.product_ids_, model.categories_ = meta["product_ids"], meta["categories"]
    model.ref_prices_, model.history_ = meta["ref_prices"], meta["history"]
    return model


def _jsonable(params: dict) -> dict:
    return {k: list(v) if isinstance(v, tuple) else v for k, v in params.items()}


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("trendcast")
    except PackageNotFoundError:
        return "unknown"


def _keras_version() -> str:
    import keras

    return keras.__version__
