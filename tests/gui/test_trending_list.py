"""The product list's "Fastest growing" / "Fastest falling" use the trending ranking of
core.trending (issue #13): a dead product never comes first, the class and the backtest's trust
are in the tooltip."""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt

from core.run_views import ALL_PRODUCTS, RunIndex
from gui.widgets.product_list import COLUMNS, ProductList
from tests.fixtures.trending_shop import forecast, make_run, trending_shop


def _list(qtbot, history, run) -> ProductList:
    index = RunIndex(run, history)
    widget = ProductList()
    qtbot.addWidget(widget)
    widget.set_products(index.summary, index.total_row())
    return widget


def _falling_shop():
    """The hand-made shop plus a big seller the forecast expects to halve."""
    history, run = trending_shop()
    ds = history["ds"].drop_duplicates().sort_values()
    slump = pd.DataFrame({"unique_id": "slump", "ds": ds, "y": 100.0})
    history = pd.concat([history, slump], ignore_index=True)
    run = make_run([run.forecast, forecast("slump", 50.0)])
    return history, run


def test_fastest_growing_shows_the_grower_first_and_the_dead_product_last(qtbot):
    history, run = _falling_shop()
    widget = _list(qtbot, history, run)
    widget.sort_box.setCurrentIndex(1)  # fastest growing
    ids = widget.visible_ids()
    assert ids[:2] == [ALL_PRODUCTS, "grower"]
    assert set(ids[-4:]) == {"dead", "almost", "young", "tiny"}  # no score: last
    widget.sort_box.setCurrentIndex(2)  # fastest falling
    ids = widget.visible_ids()
    assert ids[:2] == [ALL_PRODUCTS, "slump"]
    assert "almost" not in ids[:-4]


def test_the_class_and_the_trust_are_shown(qtbot):
    history, run = _falling_shop()
    widget = _list(qtbot, history, run)
    model = widget.model
    column = COLUMNS.index("growth")

    def cell(uid, role=Qt.ItemDataRole.DisplayRole):
        return model.data(model.index(model.row_of(uid), column), role)

    assert cell("almost") == "fading"
    assert cell("young") == "new"
    assert cell("grower") == "+33%"
    tip = cell("grower", Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("rising: 480 units in the last 8 periods")
    assert "No backtest call" in tip  # this run has no backtest to check the call with
