"""What each member of a project file must hold, checked before any of it is used.

`core.project` reads a project; this module says what a readable one looks like: the manifest's
fields, the JSON members' fields (from the dataclasses they become, so a field added there is
accepted here without a second list), the columns every table must have, and the settings'
ranges. Every check raises SchemaError (a ValueError) naming the member and the field, which
`core.project` turns into its one "damaged" message.
"""
from __future__ import annotations

from typing import Any

import pandas as pd

from core.data.types import ImportOptions
from core.json_check import AtLeast, ListOf, MapOf, OneOf, Record, SchemaError, check, spec_of
from core.pipeline_types import ForecastSettings
from core.schema import DS, FREQ_ALIASES, ID, Y

KINDS = ("str", "int", "float", "datetime", "bool")
MANIFEST = Record({"format": str, "format_version": AtLeast(1), "source": str,
                   "tables": MapOf(MapOf(OneOf(KINDS))),
                   "models": MapOf(ListOf(str))}, frozenset({"source", "models"}))
RUN_META = Record({"settings": dict, "seconds": float, "notes": ListOf(str),
                   "note_ids": ListOf(str)}, frozenset({"seconds", "notes", "note_ids"}))
SCENARIO_META = Record({"plan": dict, "method": str, "notes": ListOf(str),
                        "note_ids": ListOf(str)}, frozenset({"notes", "note_ids"}))
SCENARIO_LIBRARY = Record({"names": ListOf(str)})
# table -> columns it must have, with their kinds; a float column may hold whole numbers.
REQUIRED_COLUMNS = {
    "data/frame.csv": {ID: "str", DS: "datetime", Y: "float"},
    "run/forecast.csv": {ID: "str", DS: "datetime", "yhat": "float", "model": "str"},
}
# Tables that are never empty in a project we wrote: every product has history and a forecast.
NON_EMPTY = ("data/frame.csv", "run/forecast.csv")
NOT_NULL = {"data/frame.csv": (ID, DS, Y), "run/forecast.csv": (ID, DS)}


def check_manifest(manifest: Any) -> None:
    check(manifest, MANIFEST, "manifest.json")


def import_options(data: Any) -> ImportOptions:
    check(data, spec_of(ImportOptions), "data/import_options.json")
    data = dict(data)
    if "cancelled_statuses" in data:  # JSON has no tuples
        data["cancelled_statuses"] = tuple(data["cancelled_statuses"])
    return ImportOptions(**data)


def settings(data: Any, where: str) -> ForecastSettings:
    check(data, spec_of(ForecastSettings), where)
    data = dict(data)
    for key in ("models", "levels"):
        if key in data:
            data[key] = tuple(data[key])
    out = ForecastSettings(**data)
    problem = _settings_problem(out)
    if problem:
        raise SchemaError(f"{where}: {problem}")
    return out


def _settings_problem(s: ForecastSettings) -> str | None:
    if s.freq not in FREQ_ALIASES:
        return f"freq should be one of {', '.join(FREQ_ALIASES)}, not {s.freq!r}"
    for name, least in (("horizon", 1), ("windows", 0), ("n_jobs", 1)):  # 0 windows: none
        if getattr(s, name) < least:
            return f"{name} should be at least {least}, not {getattr(s, name)}"
    for name in ("season_length", "step"):
        if getattr(s, name) is not None and getattr(s, name) < 1:
            return f"{name} should be at least 1, not {getattr(s, name)}"
    if any(not 0 < level < 100 for level in s.levels):
        return f"levels should be between 1 and 99, not {list(s.levels)}"
    return None


def check_table(name: str, kinds: dict[str, str], frame: pd.DataFrame) -> None:
    """The columns, rows and missing values `name` must have, once read with `kinds`."""
    for column, kind in REQUIRED_COLUMNS.get(name, {}).items():
        declared = kinds.get(column)
        if declared != kind and not (kind == "float" and declared == "int"):
            raise SchemaError(f"{name} lacks the {kind} column {column}")
    if name in NON_EMPTY and frame.empty:
        raise SchemaError(f"{name} has no rows")
    for column in NOT_NULL.get(name, ()):
        missing = frame[column].isna() | frame[column].astype(str).eq("")
        if missing.any():
            raise SchemaError(f"{name} row {int(missing.argmax()) + 2} has no {column}")
