"""Project files: round trip, atomic saves under kill, damaged and foreign files."""
from __future__ import annotations

import dataclasses
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

from core.data.types import ImportOptions
from core.errors import TrendcastError
from core.project import FORMAT_VERSION, Project, load_project, save_project
from tests.fixtures.runs import shared_run

ROOT = Path(__file__).resolve().parents[2]
# A real project with a real tiny TCN (written by fixtures/make_shop_tcn.py).
SHOP_TCN = ROOT / "tests" / "core" / "fixtures" / "shop_tcn.trendcast"


def network_files() -> dict[str, bytes]:
    """The saved files of a real trained network."""
    with zipfile.ZipFile(SHOP_TCN) as zf:
        return {name.removeprefix("models/tcn/"): zf.read(name) for name in zf.namelist()
                if name.startswith("models/tcn/")}


def _project() -> Project:
    run, history = shared_run()
    run = dataclasses.replace(run, networks={"tcn": network_files()})
    return Project(frame=history, source="orders.csv",
                   options=ImportOptions(freq="W", roles={"date": "InvoiceDate",
                                                          "product": "StockCode"},
                                         dayfirst=False, delimiter=","),
                   settings=run.settings, run=run,
                   scenario=_what_if(run, history))


def _what_if(run, history):
    from core.scenario import PriceChange, Scenario, what_if

    first = run.forecast.ds.min()
    plan = Scenario((PriceChange(-10, start=first, end=first + pd.Timedelta(weeks=2)),
                     PriceChange(5, products=("21876",), promo=True)),
                    method="elasticity", name="Weihnachten 圣诞")
    return what_if(run, history, plan)


def assert_projects_equal(a: Project, b: Project) -> None:
    pd.testing.assert_frame_equal(a.frame, b.frame, check_dtype=False)
    assert a.frame[["unique_id", "title"]].map(type).eq(str).all().all()
    assert (a.source, a.options, a.settings) == (b.source, b.options, b.settings)
    if a.scenario is None or b.scenario is None:
        assert a.scenario is b.scenario is None
    else:
        assert a.scenario.meta_json() == b.scenario.meta_json()
        for name in ("forecast", "effects"):
            pd.testing.assert_frame_equal(getattr(a.scenario, name), getattr(b.scenario, name),
                                          check_dtype=False, obj=f"scenario {name}")
    for name in ("forecast", "candidates", "backtest", "metrics", "metrics_per_product",
                 "choices"):
        pd.testing.assert_frame_equal(getattr(a.run, name), getattr(b.run, name),
                                      check_dtype=False, obj=name)
    assert (a.run.settings, a.run.seconds, a.run.notes, a.run.networks) == \
        (b.run.settings, b.run.seconds, b.run.notes, b.run.networks)


def test_save_and_reopen_gives_the_same_project(tmp_path):
    original = _project()
    path = tmp_path / "shop.trendcast"
    save_project(path, original)
    back = load_project(path)
    assert_projects_equal(back, original)
    assert back.frame["ds"].dtype.kind == "M" and back.run.forecast["ds"].dtype.kind == "M"
    assert back.frame["y"].dtype.kind == "f"
    assert isinstance(back.settings.models, tuple)


def test_project_without_a_run_round_trips(tmp_path):
    run, history = shared_run()
    save_project(tmp_path / "p.trendcast", Project(frame=history))
    back = load_project(tmp_path / "p.trendcast")
    assert back.run is None and back.settings is None
    pd.testing.assert_frame_equal(back.frame, history, check_dtype=False)


def test_run_with_empty_tables_round_trips(tmp_path):
    """A run without backtests has tables with no columns at all; they reopen empty."""
    import dataclasses

    run, history = shared_run()
    bare = dataclasses.replace(run, backtest=pd.DataFrame(), metrics=pd.DataFrame())
    save_project(tmp_path / "p.trendcast", Project(frame=history, run=bare))
    back = load_project(tmp_path / "p.trendcast")
    assert back.run.backtest.empty and back.run.metrics.empty
    pd.testing.assert_frame_equal(back.run.forecast, run.forecast, check_dtype=False)


def test_project_holds_only_text_tables_json_and_model_files(tmp_path):
    path = tmp_path / "shop.trendcast"
    save_project(path, _project())
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    assert manifest["format_version"] == FORMAT_VERSION
    for name in names:
        assert name.endswith((".csv", ".json")) or name.startswith("models/"), name
    assert "models/tcn/model.keras" in names


def test_kill_during_save_leaves_the_last_good_project(tmp_path):
    path = tmp_path / "shop.trendcast"
    good = _project()
    save_project(path, good)
    # A child saves a much larger project over the same file; kill it once its temp file exists.
    code = (
        "import sys, numpy as np, pandas as pd\n"
        "from core.project import Project, save_project\n"
        "n = 3_000_000\n"
        "frame = pd.DataFrame({'unique_id': np.arange(n).astype(str), "
        "'ds': pd.Timestamp('2020-01-01'), 'y': np.random.default_rng(0).random(n)})\n"
        "print('saving', flush=True)\n"
        "save_project(sys.argv[1], Project(frame=frame))\n"
        "print('done', flush=True)\n")
    child = subprocess.Popen([sys.executable, "-c", code, str(path)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "saving"
        deadline = time.monotonic() + 60
        while not list(tmp_path.glob(".shop.trendcast.*.tmp")):
            assert child.poll() is None, "the save finished before it could be killed"
            assert time.monotonic() < deadline
            time.sleep(0.005)
        time.sleep(0.2)  # well inside writing the zip
        assert child.poll() is None, "the save finished before it could be killed"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
    assert child.returncode == -signal.SIGKILL
    assert_projects_equal(load_project(path), good)
    # The killed save could not remove its temporary file; the next save of the file does.
    assert len(list(tmp_path.glob(".shop.trendcast.*.tmp"))) == 1
    save_project(path, good)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["shop.trendcast"]


def test_a_failed_save_keeps_the_previous_project(tmp_path, monkeypatch):
    import core.project

    path = tmp_path / "shop.trendcast"
    good = _project()
    save_project(path, good)
    written = []

    def disk_full_after_two_tables(zf, manifest, name, frame):
        if len(written) == 2:
            raise OSError(28, "No space left on device")
        written.append(name)
        real(zf, manifest, name, frame)

    real = core.project._write_table
    monkeypatch.setattr(core.project, "_write_table", disk_full_after_two_tables)
    with pytest.raises(TrendcastError, match="No space left"):
        save_project(path, _project())
    monkeypatch.undo()
    assert_projects_equal(load_project(path), good)
    assert [p.name for p in tmp_path.iterdir()] == ["shop.trendcast"]


def _rewrite(src: Path, dst: Path, change) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = change(info.filename, zin.read(info.filename))
            if data is not None:
                zout.writestr(info.filename, data)


@pytest.fixture
def saved(tmp_path) -> Path:
    path = tmp_path / "shop.trendcast"
    save_project(path, _project())
    return path


def test_truncated_project_is_reported_as_damaged(saved, tmp_path):
    data = saved.read_bytes()
    cut = tmp_path / "cut.trendcast"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(TrendcastError, match="damaged"):
        load_project(cut)


def test_flipped_bytes_are_reported_as_damaged(saved, tmp_path):
    data = bytearray(saved.read_bytes())
    with zipfile.ZipFile(saved) as zf:
        info = zf.getinfo("data/frame.csv")
    middle = info.header_offset + 100 + info.compress_size // 2
    data[middle:middle + 16] = bytes(16)
    bad = tmp_path / "bad.trendcast"
    bad.write_bytes(bytes(data))
    with pytest.raises(TrendcastError, match="damaged"):
        load_project(bad)


def test_table_with_wrong_columns_is_reported_as_damaged(saved, tmp_path):
    bad = tmp_path / "bad.trendcast"
    _rewrite(saved, bad, lambda n, d: b"a,b\n1,2\n" if n == "run/choices.csv" else d)
    with pytest.raises(TrendcastError, match="damaged"):
        load_project(bad)


@pytest.mark.parametrize("content", [b"unique_id,ds,y\n1,2020-01-01,3\n", b"hello",
                                     b"\x89PNG\r\n\x1a\n\x00\x00"])
def test_foreign_files_are_not_projects(tmp_path, content):
    path = tmp_path / "sales.trendcast"
    path.write_bytes(content)
    with pytest.raises(TrendcastError, match="not a Trendcast project"):
        load_project(path)


def test_foreign_zip_is_not_a_project(tmp_path):
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("manifest.json", json.dumps({"format": "something-else"}))
    with pytest.raises(TrendcastError, match="not a Trendcast project"):
        load_project(path)


def test_newer_format_asks_to_update(saved, tmp_path):
    newer = tmp_path / "newer.trendcast"

    def bump(name, data):
        if name != "manifest.json":
            return data
        manifest = json.loads(data)
        manifest["format_version"] = FORMAT_VERSION + 1
        return json.dumps(manifest)

    _rewrite(saved, newer, bump)
    with pytest.raises(TrendcastError, match="newer version"):
        load_project(newer)


def test_a_version_1_project_still_opens(saved, tmp_path):
    older = tmp_path / "older.trendcast"

    def as_version_1(name, data):
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest["format_version"] = 1
            return json.dumps(manifest)
        if name == "run/run.json":
            meta = json.loads(data)
            meta.pop("note_ids", None)
            return json.dumps(meta)
        if name == "data/import_options.json":
            options = json.loads(data)
            options.pop("cancelled_statuses", None)
            return json.dumps(options)
        return data

    _rewrite(saved, older, as_version_1)
    assert FORMAT_VERSION == 2
    project = load_project(older)
    assert project.options.cancelled_statuses == ()
    pd.testing.assert_frame_equal(project.frame, load_project(saved).frame)


def test_missing_file_is_reported(tmp_path):
    with pytest.raises(TrendcastError, match="does not exist"):
        load_project(tmp_path / "nope.trendcast")


def test_model_file_names_cannot_escape_the_models_folder(tmp_path):
    project = _project()
    project.run.networks = {"lstm": {"../../evil.py": b"print('x')"}}
    with pytest.raises(TrendcastError, match="Unsafe"):
        save_project(tmp_path / "p.trendcast", project)


@pytest.mark.parametrize("fraction", [0.02, 0.1, 0.3, 0.5, 0.7, 0.9, 0.97, 0.995])
def test_damage_anywhere_gives_a_clear_error_never_a_crash(saved, tmp_path, fraction):
    data = bytearray(saved.read_bytes())
    at = int(len(data) * fraction)
    data[at:at + 8] = b"\xff" * 8
    bad = tmp_path / "bad.trendcast"
    bad.write_bytes(bytes(data))
    try:
        load_project(bad)
    except TrendcastError as exc:
        assert "damaged" in str(exc) or "not a Trendcast project" in str(exc)
    # Bytes that only hit padding or a file's unused tail may load; that is fine too.


def test_trained_model_folders_round_trip_as_bytes(tmp_path):
    from core.model_files import read_dir as read_model_dir
    from core.model_files import write_dir as write_model_dir

    saved = write_model_dir(network_files(), tmp_path / "tcn")
    (saved / "assets").mkdir(parents=True)
    (saved / "assets" / "scaler.json").write_text("{}")
    project = _project()
    project.run.networks = {"tcn": read_model_dir(saved)}
    save_project(tmp_path / "p.trendcast", project)
    back = load_project(tmp_path / "p.trendcast").run.networks["tcn"]
    restored = write_model_dir(back, tmp_path / "restored" / "tcn")
    assert sorted(p.relative_to(restored).as_posix() for p in restored.rglob("*") if p.is_file()) \
        == ["assets/scaler.json", "meta.json", "model.keras", "state.npz"]
    assert (restored / "model.keras").read_bytes() == (saved / "model.keras").read_bytes()
    with pytest.raises(TrendcastError, match="Unsafe"):
        write_model_dir({"../escape.txt": b"x"}, tmp_path / "restored2")
    assert not (tmp_path / "escape.txt").exists()


def test_a_run_without_backtest_windows_round_trips(tmp_path):
    project = _project()
    project.settings = dataclasses.replace(project.settings, windows=0)
    project.run = dataclasses.replace(project.run, settings=project.settings)
    save_project(tmp_path / "p.trendcast", project)
    assert load_project(tmp_path / "p.trendcast").run.settings.windows == 0
