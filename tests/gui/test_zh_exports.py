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


# Columns that hold the user's data; every other text cell of an export from the zh_CN app
# (model names, an override's change and periods too) must be Chinese.
DATA_COLUMNS = ("unique_id", "title", "supplier", "ds", "stockout_date", "when", "comment")


def _text_cells(path, label) -> list[str]:
    """Every text cell of a CSV or of every sheet of a workbook, but the data columns'."""
    if str(path).endswith(".csv"):
        frames = [pd.read_csv(path, encoding="utf-8-sig", dtype=str)]
    else:
        frames = list(pd.read_excel(path, sheet_name=None, dtype=str).values())
    skip = {label(c) for c in DATA_COLUMNS}
    return [cell for frame in frames for column in frame.columns if column not in skip
            for cell in frame[column].dropna() if any(ch.isalpha() for ch in cell)]


@pytest.fixture(scope="module")
def real_run():
    """The sample shop, weekly, by a moving average: new products on the new-product rate and
    the cold start, every demand class, a reason and (for some) a fallback."""
    from test_reorder_panel import SAMPLE

    from core.data import ImportOptions, load
    from core.pipeline import run
    from core.pipeline_types import ForecastSettings

    frame = load(str(SAMPLE), ImportOptions(freq="W", complete_periods=True)).frame
    # Two products launched three weeks before the end: one titled like an old product (the
    # cold start), one without a title (the new-product rate).
    last = frame[frame.unique_id == frame.unique_id.iloc[0]].tail(3)
    young = [last.assign(unique_id="NEW-1", title=str(last.title.iloc[0]) + " large"),
             last.assign(unique_id="NEW-2", title=None)]
    frame = pd.concat([frame, *young], ignore_index=True)
    return frame, run(frame, ForecastSettings(horizon=6, freq="W", windows=2,
                                              models=("moving_average",), n_jobs=1))


def _allowed(frame) -> set[str]:
    titles = set(frame["title"].dropna().astype(str)) if "title" in frame else set()
    return set(frame["unique_id"].astype(str)) | titles | METRICS


def test_cells_of_the_forecast_exports_from_the_chinese_ui_are_chinese(
        chinese, qtbot, real_run, tmp_path):  # noqa: F811
    from core.overrides import Journal, Override

    frame, result = real_run
    assert {"new_product", "cold_start"} <= set(result.forecast["model"])
    view = shown_forecast_view(qtbot, result, frame)
    uid = result.forecast["unique_id"].iloc[0]
    view.overrides.reset(Journal((Override(uid, "percent", 20, comment="promo"),
                                  Override(uid, "absolute", 5, start="2012-01-01"))))
    _export(qtbot, view, "forecast_csv", tmp_path / "f.csv")
    _export(qtbot, view, "xlsx", tmp_path / "f.xlsx")
    label = export_labeller()
    cells = _text_cells(tmp_path / "f.csv", label) + _text_cells(tmp_path / "f.xlsx", label)
    basis = set(pd.read_csv(tmp_path / "f.csv", encoding="utf-8-sig")[label("basis")])
    assert basis == {"历史", "新品速率", "相似标题"}, basis
    models = set(pd.read_csv(tmp_path / "f.csv", encoding="utf-8-sig")[label("model")])
    assert "moving_average" not in models and "新品速率" in models, models
    journal = pd.read_excel(tmp_path / "f.xlsx", sheet_name=label("Overrides"), dtype=str)
    assert list(journal[label("periods")]) == ["第一期 至 最后一期", "2012-01-01 至 最后一期"]
    assert list(journal[label("change")]) == ["'+20%", "设为 5"]  # quoted against formulas
    assert untranslated(cells, _allowed(frame)) == []


def test_cells_of_the_purchase_list_from_the_chinese_ui_are_chinese(
        chinese, qtbot, real_run, tmp_path):  # noqa: F811
    from test_reorder_panel import STOCK

    from gui.panels.reorder_panel import ReorderPanel

    frame, result = real_run
    panel = ReorderPanel()
    qtbot.addWidget(panel)
    panel.set_run(frame, result)
    panel.set_stock_file(str(STOCK))
    with qtbot.waitSignal(panel.plan_made, timeout=60_000):
        panel.plan_button.click()
    for name in ("p.xlsx", "p.csv"):
        panel.export(str(tmp_path / name))
        qtbot.waitUntil(lambda name=name: (tmp_path / name).exists(), timeout=30_000)
    label = export_labeller()
    cells = _text_cells(tmp_path / "p.xlsx", label) + _text_cells(tmp_path / "p.csv", label)
    plan = pd.read_excel(tmp_path / "p.xlsx", sheet_name=label("Plan"), dtype=str)
    assert plan[label("why")].str.contains("再订货点|没有库存数").all()
    assert plan[label("exceptions")].dropna().str.contains("断货|库存过多|呆滞库存").any()
    assert untranslated(cells, _allowed(frame)) == []


def test_the_english_ui_writes_the_clis_cells(qtbot, real_run, tmp_path):
    from core.reorder.export import write_purchase_list
    from gui.export_values import export_values

    frame, result = real_run
    for what in ("forecast", "metrics"):
        export.export_csv(tmp_path / "gui.csv", result, frame, what=what,
                          labels=export_labeller(), values=export_values())
        export.export_csv(tmp_path / "cli.csv", result, frame, what=what)
        assert (tmp_path / "gui.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()
    export.export_xlsx(tmp_path / "gui.xlsx", result, frame, labels=export_labeller(),
                       values=export_values())
    export.export_xlsx(tmp_path / "cli.xlsx", result, frame)
    gui, cli = (pd.read_excel(tmp_path / f"{n}.xlsx", sheet_name=None) for n in ("gui", "cli"))
    assert list(gui) == list(cli)
    for name in cli:
        pd.testing.assert_frame_equal(gui[name], cli[name])
    table = _plan_table().assign(exceptions="runs_out dead", basis="near_zero")
    write_purchase_list(tmp_path / "gui_p.csv", table, labels=export_labeller(),
                        values=export_values())
    write_purchase_list(tmp_path / "cli_p.csv", table)
    assert (tmp_path / "gui_p.csv").read_bytes() == (tmp_path / "cli_p.csv").read_bytes()
