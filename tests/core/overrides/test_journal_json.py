"""Journals as JSON (project member and CLI file): round trip, schema checks, projects."""
from __future__ import annotations

import json
import zipfile

import pytest

from core.errors import TrendcastError
from core.overrides import (
    Journal,
    Override,
    journal_from_json,
    journal_to_json,
    read_journal,
    write_journal,
)
from core.project import Project, load_project, save_project
from tests.fixtures.runs import shared_run


def journal() -> Journal:
    return Journal((Override("A", "percent", 20, start="2012-01-08", comment="Ostern 复活节",
                             when="2026-12-05T09:59:00Z"),
                    Override("B", "absolute", 0, periods=("2012-01-15", "2012-01-01"),
                             comment="discontinued", when="2026-12-05T10:00:00Z")))


def test_round_trip_keeps_every_field():
    again = journal_from_json(json.loads(json.dumps(journal_to_json(journal()))))
    assert again == journal()
    assert [f"{p:%Y-%m-%d}" for p in again.overrides[1].periods] == ["2012-01-01", "2012-01-15"]


def test_file_round_trip_and_messages(tmp_path):
    path = tmp_path / "journal.json"
    write_journal(path, journal())
    assert read_journal(path) == journal()
    data = json.loads(path.read_text())
    data["overrides"][1]["value"] = "zero"
    path.write_text(json.dumps(data))
    with pytest.raises(TrendcastError, match=r"journal.json.overrides\[1\].value should be a "
                                             r"number, not 'zero'"):
        read_journal(path)
    data["overrides"][1]["value"] = -4
    path.write_text(json.dumps(data))
    with pytest.raises(TrendcastError, match="journal.json, entry 2: Override value"):
        read_journal(path)
    path.write_text("{not json")
    with pytest.raises(TrendcastError, match="not valid JSON .line 1, column 2"):
        read_journal(path)
    with pytest.raises(TrendcastError, match="does not exist"):
        read_journal(tmp_path / "missing.json")


def test_newer_format_and_unknown_fields_are_refused():
    data = journal_to_json(journal())
    with pytest.raises(TrendcastError, match="newer version"):
        journal_from_json({**data, "format_version": 2})
    data["overrides"][0]["colour"] = "red"
    with pytest.raises(ValueError, match=r"overrides\[0\] has unknown field\(s\) colour"):
        journal_from_json(data)


def _project(overrides: Journal) -> Project:
    run, history = shared_run()
    return Project(frame=history, settings=run.settings, run=run, overrides=overrides)


def test_project_keeps_the_journal(tmp_path):
    path = tmp_path / "shop.trendcast"
    save_project(path, _project(journal()))
    assert load_project(path).overrides == journal()


def test_project_without_overrides_has_no_member_and_loads_empty(tmp_path):
    path = tmp_path / "shop.trendcast"
    save_project(path, _project(Journal()))
    with zipfile.ZipFile(path) as zf:
        assert not any(n.startswith("overrides/") for n in zf.namelist())
    assert load_project(path).overrides == Journal()


def test_damaged_journal_in_a_project_is_reported_as_damage(tmp_path):
    path = tmp_path / "shop.trendcast"
    save_project(path, _project(journal()))
    bad = tmp_path / "bad.trendcast"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "overrides/journal.json":
                payload = json.loads(data)
                payload["overrides"][0]["kind"] = "triple"
                data = json.dumps(payload).encode()
            dst.writestr(item, data)
    with pytest.raises(TrendcastError, match=r"bad.trendcast is damaged .*kind should be one of"):
        load_project(bad)


def test_a_project_written_before_overrides_existed_still_loads():
    from pathlib import Path

    old = Path(__file__).resolve().parents[1] / "fixtures" / "shop_tcn.trendcast"
    with zipfile.ZipFile(old) as zf:
        assert not any(n.startswith(("overrides/", "scenarios/")) for n in zf.namelist())
    project = load_project(old)
    assert project.overrides == Journal() and not project.scenarios
    assert project.run is not None
