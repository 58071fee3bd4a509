"""What a saved network's `meta.json` and `state.npz` must hold, checked before either is used.

Saved networks travel inside project files, which can be hand-edited or crafted. Both files are
checked here (no TensorFlow needed), when a project is opened and again when a network is loaded,
so a wrong field or array is one clear TrendcastError instead of a crash mid-forecast.
`model.keras` is checked by Keras itself when loaded (`safe_mode`, see `persistence.load`).
"""
from __future__ import annotations

import io
import json
import zipfile
from typing import Any

import numpy as np

from core.error_messages import user_error
from core.json_check import (
    AtLeast,
    ListOf,
    MapOf,
    OneOf,
    Optional,
    Record,
    SchemaError,
    check,
)

FORMAT = 1
FILES = ("meta.json", "model.keras", "state.npz")
BATCH_FIELDS = ("past", "future", "product", "category", "static")
# array -> (dtype kinds accepted, number of dimensions); every array has one row per product.
STATE_ARRAYS = {"ids": ("U", 1), "lengths": ("iu", 1), "last_dates": ("M", 1),
                "scales": ("f", 1), "past": ("f", 3), "future": ("f", 3), "product": ("iu", 1),
                "category": ("iu", 1), "static": ("f", 2)}
_PARAM_KINDS = {"int": int, "float": float, "bool": bool, "str": str, "int_list": ListOf(int)}


def meta_spec(model_class) -> Record:
    """The fields of `meta.json` for networks of `model_class` (parameters from its specs)."""
    params = {"season_length": Optional(AtLeast(1)),
              **{p.name: _param_spec(p) for p in model_class.params}}
    trained = {**{k: v for k, v in params.items() if k != "season_length"},
               "freq": OneOf(("D", "W", "M"))}
    return Record({
        "format": OneOf((FORMAT,)), "model": OneOf((model_class.name,)),
        "trendcast_version": str, "keras_version": str, "freq": OneOf(("D", "W", "M")),
        "season": AtLeast(1),
        "params": Record(params, frozenset(params)), "trained": Record(trained, frozenset(trained)),
        "quantiles": ListOf(float), "country": Optional(str), "exog_names": ListOf(str),
        "product_ids": ListOf(str), "categories": ListOf(str),
        "ref_prices": MapOf(Optional(float)), "history": ListOf(MapOf(float)),
    })


def _param_spec(param) -> Any:
    spec = _PARAM_KINDS.get(param.kind, OneOf(tuple(param.choices)) if param.choices else Any)
    return Optional(spec) if param.default is None else spec


def read_meta(text: bytes | str, where: str) -> tuple[dict[str, Any], type]:
    """`meta.json` decoded and checked, and the model class it names; raises TrendcastError
    naming the wrong field."""
    from core.models.registry import get

    try:
        meta = json.loads(text)
    except (ValueError, UnicodeDecodeError) as exc:
        raise user_error("network.not_saved", where=where, error=f"meta.json: {exc}") from None
    try:
        check(meta, Record({"model": str, "format": int}, frozenset(), extra=True), "meta.json")
        if meta["format"] > FORMAT:
            raise user_error("network.newer", where=where, version=str(meta["format"]),
                             supported=str(FORMAT))
        model_class = get(meta["model"])
        if not model_class.capabilities.saveable:
            raise SchemaError(f"meta.json names {meta['model']}, which is not a saved network")
        check(meta, meta_spec(model_class), "meta.json")
    except (ValueError, UnicodeDecodeError) as exc:  # SchemaError is a ValueError
        raise user_error("network.damaged", where=where, error=_reason(exc)) from None
    return meta, model_class


def read_state(source, where: str) -> dict[str, np.ndarray]:
    """The arrays of `state.npz` (a path or a file object), loaded without pickle and checked."""
    try:
        with np.load(source, allow_pickle=False) as archive:
            if not isinstance(archive, np.lib.npyio.NpzFile):
                raise SchemaError("state.npz is not an archive of arrays")
            names = set(archive.files)
            if names != set(STATE_ARRAYS):
                raise SchemaError(f"state.npz holds {sorted(names)}, expected "
                                  f"{sorted(STATE_ARRAYS)}")
            arrays = {name: archive[name] for name in STATE_ARRAYS}
    except (OSError, ValueError, EOFError, zipfile.BadZipFile) as exc:
        raise user_error("network.damaged", where=where, error=_reason(exc)) from None
    problem = _state_problem(arrays)
    if problem:
        raise user_error("network.damaged", where=where, error=f"state.npz {problem}")
    return arrays


def _state_problem(arrays: dict[str, np.ndarray]) -> str | None:
    products = len(arrays["ids"]) if arrays["ids"].ndim == 1 else -1
    for name, (kinds, ndim) in STATE_ARRAYS.items():
        array = arrays[name]
        if array.dtype.kind not in kinds or array.ndim != ndim:
            return f"array '{name}' is {array.dtype} with {array.ndim} dimension(s)"
        if array.shape[0] != products:
            return f"array '{name}' has {array.shape[0]} rows for {products} products"
    if not np.isfinite(arrays["scales"]).all() or (arrays["scales"] <= 0).any():
        return "has product scales that are not positive numbers"
    return None


def check_files(files: dict[str, bytes], where: str) -> None:
    """Check a saved network given as {relative path: bytes} without loading Keras."""
    missing = [name for name in FILES if name not in files]
    if missing:
        raise user_error("network.files_missing", where=where, files=", ".join(missing))
    read_meta(files["meta.json"], where)
    read_state(io.BytesIO(files["state.npz"]), where)
    if not zipfile.is_zipfile(io.BytesIO(files["model.keras"])):
        raise user_error("network.not_keras", where=where)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, SchemaError):
        return str(exc)
    if "pickle" in str(exc):  # numpy's hint to load it unsafely is not advice for our users
        return "state.npz holds pickled data, which Trendcast never loads"
    return f"{type(exc).__name__}: {exc}" if not str(exc) else str(exc)
