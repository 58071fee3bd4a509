"""Exports from the Forecast view: each format written, read back, and failures reported."""
from __future__ import annotations

import re

import pandas as pd
import pytest
from openpyxl import load_workbook
from PySide6.QtGui import QImage
from views import shown_forecast_view

from gui.panels.forecast_view import ForecastView
from gui.report import write_pdf_report
from tests.fixtures.runs import shared_run


@pytest.fixture
def view(qtbot):
    widget = shown_forecast_view(qtbot, size=(1200, 760))
    widget.select_product("21876")
    return widget


def _export(qtbot, view, kind, path, name=None):
    with qtbot.waitSignal(view.exports.finished, timeout=20_000) as signal:
        view.exports.export(kind, path)
    assert signal.args == [f"Saved {name or path.name}."]
    assert view.status_label.text() == signal.args[0]


def _pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def test_forecast_and_metrics_csv(view, qtbot, tmp_path):
    run, _history = shared_run()
    _export(qtbot, view, "forecast_csv", tmp_path / "forecast.csv")
    _export(qtbot, view, "metrics_csv", tmp_path / "metrics.csv")
    forecast = pd.read_csv(tmp_path / "forecast.csv", dtype={"unique_id": str},
                           encoding="utf-8-sig")
    assert len(forecast) == len(run.forecast)
    assert set(forecast.unique_id) == set(run.forecast.unique_id)
    metrics = pd.read_csv(tmp_path / "metrics.csv", encoding="utf-8-sig")
    assert set(metrics.model) == set(run.metrics.model)


def test_excel_workbook(view, qtbot, tmp_path):
    run, _history = shared_run()
    _export(qtbot, view, "xlsx", tmp_path / "forecast.xlsx")
    book = load_workbook(tmp_path / "forecast.xlsx")
    assert "Forecast" in book.sheetnames and "Metrics" in book.sheetnames
    assert book["Forecast"].max_row == len(run.forecast) + 1


def test_chart_png_shows_the_chart(view, qtbot, tmp_path):
    path = tmp_path / "chart"  # no suffix: .png is added
    _export(qtbot, view, "png", path, name="chart.png")
    image = QImage(str(tmp_path / "chart.png"))
    assert not image.isNull()
    assert image.width() == view.chart.width() and image.height() == view.chart.height()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 5  # lines and bands, not a blank widget


def test_pdf_report_is_one_page(view, qtbot, tmp_path):
    _export(qtbot, view, "pdf", tmp_path / "report.pdf")
    data = (tmp_path / "report.pdf").read_bytes()
    assert data.startswith(b"%PDF-")
    assert _pdf_pages(data) == 1
    assert b"Trendcast" in data  # the document title in the PDF's info dictionary
    assert len(data) > 5_000  # text and a chart, not an empty page


def test_pdf_report_without_the_view(qtbot, tmp_path):
    run, history = shared_run()
    write_pdf_report(tmp_path / "r.pdf", run, history)
    assert _pdf_pages((tmp_path / "r.pdf").read_bytes()) == 1


def test_a_failed_export_is_reported_not_raised(view, qtbot, tmp_path):
    target = tmp_path / "missing" / "forecast.csv"
    with qtbot.waitSignal(view.exports.failed, timeout=20_000) as signal:
        view.exports.export("forecast_csv", target)
    assert signal.args[0].startswith("Could not save forecast.csv")
    assert view.status_label.text() == signal.args[0]


def test_export_actions_are_enabled_once_a_run_is_shown(qtbot):
    widget = ForecastView()
    qtbot.addWidget(widget)
    assert not any(a.isEnabled() for a in widget.exports.actions())
    run, history = shared_run()
    with qtbot.waitSignal(widget.run_shown, timeout=30_000):
        widget.show_run(run, history)
    actions = {a.text(): a for a in widget.exports.actions()}
    assert len(actions) == 7
    # What-if as CSV waits for a what-if; everything else is ready.
    assert [t for t, a in actions.items() if not a.isEnabled()] == ["What-if as CSV…"]
    panel = widget.whatif
    with qtbot.waitSignal(panel.applied, timeout=30_000):
        panel.apply_button.click()
    assert actions["What-if as CSV…"].isEnabled()


def test_export_dialog_writes_the_format_the_user_picks(view, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    def pick(_parent, _title, _name, filters, _selected):
        choice = next(f for f in filters.split(";;") if "*.pdf" in f)
        return str(tmp_path / "report.pdf"), choice

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(pick))
    with qtbot.waitSignal(view.exports.finished, timeout=20_000):
        view.export_dialog()
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF-")


def test_cancelled_export_dialog_writes_nothing(view, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_args: ("", "")))
    view.export_dialog()
    view.exports.ask_and_export("forecast_csv")
    assert not view.runner.busy() and list(tmp_path.iterdir()) == []


def test_the_report_growth_column_follows_the_trending_class():
    from types import SimpleNamespace

    from gui.report import _growth_cell

    def row(kind, growth, trend):
        return SimpleNamespace(trend_class=kind, growth=growth, trend=trend)

    assert _growth_cell(row("rising", 0.5, 1.0)) == "+50% ▲"
    assert _growth_cell(row("falling", -0.3, -1.0)) == "-30% ▼"
    assert _growth_cell(row("stable", 3.0, 0.0)) == "+300%"  # under the floor: no arrow
    assert _growth_cell(row("fading", 31.6, float("nan"))) == "fading"  # not "+3160%"
    assert _growth_cell(row("new", float("nan"), float("nan"))) == "new"
