"""Products whose series end on different dates, through everything after the import: backtest
windows, forecasts, the shop total, exports, what-if and project files (issue #11 section 4)."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from core.data import ImportOptions, load
from core.export import export_csv, export_xlsx, forecast_table
from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.project import Project, load_project, save_project
from core.run_views import ALL_PRODUCTS, CHOSEN, RunIndex, starts_note
from core.scenario import PriceChange, Scenario, what_if

TRAIN = Path(__file__).resolve().parent / "fixtures" / "m3_monthly_150_train.csv.gz"
H, WINDOWS = 6, 2


@pytest.fixture(scope="module")
def imported():
    result = load(TRAIN, ImportOptions(freq="M"))
    ends = result.frame.groupby("unique_id")["ds"].max()
    # A handful of series with several different end dates keeps the run fast.
    keep = ends.groupby(ends).head(2).index[:12]
    frame = result.frame[result.frame["unique_id"].isin(keep)].reset_index(drop=True)
    frame["price"] = 10.0  # for the what-if's revenue
    assert frame.groupby("unique_id")["ds"].max().nunique() >= 5
    return result, frame


@pytest.fixture(scope="module")
def finished(imported):
    _, frame = imported
    settings = ForecastSettings(horizon=H, freq="M", windows=WINDOWS,
                                models=("naive", "theta"), n_jobs=1)
    return frame, run(frame, settings)


def _month_after(stamp, k=1):
    return pd.Timestamp(stamp) + pd.DateOffset(months=k)


def test_each_forecast_starts_after_its_own_last_period(finished):
    frame, result = finished
    ends = frame.groupby("unique_id")["ds"].max()
    for uid, rows in result.forecast.groupby("unique_id"):
        expected = pd.date_range(_month_after(ends[uid]), periods=H, freq="MS")
        assert list(rows["ds"]) == list(expected)
    for uid, rows in result.candidates.groupby("unique_id"):
        assert rows["ds"].min() == _month_after(ends[uid])


def test_backtest_cutoffs_count_back_from_each_own_end(finished):
    frame, result = finished
    ends = frame.groupby("unique_id")["ds"].max()
    bt = result.backtest[result.backtest["model"] == "theta"]
    assert len(bt) == 12 * WINDOWS * H  # no window lost to the other products' ends
    for (uid, window), rows in bt.groupby(["unique_id", "window"]):
        back = H + (bt["window"].max() - window) * H  # the last window ends at the own end
        assert rows["cutoff"].iloc[0] == _month_after(ends[uid], -back)
        assert rows["ds"].min() == _month_after(rows["cutoff"].iloc[0])
        assert rows["y"].notna().all()  # scored on real observations, never padding


def test_shop_total_sums_by_date_and_says_what_it_covers(finished):
    frame, result = finished
    index = RunIndex(result, frame)
    total = index.product(ALL_PRODUCTS)
    chosen = total.forecasts[CHOSEN]
    by_date = result.forecast.groupby("ds")["yhat"].agg(["sum", "size"])
    assert np.allclose(chosen.set_index("ds")["yhat"], by_date["sum"])
    assert list(chosen["products"]) == list(by_date["size"])
    assert chosen["products"].min() < 12  # dates that only some products reach
    key, fields = starts_note(total)
    starts = result.forecast.groupby("unique_id")["ds"].min()
    assert key == "total.starts_differ"
    assert fields == {"first": f"{starts.min():%Y-%m-%d}", "last": f"{starts.max():%Y-%m-%d}"}
    # One backtest segment per window, each summing the window's forecasts by date.
    for model, bt in total.backtest.items():
        assert bt["cutoff"].nunique() <= WINDOWS + 1, model
    # Growth compares each product's own last H periods with its forecast.
    recent = frame.groupby("unique_id").tail(H)["y"].sum()
    row = index.total_row()
    assert row["growth"] == pytest.approx((result.forecast["yhat"].sum() - recent) / recent)


def test_exports_keep_each_products_dates(finished, tmp_path):
    frame, result = finished
    ends = frame.groupby("unique_id")["ds"].max()
    table = forecast_table(result, frame)
    export_csv(tmp_path / "fc.csv", result, frame)
    export_xlsx(tmp_path / "fc.xlsx", result, frame)
    written = [pd.read_csv(tmp_path / "fc.csv", dtype={"unique_id": str}),
               pd.read_excel(tmp_path / "fc.xlsx", sheet_name="Forecast",
                             dtype={"unique_id": str})]
    for out in (table, *written):
        first = pd.to_datetime(out.groupby("unique_id")["ds"].min())
        assert all(first[u] == _month_after(ends[u]) for u in ends.index)
        assert len(out) == 12 * H


def test_what_if_moves_only_the_periods_each_product_has(finished):
    frame, result = finished
    starts = result.forecast.groupby("unique_id")["ds"].min().sort_values()
    # A plan over the last start date's month: early-ending products' forecasts are long over.
    month = starts.iloc[-1]
    plan = Scenario((PriceChange(-10, month, month + pd.offsets.MonthEnd(0)),),
                    method="elasticity", elasticity=-2.0)
    answer = what_if(result, frame, plan)
    moved = answer.forecast[answer.forecast["yhat"] != answer.forecast["yhat_base"]]
    assert set(moved["ds"]) == {month}
    assert set(moved["unique_id"]) == set(result.forecast.loc[result.forecast["ds"] == month,
                                                              "unique_id"])
    shop = answer.product(None).set_index("ds")
    assert np.allclose(shop["yhat_base"], result.forecast.groupby("ds")["yhat"].sum())


def test_project_keeps_the_rule_and_every_series_end(finished, imported, tmp_path):
    frame, result = finished
    path = tmp_path / "shop.trendcast"
    save_project(path, Project(frame=frame, source="m3.csv",
                               options=ImportOptions(freq="M", series_end="own"),
                               settings=result.settings, run=result))
    back = load_project(path)
    assert back.options.series_end == "own"
    ends = frame.groupby("unique_id")["ds"].max()
    assert (back.frame.groupby("unique_id")["ds"].max().reindex(ends.index) == ends).all()
    pd.testing.assert_frame_equal(
        back.run.forecast[["unique_id", "ds"]].reset_index(drop=True),
        result.forecast[["unique_id", "ds"]].reset_index(drop=True), check_dtype=False)
