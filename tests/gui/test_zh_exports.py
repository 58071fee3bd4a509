"""Exports made from the Chinese UI have Chinese headers and sheet names; the English UI writes
the CLI's column names (issue #13)."""
from __future__ import annotations

import pandas as pd
import pytest
from openpyxl import load_workbook
from test_i18n import chinese, settings, untranslated  # noqa: F401 - fixtures
from views import shown_forecast_view

from core import export
from gui.export_headers import export_labeller
from tests.fixtures.runs import shared_run

pytestmark = pytest.mark.timeout(120)
# Metric acronyms are the same in any language.
METRICS = {"MAE", "MSE", "RMSE", "MAPE", "sMAPE", "MASE", "RMSSE", "WAPE", "F1"}


def _export(qtbot, view, kind, path):
    with qtbot.waitSignal(view.exports.finished, timeout=20_000):
        view.exports.export(kind, path)


def test_chinese_ui_exports_chinese_headers(chinese, qtbot, tmp_path):  # noqa: F811
    view = shown_forecast_view(qtbot)
    _export(qtbot, view, "forecast_csv", tmp_path / "f.csv")
    _export(qtbot, view, "metrics_csv", tmp_path / "m.csv")
    _export(qtbot, view, "xlsx", tmp_path / "f.xlsx")
    headers = [*pd.read_csv(tmp_path / "f.csv", encoding="utf-8-sig").columns,
               *pd.read_csv(tmp_path / "m.csv", encoding="utf-8-sig").columns]
    book = load_workbook(tmp_path / "f.xlsx", read_only=True)
    for sheet in book.worksheets:
        headers.append(sheet.title)
        headers += [c.value for c in next(sheet.iter_rows(max_row=1))]
    assert "商品编号" in headers and "预测下限 80%" in headers and "模型选择" in headers
    assert untranslated([str(h) for h in headers], METRICS) == []


def test_english_headers_are_the_cli_column_names(tmp_path):
    run, history = shared_run()
    export.export_csv(tmp_path / "gui.csv", run, history, labels=export_labeller())
    export.export_csv(tmp_path / "cli.csv", run, history)
    assert (tmp_path / "gui.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()


def test_every_column_of_a_whatif_and_overrides_export_has_a_chinese_header(chinese):  # noqa: F811
    label = export_labeller()
    columns = ["yhat_base", "price_base", "price", "revenue_base", "revenue", "yhat_lo_95",
               "yhat_base_hi_80", "coverage_80", "change", "percent", "when", "comment",
               "overridden", "yhat_model", "trend_f1"]
    assert untranslated([label(c) for c in columns], METRICS) == []


def _plan_table() -> pd.DataFrame:
    from core.reorder.plan import COLUMNS

    row = {c: 1.0 for c in COLUMNS}
    row.update(unique_id="A1", supplier="", abc_class="A", stockout_date=pd.Timestamp("2024-02-01"),
               basis="pool", exceptions="", why="w")
    return pd.DataFrame([row], columns=COLUMNS)


def test_purchase_list_from_the_chinese_ui_has_chinese_headers(chinese, tmp_path):  # noqa: F811
    from core.reorder.export import write_purchase_list

    table = _plan_table()
    assert write_purchase_list(tmp_path / "p.xlsx", table, labels=export_labeller()) == 1
    write_purchase_list(tmp_path / "p.csv", table, labels=export_labeller())
    book = load_workbook(tmp_path / "p.xlsx", read_only=True)
    headers = [sheet.title for sheet in book.worksheets]
    for sheet in book.worksheets:
        headers += [c.value for c in next(sheet.iter_rows(max_row=1))]
    headers += list(pd.read_csv(tmp_path / "p.csv", encoding="utf-8-sig").columns)
    assert "采购清单" in headers and "订购数量" in headers
    assert untranslated([str(h) for h in headers], {"ABC"}) == []


def test_purchase_list_without_labels_keeps_the_cli_columns(tmp_path):
    from core.reorder.export import PURCHASE_COLUMNS, write_purchase_list

    write_purchase_list(tmp_path / "p.csv", _plan_table())
    assert list(pd.read_csv(tmp_path / "p.csv", encoding="utf-8-sig").columns) == \
        PURCHASE_COLUMNS
