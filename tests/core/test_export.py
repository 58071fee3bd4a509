"""Forecast and metrics exports: read back what was written, and no cell becomes a formula."""
from __future__ import annotations

import dataclasses

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from core.errors import TrendcastError
from core.export import export_csv, export_xlsx, neutralise
from tests.fixtures.runs import load_history, make_run, shared_run

EVIL = ["=HYPERLINK(\"http://evil\",\"click\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tTAB"]


@pytest.mark.parametrize("text", EVIL)
def test_formula_like_text_is_neutralised(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("value", ["MUG", "", "3-pack", 5, -5.0, None])
def test_harmless_values_are_left_alone(value):
    assert neutralise(value) == value


def test_forecast_csv_round_trips(tmp_path):
    run, history = shared_run()
    path = tmp_path / "forecast.csv"
    export_csv(path, run, history)
    back = pd.read_csv(path, dtype={"unique_id": str}, encoding="utf-8-sig")
    assert len(back) == len(run.forecast)
    assert list(back.columns[:3]) == ["unique_id", "title", "ds"]
    expected = run.forecast.set_index(["unique_id", run.forecast.ds.dt.strftime("%Y-%m-%d")])
    got = back.set_index(["unique_id", "ds"])
    pd.testing.assert_series_equal(got["yhat"], expected["yhat"].round(3), check_names=False,
                                   check_index_type=False)
    assert (got["model"] == expected.loc[got.index, "model"]).all()
    assert back.loc[back.unique_id == "21876", "title"].iloc[0] == "POTTERING MUG"


def test_metrics_csv_has_one_row_per_model_and_choice_counts(tmp_path):
    run, _ = shared_run()
    path = tmp_path / "metrics.csv"
    export_csv(path, run, what="metrics")
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert sorted(back.model) == sorted(run.metrics.model)
    assert back.chosen_for_products.sum() == run.choices.unique_id.nunique()
    for column in ("MASE", "WAPE", "RMSE", "bias", "coverage_80", "trend_precision"):
        assert column in back.columns


def _run_with_evil_titles():
    history = load_history()
    ids = sorted(history.unique_id.unique())[: len(EVIL)]
    for uid, text in zip(ids, EVIL, strict=True):
        history.loc[history.unique_id == uid, "title"] = text
    return make_run(history), history, dict(zip(ids, EVIL, strict=True))


def test_titles_cannot_become_formulas_in_csv_or_excel(tmp_path):
    run, history, evil = _run_with_evil_titles()
    export_csv(tmp_path / "f.csv", run, history)
    export_xlsx(tmp_path / "f.xlsx", run, history)
    csv = pd.read_csv(tmp_path / "f.csv", dtype=str, encoding="utf-8-sig")
    for uid, text in evil.items():
        assert set(csv.loc[csv.unique_id == uid, "title"]) == {"'" + text}
    book = load_workbook(tmp_path / "f.xlsx")
    sheet = book["Forecast"]
    titles = {}
    for row in sheet.iter_rows(min_row=2):
        assert row[1].data_type == "s", row[1].value  # never 'f' (formula)
        titles[row[0].value] = row[1].value
    for uid, text in evil.items():
        assert titles[uid] == "'" + text


def test_xlsx_has_all_sheets_and_numbers_stay_numbers(tmp_path):
    run, history = shared_run()
    path = tmp_path / "out.xlsx"
    export_xlsx(path, run, history)
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["Forecast", "Metrics", "Model choice", "Metrics per product"]
    forecast = pd.read_excel(path, sheet_name="Forecast", dtype={"unique_id": str})
    assert len(forecast) == len(run.forecast)
    assert forecast["yhat"].dtype.kind in "fi"  # numbers, not text
    assert forecast["yhat"].sum() == pytest.approx(run.forecast["yhat"].round(3).sum())
    metrics = pd.read_excel(path, sheet_name="Metrics")
    assert set(metrics.model) == set(run.metrics.model)


def test_failed_export_keeps_the_previous_file(tmp_path, monkeypatch):
    run, history = shared_run()
    path = tmp_path / "forecast.csv"
    path.write_text("previous good export")
    broken = dataclasses.replace(run, forecast=run.forecast.drop(columns=["ds"]))
    with pytest.raises(KeyError):
        export_csv(path, broken, history)
    assert path.read_text() == "previous good export"
    assert [p.name for p in tmp_path.iterdir()] == ["forecast.csv"]  # no temp file left


def test_unwritable_target_gives_a_clear_error(tmp_path):
    run, history = shared_run()
    with pytest.raises(TrendcastError, match="Could not write"):
        export_csv(tmp_path / "missing-folder" / "f.csv", run, history)


def test_run_views_cope_with_a_run_without_backtest_or_choices():
    from core.pipeline_types import ForecastRun
    from core.run_views import ALL_PRODUCTS, RunIndex

    run, history = shared_run()
    empty = pd.DataFrame()
    bare = ForecastRun(run.settings, run.forecast, run.forecast, empty, empty, empty, empty)
    index = RunIndex(bare, history)
    assert set(index.summary["model"]) == {""} and index.summary["accuracy"].isna().all()
    product = index.product("21876")
    assert product.backtest == {} and product.metrics.empty
    assert index.product(ALL_PRODUCTS).forecasts["chosen"]["yhat"].sum() == \
        pytest.approx(run.forecast["yhat"].sum())


def test_run_views_without_history_list_the_forecast_products():
    from core.run_views import RunIndex

    run, _history = shared_run()
    index = RunIndex(run, None)
    assert set(index.summary["unique_id"]) == set(run.forecast["unique_id"])
    assert index.product("21876").history.empty
    assert not index.product("21876").forecasts[run.choices.model.iloc[0]].empty


def test_a_what_if_exports_to_csv_and_as_two_sheets_of_the_workbook(tmp_path):
    from openpyxl import load_workbook

    from core.scenario import PriceChange, Scenario, what_if

    run, history = shared_run()
    result = what_if(run, history, Scenario((PriceChange(-10, products=("21876",)),)))
    export_csv(tmp_path / "w.csv", run, history, what="whatif", scenario=result)
    back = pd.read_csv(tmp_path / "w.csv", dtype={"unique_id": str})
    assert list(back.columns[:3]) == ["unique_id", "title", "ds"]
    assert len(back) == len(run.forecast)
    mine = back[back.unique_id == "21876"]
    assert (mine.yhat > mine.yhat_base).all() and (mine.price < mine.price_base).all()
    export_xlsx(tmp_path / "w.xlsx", run, history, result)
    book = load_workbook(tmp_path / "w.xlsx", read_only=True)
    assert {"What-if", "What-if plan"} <= set(book.sheetnames)
    plan = list(book["What-if plan"].values)
    assert plan[0][:3] == ("change", "percent", "start") and plan[1][1] == -10
    with pytest.raises(TrendcastError, match="no what-if"):
        export_csv(tmp_path / "x.csv", run, history, what="whatif")


def test_exports_with_overrides_show_model_and_final_numbers_and_the_journal(tmp_path):
    from core.overrides import Journal, Override

    run, history = shared_run()
    uid = run.forecast.unique_id.iloc[0]
    journal = Journal((Override(uid, "percent", 50, comment="=HYPERLINK(\"x\")",
                                when="2026-12-05T10:00:00Z"),))
    export_csv(tmp_path / "fc.csv", run, history, overrides=journal)
    table = pd.read_csv(tmp_path / "fc.csv", dtype={"unique_id": str}, encoding="utf-8-sig")
    mine = table[table.unique_id == uid]
    assert mine.overridden.all() and not table[table.unique_id != uid].overridden.any()
    assert np.allclose(mine.yhat, (mine.yhat_model * 1.5).round(3), atol=1e-3)
    export_xlsx(tmp_path / "all.xlsx", run, history, overrides=journal)
    book = load_workbook(tmp_path / "all.xlsx")
    rows = list(book["Overrides"].values)
    assert rows[0][:5] == ("when", "unique_id", "change", "periods", "comment")
    assert rows[1][1:4] == (uid, "'+50 %", "first period to last period")  # quoted
    assert rows[1][4] == "'=HYPERLINK(\"x\")"  # a comment never becomes a formula
    header = [c.value for c in book["Forecast"][1]]
    assert header.index("yhat_model") == header.index("yhat") + 1
