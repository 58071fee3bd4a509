"""Errors travel as template id + fields beside their English text (issue #13)."""
from __future__ import annotations

import pickle
import string

import pytest

from core.data.error_texts import ERRORS, mix_field, problem
from core.data.importer import load
from core.error_messages import MESSAGES, user_error
from core.errors import InputError, TrendcastError
from core.project import load_project

pytestmark = pytest.mark.timeout(60)


def _names(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def test_every_import_error_and_its_hint_format_from_the_same_fields():
    for key in (k for k in ERRORS if not k.endswith(".hint")):
        names = _names(ERRORS[key]) | _names(ERRORS.get(f"{key}.hint", ""))
        fields = {name: "days:1" if name == "mix" else "x" for name in names}
        found = problem("f.csv", key, **fields)
        assert found.key == key and "{" not in found.message + found.hint, key


def test_a_stopping_import_error_carries_its_id_and_fields(tmp_path):
    path = tmp_path / "sales.pdf"
    path.write_bytes(b"%PDF-1.4 not a table")
    with pytest.raises(InputError) as caught:
        load(path)
    problem = caught.value.problems[0]
    assert (problem.key, problem.hint_key) == ("error.pdf", "error.pdf.hint")
    assert str(caught.value).endswith("This is a PDF document, not a table. Export the sales "
                                      "as CSV or Excel from your shop system.")


def test_bad_cells_name_the_value_as_a_field(tmp_path):
    path = tmp_path / "sales.csv"
    path.write_text("date,product,qty\n2024-01-01,a,1\nsoon,a,2\n2024-01-03,a,3\n")
    with pytest.raises(InputError) as caught:
        load(path)
    problem = caught.value.problems[0]
    assert problem.key == "error.not_date" and dict(problem.fields) == {"value": "soon"}
    assert problem.message == "'soon' is not a date." and problem.row == 3


def test_mixed_spacing_is_data_and_worded_in_english_for_the_cli(tmp_path):
    path = tmp_path / "sales.csv"
    days = ["2024-01-01", "2024-01-02", "2024-01-03", "2024-01-04", "2024-01-11", "2024-01-18",
            "2024-01-25", "2024-02-01"]
    path.write_text("date,product,qty\n" + "".join(f"{d},a,{i + 1}\n" for i, d in
                                                   enumerate(days)))
    with pytest.raises(InputError) as caught:
        load(path)
    problem = caught.value.problems[0]
    assert problem.key == "error.mixed"
    assert dict(problem.fields)["mix"] == mix_field({"weeks": 4, "days": 3})
    assert "weeks (4 steps) and days (3 steps)" in problem.message


def test_user_error_keeps_english_and_survives_a_process_boundary():
    error = user_error("project.newer", name="shop.tcproj", version="9", supported="4")
    assert str(error) == ("shop.tcproj was saved by a newer version of Trendcast (project "
                          "format 9; this version reads up to 4). Please update Trendcast to "
                          "open it.")
    copy = pickle.loads(pickle.dumps(error))
    assert isinstance(copy, TrendcastError)
    assert (copy.key, dict(copy.fields)) == ("project.newer", {"name": "shop.tcproj",
                                                               "version": "9", "supported": "4"})


def test_every_message_formats_with_its_own_fields():
    for key, template in MESSAGES.items():
        fields = {name: "x" for name in _names(template)}
        assert user_error(key, **fields).key == key


def test_an_engine_error_from_core_has_its_id(tmp_path):
    with pytest.raises(TrendcastError) as caught:
        load_project(tmp_path / "gone.tcproj")
    assert caught.value.key == "project.missing"
    assert dict(caught.value.fields) == {"name": "gone.tcproj"}
