"""`forecast --project` then `whatif` on the command line: the headless path of the What-if tab."""
import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.cli import run
from core.project import load_project

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample" / "sample_shop_orders.csv.gz"


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    folder = tmp_path_factory.mktemp("whatif")
    path = folder / "shop.trendcast"
    assert run(["forecast", str(SAMPLE), "--freq", "W", "--horizon", "4", "--model", "ets",
                "--windows", "1", "--jobs", "1", "--output", str(folder / "fc.csv"),
                "--project", str(path)]) == 0
    return path


def test_a_price_cut_for_one_product_changes_only_its_planned_weeks(project, tmp_path, capsys):
    saved = load_project(project)
    first = saved.run.forecast.ds.min()
    uid = saved.run.forecast.unique_id.iloc[0]
    out = tmp_path / "wi.csv"
    assert run(["whatif", str(project), "--price", "-10", "--product", uid, "--start",
                f"{first + pd.Timedelta(weeks=1):%Y-%m-%d}", "--elasticity", "-1.5",
                "-o", str(out), "--save"]) == 0
    printed = capsys.readouterr().out
    assert "what-if by elasticity: units" in printed and "revenue" in printed
    assert "elasticity -1.5 for every product, as set" in printed
    wi = pd.read_csv(out, dtype={"unique_id": str}, parse_dates=["ds"])
    changed = wi[(wi.yhat - wi.yhat_base).abs() > 1e-9]
    assert set(changed.unique_id) == {uid} and len(changed) == 3
    np.testing.assert_allclose(changed.yhat, changed.yhat_base * 0.9 ** -1.5, rtol=1e-3)
    assert (changed.price < changed.price_base).all()
    # --save keeps the result in the project for the app.
    back = load_project(project).scenario
    assert back is not None and back.plan.changes[0].products == (uid,)
    assert back.plan.elasticity == -1.5
    assert wi.columns[:2].tolist() == ["unique_id", "title"] and wi.title.str.len().gt(0).all()
    np.testing.assert_allclose(back.forecast.yhat, wi.yhat, atol=1e-3)


def test_estimated_elasticities_are_reported(project, tmp_path, capsys):
    assert run(["whatif", str(project), "--price", "-10", "-o", str(tmp_path / "wi.csv")]) == 0
    assert "note: elasticities from short-run moves of list price" in capsys.readouterr().out


def test_a_json_plan_with_two_changes(project, tmp_path):
    plan = tmp_path / "plan.json"
    plan.write_text(json.dumps({"changes": [{"percent": -20}, {"percent": 10, "start":
                                                                 "2000-01-01"}]}))
    out = tmp_path / "wi.csv"
    assert run(["whatif", str(project), "--plan", str(plan), "-o", str(out)]) == 0
    wi = pd.read_csv(out)
    np.testing.assert_allclose((wi.price / wi.price_base).dropna(), 0.88, atol=2e-3)  # rounded


@pytest.mark.parametrize("argv, message", [
    ([], "Say what changes"),
    (["--price", "-10", "--method", "network"], "no trained network"),
    (["--price", "-10", "--product", "NOPE"], "does not have: NOPE"),
    (["--price", "-120"], "outside"),
    (["--plan", "missing.json"], "Could not read the plan"),
])
def test_bad_plans_exit_2_with_one_line(project, tmp_path, capsys, argv, message):
    assert run(["whatif", str(project), *argv, "-o", str(tmp_path / "wi.csv")]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "wi.csv").exists()


def test_a_sales_file_is_not_a_project(tmp_path, capsys):
    assert run(["whatif", str(SAMPLE), "--price", "-10", "-o", str(tmp_path / "x.csv")]) == 2
    assert "not a Trendcast project" in capsys.readouterr().err


def test_without_prices_the_revenue_is_said_to_be_unknown_not_nan(tmp_path, capsys):
    data = ROOT / "tests" / "core" / "fixtures" / "retail_weekly_40.csv"  # no price column
    project = tmp_path / "np.trendcast"
    assert run(["forecast", str(data), "--freq", "W", "--horizon", "4", "--model", "naive",
                "--windows", "1", "--jobs", "1", "--output", str(tmp_path / "fc.csv"),
                "--project", str(project)]) == 0
    capsys.readouterr()
    assert run(["whatif", str(project), "--price", "-10", "--elasticity", "-1.5",
                "-o", str(tmp_path / "wi.csv")]) == 0
    printed = capsys.readouterr().out
    assert "revenue unknown (the data has no prices)" in printed
    assert "nan" not in printed.lower()


def test_the_plan_moves_the_forecast_with_the_projects_overrides(project, tmp_path):
    import dataclasses

    from core.overrides import Journal, Override
    from core.project import save_project

    saved = load_project(project)
    uid = saved.run.forecast.unique_id.iloc[0]
    adjusted = tmp_path / "adjusted.trendcast"
    save_project(adjusted, dataclasses.replace(
        saved, overrides=Journal((Override(uid, "absolute", 500, comment="fair"),))))
    out = tmp_path / "wi.csv"
    assert run(["whatif", str(adjusted), "--price", "-10", "--product", uid, "--elasticity",
                "-1.5", "-o", str(out)]) == 0
    wi = pd.read_csv(out, dtype={"unique_id": str})
    mine = wi[wi.unique_id == uid]
    assert (mine.yhat_base == 500).all()  # the final forecast is the baseline
    np.testing.assert_allclose(mine.yhat, 500 * 0.9 ** -1.5, rtol=1e-3)
