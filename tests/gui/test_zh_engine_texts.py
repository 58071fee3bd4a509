"""Engine texts that the GUI used to read back from English reach the zh_CN UI from their template
ids (issue #13): a real run's progress and notes in the training log, the models' own progress,
a fallback in the Forecast view, and the same run as a project of an older version (English
only, no ids) still shown in Chinese."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pandas as pd
import pytest
from test_i18n import chinese, settings, untranslated, visible_texts  # noqa: F401 - fixtures
from views import shown_forecast_view

from core import pipeline
from core.message_parts import ID_COLUMNS, decode
from core.messages import join, render
from core.models.registry import create
from core.pipeline_types import ForecastSettings
from gui.panels.training_panel import TrainingPanel

pytestmark = pytest.mark.timeout(180)
FIXTURE = Path(__file__).parents[1] / "core" / "fixtures" / "retail_weekly_40.csv"
# Model notation (ETS's trend and season codes, ARIMA orders) reads the same in any language.
NOTATION = {"ETS", "ARIMA", "MSTL", "Theta", "Ad"}
# MSTL needs two years of weekly history; the fixture has one, so every product falls back.
MSTL_RUN = ForecastSettings(horizon=4, freq="W", windows=1, n_jobs=1, models=("mstl",))


@pytest.fixture(scope="module")
def weekly() -> pd.DataFrame:
    return pd.read_csv(FIXTURE, dtype={"unique_id": str}, parse_dates=["ds"])


@pytest.fixture(scope="module")
def mstl_run(weekly):
    return pipeline.run(weekly, MSTL_RUN)


def _log(panel: TrainingPanel) -> list[str]:
    return [line.split("  ", 1)[1] for line in panel.log.toPlainText().splitlines()]


def _cells(panel: TrainingPanel) -> list[str]:
    table = panel.models_table
    return [table.item(r, c).text() for r in range(table.rowCount()) for c in (0, 1, 3)
            if table.item(r, c) is not None]


def test_a_real_runs_progress_and_notes_in_the_training_log_in_chinese(chinese, qtbot,  # noqa: F811
                                                                         weekly):
    panel = TrainingPanel(run_forecast=pipeline.run)
    qtbot.addWidget(panel)
    seen = []
    panel.start(weekly, dataclasses.replace(MSTL_RUN, models=("ets", "theta")))
    panel._handle.progressed.connect(seen.append)
    with qtbot.waitSignal(panel.training_finished, timeout=120_000) as done:
        pass
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=5000)
    run = done.args[0]
    assert run.note_ids and len(run.note_ids) == len(run.notes)
    assert {e.message_id for e in seen} >= {"progress.part", "progress.choosing"}
    log = _log(panel)
    assert len(log) >= 3 + len(run.notes)
    assert untranslated(log, NOTATION) == [], log
    assert untranslated(_cells(panel), NOTATION) == []


def test_the_models_own_progress_in_chinese(chinese, qtbot, weekly):  # noqa: F811
    panel = TrainingPanel(run_forecast=pipeline.run)
    qtbot.addWidget(panel)
    panel._started_at = 0.0
    events = []
    some = weekly[weekly.unique_id.isin(weekly.unique_id.unique()[:5])]
    for name in ("arima", "ets", "theta"):
        create(name).fit(some, freq="W", progress=events.append)
    assert {"progress.arima", "progress.ets", "progress.fitted"} <= {e.message_id for e in events}
    for event in events:
        panel._on_progress(event)
    assert untranslated(_log(panel), NOTATION) == []
    assert untranslated(_cells(panel), NOTATION) == []


def test_a_fallback_in_the_forecast_view_in_chinese(chinese, qtbot, weekly,  # noqa: F811
                                                    mstl_run):
    fell = mstl_run.choices[mstl_run.choices.fallback != ""]
    assert len(fell) == weekly.unique_id.nunique()
    assert "NotEnoughHistory" in fell.fallback.iloc[0]  # the English keeps the error as it was
    assert [key for key, _ in decode(fell.fallback_ids.iloc[0])] == ["fallback.failed",
                                                                     "fallback.used"]
    view = shown_forecast_view(qtbot, mstl_run, weekly)
    uid = fell.unique_id.iloc[0]
    view.select_product(uid)
    texts = visible_texts(view)
    assert any("季节" in t for t in texts)  # the failed fit's reason, in Chinese
    assert untranslated(texts, set(weekly.unique_id) | NOTATION) == []


def test_a_project_of_an_older_version_without_ids_still_shows_in_chinese(
        chinese, qtbot, weekly, mstl_run):  # noqa: F811
    # What older versions wrote: English only, a fallback made of templates, no ids anywhere.
    choices = mstl_run.choices.drop(columns=list(ID_COLUMNS))
    choices["fallback"] = join(render("fallback.short", length="52", unit="weeks",
                                      model="Seasonal decomposition (MSTL)", need="104"),
                               render("fallback.seasonal_naive"))
    old = dataclasses.replace(mstl_run, choices=choices, note_ids=[])
    view = shown_forecast_view(qtbot, old, weekly)
    view.select_product(choices.unique_id.iloc[0])
    texts = visible_texts(view)
    assert any("季节" in t for t in texts)
    assert untranslated(texts, set(weekly.unique_id) | NOTATION) == []
    panel = TrainingPanel(run_forecast=lambda *a, **k: old)
    qtbot.addWidget(panel)
    panel._started_at = 0.0
    panel._on_returned(old)
    assert len(_log(panel)) == 1 + len(old.notes)
    assert untranslated(_log(panel), NOTATION) == []


def test_what_if_notes_in_chinese_from_their_ids_and_without_them(chinese, qtbot):  # noqa: F811
    from tests.fixtures.runs import shared_run

    run, history = shared_run()
    view = shown_forecast_view(qtbot)
    view.select_product("21876")
    panel = view.whatif
    panel.percent.setValue(-10)
    panel.promo.setEnabled(True)
    panel.promo.setChecked(True)  # elasticities leave promotions out, and a note says so
    with qtbot.waitSignal(panel.applied, timeout=30_000) as applied:
        panel.apply_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    result = applied.args[0]
    keys = [key for ids in result.note_ids for key, _ in decode(ids)]
    assert "whatif.promo_ignored" in keys and len(result.note_ids) == len(result.notes)
    data = set(history.unique_id) | set(history.title.dropna())
    shown = panel.summary.text()
    assert "促销" in shown and untranslated([shown], data) == [], shown
    panel._set_result(dataclasses.replace(result, note_ids=[]))  # a project of an older version
    assert panel.summary.text() == shown
