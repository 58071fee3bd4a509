"""Project files: everything the user would be upset to lose, in one zip with a manifest.

    save_project("shop.trendcast", Project(frame=..., run=..., ...))
    project = load_project("shop.trendcast")

Inside: `manifest.json` (format name and version, and the column types of every table), tables as
CSV, settings and options as JSON, the run's trained networks as their own files under `models/`,
the last what-if under `scenario/`.
Nothing in a project is ever executed or unpickled: tables are parsed as text with declared types,
and model files are handed back as bytes (Keras loads them later with `safe_mode`). Saving writes
a temporary file beside the target and renames it, so a crash or kill mid-save leaves the last
good project intact.
"""
from __future__ import annotations

import dataclasses
import io
import json
import os
import zipfile
import zlib
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from core import project_format
from core.atomic_write import atomic_path
from core.data.types import ImportOptions  # noqa: F401  (Project's field type)
from core.error_messages import user_error
from core.errors import TrendcastError
from core.json_check import check
from core.model_files import ModelFiles, check_files, safe_name
from core.overrides import Journal, journal_from_json, journal_to_json
from core.pipeline_types import ForecastRun, ForecastSettings
from core.reorder.saved_inputs import (
    ReorderInputs,
    reorder_inputs_from_json,
    reorder_inputs_to_json,
)
from core.scenario.library import ScenarioLibrary
from core.scenario.whatif import WhatIf

FORMAT = "trendcast-project"
# 2: optional keys an app reading only 1 refuses as unknown (run `note_ids`, choices'
# `fallback_ids`, what-if `note_ids`, import option `cancelled_statuses`); such an app now says
# "made by a newer version" instead. Version 1 projects still open.
FORMAT_VERSION = 2
SUFFIX = ".trendcast"
RUN_TABLES = ("forecast", "candidates", "backtest", "metrics", "metrics_per_product", "choices")
SCENARIOS_MEMBER = "scenarios/library.json"  # named what-ifs (absent when there are none)
OVERRIDES_MEMBER = "overrides/journal.json"  # absent in projects without overrides (and old ones)
REORDER_MEMBER = "reorder/inputs.json"  # the Reorder step's inputs (absent in old projects)
EMBEDDINGS = "text/embeddings.npz"
MAX_UNPACKED_BYTES = 4 * 1024 ** 3  # refuse zip bombs; real projects are far smaller


@dataclass
class Project:
    frame: pd.DataFrame  # the canonical long frame (core.schema)
    source: str = ""  # file name the data was imported from
    options: ImportOptions = field(default_factory=ImportOptions)  # incl. the column mapping
    settings: ForecastSettings | None = None
    run: ForecastRun | None = None  # with its trained networks in `run.networks`
    scenario: WhatIf | None = None  # the last what-if applied to the run
    overrides: Journal = field(default_factory=Journal)  # hand-made changes to the forecast
    scenarios: ScenarioLibrary = field(default_factory=ScenarioLibrary)  # named what-ifs
    embeddings: bytes | None = None  # title vectors (core.text.cache npz), so reopening skips them
    reorder: ReorderInputs | None = None  # the Reorder step's inputs, None: its defaults


# -- saving ---------------------------------------------------------------------------------------
def save_project(path: str | os.PathLike, project: Project, *, progress=None,
                 cancel=None) -> None:
    """Write `project` to `path` atomically. Raises TrendcastError if it cannot be written.
    (`progress` and `cancel` are accepted so it can run in a worker process; a save is never
    cancelled half-way, it is atomic anyway.)"""
    try:
        # Level 1 deflate: a third of the time of the default level for a file 10% larger.
        with atomic_path(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED,
                                                       compresslevel=1) as zf:
            manifest: dict[str, Any] = {"format": FORMAT, "format_version": FORMAT_VERSION,
                                        "source": project.source, "tables": {}}
            _write_table(zf, manifest, "data/frame.csv", project.frame)
            _write_json(zf, "data/import_options.json", dataclasses.asdict(project.options))
            if project.settings is not None:
                _write_json(zf, "settings.json", _settings_to_json(project.settings))
            if project.run is not None:
                run = project.run
                for name in RUN_TABLES:
                    _write_table(zf, manifest, f"run/{name}.csv", getattr(run, name))
                _write_json(zf, "run/run.json", {"settings": _settings_to_json(run.settings),
                                                 "seconds": run.seconds, "notes": run.notes,
                                                 "note_ids": run.note_ids})
            manifest["models"] = {}
            for model, files in (project.run.networks if project.run else {}).items():
                manifest["models"][model] = sorted(files)
                for rel, data in files.items():
                    zf.writestr(_model_member(model, rel), data)
            if project.scenario is not None:
                _write_json(zf, "scenario/meta.json", project.scenario.meta_json())
                _write_table(zf, manifest, "scenario/forecast.csv", project.scenario.forecast)
                _write_table(zf, manifest, "scenario/effects.csv", project.scenario.effects)
            if project.run is not None and project.scenarios:
                _write_scenarios(zf, manifest, project.scenarios)
            if project.overrides:
                _write_json(zf, OVERRIDES_MEMBER, journal_to_json(project.overrides))
            if project.reorder is not None:
                _write_json(zf, REORDER_MEMBER, reorder_inputs_to_json(project.reorder))
            if project.embeddings:
                zf.writestr(EMBEDDINGS, project.embeddings)
            _write_json(zf, "manifest.json", manifest)
    except OSError as exc:
        raise user_error("project.save_failed", path=str(path),
                         error=str(exc.strerror or exc)) from exc


def _write_scenarios(zf: zipfile.ZipFile, manifest: dict, library: ScenarioLibrary) -> None:
    """Named what-ifs: their names in order, each stored as the last what-if is."""
    _write_json(zf, SCENARIOS_MEMBER, {"names": library.names()})
    for i, (_name, result) in enumerate(library.items):
        _write_json(zf, f"scenarios/{i}/meta.json", result.meta_json())
        _write_table(zf, manifest, f"scenarios/{i}/forecast.csv", result.forecast)
        _write_table(zf, manifest, f"scenarios/{i}/effects.csv", result.effects)


def _write_json(zf: zipfile.ZipFile, name: str, value: Any) -> None:
    zf.writestr(name, json.dumps(value, indent=1, ensure_ascii=False, allow_nan=True))


def _write_table(zf: zipfile.ZipFile, manifest: dict, name: str, frame: pd.DataFrame) -> None:
    manifest["tables"][name] = {str(c): _kind(frame[c]) for c in frame.columns}
    out = frame.copy()
    for column, kind in manifest["tables"][name].items():
        if kind == "datetime":  # numpy's formatter is several times faster than strftime
            values = pd.to_datetime(out[column]).to_numpy().astype("datetime64[s]")
            out[column] = np.where(pd.isna(values), "", np.datetime_as_string(values, unit="s"))
    with zf.open(name, "w") as raw, io.TextIOWrapper(raw, encoding="utf-8", newline="") as text:
        out.to_csv(text, index=False)


def _kind(series: pd.Series) -> str:
    if pd.api.types.is_bool_dtype(series):
        return "bool"
    if pd.api.types.is_integer_dtype(series):
        return "int"
    if pd.api.types.is_float_dtype(series):
        return "float"
    if pd.api.types.is_datetime64_any_dtype(series):
        return "datetime"
    return "str"


def _model_member(model: str, rel: str) -> str:
    return f"models/{safe_name(model)}/{safe_name(rel)}"


def _settings_to_json(settings: ForecastSettings) -> dict[str, Any]:
    return dataclasses.asdict(settings)


# -- loading --------------------------------------------------------------------------------------
def load_project(path: str | os.PathLike, *, progress=None, cancel=None) -> Project:
    """Read a project. Damaged, foreign or newer files raise TrendcastError with a clear message.
    (`progress` and `cancel` are accepted so it can run in a worker process.)"""
    name = os.path.basename(os.fspath(path))
    try:
        with zipfile.ZipFile(path) as zf:
            manifest = _read_manifest(zf, name)
            return _read_project(zf, manifest)
    except FileNotFoundError:
        raise user_error("project.missing", name=name) from None
    except TrendcastError:
        raise
    except zipfile.BadZipFile as exc:
        if not _has_manifest(path):
            raise user_error("project.foreign", name=name) from exc
        raise _damaged(name, exc) from exc
    except (OSError, KeyError, ValueError, TypeError, EOFError, RuntimeError, zlib.error,
            json.JSONDecodeError, pd.errors.ParserError) as exc:
        raise _damaged(name, exc) from exc


def _damaged(name: str, exc: BaseException) -> TrendcastError:
    # One line: some library messages go on with several lines of advice for programmers.
    reason = (str(exc).strip().splitlines() or [type(exc).__name__])[0].rstrip(" :.")
    return user_error("project.damaged", name=name, error=reason)


def _has_manifest(path: str | os.PathLike) -> bool:
    """Whether a file that is not a readable zip still looks like one of ours (then: damaged)."""
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
            handle.seek(0)
            rest = handle.read()
            return head == b"PK\x03\x04" and (b"manifest.json" in rest or b"data/frame.csv" in rest)
    except OSError:
        return False


def _read_manifest(zf: zipfile.ZipFile, name: str) -> dict[str, Any]:
    total = sum(info.file_size for info in zf.infolist())
    if total > MAX_UNPACKED_BYTES:
        raise user_error("project.too_large", name=name, size=f"{total / 1024 ** 3:.1f}")
    if "manifest.json" not in zf.namelist():
        if any(n.startswith("run/") or n.startswith("data/frame") for n in zf.namelist()):
            raise _damaged(name, KeyError("manifest.json missing"))
        raise user_error("project.foreign_zip", name=name)
    manifest = json.loads(zf.read("manifest.json"))
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise user_error("project.foreign", name=name)
    version = manifest.get("format_version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _damaged(name, ValueError(
            f"format_version should be a whole number of at least 1, not {version!r}"))
    if version > FORMAT_VERSION:
        raise user_error("project.newer", name=name, version=str(version),
                         supported=str(FORMAT_VERSION))
    project_format.check_manifest(manifest)
    return manifest


def _read_project(zf: zipfile.ZipFile, manifest: dict[str, Any]) -> Project:
    names = set(zf.namelist())
    options = project_format.import_options(json.loads(zf.read("data/import_options.json")))
    settings = (project_format.settings(json.loads(zf.read("settings.json")), "settings.json")
                if "settings.json" in names else None)
    for part, meta in (("run/", "run/run.json"), ("scenario/", "scenario/meta.json")):
        if meta not in names and any(t.startswith(part) for t in manifest["tables"]):
            raise ValueError(f"{meta} is missing")
    run = None
    if "run/run.json" in names:
        meta = json.loads(zf.read("run/run.json"))
        check(meta, project_format.RUN_META, "run/run.json")
        tables = {t: _read_table(zf, manifest, f"run/{t}.csv") for t in RUN_TABLES}
        run = ForecastRun(settings=project_format.settings(meta["settings"],
                                                           "run/run.json settings"),
                          **tables, seconds=float(meta.get("seconds", 0.0)),
                          notes=list(meta.get("notes", [])),
                          note_ids=list(meta.get("note_ids", [])),
                          networks=_read_networks(zf, manifest))
    return Project(frame=_read_table(zf, manifest, "data/frame.csv"),
                   source=str(manifest.get("source", "")), options=options, settings=settings,
                   run=run, scenario=_read_scenario(zf, manifest) if run is not None else None,
                   overrides=_read_overrides(zf),
                   scenarios=_read_scenarios(zf, manifest) if run is not None
                   else ScenarioLibrary(),
                   embeddings=_read_embeddings(zf), reorder=_read_reorder(zf))


def _read_scenarios(zf: zipfile.ZipFile, manifest: dict[str, Any]) -> ScenarioLibrary:
    if SCENARIOS_MEMBER not in zf.namelist():
        return ScenarioLibrary()
    index = json.loads(zf.read(SCENARIOS_MEMBER))
    check(index, project_format.SCENARIO_LIBRARY, SCENARIOS_MEMBER)
    library = ScenarioLibrary()
    for i, name in enumerate(index["names"]):
        meta = json.loads(zf.read(f"scenarios/{i}/meta.json"))
        check(meta, project_format.SCENARIO_META, f"scenarios/{i}/meta.json")
        try:
            result = WhatIf.from_parts(
                meta, _read_table(zf, manifest, f"scenarios/{i}/forecast.csv"),
                _read_table(zf, manifest, f"scenarios/{i}/effects.csv"))
            library = library.save(name, result)
        except TrendcastError as exc:  # a hand-edited plan or name: damage of this part
            raise ValueError(f"its scenario {name!r} is invalid: {exc}") from None
    return library


def _read_overrides(zf: zipfile.ZipFile) -> Journal:
    if OVERRIDES_MEMBER not in zf.namelist():
        return Journal()
    try:
        return journal_from_json(json.loads(zf.read(OVERRIDES_MEMBER)), OVERRIDES_MEMBER)
    except TrendcastError as exc:  # a hand-edited journal: say so as damage of this part
        raise ValueError(f"its overrides are invalid: {exc}") from None


def _read_reorder(zf: zipfile.ZipFile) -> ReorderInputs | None:
    if REORDER_MEMBER not in zf.namelist():
        return None
    try:
        return reorder_inputs_from_json(json.loads(zf.read(REORDER_MEMBER)), REORDER_MEMBER)
    except TrendcastError as exc:  # a hand-edited value: damage of this part
        raise ValueError(f"its reorder inputs are invalid: {exc}") from None


def _read_embeddings(zf: zipfile.ZipFile) -> bytes | None:
    """The title vectors, checked to be plain arrays (never unpickled)."""
    if EMBEDDINGS not in zf.namelist():
        return None
    data = zf.read(EMBEDDINGS)
    from core.text.cache import EmbeddingCache

    try:
        EmbeddingCache.from_bytes(data, EMBEDDINGS)
    except TrendcastError as exc:
        raise ValueError(str(exc).rstrip(".")) from None
    return data


def _read_networks(zf: zipfile.ZipFile, manifest: dict[str, Any]) -> dict[str, ModelFiles]:
    """The trained networks' files, each checked now: a project that opens can be used."""
    networks = {}
    for model, files in manifest.get("models", {}).items():
        networks[model] = {rel: zf.read(_model_member(model, rel)) for rel in files}
        try:
            check_files(networks[model], f"models/{model}")
        except TrendcastError as exc:  # reported as damage of the project, like other members
            raise ValueError(str(exc).rstrip(".")) from None
    return networks


def _read_scenario(zf: zipfile.ZipFile, manifest: dict[str, Any]) -> WhatIf | None:
    if "scenario/meta.json" not in zf.namelist():
        return None
    meta = json.loads(zf.read("scenario/meta.json"))
    check(meta, project_format.SCENARIO_META, "scenario/meta.json")
    try:
        return WhatIf.from_parts(meta, _read_table(zf, manifest, "scenario/forecast.csv"),
                                 _read_table(zf, manifest, "scenario/effects.csv"))
    except TrendcastError as exc:  # a hand-edited plan: say so as damage of this part
        raise ValueError(f"its what-if plan is invalid: {exc}") from None


def _read_table(zf: zipfile.ZipFile, manifest: dict[str, Any], name: str) -> pd.DataFrame:
    kinds: dict[str, str] = manifest["tables"][name]
    if not kinds:  # a table without columns (e.g. no backtest) is written as an empty line
        project_format.check_table(name, kinds, pd.DataFrame())
        return pd.DataFrame()
    text_cols = [c for c, k in kinds.items() if k in ("str", "datetime", "bool")]
    with zf.open(name) as raw:
        frame = pd.read_csv(raw, dtype={c: str for c in text_cols}, keep_default_na=False,
                            na_values={c: [""] for c, k in kinds.items() if k not in ("str",)},
                            )
    if list(frame.columns) != list(kinds):
        raise ValueError(f"{name} has columns {list(frame.columns)}, expected {list(kinds)}")
    for column, kind in kinds.items():
        if kind == "datetime":
            frame[column] = pd.to_datetime(frame[column], format="ISO8601")
        elif kind == "bool":
            known = frame[column].isin(["True", "False"]) | frame[column].isna()
            if not known.all():
                raise ValueError(f"{name}: column {column} should hold True or False")
            frame[column] = frame[column].map({"True": True, "False": False})
        elif kind == "float":
            frame[column] = frame[column].astype(float)
        elif kind == "int" and frame[column].dtype.kind != "i":
            raise ValueError(f"{name}: column {column} should hold whole numbers")
    project_format.check_table(name, kinds, frame)
    return frame

