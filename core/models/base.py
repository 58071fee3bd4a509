"""The one interface every forecasting model implements.

    model = create("ets", season_length=7)          # constructor args are never changed by fit
    model.fit(frame, freq="D", progress=..., cancel=...)
    forecast = model.predict(28, levels=(80, 95))

`predict` returns a long frame:
`unique_id, ds, yhat, yhat_lo_80, yhat_hi_80, yhat_lo_95, yhat_hi_95`, one row per product
and future period, never negative, intervals ordered. Fitted state ends in `_`.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

import pandas as pd

from core.progress import NEVER, CancelToken, ProgressCallback, no_progress

DEFAULT_LEVELS = (80, 95)


@dataclass(frozen=True)
class Capabilities:
    """What a model can do, as data (no isinstance checks)."""

    intervals: bool = True
    global_model: bool = False  # one model trained across all products
    exogenous: bool = False  # uses price/promo/calendar covariates
    min_history: int = 1  # periods a product needs
    reports_epochs: bool = False  # progress carries per-epoch loss metrics
    saveable: bool = False  # has save()/load()


@dataclass(frozen=True)
class ParamSpec:
    """One constructor parameter, described so the GUI form and CLI flags can be generated."""

    name: str
    kind: str  # "int", "float", "bool", "choice", "str", "int_list"
    default: Any
    label: str
    help: str
    minimum: float | None = None
    maximum: float | None = None
    choices: Sequence[Any] = field(default_factory=tuple)


def interval_columns(levels: Sequence[int]) -> list[str]:
    cols = []
    for level in sorted(levels):
        cols += [f"yhat_lo_{level}", f"yhat_hi_{level}"]
    return cols


class ForecastModel:
    """Base class. Subclasses set the class attributes and implement `_fit` and `_predict`."""

    name: ClassVar[str] = ""
    label: ClassVar[str] = ""
    family: ClassVar[str] = ""  # baseline | classical | intermittent | neural | combination
    description: ClassVar[str] = ""
    capabilities: ClassVar[Capabilities] = Capabilities()
    params: ClassVar[tuple[ParamSpec, ...]] = ()
    # Small settings the model contract suite (tests/core/test_model_contract.py) passes so a
    # slow model (a network: few epochs, small layers) runs its checks in seconds.
    test_params: ClassVar[dict[str, Any]] = {}

    def __init__(self, season_length: int | None = None, **params: Any) -> None:
        self.season_length = season_length
        known = {p.name: p.default for p in self.params}
        unknown = set(params) - set(known)
        if unknown:
            raise TypeError(f"{self.name}: unknown parameter(s) {sorted(unknown)}")
        known.update(params)
        for key, value in known.items():
            setattr(self, key, value)

    def get_params(self) -> dict[str, Any]:
        out = {"season_length": self.season_length}
        out.update({p.name: getattr(self, p.name) for p in self.params})
        return out

    # -- public API ---------------------------------------------------------------------------
    def fit(self, data: pd.DataFrame, *, freq: str | None = None,
            progress: ProgressCallback | None = None,
            cancel: CancelToken | None = None) -> ForecastModel:
        from core.schema import infer_freq, season_for

        self.freq_ = freq or infer_freq(data)
        self.season_ = season_for(self.freq_, self.season_length)
        # unique_id -> why the fallback was used, as (template id, fields) (core.messages)
        self.fallbacks_: dict[str, list[tuple[str, dict[str, str]]]] = {}
        self._fit(data, progress or no_progress, cancel or NEVER)
        return self

    def predict(self, horizon: int, *, levels: Sequence[int] = DEFAULT_LEVELS) -> pd.DataFrame:
        if not hasattr(self, "freq_"):
            raise RuntimeError(f"{self.name}: call fit() before predict()")
        if horizon < 1:
            raise ValueError("The horizon must be at least 1 period.")
        return self._predict(int(horizon), tuple(sorted(levels)))

    # -- for subclasses -----------------------------------------------------------------------
    def _fit(self, data: pd.DataFrame, progress: ProgressCallback, cancel: CancelToken) -> None:
        raise NotImplementedError

    def _predict(self, horizon: int, levels: tuple[int, ...]) -> pd.DataFrame:
        raise NotImplementedError

    def __repr__(self) -> str:
        args = ", ".join(f"{k}={v!r}" for k, v in self.get_params().items())
        return f"{type(self).__name__}({args})"
