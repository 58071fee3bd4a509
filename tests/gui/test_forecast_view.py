"""The Forecast view on a real run: products, chart data, overlays, tables, decomposition."""
from __future__ import annotations

import time

import numpy as np
import pytest
from PySide6.QtCore import Qt
from views import shown_forecast_view

from core.run_views import ALL_PRODUCTS
from gui.core_texts import core_text
from gui.panels.forecast_view import ForecastView
from gui.widgets.forecast_chart import to_seconds
from gui.widgets.product_list import COLUMNS
from tests.fixtures.runs import shared_run

COLUMN_ACCURACY = COLUMNS.index("accuracy")


@pytest.fixture
def view(qtbot):
    return shown_forecast_view(qtbot, size=(1300, 800))


def _product(uid):
    run, history = shared_run()
    hist = history[history.unique_id == uid]
    chosen = run.choices.set_index("unique_id").loc[uid, "model"]
    return run, hist, chosen


def test_before_a_run_the_view_explains_what_to_do(qtbot):
    widget = ForecastView()
    qtbot.addWidget(widget)
    assert widget.stack.currentWidget() is widget.empty_label
    assert "train" in widget.empty_label.text()


def test_total_is_selected_first_and_is_the_sum_of_all_products(view):
    run, history = shared_run()
    assert view.products.current_id() == ALL_PRODUCTS
    assert view.products.visible_ids()[0] == ALL_PRODUCTS
    x, y = view.chart.curve_data("history")
    totals = history.groupby("ds")["y"].sum()
    np.testing.assert_array_equal(x, to_seconds(totals.index))
    np.testing.assert_allclose(y, totals.to_numpy())
    _fx, fy = view.chart.curve_data("forecast:chosen")
    assert fy[1:].sum() == pytest.approx(run.forecast["yhat"].sum())


def test_selecting_a_product_shows_its_history_backtest_forecast_and_bands(view, qtbot):
    run, hist, chosen = _product("21876")
    with qtbot.waitSignal(view.product_selected) as signal:
        view.select_product("21876")
    assert signal.args == ["21876"]
    assert "POTTERING MUG" in view.title_label.text()
    x, y = view.chart.curve_data("history")
    np.testing.assert_array_equal(y, hist["y"].to_numpy())
    np.testing.assert_array_equal(x, to_seconds(hist["ds"]))
    fc = run.forecast[run.forecast.unique_id == "21876"]
    fx, fy = view.chart.curve_data(f"forecast:{chosen}")
    # The line starts at the last sale, then follows the forecast.
    assert fy[0] == hist["y"].iloc[-1]
    np.testing.assert_allclose(fy[1:], fc["yhat"].to_numpy())
    np.testing.assert_array_equal(fx[1:], to_seconds(fc["ds"]))
    bx, lo, hi = view.chart.curve_data("band80")
    np.testing.assert_allclose(lo, fc["yhat_lo_80"].to_numpy())
    np.testing.assert_allclose(hi, fc["yhat_hi_80"].to_numpy())
    _x95, lo95, hi95 = view.chart.curve_data("band95")
    assert (lo95 <= lo + 1e-9).all() and (hi95 >= hi - 1e-9).all()
    bt = run.backtest[(run.backtest.unique_id == "21876") & (run.backtest.model == chosen)]
    _btx, bty = view.chart.curve_data(f"backtest:{chosen}")
    np.testing.assert_allclose(bty[np.isfinite(bty)], bt.sort_values(["cutoff", "ds"])["yhat"])
    assert np.isnan(bty).sum() == bt.cutoff.nunique() - 1  # a gap between backtest windows


def test_other_models_can_be_overlaid(view):
    _run, _hist, chosen = _product("21876")
    view.select_product("21876")
    other = next(m for m in view.model_boxes if m != chosen)
    assert f"forecast:{other}" not in view.chart.series
    view.model_boxes[other].setChecked(True)
    assert f"forecast:{other}" in view.chart.series
    assert f"backtest:{other}" in view.chart.series
    assert view.forecast_model.columnCount() == 7  # date, forecast, 4 bounds, the other model
    view.model_boxes[other].setChecked(False)
    assert f"forecast:{other}" not in view.chart.series


class _Click:
    def button(self):
        return Qt.MouseButton.LeftButton

    def accept(self):
        pass


def test_legend_entries_toggle_their_series(view):
    view.select_product("21094")
    key = next(k for k in view.chart.series if k.startswith("forecast:"))
    view.chart.legend_sample(key).mouseClickEvent(_Click())
    assert not view.chart.series[key].isVisible()
    view.chart.legend_sample("band80").mouseClickEvent(_Click())
    assert not view.chart.series["band80"].isVisible()
    view.chart.legend_sample(key).mouseClickEvent(_Click())
    assert view.chart.series[key].isVisible()


def test_crosshair_reads_date_and_values(view):
    run, _hist, chosen = _product("21094")
    view.select_product("21094")
    fc = run.forecast[run.forecast.unique_id == "21094"]
    when = to_seconds(fc["ds"])[2] + 3600  # near, not exactly on, the third forecast week
    text = view.chart.readout_text(when)
    lines = text.splitlines()
    assert lines[0] == fc["ds"].iloc[2].strftime("%Y-%m-%d")
    assert any(f"{fc['yhat'].iloc[2]:,.1f}" in line for line in lines[1:])
    assert any(f"{fc['yhat_lo_80'].iloc[2]:,.1f} – {fc['yhat_hi_80'].iloc[2]:,.1f}" in line
               for line in lines)
    view.chart.show_crosshair(when, 10)
    assert view.chart.vline.isVisible() and view.chart.readout.isVisible()


def test_metrics_table_compares_models_and_marks_the_choice(view):
    run, _hist, chosen = _product("21876")
    view.select_product("21876")
    model = view.metrics_model
    headers = model.headers
    assert headers[:4] == ["Model", "MASE", "WAPE", "RMSE"]
    assert {"Bias", "80% coverage", "95% coverage", "Trend precision", "Trend recall"} \
        <= set(headers)
    assert model.rowCount() == run.metrics.model.nunique()
    marked = model.data(model.index(model.marked_row, 0))
    assert marked.startswith("✓ ")
    reason = run.choices.set_index("unique_id").loc["21876", "reason"]
    # The engine's reason, with model names as the user reads them ("Seasonal naive").
    shown = core_text(reason)
    assert "_" not in shown and shown.startswith("lowest MASE in backtest (")
    assert shown in view.metrics_note.text() and shown in view.choice_label.text()


def test_forecast_table_lists_the_chosen_forecast(view):
    run, _hist, _chosen = _product("22619")
    view.select_product("22619")
    fc = run.forecast[run.forecast.unique_id == "22619"]
    model = view.forecast_model
    assert model.rowCount() == len(fc)
    assert model.data(model.index(0, 0)) == fc["ds"].iloc[0].strftime("%Y-%m-%d")
    assert model.frame["yhat"].tolist() == fc["yhat"].tolist()


def test_search_and_sort(view):
    view.products.search.setText("mug")
    assert view.products.visible_ids() == [ALL_PRODUCTS, "21876"]
    view.products.search.setText("")
    summary = view.index.summary
    view.products.sort_box.setCurrentIndex(1)  # fastest growing
    ids = view.products.visible_ids()
    assert ids[0] == ALL_PRODUCTS
    # Ranked by the trending score (core.trending); products without one come last.
    score = summary.set_index("unique_id").loc[ids[1:], "score"].fillna(-1e9).to_numpy()
    assert (np.diff(score) <= 0).all()
    view.products.sort_box.setCurrentIndex(3)  # most accurate: lowest error first
    ids = view.products.visible_ids()
    acc = summary.set_index("unique_id").loc[ids[1:], "accuracy"].to_numpy()
    assert ids[0] == ALL_PRODUCTS and (np.diff(acc) >= 0).all()
    view.products.sort_box.setCurrentIndex(0)  # best sellers
    ids = view.products.visible_ids()
    assert ids[:2] == [ALL_PRODUCTS, "23166"]


def test_switching_products_is_fast(view, qtbot):
    ids = view.products.visible_ids()
    view.select_product(ids[1])
    times = []
    for uid in ids[2:]:
        start = time.perf_counter()
        view.select_product(uid)
        times.append(time.perf_counter() - start)
    # Measured 7 ms median on a loaded 2-core machine; the bound leaves room for noise.
    assert np.median(times) < 0.05, times


def test_decomposition_runs_in_the_background_and_is_cached(view, qtbot):
    view.select_product("21876")
    with qtbot.waitSignal(view.decomposition_shown, timeout=10_000) as signal:
        view.tabs.setCurrentWidget(view.decomposition)
    assert signal.args == ["21876"]
    _run, hist, _chosen = _product("21876")
    x, y = view.decomposition.curves["observed"].getData()
    np.testing.assert_allclose(y, hist["y"].to_numpy())
    trend = view.decomposition.curves["trend"].getData()[1]
    seasonal = view.decomposition.curves["seasonal"].getData()[1]
    remainder = view.decomposition.curves["remainder"].getData()[1]
    np.testing.assert_allclose(trend + seasonal + remainder, hist["y"].to_numpy())
    assert "21876" in view._decompositions
    view.select_product("21094")
    with qtbot.waitSignal(view.decomposition_shown, timeout=10_000):
        pass
    view.select_product("21876")  # cached: shown at once
    assert view.decomposition.curves["trend"].getData()[1].tolist() == trend.tolist()


def test_sorting_and_searching_keep_the_selected_product(view):
    view.select_product("21876")
    for position in range(view.products.sort_box.count()):
        view.products.sort_box.setCurrentIndex(position)
        assert view.products.current_id() == "21876"
        assert view.current.uid == "21876"
    view.products.search.setText("pott")
    assert view.products.current_id() == "21876"
    view.products.search.setText("")
    assert view.products.current_id() == "21876"
    assert len(view.products.visible_ids()) == 21


def test_products_without_accuracy_sort_last_in_both_directions(view):
    model = view.products.model
    model.sort(COLUMN_ACCURACY, Qt.SortOrder.AscendingOrder)
    ids = view.products.visible_ids()
    assert ids[0] == ALL_PRODUCTS
    accuracy = view.index.summary.set_index("unique_id").loc[ids[1:], "accuracy"].to_numpy()
    assert (np.diff(accuracy[np.isfinite(accuracy)]) >= 0).all()
    model.sort(COLUMN_ACCURACY, Qt.SortOrder.DescendingOrder)
    ids = view.products.visible_ids()
    accuracy = view.index.summary.set_index("unique_id").loc[ids[1:], "accuracy"].to_numpy()
    assert ids[0] == ALL_PRODUCTS and (np.diff(accuracy) <= 0).all()


def test_show_run_prepares_in_the_background_and_newest_wins(qtbot):
    run, history = shared_run()
    widget = ForecastView()
    qtbot.addWidget(widget)
    start = time.perf_counter()
    other = history[history.unique_id.isin(["21876", "21094"])]
    widget.show_run(run, history)  # superseded before it is shown
    with qtbot.waitSignal(widget.run_shown, timeout=30_000):
        widget.show_run(run, other)
    assert time.perf_counter() - start < 30
    qtbot.wait(100)  # the first, stale result must not replace the second
    assert set(widget.index.history.unique_id) == {"21876", "21094"}
    assert widget.products.current_id() == ALL_PRODUCTS


def test_a_run_that_cannot_be_shown_says_why(qtbot):
    run, history = shared_run()
    broken = type(run)(run.settings, run.forecast.drop(columns=["yhat"]), run.candidates.iloc[:0],
                       run.backtest, run.metrics, run.metrics_per_product, run.choices)
    widget = ForecastView()
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.run_failed, timeout=30_000) as signal:
        widget.show_run(broken, history)
    assert "yhat" in signal.args[0]
    assert widget.stack.currentWidget() is widget.empty_label
    assert "cannot be shown" in widget.empty_label.text()


def test_a_job_finishing_after_its_widget_was_deleted_is_dropped_quietly(qtbot):
    import threading

    from gui.widgets.task_runner import TaskRunner

    runner = TaskRunner()
    started, release = threading.Event(), threading.Event()
    results = []

    def job():
        started.set()
        release.wait(5)
        return 1

    runner.submit(job, results.append)
    assert started.wait(5)
    threading.Timer(0.2, release.set).start()
    runner.deleteLater()  # its thread pool waits for the job, which then finds no receiver
    qtbot.wait(600)
    assert results == [] and not runner.alive
