"""Model-choice reasons travel as template ids + fields through the run and the project file
(issue #13): the GUI renders them without reading the English back."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from core.message_parts import decode, encode, english
from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.project import Project, load_project, save_project

pytestmark = pytest.mark.timeout(300)
FIXTURE = Path(__file__).parent / "fixtures" / "retail_weekly_40.csv"


def test_clauses_round_trip_and_bad_ids_give_none():
    clauses = [("reason.pooled_alone", {"products": "12", "pool": "smooth", "best": "0.83"}),
               ("reason.settings", {})]
    assert decode(encode(clauses)) == clauses
    assert english(clauses) == ("lowest MASE in backtest over 12 smooth products (0.83); "
                                "chosen in the settings")
    assert decode("") is None and decode(float("nan")) is None and decode("{not json") is None
    assert decode('[["no.such.id", {}], ["reason.settings", {}]]') == [("reason.settings", {})]


@pytest.fixture(scope="module")
def result():
    frame = pd.read_csv(FIXTURE, dtype={"unique_id": str}, parse_dates=["ds"])
    return run(frame, ForecastSettings(horizon=4, freq="W", windows=2, n_jobs=1)), frame


def test_every_reason_of_a_real_run_has_its_ids(result):
    choices = result[0].choices
    assert len(choices) and choices["reason_ids"].map(bool).all()
    for text, ids in zip(choices["reason"], choices["reason_ids"], strict=True):
        clauses = decode(ids)
        assert clauses and english(clauses) == text
    keys = {key for ids in choices["reason_ids"] for key, _ in decode(ids)}
    assert keys & {"reason.pooled", "reason.pooled_alone", "reason.single",
                   "reason.too_little_history"}


def test_the_ids_are_saved_in_the_project_and_old_projects_still_load(result, tmp_path):
    forecast, frame = result
    save_project(tmp_path / "new.tcproj", Project(frame, run=forecast))
    loaded = load_project(tmp_path / "new.tcproj").run.choices
    assert loaded["reason_ids"].tolist() == forecast.choices["reason_ids"].tolist()
    old = forecast.__class__(**{**forecast.__dict__,
                                "choices": forecast.choices.drop(columns="reason_ids")})
    save_project(tmp_path / "old.tcproj", Project(frame, run=old))
    assert "reason_ids" not in load_project(tmp_path / "old.tcproj").run.choices
