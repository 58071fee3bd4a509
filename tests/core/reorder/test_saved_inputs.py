"""The Reorder step's inputs in a project: saved as checked JSON, restored, old projects load."""
from __future__ import annotations

import json
import zipfile

import pandas as pd
import pytest

from core.errors import TrendcastError
from core.project import REORDER_MEMBER, Project, load_project, save_project
from core.reorder.saved_inputs import (
    ReorderInputs,
    reorder_inputs_from_json,
    reorder_inputs_to_json,
)

INPUTS = ReorderInputs(stock_path="/shop/stock.csv", from_sales=False,
                       edits=(("P1", "on_hand", 12.0), ("P2", "lead_time_days", 30.0)),
                       lead_time_days=21.0, review_days=14.0, service_level=0.9,
                       service_by_abc={"A": 0.97, "B": 0.95, "C": 0.9}, service_measure="fill",
                       lead_time_by_supplier={"Acme": 35.0, "Kent Paper Co": 10.0})


def _frame():
    return pd.DataFrame({"unique_id": ["P1", "P1"], "ds": pd.to_datetime(["2024-01-01",
                                                                          "2024-01-08"]),
                         "y": [1.0, 2.0]})


def test_round_trip_through_a_project(tmp_path):
    path = tmp_path / "shop.trendcast"
    save_project(path, Project(frame=_frame(), reorder=INPUTS))
    back = load_project(path).reorder
    assert back == INPUTS
    assert back.settings().service_measure == "fill"
    assert back.settings().lead_time_by_supplier == {"Acme": 35.0, "Kent Paper Co": 10.0}
    with zipfile.ZipFile(path) as zf:  # plain JSON, readable by people
        assert json.loads(zf.read(REORDER_MEMBER))["edits"][0] == {
            "product": "P1", "column": "on_hand", "value": 12.0}


def test_old_projects_have_no_reorder_inputs(tmp_path):
    path = tmp_path / "old.trendcast"
    save_project(path, Project(frame=_frame()))
    with zipfile.ZipFile(path) as zf:
        assert REORDER_MEMBER not in zf.namelist()
    assert load_project(path).reorder is None


def _tampered(tmp_path, change):
    path = tmp_path / "shop.trendcast"
    save_project(path, Project(frame=_frame(), reorder=INPUTS))
    data = reorder_inputs_to_json(INPUTS)
    change(data)
    bad = tmp_path / "bad.trendcast"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            body = src.read(item.filename)
            dst.writestr(item, json.dumps(data) if item.filename == REORDER_MEMBER else body)
    return bad


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: d.update(service_level=1.5), "service level must be between 0 and 1"),
    (lambda d: d.update(service_measure="units"), "service_measure"),
    (lambda d: d["edits"].append({"product": "P3", "column": "on_hand", "value": -4}),
     "on_hand typed for product P3 cannot be negative"),
    (lambda d: d.update(lead_time_days="soon"), "lead_time_days"),
    (lambda d: d.update(code="import os"), "unknown field"),
])
def test_a_damaged_member_names_the_field(tmp_path, change, message):
    with pytest.raises(TrendcastError, match="reorder") as caught:
        load_project(_tampered(tmp_path, change))
    assert message in str(caught.value)


def test_newer_format_is_refused():
    data = reorder_inputs_to_json(INPUTS) | {"format_version": 9}
    with pytest.raises(TrendcastError, match="newer version"):
        reorder_inputs_from_json(data)
