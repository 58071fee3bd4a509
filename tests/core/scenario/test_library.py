"""Named what-if scenarios: save / rename / delete, compare two, keep them in projects."""
from __future__ import annotations

import json
import zipfile

import numpy as np
import pandas as pd
import pytest

from core.errors import TrendcastError
from core.project import Project, load_project, save_project
from core.scenario import PriceChange, Scenario, what_if
from core.scenario.library import ScenarioLibrary, compare, compare_totals
from tests.fixtures.runs import shared_run


def _result(percent: float):
    run, history = shared_run()
    plan = Scenario((PriceChange(percent),), method="elasticity", elasticity=-1.5)
    return what_if(run, history, plan)


@pytest.fixture(scope="module")
def two():
    return _result(-10), _result(10)


def test_save_rename_delete_keep_order_and_names(two):
    cut, rise = two
    library = ScenarioLibrary().save(" Sale ", cut).save("Rise", rise)
    assert library.names() == ["Sale", "Rise"]
    assert library.get("Sale").plan.name == "Sale"
    assert library.save("Sale", rise).names() == ["Sale", "Rise"]  # replaced in place
    assert library.save("Sale", rise).get("Sale").plan.changes == rise.plan.changes
    renamed = library.rename("Sale", "Spring sale")
    assert renamed.names() == ["Spring sale", "Rise"]
    assert renamed.get("Spring sale").plan.name == "Spring sale"
    assert library.delete("Sale").names() == ["Rise"] and library.names() == ["Sale", "Rise"]
    with pytest.raises(TrendcastError, match="already a scenario named 'Rise'"):
        library.rename("Sale", "Rise")
    with pytest.raises(TrendcastError, match="needs a name"):
        library.save("  ", cut)
    with pytest.raises(TrendcastError, match="at most 80"):
        library.save("x" * 81, cut)
    with pytest.raises(KeyError):
        library.delete("nope")


def test_compare_two_scenarios_per_period_and_in_total(two):
    cut, rise = two
    table = compare(cut, rise)
    shop_cut, shop_rise = cut.product(None), rise.product(None)
    np.testing.assert_allclose(table["yhat_a"], shop_cut["yhat"])
    np.testing.assert_allclose(table["yhat_b"], shop_rise["yhat"])
    np.testing.assert_allclose(table["difference"], shop_rise["yhat"] - shop_cut["yhat"])
    assert (table["difference"] < 0).all()  # dearer sells less with elasticity -1.5
    totals = compare_totals(cut, rise).set_index("measure")
    assert totals.loc["units", "a"] == pytest.approx(cut.totals()["units"])
    assert totals.loc["units", "b"] == pytest.approx(rise.totals()["units"])
    assert totals.loc["units", "forecast"] == pytest.approx(cut.totals()["units_base"])
    uid = cut.forecast.unique_id.iloc[0]
    one = compare(cut, rise, uid)
    assert len(one) == (cut.forecast.unique_id == uid).sum()


def test_projects_keep_named_scenarios_in_order(two, tmp_path):
    cut, rise = two
    run, history = shared_run()
    library = ScenarioLibrary().save("Weihnachten 圣诞", rise).save("Sale", cut)
    path = tmp_path / "shop.trendcast"
    save_project(path, Project(frame=history, settings=run.settings, run=run,
                               scenarios=library))
    again = load_project(path).scenarios
    assert again.names() == ["Weihnachten 圣诞", "Sale"]
    for name in again.names():
        pd.testing.assert_frame_equal(again.get(name).forecast, library.get(name).forecast,
                                      check_dtype=False)
        assert again.get(name).plan == library.get(name).plan
    # an old project (no scenarios member) loads with none
    plain = tmp_path / "plain.trendcast"
    save_project(plain, Project(frame=history, settings=run.settings, run=run))
    with zipfile.ZipFile(plain) as zf:
        assert not any(n.startswith("scenarios/") for n in zf.namelist())
    assert not load_project(plain).scenarios


def test_a_damaged_scenario_list_is_reported_as_damage(two, tmp_path):
    cut, _ = two
    run, history = shared_run()
    path = tmp_path / "shop.trendcast"
    save_project(path, Project(frame=history, settings=run.settings, run=run,
                               scenarios=ScenarioLibrary().save("Sale", cut)))
    bad = tmp_path / "bad.trendcast"
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(bad, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "scenarios/library.json":
                data = json.dumps({"names": "Sale"}).encode()
            dst.writestr(item, data)
    with pytest.raises(TrendcastError, match=r"bad.trendcast is damaged .*names should be a list"):
        load_project(bad)
