"""Crafted and mutated project files: each one opens, or fails with the project's one clear error.

Starts from a real saved project with a real trained network (fixtures/shop_tcn.trendcast) and
mutates one member: a JSON field (replaced, removed, added), a CSV (cells, columns, rows), a
network's state.npz (arrays replaced, pickled, removed) or the raw bytes of any member.
"""
from __future__ import annotations

import io
import json
import zipfile

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.errors import TrendcastError
from core.model_files import check_files
from core.project import load_project
from tests.core.test_project import SHOP_TCN

with zipfile.ZipFile(SHOP_TCN) as _zf:
    MEMBERS = {name: _zf.read(name) for name in _zf.namelist()}
JSON_MEMBERS = sorted(n for n in MEMBERS if n.endswith(".json"))
CSV_MEMBERS = sorted(n for n in MEMBERS if n.endswith(".csv"))
NPZ = "models/tcn/state.npz"

JSON_VALUES = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(-3, 3), st.floats(allow_nan=True),
              st.sampled_from(["", "x", "D", "W", "str", "float", "datetime", "tcn", "auto"])),
    lambda inner: st.one_of(st.lists(inner, max_size=3),
                            st.dictionaries(st.sampled_from(["a", "model", "format"]), inner,
                                            max_size=2)),
    max_leaves=4)
CELLS = st.sampled_from(["", "nan", "abc", "-1", "1e309", "True", "2020-13-45", "=1+1", "\x00",
                         '"', "1,5", "2012-01-01T00:00:00"])


def _paths(value, prefix=()):
    """Every path to a value inside decoded JSON."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _paths(item, (*prefix, i))


@st.composite
def json_mutation(draw):
    name = draw(st.sampled_from(JSON_MEMBERS))
    data = json.loads(MEMBERS[name])
    paths = [p for p in _paths(data) if p]
    path = draw(st.sampled_from(paths))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    action = draw(st.sampled_from(["replace", "delete", "add"]))
    if action == "replace":
        parent[path[-1]] = draw(JSON_VALUES)
    elif action == "delete":
        del parent[path[-1]]
    elif isinstance(parent, dict):
        parent["unexpected"] = draw(JSON_VALUES)
    else:
        parent.append(draw(JSON_VALUES))
    return name, json.dumps(data).encode()


@st.composite
def csv_mutation(draw):
    name = draw(st.sampled_from(CSV_MEMBERS))
    lines = MEMBERS[name].decode().splitlines()
    action = draw(st.sampled_from(["cell", "header_only", "drop_column", "drop_rows", "empty"]))
    if action == "header_only" or len(lines) < 2:
        lines = lines[:1]
    elif action == "empty":
        lines = []
    elif action == "drop_rows":
        lines = lines[:draw(st.integers(1, len(lines) - 1))]
    else:
        row = draw(st.integers(0 if action == "drop_column" else 1, len(lines) - 1))
        rows = [line.split(",") for line in lines]
        col = draw(st.integers(0, len(rows[0]) - 1))
        if action == "drop_column":
            rows = [r[:col] + r[col + 1:] for r in rows]
        elif col < len(rows[row]):
            rows[row][col] = draw(CELLS)
        lines = [",".join(r) for r in rows]
    return name, ("\n".join(lines) + "\n").encode()


@st.composite
def npz_mutation(draw):
    with np.load(io.BytesIO(MEMBERS[NPZ])) as archive:
        arrays = {k: archive[k] for k in archive.files}
    key = draw(st.sampled_from(sorted(arrays)))
    action = draw(st.sampled_from(["pickled", "text", "shape", "dtype", "delete", "nan"]))
    if action == "pickled":
        arrays[key] = np.array([{"evil": 1}, None], dtype=object)
    elif action == "text":
        arrays[key] = np.array(["x"] * len(arrays[key]))
    elif action == "shape":
        arrays[key] = arrays[key][:draw(st.integers(0, max(len(arrays[key]) - 1, 0)))]
    elif action == "dtype":
        arrays[key] = np.zeros(arrays[key].shape, dtype=draw(st.sampled_from(
            ["f8", "i8", "U3", "M8[ns]", "c16", "?"])))
    elif action == "delete":
        del arrays[key]
    else:
        arrays[key] = np.full(arrays[key].shape, np.nan)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    return NPZ, buffer.getvalue()


@st.composite
def byte_mutation(draw):
    name = draw(st.sampled_from(sorted(MEMBERS)))
    data = MEMBERS[name]
    action = draw(st.sampled_from(["delete", "truncate", "garbage"]))
    if action == "delete":
        return name, None
    if action == "truncate":
        return name, data[:draw(st.integers(0, max(len(data) - 1, 0)))]
    return name, draw(st.binary(max_size=64))


def _write(path, name, data) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for member, original in MEMBERS.items():
            if member != name:
                zf.writestr(member, original)
            elif data is not None:
                zf.writestr(member, data)


@settings(max_examples=400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(mutation=st.one_of(json_mutation(), csv_mutation(), npz_mutation(), byte_mutation()))
def test_a_mutated_project_opens_or_says_it_is_damaged(tmp_path, mutation):
    name, data = mutation
    path = tmp_path / "shop.trendcast"
    _write(path, name, data)
    try:
        project = load_project(path)
    except TrendcastError as exc:
        text = str(exc)
        assert "\n" not in text and "Traceback" not in text
        assert "damaged" in text or "not a Trendcast project" in text or "newer" in text, text
        return
    # It opened: everything in it is usable, the networks included.
    assert project.frame[["unique_id", "ds", "y"]].notna().all().all()
    if project.run is not None:
        assert len(project.run.forecast) > 0
    for model, files in (project.run.networks if project.run else {}).items():
        check_files(files, model)


@pytest.mark.parametrize("name, change, expected", [
    ("manifest.json", lambda m: m.update(models=[]), "manifest.json.models should be an object"),
    ("manifest.json", lambda m: m["tables"].update({"run/forecast.csv": ["a"]}),
     "should be an object"),
    ("manifest.json", lambda m: m["tables"].update({"run/forecast.csv": "x"}),
     "should be an object"),
    ("manifest.json", lambda m: m["tables"].update({"run/forecast.csv": None}),
     "should be an object"),
    ("manifest.json", lambda m: m.update(format_version=True), "format_version should be"),
    ("manifest.json", lambda m: m.update(format_version=-1), "format_version should be"),
    ("models/tcn/meta.json", lambda m: m.update(extra=1), "unknown field(s) extra"),
    ("models/tcn/meta.json", lambda m: m.pop("freq"), "lacks the field(s) freq"),
    ("models/tcn/meta.json", lambda m: m.update(season="seven"), "meta.json.season should be"),
])
def test_each_reported_crafted_json_gets_the_damaged_message(tmp_path, name, change, expected):
    data = json.loads(MEMBERS[name])
    change(data)
    path = tmp_path / "shop.trendcast"
    _write(path, name, json.dumps(data).encode())
    with pytest.raises(TrendcastError, match="damaged") as info:
        load_project(path)
    assert expected in str(info.value)


@pytest.mark.parametrize("name, data, expected", [
    ("run/forecast.csv", MEMBERS["run/forecast.csv"].split(b"\n")[0] + b"\n",
     "run/forecast.csv has no rows"),
    (NPZ, b"garbage", "never loads"),
])
def test_each_reported_crafted_member_gets_the_damaged_message(tmp_path, name, data, expected):
    path = tmp_path / "shop.trendcast"
    _write(path, name, data)
    with pytest.raises(TrendcastError, match="damaged") as info:
        load_project(path)
    assert expected in str(info.value)


def test_a_pickled_state_array_is_refused_without_unpickling(tmp_path):
    with np.load(io.BytesIO(MEMBERS[NPZ])) as archive:
        arrays = {k: archive[k] for k in archive.files}
    arrays["scales"] = np.array([{"a": 1}], dtype=object)
    buffer = io.BytesIO()
    np.savez(buffer, **arrays)
    path = tmp_path / "shop.trendcast"
    _write(path, NPZ, buffer.getvalue())
    with pytest.raises(TrendcastError, match="pickled data, which Trendcast never loads"):
        load_project(path)


def test_the_real_project_opens():
    project = load_project(SHOP_TCN)
    assert set(project.run.networks) == {"tcn"}


def test_the_command_line_reports_a_crafted_project_in_one_line(tmp_path):
    import subprocess
    import sys

    from tests.core.test_project import ROOT

    path = tmp_path / "shop.trendcast"
    _write(path, "manifest.json",
           json.dumps({**json.loads(MEMBERS["manifest.json"]), "format_version": True}).encode())
    proc = subprocess.run([sys.executable, "main.py", "whatif", str(path), "--price", "-10",
                           "-o", str(tmp_path / "out.csv")], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == [
        "error: The project shop.trendcast is damaged and cannot be opened (format_version "
        "should be a whole number of at least 1, not True). Open an earlier copy, or import the "
        "sales file again."]
    assert not (tmp_path / "out.csv").exists()
