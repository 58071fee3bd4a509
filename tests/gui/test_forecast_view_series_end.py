"""The Forecast view and the PDF report when products end on different dates: the total says
what it covers, counts the products per date, and its forecast is not joined backwards."""
from __future__ import annotations

import fakes
import numpy as np
import pandas as pd
from views import shown_forecast_view

from core.pipeline_types import ForecastSettings
from gui.report import write_pdf_report
from gui.widgets.forecast_chart import to_seconds


def _staggered_history() -> pd.DataFrame:
    rows = []
    for i, end in enumerate(pd.date_range("2024-03-01", periods=3, freq="MS")):
        dates = pd.date_range(end=end, periods=24, freq="MS")
        rows.append(pd.DataFrame({"unique_id": f"p{i}", "ds": dates, "y": 10.0 + i}))
    return pd.concat(rows, ignore_index=True)


def test_total_over_products_ending_on_different_dates(qtbot, tmp_path):
    history = _staggered_history()
    run = fakes.make_run(history, ForecastSettings(horizon=4, freq="M", models=("naive",)))
    view = shown_forecast_view(qtbot, run, history)
    text = view.choice_label.text()
    assert "forecasts start between 2024-04-01 and 2024-06-01" in text
    table = view.forecast_model.frame
    assert list(table["products"]) == [1, 2, 3, 3, 2, 1]
    fx, _fy = view.chart.curve_data("forecast:chosen")
    hx, _hy = view.chart.curve_data("history")
    assert fx[0] == to_seconds(pd.Series([pd.Timestamp("2024-04-01")]))[0] < hx[-1]
    assert np.all(np.diff(fx) > 0)  # no line drawn back to the last sale
    pdf = tmp_path / "report.pdf"
    write_pdf_report(str(pdf), run, history, title="Shop")
    assert pdf.stat().st_size > 1000


def test_reopened_project_summary_names_the_series_end():
    from core.data import ImportOptions
    from core.project import Project
    from gui.project_files import dataset_of

    lines = dataset_of(Project(frame=_staggered_history())).summary.lines()
    assert "each product ends at its own last row (2 end before 2024-05-01)" in " ".join(lines)
    chosen = dataset_of(Project(frame=_staggered_history(),
                                options=ImportOptions(series_end="own"))).summary.lines()
    assert "series end chosen in the import settings" in chosen
