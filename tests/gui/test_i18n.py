"""Translations: the catalogue covers every GUI string, and the Chinese UI shows no English."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QSettings, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)
from views import fake_window, load_sample, shown_forecast_view

from gui import i18n
from tests.fixtures.runs import shared_run

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "trendcast_zh_CN.ts"
# Words that stay as they are in a Chinese UI: metric acronyms, file formats, the app's name.
KEEP = {"MASE", "WAPE", "RMSE", "CSV", "PNG", "PDF", "Excel", "xlsx", "csv", "png", "pdf",
        "Trendcast", "English", "CPU", "JSON", "json"}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture
def settings(tmp_path, monkeypatch):
    path = str(tmp_path / "settings.ini")
    monkeypatch.setattr(i18n, "QSettings", lambda: QSettings(path, QSettings.Format.IniFormat))


@pytest.fixture
def chinese(qapp, settings):
    assert i18n.install_translator(qapp, "zh_CN") == "zh_CN"
    yield
    i18n.remove_translators(qapp)


def test_catalogue_covers_every_gui_string(tmp_path):
    """lupdate over the sources finds nothing the committed catalogue lacks."""
    copy = tmp_path / TS.name
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    lupdate = shutil.which("pyside6-lupdate") or str(Path(sys.executable).parent /
                                                      "pyside6-lupdate")
    subprocess.run([lupdate, "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy)],
                   check=True, capture_output=True, timeout=120)
    sys.path.insert(0, str(ROOT / "build"))
    try:
        from update_translations import unfinished
    finally:
        sys.path.pop(0)
    assert unfinished(copy) == []
    assert TS.with_suffix(".qm").stat().st_mtime >= 0 and TS.with_suffix(".qm").stat().st_size


@pytest.mark.parametrize(("locale", "expected"), [("zh_CN", "zh_CN"), ("zh_TW", "zh_CN"),
                                                  ("en_GB", "en"), ("de_DE", "en")])
def test_language_follows_the_system_locale(settings, locale, expected):
    assert i18n.resolve("system", QLocale(locale)) == expected


def test_the_setting_overrides_the_system(settings, qapp):
    assert i18n.saved_choice() == "system"
    i18n.set_choice("en")
    assert i18n.resolve(locale=QLocale("zh_CN")) == "en"
    i18n.set_choice("zh_CN")
    assert i18n.resolve(locale=QLocale("en_US")) == "zh_CN"
    with pytest.raises(ValueError):
        i18n.set_choice("klingon")


def test_language_menu_saves_the_choice(settings, qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    menu = i18n.language_menu(parent)
    actions = {a.data(): a for a in menu.actions()}
    assert set(actions) == {"system", "en", "zh_CN"} and actions["system"].isChecked()
    actions["zh_CN"].trigger()
    assert i18n.saved_choice() == "zh_CN"
    assert actions["zh_CN"].isChecked() and not actions["system"].isChecked()


def visible_texts(root: QWidget) -> list[str]:
    """Every piece of text a user can read in `root`'s widgets, headers, menus and charts."""
    texts = []
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QLabel):
            texts.append(widget.text())
        elif isinstance(widget, QAbstractButton):
            texts.append(widget.text())
            if widget.toolTip():
                texts.append(widget.toolTip())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            texts += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QTabWidget):
            texts += [widget.tabText(i) for i in range(widget.count())]
        elif isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            for column in range(model.columnCount()):
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                    value = model.headerData(column, Qt.Orientation.Horizontal, role)
                    if value:
                        texts.append(str(value))
            for row in range(min(model.rowCount(), 5)):
                for column in range(model.columnCount()):
                    texts.append(str(model.index(row, column).data() or ""))
    return [t for t in texts if t]


def untranslated(texts: list[str], data: set[str]) -> list[str]:
    bad = []
    for text in texts:
        rest = text
        for token in sorted(data, key=len, reverse=True):
            rest = rest.replace(token, " ")
        words = [w for w in LATIN_WORD.findall(rest) if w not in KEEP]
        if words:
            bad.append(text)
    return bad


def test_chinese_ui_shows_no_untranslated_strings(chinese, qtbot):
    run, history = shared_run()
    view = shown_forecast_view(qtbot)
    view.select_product("21876")
    for box in view.model_boxes.values():
        box.setChecked(True)
    # Data the user brought: product codes and titles. The engine's choice reasons are not data:
    # they are shown in the UI language.
    data = set(history.unique_id) | set(history.title.dropna())
    texts = visible_texts(view)
    texts += list(view.chart.labels.values())
    texts += [plot.titleLabel.text for plot in view.decomposition.plots.values()]
    texts += [view.exports.menu.title()] + [a.text() for a in view.exports.actions()]
    texts += list(view.exports.filters().values())
    texts += [view.chart.plot.getAxis("left").labelText]
    assert len(texts) > 60
    assert untranslated(texts, data) == []
    assert "全部产品" in texts or any("全部产品" in t for t in texts)
    view.select_product(view.products.visible_ids()[0])  # the total
    assert untranslated(visible_texts(view) + list(view.chart.labels.values()), data) == []


def test_the_checker_catches_english(chinese, qtbot):
    assert untranslated(["Model comparison", "模型 MASE", "21876  POTTERING MUG"],
                        {"21876", "POTTERING MUG"}) == ["Model comparison"]


def test_untranslated_text_stays_as_written(chinese):
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("Nowhere", "Not in any catalogue") == \
        "Not in any catalogue"
    # Strings lupdate filed under another context (module-level tr, window.tr) still translate.
    assert QCoreApplication.translate("MainWindow", "&File") == "文件(&F)"


def test_whole_window_in_chinese_shows_no_untranslated_strings(chinese, qtbot):
    import fakes

    from gui.panels.setup_panel import HOLIDAY_COUNTRIES

    window = load_sample(qtbot, fake_window(qtbot))
    run, history = shared_run()
    with qtbot.waitSignal(window.forecast_view.run_shown, timeout=30_000):
        window.forecast_view.show_run(run, history)
    frame = fakes.make_frame()
    raw = fakes.fake_preview("x").table
    # What the user's file contains (column names, cells, products, path) is data, not UI.
    data = (set(history.unique_id) | set(history.title.dropna()) | set(frame.unique_id)
            | set(raw.columns) | {str(v) for v in raw.to_numpy().ravel()}
            | {fakes.fake_sample_path(), "sample_shop.csv", "Trendcast"})
    texts = visible_texts(window)
    texts += [a.text() for a in window.menuBar().actions()]
    for menu_action in window.menuBar().actions():
        texts += [a.text() for a in menu_action.menu().actions() if a.text()]
    texts += [window.tabs.tabToolTip(i) for i in range(window.tabs.count())]
    assert len(texts) > 100
    texts = [t for t in texts if t not in HOLIDAY_COUNTRIES]  # ISO codes: same in any language
    # Engine texts (layout names, the import summary, choice reasons) and the Model setup form's
    # registry texts are translated too: anything untranslated fails this test.
    assert any("2024-01-01" in t for t in texts)  # the import summary is among the texts
    bad = untranslated(texts, data)
    assert bad == [], "\n".join(sorted(set(bad)))


def test_chart_dates_use_chinese_month_names(chinese, qtbot):
    import pyqtgraph as pg

    from gui.widgets.forecast_chart import LocalDateAxis

    plot = pg.PlotWidget(axisItems={"bottom": LocalDateAxis()})
    qtbot.addWidget(plot)
    plot.resize(600, 300)
    plot.show()
    january = 1_294_000_000.0  # 2011-01-02
    plot.setXRange(january, january + 120 * 86400, padding=0)
    plot.grab()  # lays out and paints the axis, which sets its font metrics
    axis = plot.getAxis("bottom")
    spacing, values = axis.tickValues(january, january + 120 * 86400, axis.width())[-1]
    texts = axis.tickStrings(values, 1, spacing)
    assert texts and not any(m in " ".join(texts) for m in ("Jan", "Feb", "Mar"))
    assert any("月" in t for t in texts)


def test_gui_templates_match_the_engines():
    """Every engine template has a translatable twin with the same fields."""
    import string

    from core.messages import TEMPLATES, fields_of
    from gui.core_texts import TEXTS

    assert set(TEXTS) == set(TEMPLATES)
    for key, text in TEXTS.items():
        assert text == TEMPLATES[key]
        assert sorted(n for _, n, _, _ in string.Formatter().parse(text) if n) == \
            sorted(fields_of(key))


def test_engine_texts_in_chinese(chinese):
    from core.data.types import Summary
    from core.messages import join, render
    from gui.core_texts import core_text, layout_label, stage_label, summary_lines

    pooled = join(render("reason.pooled", products="12", pool="lumpy", best="0.83",
                         runner_up_score="0.91", runner_up="ets"),
                  render("reason.own", own="0.70", windows="3"))
    assert core_text(pooled) == ("在 12 个块状产品上回测 MASE 最低（0.83，"
                                 "指数平滑（ETS）为 0.91）；本产品 3 个窗口为 0.70")
    fallback = join(render("fallback.failed", error="ValueError: x"),
                    render("fallback.used", model_name="seasonal_naive"))
    assert core_text(fallback) == "出错：ValueError: x；改用季节性朴素法"
    short = join(render("fallback.short", length=1, unit="week", model="Theta", need=8),
                 render("fallback.seasonal_naive"))
    assert untranslated([core_text(short)], {"Theta"}) == []
    assert core_text(render("reason.settings")) == "在设置中指定"
    # Text an older version wrote, or any text no template knows, stays as it was.
    assert core_text("lowest backtest MASE (0.83)") == "lowest backtest MASE (0.83)"
    summary = Summary(products=3, start=None, end=None, freq="W", rows_read=10, periods=5,
                      zero_share=0.2, total_quantity=1234.0, gaps=2,
                      dropped={"cancelled": 4.0, "partial period": 1.0})
    assert untranslated(summary_lines(summary), set()) == []
    assert layout_label("wide_orders") == "宽订单表" and stage_label("selection") == "模型选择"


def test_training_log_shows_engine_texts_in_chinese(chinese, qtbot):
    from core.progress import said
    from gui.panels.training_panel import TrainingPanel

    run, _history = shared_run()
    panel = TrainingPanel(run_forecast=lambda *a, **k: run)
    qtbot.addWidget(panel)
    panel._started_at = 0.0
    panel._on_progress(said(0.5, "progress.window", stage="ets", window=1, windows=3))
    panel._on_progress(said(0.9, "progress.choosing", stage="selection"))
    panel._on_returned(run)
    log = [line.split("  ", 1)[1] for line in panel.log.toPlainText().splitlines()]
    assert untranslated(log, {"ETS"}) == [], log  # the model's Chinese label keeps "ETS"
    cells = [panel.models_table.item(r, c).text() for r in range(panel.models_table.rowCount())
             for c in (0, 1, 3)]
    assert untranslated(cells, {"ETS"}) == [], cells


def test_what_if_tab_in_chinese_shows_no_untranslated_strings(chinese, qtbot):
    run, history = shared_run()
    view = shown_forecast_view(qtbot)
    view.select_product("21876")
    view.tabs.setCurrentWidget(view.whatif)
    panel = view.whatif
    panel.scope.setCurrentIndex(1)  # this product
    panel.add_button.click()
    panel.promo.setEnabled(True)  # its tooltip and label are checked either way
    with qtbot.waitSignal(panel.applied, timeout=30_000):
        panel.apply_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
    data = set(history.unique_id) | set(history.title.dropna())
    texts = visible_texts(panel) + [view.chart.labels["whatif"]]
    texts += [panel.changes_list.item(i).text() for i in range(panel.changes_list.count())]
    assert "假设方案" in texts and any("价格弹性" in t for t in texts)
    assert len(texts) > 20
    assert untranslated(texts, data) == []


def test_switching_the_language_rebuilds_the_window_in_it_and_keeps_the_work(qapp, settings,
                                                                            qtbot):
    import shiboken6
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import QApplication

    from gui.main_window import FORECAST, MainWindow

    window = fake_window(qtbot, owned=False)  # the switch deletes it
    try:
        load_sample(qtbot, window)
        window.setup_panel.horizon.setValue(10)
        with qtbot.waitSignal(window.forecast_view.run_shown, timeout=10_000):
            window.start_training()
        qtbot.waitUntil(lambda: not window.training_panel.is_running(), timeout=5000)
        window.forecast_view.select_product("P1")
        panel = window.forecast_view.whatif
        with qtbot.waitSignal(panel.applied, timeout=10_000):
            panel.apply_button.click()
        qtbot.waitUntil(lambda: not panel.is_busy(), timeout=5000)
        assert window.windowTitle() == "Untitled* - Trendcast"

        chinese_action = next(a for a in window.findChildren(QAction) if a.data() == "zh_CN")
        chinese_action.trigger()
        fresh = next(w for w in QApplication.topLevelWidgets()
                     if isinstance(w, MainWindow) and w is not window and w.isVisible())
        qtbot.addWidget(fresh)
        assert not window.isVisible()
        assert [fresh.tabs.tabText(i) for i in range(4)] == ["导入", "模型设置", "训练", "预测结果"]
        qtbot.waitUntil(lambda: fresh.forecast_view.index is not None, timeout=10_000)
        qtbot.waitUntil(lambda: fresh.forecast_view.products.current_id() == "P1",
                        timeout=5000)
        assert fresh.tabs.currentIndex() == FORECAST
        assert fresh.setup_panel.horizon.value() == 10
        assert fresh.forecast_view.scenario().plan == panel.result.plan
        assert fresh.windowTitle() == "未命名* - Trendcast"  # still unsaved
        assert fresh.forecast_view.whatif.apply_button.text() == "应用方案"
        qtbot.waitUntil(lambda: not shiboken6.isValid(window), timeout=5000)  # deleted
    finally:
        if shiboken6.isValid(window):
            window.projects.dirty = False
            window.close()
        i18n.remove_translators(qapp)


def test_while_training_runs_the_language_waits_for_the_next_start(qapp, settings, qtbot):
    import fakes


    window = load_sample(qtbot, fake_window(qtbot, fakes.slow_run_forecast))
    window.start_training()
    assert window.training_panel.is_running()
    assert window.switch_language() is False and window.isVisible()
    with qtbot.waitSignal(window.training_panel.training_ended, timeout=10_000):
        window.training_panel.cancel()


def test_plain_reasons_use_the_engine_templates_fields():
    """Each plain reading belongs to an engine template and uses only its fields."""
    from core.messages import TEMPLATES, fields_of
    from gui.core_texts import NOT_PLAIN, PLAIN

    for key, text in PLAIN.items():
        assert key in TEMPLATES
        used = set(re.findall(r"{(\w+)}", text))
        assert used <= set(fields_of(key)), key
    assert set(TEMPLATES) >= NOT_PLAIN
    # every model-choice reason has a plain reading or is deliberately left out
    reasons = {k for k in TEMPLATES if k.startswith(("reason.pooled", "reason.single",
                                                     "reason.own"))}
    assert reasons <= set(PLAIN) | NOT_PLAIN


MESSY = ("Sales export\n\n"  # a title line above the column names
         "date,product,quantity,price\n"
         "2011-01-03,A1,5,2.5\n2011-01-03,A1,2,2.5\n"  # a repeated product and day
         "2011-01-04,A1,-1,2.5\n"  # a return
         "2011-01-05,B2,3,n/a\n"  # a price that is not a number
         "2011-01-07,B2,4,3.0\n2011-01-08,A1,2,2.5\n2011-01-08,Café,1,1.0\n"
         "2011-01-09,A1,3,2.5\n2011-01-10,B2,2,3.0\n2011-01-11,A1,1,2.5\n"
         "1911-01-09,B2,1,3.0\n")  # a mistyped year


def test_import_warnings_reach_the_chinese_ui_in_chinese(chinese, tmp_path):
    """The import's warnings carry their template id, so the report shows them translated."""
    from core.data import ImportOptions, load
    from gui.core_texts import problem_texts

    path = tmp_path / "messy.csv"
    path.write_bytes(MESSY.encode("latin-1"))  # not UTF-8 either
    result = load(path, ImportOptions(freq="D"))
    warnings = [p for p in result.problems if p.severity == "warning"]
    assert {p.key for p in warnings} >= {"import.not_utf8", "import.skipped_lines",
                                         "import.duplicates", "import.negative",
                                         "import.bad_covariate", "import.far_dates",
                                         "import.gaps"}
    data = {value for p in warnings for _, value in p.fields if _ not in ("unit", "role")}
    data |= {str(path), "UTF", "Latin", "python main.py import --rules"}
    shown = [text for p in warnings for text in problem_texts(p) if text]
    assert untranslated(shown, data) == []
    assert any("跳过了列名上方的 2 行" in text for text in shown)


def test_every_import_warning_template_has_its_gui_twin():
    from core.data.problem_texts import PROBLEMS
    from gui.core_texts import PROBLEM_TEXTS

    assert PROBLEM_TEXTS == PROBLEMS
    # a hint belongs to a warning (same id + ".hint", or named by `hint_key` in core)
    for key in (k for k in PROBLEMS if k.endswith(".hint")):
        assert any(k.startswith(key[:-len(".hint")]) for k in PROBLEMS if k != key), key
