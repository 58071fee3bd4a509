"""The zh_CN UI end to end on the sample shop: a run's choices in the Forecast view, the Reorder
step with a bad and then a good stock file, and exports; every visible text is listed and none
may hold English words (product ids and titles, model names and metric acronyms allowed)."""
from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from test_i18n import chinese, settings, untranslated, visible_texts  # noqa: F401 - fixtures
from test_reorder_panel import SAMPLE, STOCK, sample_run  # noqa: F401 - fixture

from gui.panels.reorder_panel import ReorderPanel

pytestmark = pytest.mark.timeout(300)
MODEL_NAMES = {"ETS", "ARIMA", "TSB", "ADIDA", "IMAPA", "LSTM", "TCN", "Transformer", "MSTL",
               "STL", "Croston", "SBA", "Theta", "MASE", "WAPE", "RMSE", "ABC", "CSV"}


def _data(frame) -> set[str]:
    titles = set(frame["title"].dropna().astype(str)) if "title" in frame else set()
    return set(frame["unique_id"].astype(str)) | titles | MODEL_NAMES | {"RETIRED-1",
                                                                       "RETIRED-2"}


def _dialog_text(qtbot) -> str:
    qtbot.waitUntil(lambda: any(isinstance(w, QMessageBox) and w.isVisible()
                                for w in QApplication.topLevelWidgets()), timeout=60_000)
    box = next(w for w in QApplication.topLevelWidgets()
               if isinstance(w, QMessageBox) and w.isVisible())
    text = box.text()
    box.close()
    return text


def test_reorder_step_in_chinese(chinese, qtbot, sample_run, tmp_path):  # noqa: F811
    frame, result = sample_run
    panel = ReorderPanel()
    qtbot.addWidget(panel)
    panel.show()
    panel.set_run(frame, result)
    bad = tmp_path / "stock.csv"
    bad.write_text("sku,on_hand\nA,lots\n")
    panel.set_stock_file(str(bad))
    panel.plan_button.click()
    message = _dialog_text(qtbot)
    assert "不是数字" in message
    assert untranslated([message], {str(bad), "on_hand", "lots"}) == []
    panel.set_stock_file(str(STOCK))
    with qtbot.waitSignal(panel.plan_made, timeout=60_000):
        panel.plan_button.click()
    texts = visible_texts(panel)
    texts += [panel.proxy.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
              for r in range(min(panel.proxy.rowCount(), 20))]
    assert len(texts) > 30
    import pandas as pd

    suppliers = set(pd.read_csv(STOCK, dtype=str)["supplier"].dropna())  # the user's data
    bad_texts = untranslated([t for t in texts if t], _data(frame) | suppliers | {STOCK.name})
    assert bad_texts == [], "\n".join(bad_texts)
    assert re.search(r"[\u4e00-\u9fff]", panel.status.text())


def test_a_real_runs_choices_and_exports_in_chinese(chinese, qtbot, sample_run,  # noqa: F811
                                                    tmp_path):
    import pandas as pd
    from openpyxl import load_workbook
    from views import shown_forecast_view

    frame, result = sample_run
    assert result.choices["reason_ids"].map(bool).all()  # the reasons travel as ids
    view = shown_forecast_view(qtbot, result, frame)
    texts = []
    for uid in view.products.visible_ids()[:6]:
        view.select_product(uid)
        texts += visible_texts(view)
    assert any("选" in t or "预测" in t for t in texts)
    for kind, name in (("forecast_csv", "f.csv"), ("metrics_csv", "m.csv"), ("xlsx", "f.xlsx")):
        with qtbot.waitSignal(view.exports.finished, timeout=30_000):
            view.exports.export(kind, tmp_path / name)
    texts += list(pd.read_csv(tmp_path / "f.csv", encoding="utf-8-sig").columns)
    texts += list(pd.read_csv(tmp_path / "m.csv", encoding="utf-8-sig").columns)
    for sheet in load_workbook(tmp_path / "f.xlsx", read_only=True).worksheets:
        texts += [sheet.title, *(str(c.value) for c in next(sheet.iter_rows(max_row=1)))]
    acronyms = {"MAE", "MSE", "F1", "RMSSE", "MAPE", "sMAPE"}
    bad = untranslated([t for t in texts if t], _data(frame) | acronyms)
    assert bad == [], "\n".join(sorted(set(bad)))
