"""Work the smoke test sends to a spawned child process (module-level, so it pickles by name).

Kept in core so the child imports no Qt, as the GUI's real workers do not.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from core.progress import NEVER, CancelToken, ProgressCallback


def fit_predict(frame: pd.DataFrame, model: str, horizon: int, freq: str,
                params: dict[str, Any] | None = None, *, progress: ProgressCallback | None = None,
                cancel: CancelToken | None = None) -> pd.DataFrame:
    """Fit one registered model on `frame` and return its forecast, with the model's name."""
    from core.models.registry import create

    fitted = create(model, **(params or {})).fit(frame, freq=freq, progress=progress,
                                                 cancel=cancel or NEVER)
    forecast = fitted.predict(horizon)
    forecast["model"] = model
    return forecast


def fit_predict_keep(frame: pd.DataFrame, model: str, horizon: int, freq: str,
                     params: dict[str, Any] | None = None, *,
                     progress: ProgressCallback | None = None,
                     cancel: CancelToken | None = None) -> tuple[pd.DataFrame, dict[str, bytes]]:
    """`fit_predict` for a saveable model, also handing back its saved files (as projects keep
    them)."""
    from core.model_files import to_files
    from core.models.registry import create

    fitted = create(model, horizon=horizon, **(params or {})).fit(
        frame, freq=freq, progress=progress, cancel=cancel or NEVER)
    forecast = fitted.predict(horizon)
    forecast["model"] = model
    return forecast, to_files(fitted)


def call_by_name(target: str, *args: Any, **kwargs: Any) -> Any:
    """'package.module:function' imported and called in the child."""
    import importlib

    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)(*args, **kwargs)
