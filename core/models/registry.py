"""The model registry, filled by the `@register` decorator.

Listing models must not import TensorFlow: neural models register a light class whose heavy parts
import TensorFlow only inside `_fit`/`_predict`. `load_all()` imports the model modules so every
decorator has run.
"""
from __future__ import annotations

import importlib
from typing import Any

from core.models.base import ForecastModel

_REGISTRY: dict[str, type[ForecastModel]] = {}

# Modules whose import registers models. Each must be importable without TensorFlow.
MODEL_MODULES = (
    "core.models.statistical.baselines",
    "core.models.statistical.new_product",
    "core.models.statistical.ets",
    "core.models.statistical.damped_ets",
    "core.models.statistical.intermittent",
    "core.models.statistical.theta",
    "core.models.statistical.optimized_theta",
    "core.models.statistical.mstl",
    "core.models.statistical.arima",
    "core.models.statistical.global_boosting",
    "core.models.ensemble",
    "core.models.neural.model",
    "core.models.neural.anchored",
)


def register(cls: type[ForecastModel]) -> type[ForecastModel]:
    if not cls.name:
        raise ValueError(f"{cls.__name__} has no name")
    if cls.name in _REGISTRY and _REGISTRY[cls.name] is not cls:
        raise ValueError(f"Model name {cls.name!r} registered twice")
    _REGISTRY[cls.name] = cls
    return cls


def load_all() -> dict[str, type[ForecastModel]]:
    for module in MODEL_MODULES:
        importlib.import_module(module)
    return dict(_REGISTRY)


def available() -> list[type[ForecastModel]]:
    return list(load_all().values())


def get(name: str) -> type[ForecastModel]:
    models = load_all()
    try:
        return models[name]
    except KeyError:
        from core.error_messages import user_error

        raise user_error("model.unknown", name=str(name),
                         available=", ".join(sorted(models))) from None


def create(name: str, **params: Any) -> ForecastModel:
    return get(name)(**params)
