"""Opening a saved project restores the Forecast view exactly, without retraining."""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.project import Project, load_project, save_project
from gui.panels.forecast_view import ForecastView
from tests.fixtures.runs import shared_run


def _view(qtbot, run, history) -> ForecastView:
    view = ForecastView()
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.run_shown, timeout=30_000):
        view.show_run(run, history)
    return view


def test_reopened_project_shows_the_same_forecast_view(qtbot, tmp_path, monkeypatch):
    run, history = shared_run()
    before = _view(qtbot, run, history)
    path = tmp_path / "shop.trendcast"
    save_project(path, Project(frame=history, settings=run.settings, run=run))

    # Nothing may be fitted while a project opens.
    from core.models.base import ForecastModel

    def no_fitting(*_args, **_kwargs):
        raise AssertionError("a model was fitted while opening a project")

    monkeypatch.setattr(ForecastModel, "fit", no_fitting)
    project = load_project(path)
    after = _view(qtbot, project.run, project.frame)

    assert after.products.visible_ids() == before.products.visible_ids()
    for uid in ("21876", "23166", after.products.visible_ids()[0]):
        before.select_product(uid)
        after.select_product(uid)
        assert after.title_label.text() == before.title_label.text()
        assert after.choice_label.text() == before.choice_label.text()
        assert set(after.chart.series) == set(before.chart.series)
        for key in before.chart.series:
            for a, b in zip(after.chart.curve_data(key), before.chart.curve_data(key),
                            strict=True):
                np.testing.assert_array_equal(a, b)
        # Same values; the date unit may differ (CSV gives ns), which nothing shown depends on.
        pd.testing.assert_frame_equal(after.metrics_model.frame, before.metrics_model.frame,
                                      check_dtype=False)
        pd.testing.assert_frame_equal(after.forecast_model.frame, before.forecast_model.frame,
                                      check_dtype=False)
        assert [after.forecast_model.data(after.forecast_model.index(r, c))
                for r in range(3) for c in range(6)] == \
            [before.forecast_model.data(before.forecast_model.index(r, c))
             for r in range(3) for c in range(6)]
