"""The Forecast view: pick a product, see its history, backtest and forecast, compare models,
look at its decomposition, and export.

    view = ForecastView()
    view.show_run(run, history)          # a ForecastRun and its canonical long frame
    view.run_shown.connect(...)          # once it is on screen (indexing runs in the background)
    view.product_selected.connect(...)   # emits the product id (ALL_PRODUCTS for the total)

`show_run` indexes the run once on a background thread (`core.run_views.RunIndex`); selecting a
product only slices that index, so switching is instant. Decompositions also run in the
background and are cached.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.decomposition import decompose
from core.overrides import MODEL_COLUMN
from core.run_views import ALL_PRODUCTS, CHOSEN, ProductData, RunIndex, starts_note
from core.scenario import planning_facts
from gui.core_texts import core_text, format_clause, plain_text
from gui.model_names import model_label
from gui.overrides_state import OverridesState
from gui.panels.forecast_adjustments import ForecastAdjustments
from gui.undo_commands import ReplaceValue
from gui.widgets.decomposition_view import DecompositionView
from gui.widgets.export_menu import ExportMenu
from gui.widgets.forecast_chart import ForecastChart
from gui.widgets.forecast_table_model import ForecastTableModel
from gui.widgets.metric_table_model import MarkedTableModel
from gui.widgets.product_list import ProductList
from gui.widgets.scenario_library import ScenarioLibraryView
from gui.widgets.similar_panel import SimilarPanel
from gui.widgets.task_runner import TaskRunner
from gui.widgets.whatif_panel import WhatIfPanel

# Units as core.evaluation.metrics defines them: WAPE in percent, bias in units sold per period,
# coverage and trend precision/recall as shares.
METRIC_FORMATS = {"MASE": "{:.2f}", "RMSE": "{:,.1f}", "WAPE": "{:.0f}%", "bias": "{:+,.1f}",
                  "coverage_80": "{:.0%}", "coverage_95": "{:.0%}", "trend_precision": "{:.0%}",
                  "trend_recall": "{:.0%}"}
METRIC_COLUMNS = ("MASE", "WAPE", "RMSE", "bias", "coverage_80", "coverage_95",
                  "trend_precision", "trend_recall")


def _prepare(run, history):
    """Off the UI thread: index the run, total the shop, and learn what a what-if plan can use
    (categories, prices) from the history."""
    index = RunIndex(run, history)
    index.total_row()
    facts = planning_facts(history) if history is not None else None
    return index, facts


class ForecastView(QWidget):
    product_selected = Signal(str)
    decomposition_shown = Signal(str)  # product id, once its decomposition is on screen
    run_shown = Signal()  # show_run's data is on screen
    run_failed = Signal(str)  # show_run's data could not be prepared (message for the user)
    scenario_applied = Signal(object)  # the user applied a what-if plan (a core WhatIf)

    def __init__(self, parent=None, what_if=None, undo_stack: QUndoStack | None = None) -> None:
        super().__init__(parent)
        # Overrides and what-if plan edits are undone on one stack (the window's).
        self.undo_stack = undo_stack if undo_stack is not None else QUndoStack(self)
        self.index: RunIndex | None = None
        self.current: ProductData | None = None
        self.runner = TaskRunner(self)
        self._decompositions: dict[str, object] = {}
        self._decomposing: str | None = None
        self._generation = 0  # which show_run call is current
        self.model_boxes: dict[str, QCheckBox] = {}

        self.empty_label = QLabel(self.tr("No forecast yet. Import sales data and train the "
                                          "models; the results appear here."))
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setWordWrap(True)

        self.products = ProductList()
        self.title_label = QLabel()
        self.title_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        self.choice_label = QLabel()
        self.choice_label.setWordWrap(True)
        self.compare_label = QLabel(self.tr("Compare with:"))
        # Many candidate models must not widen the window: the boxes scroll sideways.
        boxes = QWidget()
        self.models_row = QHBoxLayout(boxes)
        self.models_row.setContentsMargins(0, 0, 0, 0)
        self.models_row.addStretch(1)
        self.models_scroll = QScrollArea()
        self.models_scroll.setWidget(boxes)
        self.models_scroll.setWidgetResizable(True)
        self.models_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.models_scroll.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # One row of check boxes plus the sideways scroll bar (the row is empty until a run).
        self.models_scroll.setFixedHeight(
            QCheckBox("Xg").sizeHint().height()
            + self.models_scroll.horizontalScrollBar().sizeHint().height() + 6)
        compare = QHBoxLayout()
        compare.addWidget(self.compare_label)
        compare.addWidget(self.models_scroll, 1)

        self.chart = ForecastChart()
        self.forecast_model = ForecastTableModel(self)  # a product's forecast can be typed over
        self.forecast_table = self._table(self.forecast_model)
        self.metrics_model = MarkedTableModel(self)
        self.metrics_table = self._table(self.metrics_model)
        self.metrics_table.horizontalHeader().resizeSection(0, 200)
        self.metrics_note = QLabel()
        self.metrics_note.setWordWrap(True)
        metrics_page = QWidget()
        metrics_layout = QVBoxLayout(metrics_page)
        metrics_layout.addWidget(self.metrics_table, 1)
        metrics_layout.addWidget(self.metrics_note)
        self.decomposition = DecompositionView()
        self.whatif = WhatIfPanel(what_if)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.chart, self.tr("Chart"))
        self.tabs.addTab(self.forecast_table, self.tr("Forecast table"))
        self.tabs.addTab(metrics_page, self.tr("Model comparison"))
        self.tabs.addTab(self.decomposition, self.tr("Decomposition"))
        self.tabs.addTab(self.whatif, self.tr("What-if"))
        self.overrides = OverridesState(self.undo_stack, self)
        self.adjustments = ForecastAdjustments(self, self.overrides)
        self.tabs.addTab(self.adjustments.journal_view, self.tr("Adjustments"))
        self.whatif.undo_stack = self.undo_stack
        self.whatif.overrides = lambda: self.overrides.journal  # plans move the final forecast
        self.overrides.edited.connect(self.whatif.refresh)  # a shown what-if follows edits
        self.scenarios = ScenarioLibraryView(self.undo_stack, lambda: self.whatif.result)
        self.tabs.addTab(self.scenarios, self.tr("Scenarios"))
        self.scenarios.show_requested.connect(self.show_scenario)
        self.similar = SimilarPanel()
        self.tabs.addTab(self.similar, self.tr("Similar products"))
        self.exports = ExportMenu(self)
        self.status_label = QLabel()

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.adjustments.range_button)
        header.addWidget(self.adjustments.adjust_button)
        header.addWidget(self.exports.button)
        detail_layout.addLayout(header)
        detail_layout.addWidget(self.choice_label)
        detail_layout.addLayout(compare)
        detail_layout.addWidget(self.tabs, 1)
        detail_layout.addWidget(self.status_label)
        splitter = QSplitter()
        splitter.addWidget(self.products)
        splitter.addWidget(detail)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([620, 780])  # the list: product, trend, sales, forecast, error
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_label)
        self.stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

        self.products.product_selected.connect(self.select_product)
        self.tabs.currentChanged.connect(lambda _i: self._maybe_decompose())
        self.exports.finished.connect(self.status_label.setText)
        self.exports.failed.connect(self.status_label.setText)
        self.whatif.result_changed.connect(lambda _result: self._draw_chart())
        self.whatif.result_changed.connect(lambda _result: self.exports.scenario_changed())
        self.whatif.applied.connect(self.scenario_applied)
        self.similar.cold_start_found.connect(self.products.set_cold_start)

    @staticmethod
    def _table(model: MarkedTableModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        # Fixed widths: measuring contents on every product switch costs tens of ms.
        table.horizontalHeader().setDefaultSectionSize(105)
        return table

    # -- public API -----------------------------------------------------------------------
    def show_run(self, run, history: pd.DataFrame | None, scenario=None) -> None:
        """Show a finished run (and a saved what-if of it). It is indexed once on a background
        thread (a third of a second for 300 daily products, longer for thousands), then the shop
        total is selected and `run_shown` is emitted. A newer call supersedes an older one still
        being prepared."""
        self._generation += 1
        generation = self._generation
        self.status_label.setText(self.tr("Preparing the forecast view…"))
        self.runner.submit(lambda: _prepare(run, history),
                           lambda prepared: self._index_ready(generation, run, history,
                                                              *prepared, scenario),
                           lambda error: self._prepare_failed(generation, error))

    def scenario(self):
        """The what-if shown now (a core WhatIf), or None."""
        return self.whatif.result

    def show_scenario(self, result) -> None:
        """Make a saved what-if the current one (its plan in the What-if tab, on the chart, in
        exports and in the project)."""
        panel = self.whatif
        if panel.run is None or panel.is_busy():
            return
        before = (panel.result, tuple(panel.changes))
        name = result.plan.name or ""
        self.undo_stack.push(ReplaceValue(self.tr("Show scenario {name}").format(name=name),
                                          before, (result, tuple(result.plan.changes)),
                                          self._show_whatif))
        self.tabs.setCurrentWidget(panel)

    def _show_whatif(self, state) -> None:
        """Put a what-if (and the plan being edited beside it) in the What-if tab: the setter of
        the undo step that shows a saved scenario."""
        result, changes = state
        panel = self.whatif
        panel.cancel()
        panel.set_run(panel.run, panel.history, result, panel.facts)
        panel._set_changes(changes)
        self.scenario_applied.emit(result)

    def _index_ready(self, generation: int, run, history, index: RunIndex, facts,
                     scenario=None) -> None:
        if generation != self._generation:
            return  # a newer run arrived meanwhile
        self.whatif.set_run(run, history, scenario, facts)
        self.products.set_cold_start(set())
        self.similar.set_run(run, history)
        self.index = index
        self._decompositions.clear()
        self._decomposing = None
        self._build_model_boxes(self.index.models)
        self.products.set_products(*self.index.adjusted(self.overrides.journal))
        self.exports.set_run(run, history, self.index)
        self.stack.setCurrentIndex(1)
        self.status_label.clear()
        self.products.select(ALL_PRODUCTS)
        self.run_shown.emit()

    def _prepare_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self.status_label.clear()
        self.empty_label.setText(self.tr("This forecast cannot be shown: {error}")
                                 .format(error=error))
        self.stack.setCurrentIndex(0)
        self.run_failed.emit(str(error))

    def select_product(self, uid: str) -> None:
        if self.index is None:
            return
        if self.products.current_id() != uid:
            self.products.select(uid)  # comes back here through the list's signal
            return
        self.current = self.index.product(uid)
        self._refresh()
        self.product_selected.emit(uid)

    def export_dialog(self) -> None:
        """File > Export…: ask for a format and a file name, then write it (see ExportMenu)."""
        self.exports.ask_kind_and_path()

    def export_actions(self) -> list:
        """One QAction per export format, for a File > Export submenu."""
        return self.exports.actions()

    def shown_models(self) -> list[str]:
        return [m for m, box in self.model_boxes.items() if box.isChecked()]

    def model_label(self, name: str) -> str:
        if name == CHOSEN:
            return self.tr("chosen per product")
        return model_label(name)

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.whatif.cancel()
        self.similar.cancel()
        self.runner.shutdown()
        super().closeEvent(event)

    # -- drawing --------------------------------------------------------------------------
    def _build_model_boxes(self, models: list[str]) -> None:
        for box in self.model_boxes.values():
            self.models_row.removeWidget(box)
            box.deleteLater()
        self.model_boxes = {}
        for model in models:
            box = QCheckBox(self.model_label(model))
            box.toggled.connect(lambda _on: self._refresh())
            self.models_row.insertWidget(self.models_row.count() - 1, box)
            self.model_boxes[model] = box

    def _refresh(self) -> None:
        data = self.current
        if data is None:
            return
        is_total = data.uid == ALL_PRODUCTS
        self.title_label.setText(self.tr("All products") if is_total
                                 else f"{data.uid}  {data.title}".strip())
        self.choice_label.setText(self._choice_text(data))
        for model, box in self.model_boxes.items():
            box.setEnabled(model != data.chosen and model in data.forecasts)
        self.whatif.set_product(None if is_total else data.uid, data.title)
        self.scenarios.set_product(None if is_total else data.uid)
        self.similar.set_product(None if is_total else data.uid)
        self._draw_chart()
        self._fill_forecast_table(data)
        self._fill_metrics_table(data)
        self._maybe_decompose()

    def redraw(self) -> None:
        """Draw the product on screen again (its overrides changed)."""
        if self.current is not None:
            self._draw_chart()
            self._fill_forecast_table(self.current)

    def _draw_chart(self) -> None:
        data = self.current
        if data is None:
            return
        self.chart.show_product(data, self.shown_models(), self.model_label)
        self.adjustments.draw(data, self.adjustments.final(data))
        result = self.whatif.result
        if result is not None:
            self.chart.show_what_if(result.product(None if data.uid == ALL_PRODUCTS
                                                   else data.uid))

    def _choice_text(self, data: ProductData) -> str:
        if data.uid == ALL_PRODUCTS:
            text = self.tr("Total of every product's chosen forecast. Bands assume products "
                           "vary independently.")
            note = starts_note(data)  # products ending on different dates: say what it covers
            return text if note is None else f"{text} {format_clause(*note)}."
        parts = [self.tr("Model: {model}").format(model=self.model_label(data.chosen))]
        if data.reason:
            parts.append(self.tr("why: {reason}").format(
                reason=plain_text(data.reason, data.reason_ids)))
        if data.demand_class:
            parts.append(self.tr("demand: {kind}").format(
                kind=self.products.model.demand_label(data.demand_class)))
        if data.fallback:
            why = core_text(data.fallback, data.fallback_ids)
            parts.append(self.tr("fallback: {why}").format(why=why))
        return " · ".join(parts)

    def _fill_forecast_table(self, data: ProductData) -> None:
        chosen = self.adjustments.final(data)  # with the user's overrides
        if chosen is None:
            self.forecast_model.set_frame(pd.DataFrame())
            return
        table = chosen.copy()
        headers = [self.tr("Date"), self.tr("Forecast")]
        columns = ["ds", "yhat"]
        if table["overridden"].any():
            columns.append(MODEL_COLUMN)
            headers.append(self.tr("Model forecast"))
        for level in (80, 95):
            if f"yhat_lo_{level}" in table:
                columns += [f"yhat_lo_{level}", f"yhat_hi_{level}"]
                headers += [self.tr("{level}% low").format(level=level),
                            self.tr("{level}% high").format(level=level)]
        if "products" in table and table["products"].nunique() > 1:  # the total, see above
            columns.append("products")
            headers.append(self.tr("Products"))
        table = table[columns]
        for model in self.shown_models():
            other = data.forecasts.get(model)
            if model != data.chosen and other is not None:
                table[model] = other.set_index("ds")["yhat"].reindex(table["ds"]).to_numpy()
                headers.append(self.model_label(model))
        formats = dict.fromkeys(table.columns[1:], "{:,.1f}")
        if "products" in formats:
            formats["products"] = "{:,.0f}"
        self.forecast_model.set_frame(table, headers, formats=formats)

    def _fill_metrics_table(self, data: ProductData) -> None:
        metrics = data.metrics
        if metrics.empty:
            self.metrics_model.set_frame(pd.DataFrame())
            self.metrics_note.setText(self.tr("No backtest metrics for this product."))
            return
        columns = ["model"] + [c for c in METRIC_COLUMNS if c in metrics]
        table = metrics[columns].copy()
        chosen_rows = table.index[table["model"] == data.chosen].tolist()
        table["model"] = [("✓ " if m == data.chosen else "") + self.model_label(m)
                          for m in table["model"]]
        names = {"model": self.tr("Model"), "bias": self.tr("Bias"),
                 "coverage_80": self.tr("80% coverage"), "coverage_95": self.tr("95% coverage"),
                 "trend_precision": self.tr("Trend precision"),
                 "trend_recall": self.tr("Trend recall")}
        self.metrics_model.set_frame(table, [names.get(c, c) for c in columns],
                                     marked_row=chosen_rows[0] if chosen_rows else None,
                                     formats=METRIC_FORMATS)
        if data.uid == ALL_PRODUCTS:
            self.metrics_note.setText(self.tr("Backtest accuracy over all products. Each "
                                              "product uses the model that was most accurate "
                                              "for it."))
        else:
            self.metrics_note.setText(self.tr("✓ marks the chosen model: {reason}").format(
                reason=core_text(data.reason, data.reason_ids) or
                self.model_label(data.chosen)))

    # -- decomposition in the background --------------------------------------------------
    def _maybe_decompose(self) -> None:
        data = self.current
        if data is None or self.tabs.currentWidget() is not self.decomposition:
            return
        if data.uid in self._decompositions:
            self.decomposition.show_decomposition(self._decompositions[data.uid])
            self.decomposition_shown.emit(data.uid)
            return
        self.decomposition.show_message(self.tr("Decomposing…"))
        if self._decomposing is not None:
            return  # the running job re-checks the current product when it finishes
        self._decomposing = data.uid
        series = data.history.set_index("ds")["y"]
        settings = self.index.run.settings
        self.runner.submit(lambda: decompose(series, settings.freq, settings.season_length),
                           lambda result, uid=data.uid: self._decomposed(uid, result),
                           lambda error, uid=data.uid: self._decomposition_failed(uid, error))

    def _decomposed(self, uid: str, result) -> None:
        self._decomposing = None
        self._decompositions[uid] = result
        self._maybe_decompose()

    def _decomposition_failed(self, uid: str, error: Exception) -> None:
        self._decomposing = None
        if self.current is not None and self.current.uid != uid:
            self._maybe_decompose()  # the user moved on meanwhile
            return
        self.decomposition.show_message(self.tr("Could not decompose this product: {error}")
                                        .format(error=error))
