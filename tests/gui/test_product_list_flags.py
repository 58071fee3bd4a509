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
    assert cell("old").endswith("%")
    assert cell("old", Qt.ItemDataRole.ToolTipRole) is None
