"""Step 5, Reorder: what to order, how much and by when, from the forecast and the stock.

Stock comes from a stock file (matched by product id; unmatched ids are shown) or from the
sales file's stock column, and can be typed into the table. The plan is made by a core function
in a worker thread (`core.reorder.plan_for_run`, a fake in tests); export writes the purchase
list (CSV, or Excel with a sheet per supplier) in a worker too.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QSortFilterProxyModel, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core import reorder
from core.errors import Cancelled
from core.overrides import apply_to_run
from core.progress import CancelToken
from core.reorder.export import write_purchase_list
from core.reorder.lead_time_demand import period_days
from core.reorder.saved_inputs import ReorderInputs
from core.reorder.typed_stock import stock_for_plan
from gui.export_headers import export_labeller
from gui.export_values import export_values
from gui.undo_commands import ReplaceValue
from gui.widgets.error_dialog import show_error
from gui.widgets.reorder_table_model import ReorderTableModel, why_texts
from gui.widgets.supplier_lead_times import SupplierLeadTimes
from gui.widgets.task_runner import TaskRunner

MAX_IDS_SHOWN = 5
ABC_LEVELS = {"A": 0.97, "B": 0.95, "C": 0.90}  # the example; A = 80 % of revenue
FILTERS = ("", "order", "runs_out", "excess", "dead", "no_stock")


class _ExceptionFilter(QSortFilterProxyModel):
    """Rows of one exception list ("order": rows with something to order; "": all)."""

    code = ""

    def filterAcceptsRow(self, row: int, parent) -> bool:  # noqa: N802
        if not self.code:
            return True
        frame = self.sourceModel().frame()
        if self.code == "order":
            return bool(frame["order_qty"].iat[row] > 0)
        return self.code in str(frame["exceptions"].iat[row]).split()


class ReorderPanel(QWidget):
    plan_made = Signal(object)  # ReorderPlan
    plan_failed = Signal(object)
    inputs_changed = Signal()  # the user changed what a saved project keeps (ReorderInputs)

    def __init__(self, make_plan: Callable = reorder.plan_for_run,
                 read_stock: Callable = reorder.read_stock_file,
                 export: Callable = write_purchase_list, parent=None,
                 undo_stack=None) -> None:
        super().__init__(parent)
        self.undo_stack = undo_stack  # supplier lead times are undoable when there is one
        self._quiet = False  # widgets set by the program, not the user: no inputs_changed
        self._make_plan, self._read_stock, self._export = make_plan, read_stock, export
        self.runner = TaskRunner(self)
        self.history: pd.DataFrame | None = None
        self.run = None
        # The journal of hand-made overrides in force (the main window sets it): the plan
        # orders for the adjusted forecast, as exports do.
        self.overrides: Callable[[], object] | None = None
        self._replan = False  # the forecast changed while a plan was being made
        self.stock_path = ""
        self.edits: dict[tuple[str, str], float] = {}
        self.supplier_lead_times: dict[str, float] = {}  # typed in the suppliers table
        self.abc_levels = dict(ABC_LEVELS)
        self.plan = None
        self._cancel: CancelToken | None = None  # of the plan being made
        self._build()

    def _build(self) -> None:
        self.lead_time = QDoubleSpinBox(decimals=0, minimum=0, maximum=365, value=14,
                                        suffix=self.tr(" days"))
        self.review = QDoubleSpinBox(decimals=0, minimum=0, maximum=365, value=7,
                                     suffix=self.tr(" days"))
        self.review.setToolTip(self.tr("How often you check stock and place orders"))
        self.service = QDoubleSpinBox(decimals=1, minimum=50, maximum=99.9, value=95,
                                      suffix=" %")
        self.service.setToolTip(self.tr("How often stock should last until the next delivery"))
        self.by_class = QCheckBox(self.tr("By revenue class: A 97 %, B 95 %, C 90 %"))
        self.by_class.setToolTip(self.tr("A: the products that make 80 % of revenue, B: the next "
                                         "15 %, C: the rest"))
        self.by_class.toggled.connect(lambda on: self.service.setEnabled(not on))
        self.measure = QComboBox()
        self.measure.addItem(self.tr("cycle service"), "cycle")
        self.measure.addItem(self.tr("fill rate"), "fill")
        self.measure.setToolTip(self.tr("Cycle service: the chance that stock lasts until the "
                                        "next delivery. Fill rate: the share of units ordered "
                                        "by customers that stock can meet."))
        self.suppliers = SupplierLeadTimes(self)
        self.suppliers.setMaximumHeight(120)
        self.suppliers.lead_time_edited.connect(self._supplier_edited)
        self.stock_button = QPushButton(self.tr("Stock file…"))
        self.stock_button.clicked.connect(self.choose_stock_file)
        self.use_sales_stock = QCheckBox(self.tr("Use the stock column of the sales file"))
        self.stock_label = QLabel(self.tr("No stock yet: choose a stock file with product id "
                                          "and on hand, or type stock into the table."))
        self.stock_label.setWordWrap(True)
        self.plan_button = QPushButton(self.tr("Make plan"))
        self.plan_button.setObjectName("make_plan")
        self.plan_button.clicked.connect(self.make_plan)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.export_button = QPushButton(self.tr("Export purchase list…"))
        self.export_button.setEnabled(False)
        self.export_button.clicked.connect(self.choose_export_file)
        self.filter = QComboBox()
        for code, label in zip(FILTERS, (self.tr("All products"), self.tr("To order now"),
                                         self.tr("Runs out before delivery"),
                                         self.tr("Excess stock"), self.tr("Dead stock"),
                                         self.tr("No stock figure")), strict=True):
            self.filter.addItem(label, code)
        self.filter.currentIndexChanged.connect(self._filter_changed)
        self.status = QLabel()
        self.status.setWordWrap(True)

        form = QFormLayout()
        form.addRow(self.tr("Lead time"), self.lead_time)
        form.addRow(self.tr("Review period"), self.review)
        service_row = QHBoxLayout()
        service_row.addWidget(self.service)
        service_row.addWidget(self.by_class)
        service_row.addWidget(QLabel(self.tr("as")))
        service_row.addWidget(self.measure)
        service_row.addStretch(1)
        form.addRow(self.tr("Service level"), service_row)
        stock_row = QHBoxLayout()
        stock_row.addWidget(self.stock_button)
        stock_row.addWidget(self.use_sales_stock)
        stock_row.addStretch(1)
        form.addRow(self.tr("Stock"), stock_row)
        form.addRow(self.tr("Suppliers"), self.suppliers)
        for signal in (self.lead_time.valueChanged, self.review.valueChanged,
                       self.service.valueChanged, self.by_class.toggled,
                       self.measure.currentIndexChanged, self.use_sales_stock.toggled):
            signal.connect(self._inputs_changed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.plan_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(QLabel(self.tr("Show")))
        buttons.addWidget(self.filter)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)

        self.model = ReorderTableModel(self)
        self.model.edited.connect(self._edited)
        self.proxy = _ExceptionFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.stock_label)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    # -- inputs ------------------------------------------------------------------------------
    def set_run(self, history: pd.DataFrame, run) -> None:
        """A finished forecast and its sales data: the plan's inputs."""
        self.cancel()  # a plan of the old forecast must not arrive later
        self._cancel = None
        self.history, self.run, self.plan = history, run, None
        self.edits.clear()
        has_column = "stock" in history.columns and bool(history["stock"].notna().any())
        self._quiet = True
        try:
            self.use_sales_stock.setEnabled(has_column)
            self.use_sales_stock.setChecked(has_column and not self.stock_path)
            self.review.setValue(period_days(run.settings.freq))
        finally:
            self._quiet = False
        self.suppliers.setRowCount(0)
        self.model.set_plan(pd.DataFrame(columns=reorder.COLUMNS), [])
        self.export_button.setEnabled(False)
        self.status.setText("")

    def choose_stock_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Stock file"), "", self.tr("Stock files (*.csv *.xlsx);;All files (*)"))
        if path:
            self.set_stock_file(path)

    def set_stock_file(self, path: str) -> None:
        self.stock_path = path
        self.use_sales_stock.setChecked(False)
        self.stock_label.setText(self.tr("Stock from {0}").format(Path(path).name))
        self._inputs_changed()

    def settings(self) -> reorder.ReorderSettings:
        return self.inputs().settings()

    def inputs(self) -> ReorderInputs:
        """What a project keeps of this step."""
        return ReorderInputs(
            stock_path=self.stock_path, from_sales=self.use_sales_stock.isChecked(),
            edits=tuple((uid, column, value) for (uid, column), value in self.edits.items()),
            lead_time_days=self.lead_time.value(), review_days=self.review.value(),
            service_level=self.service.value() / 100,
            service_by_abc=dict(self.abc_levels) if self.by_class.isChecked() else {},
            service_measure=self.measure.currentData(),
            lead_time_by_supplier=dict(self.supplier_lead_times))

    def restore_inputs(self, inputs: ReorderInputs | None) -> None:
        """Show the inputs a project kept (after set_run); None: keep the defaults."""
        if inputs is None:
            return
        self._quiet = True
        try:
            self.stock_path = inputs.stock_path
            if inputs.stock_path:
                self.stock_label.setText(self.tr("Stock from {0}").format(
                    Path(inputs.stock_path).name))
            self.use_sales_stock.setChecked(inputs.from_sales
                                            and self.use_sales_stock.isEnabled())
            self.edits = {(uid, column): value for uid, column, value in inputs.edits}
            self.lead_time.setValue(inputs.lead_time_days)
            if inputs.review_days is not None:
                self.review.setValue(inputs.review_days)
            self.service.setValue(inputs.service_level * 100)
            if inputs.service_by_abc:
                self.abc_levels = dict(inputs.service_by_abc)
            self.by_class.setChecked(bool(inputs.service_by_abc))
            self.measure.setCurrentIndex(max(self.measure.findData(inputs.service_measure), 0))
            self.supplier_lead_times = dict(inputs.lead_time_by_supplier)
        finally:
            self._quiet = False

    def _inputs_changed(self, *_args) -> None:
        if not self._quiet:
            self.inputs_changed.emit()

    # -- planning ----------------------------------------------------------------------------
    def make_plan(self) -> None:
        if self.run is None or self.history is None or self.runner.busy():
            return
        history, run, settings = self.history, self.run, self.settings()
        path, from_sales = self.stock_path, self.use_sales_stock.isChecked()
        edits, read_stock, make = dict(self.edits), self._read_stock, self._make_plan
        by_supplier = dict(self.supplier_lead_times)
        journal = self.overrides() if self.overrides is not None else None
        token = self._cancel = CancelToken()

        def job():
            try:
                adjusted = apply_to_run(run, journal) if journal else run
                stock = stock_for_plan(history, path, from_sales, read_stock, edits, by_supplier)
                plan = make(history, adjusted, stock, settings, cancel=token)
                return token, plan, why_texts(plan)
            except Cancelled:
                return token, None, []

        self.plan_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.status.setText(self.tr("Making the plan…"))
        self.runner.submit(job, self._planned, self._failed)

    def cancel(self) -> None:
        """Stop a plan being made; the table keeps the last one."""
        if self._cancel is not None:
            self._cancel.cancel()

    def _planned(self, result) -> None:
        token, plan, whys = result
        if token is not self._cancel:  # a plan of an older forecast: stale
            if self._cancel is None:
                self._idle("")
            return
        if plan is None:
            self._idle(self.tr("Cancelled."))
            return
        self.plan = plan
        self._idle("")
        self.model.set_plan(plan.table, whys)
        self.suppliers.show_suppliers(plan.table, self.supplier_lead_times)
        self.export_button.setEnabled(True)
        ordering = int((plan.table["order_qty"].fillna(0) > 0).sum())
        lines = [self.tr("{0} products, {1} to order now.").format(len(plan.table), ordering)]
        if plan.unknown_ids:
            lines.append(self.tr("{0} ids in the stock file have no sales: {1}").format(
                len(plan.unknown_ids), _listed(plan.unknown_ids)))
        if plan.missing_ids:
            lines.append(self.tr("{0} products have no stock figure (type it into the table): "
                                 "{1}").format(len(plan.missing_ids), _listed(plan.missing_ids)))
        self.status.setText("\n".join(lines))  # one finding a line: ids end without a period
        self.plan_made.emit(plan)

    def _idle(self, status: str) -> None:
        self.plan_button.setEnabled(True)
        self.cancel_button.setEnabled(False)
        self.status.setText(status)
        if self._replan:
            self._replan = False
            QTimer.singleShot(0, self.make_plan)

    def forecast_adjusted(self) -> None:
        """Overrides changed: a plan on screen (or being made) is of the old numbers."""
        if self.runner.busy():
            self._replan = True
        elif self.plan is not None:
            self.make_plan()

    def _failed(self, exc: Exception) -> None:
        self._idle("")
        show_error(self, self.tr("Could not make the plan"), exc)
        self.plan_failed.emit(exc)

    def _edited(self, uid: str, column: str, value: float) -> None:
        self.edits[(uid, column)] = value
        self._inputs_changed()
        self.make_plan()

    def _supplier_edited(self, supplier: str, days: float) -> None:
        before = dict(self.supplier_lead_times)
        after = {**before, supplier: days}
        if self.undo_stack is None:
            self.set_supplier_lead_times(after)
        else:  # push runs the command's redo: the edit itself
            self.undo_stack.push(ReplaceValue(
                self.tr("Lead time of {0}").format(supplier), before, after,
                self.set_supplier_lead_times))

    def set_supplier_lead_times(self, lead_times: dict[str, float]) -> None:
        """Lead times typed per supplier (an edit, its undo or redo): shown and planned with."""
        self.supplier_lead_times = dict(lead_times)
        if self.plan is not None:
            self.suppliers.show_suppliers(self.plan.table, self.supplier_lead_times)
        self._inputs_changed()
        self.make_plan()

    def _filter_changed(self) -> None:
        if hasattr(self.proxy, "beginFilterChange"):  # Qt 6.9+; invalidateFilter is deprecated
            self.proxy.beginFilterChange()
            self.proxy.code = self.filter.currentData()
            self.proxy.endFilterChange()
        else:
            self.proxy.code = self.filter.currentData()
            self.proxy.invalidate()

    # -- export ------------------------------------------------------------------------------
    def choose_export_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export purchase list"), "purchase_list.xlsx",
            self.tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export(path)

    def export(self, path: str) -> None:
        if self.plan is None:
            return
        # Each row's "why" as the table shows it: in the UI's language, from its clauses.
        table, export = self.plan.table.assign(why=self.model.whys()), self._export
        titles = _titles(self.history)
        labels = export_labeller()  # headers in the UI's language, translated on this thread
        values = export_values()  # and the engine's words in cells
        self.runner.submit(lambda: export(path, table, titles, labels=labels, values=values),
                           lambda rows: self.status.setText(
                               self.tr("Wrote {0} products to order to {1}.").format(
                                   rows, Path(path).name)),
                           lambda exc: show_error(self, self.tr("Could not export"), exc))

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self.cancel()
        self.runner.shutdown()
        super().closeEvent(event)


def _titles(history):
    from core.export import product_titles

    return product_titles(history)


def _listed(ids: list[str]) -> str:
    more = len(ids) - MAX_IDS_SHOWN
    return ", ".join(ids[:MAX_IDS_SHOWN]) + (f" (+{more})" if more > 0 else "")
