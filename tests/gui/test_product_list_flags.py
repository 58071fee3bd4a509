"""The product list flags products forecast by the new-product rate (too young to backtest)."""
from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import Qt

from core.pipeline import run
from core.pipeline_types import ForecastSettings
from core.run_views import RunIndex
from gui.widgets.product_list import COLUMNS, ProductTableModel


def test_a_product_too_young_to_backtest_says_so_in_the_error_column(qapp):
    ds = pd.date_range("2024-01-07", periods=30, freq="W")
    rng = np.random.default_rng(0)
    old = pd.DataFrame({"unique_id": "old", "ds": ds, "y": rng.poisson(20, 30).astype(float)})
    young = pd.DataFrame({"unique_id": "young", "ds": ds[-1:], "y": [300.0]})
    history = pd.concat([old, young], ignore_index=True)
    result = run(history, ForecastSettings(horizon=4, freq="W", windows=1, n_jobs=1))
    summary = RunIndex(result, history).summary
    model = ProductTableModel()
    model.set_summary(summary, None)
    column = COLUMNS.index("accuracy")

    def cell(uid, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(model.row_of(uid), column), role)

    assert cell("young") == "too new"
    assert "Too little history" in cell("young", Qt.ItemDataRole.ToolTipRole)
    wape = summary.set_index("unique_id").loc["old", ["accuracy", "mase"]]
    assert cell("old") == f"~{wape['accuracy']:.0f}%"  # "Off by ~25%"
    tip = cell("old", Qt.ItemDataRole.ToolTipRole)
    assert f"off by about {wape['accuracy']:.0f}%" in tip
    assert f"MASE {wape['mase']:.2f}" in tip  # the measures one hover away


def test_the_list_shows_next_period_and_horizon_units(qapp):
    ds = pd.date_range("2024-01-07", periods=30, freq="W")
    history = pd.DataFrame({"unique_id": "a", "ds": ds, "y": np.arange(30, dtype=float)})
    result = run(history, ForecastSettings(horizon=4, freq="W", windows=1, n_jobs=1))
    model = ProductTableModel()
    index = RunIndex(result, history)
    model.set_summary(index.summary, index.total_row())
    forecast = result.forecast.sort_values("ds")["yhat"].to_numpy()

    def cell(row, column):
        return model.data(model.index(row, COLUMNS.index(column)))

    for row in (0, 1):  # the shop total and the one product agree
        assert cell(row, "next") == f"{forecast[0]:,.0f}"
        assert cell(row, "forecast") == f"{forecast.sum():,.0f}"


def test_a_young_titled_product_shows_by_title_straight_after_the_run(qapp):
    """The run's cold start flags it; the Similar products tab need not be opened."""
    ds = pd.date_range("2024-01-07", periods=30, freq="W")
    rng = np.random.default_rng(0)
    frames = [pd.DataFrame({"unique_id": uid, "ds": ds, "y": rng.poisson(rate, 30).astype(float),
                            "title": title})
              for uid, rate, title in [("pan1", 90, "Cast iron frying pan"),
                                       ("pan2", 100, "Non-stick frying pan"),
                                       ("mug1", 10, "White ceramic coffee mug"),
                                       ("mug2", 12, "Blue ceramic tea mug")]]
    frames += [pd.DataFrame({"unique_id": "pan-new", "ds": ds[-2:], "y": [40.0, 60.0],
                             "title": "Copper frying pan"}),
               pd.DataFrame({"unique_id": "plain-new", "ds": ds[-2:], "y": [40.0, 60.0],
                             "title": ""})]
    history = pd.concat(frames, ignore_index=True)
    result = run(history, ForecastSettings(horizon=4, freq="W", windows=1, n_jobs=1,
                                           models=("naive",)))
    model = ProductTableModel()
    model.set_summary(RunIndex(result, history).summary, None)
    assert model.cold_start == set()  # nothing from the tab
    column = COLUMNS.index("accuracy")

    def cell(uid, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(model.row_of(uid), column), role)

    assert cell("pan-new") == "by title"
    assert "borrowed from the products with the most similar titles" in cell(
        "pan-new", Qt.ItemDataRole.ToolTipRole)
    assert cell("plain-new") == "too new"
