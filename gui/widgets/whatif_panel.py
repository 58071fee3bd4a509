"""The What-if tab: plan price changes and promotions, see what they do to units and revenue.

    panel = WhatIfPanel(what_if=gui.engine.what_if)
    panel.set_run(run, history, facts=planning_facts(history))  # a new forecast: empty plan
    panel.set_product(uid, title)        # the product selected in the Forecast view
    panel.result_changed.connect(...)    # a WhatIf (core.scenario) or None

The plan is a list of changes (price in percent, periods, products); "Apply" hands it with the
run to the engine in a worker thread (`gui.engine.what_if` moves network answers to a child
process). The result stays until the plan or the run changes, and goes into project files.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.errors import TrendcastError
from core.scenario import PlanningFacts, PriceChange, Scenario, planning_facts
from core.scenario.network import responsive
from gui.core_texts import note_texts
from gui.error_texts import error_text
from gui.model_names import model_label
from gui.undo_commands import ReplaceValue
from gui.widgets.metric_table_model import MarkedTableModel
from gui.worker import make_worker

ALL, PRODUCT, CATEGORY = "all", "product", "category"


class WhatIfPanel(QWidget):
    result_changed = Signal(object)  # WhatIf or None: what the chart should overlay
    applied = Signal(object)  # the user applied a plan and got this WhatIf (unsaved change)

    def __init__(self, what_if=None, parent=None) -> None:
        super().__init__(parent)
        if what_if is None:
            from gui.engine import what_if
        self._what_if = what_if
        self.run = None
        self.history: pd.DataFrame | None = None
        self.result = None
        self.changes: list[PriceChange] = []
        self.handle = None
        self._generation = 0  # which run a running job belongs to
        self._uid: str | None = None
        self._title = ""
        self.facts = PlanningFacts({}, priced=False, promo=False)
        self.undo_stack = None  # the window's QUndoStack, set by the Forecast view
        self.overrides = None  # () -> the Journal in force, set by the Forecast view

        self.percent = QDoubleSpinBox()
        self.percent.setRange(-90, 300)
        self.percent.setDecimals(1)
        self.percent.setSingleStep(5)
        self.percent.setValue(-10)
        self.percent.setSuffix(" %")
        self.percent.setToolTip(self.tr("-10 % sells ten percent cheaper, +5 % five percent "
                                        "dearer than the last price in the data."))
        self.promo = QCheckBox(self.tr("Promotion in these periods"))
        self.start = QComboBox()
        self.end = QComboBox()
        self.scope = QComboBox()
        self.add_button = QPushButton(self.tr("Add change"))
        self.changes_list = QListWidget()
        self.changes_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.changes_list.setMaximumHeight(90)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.method = QComboBox()
        self.own_elasticity = QCheckBox(self.tr("Assume for every product:"))
        self.own_elasticity.setToolTip(self.tr(
            "Use your own price elasticity instead of the one estimated from the history, e.g. "
            "-1.5: one percent cheaper sells one and a half percent more."))
        self.elasticity = QDoubleSpinBox()
        self.elasticity.setRange(-10, 10)
        self.elasticity.setDecimals(2)
        self.elasticity.setSingleStep(0.1)
        self.elasticity.setValue(-1.5)
        self.elasticity.setEnabled(False)
        self.apply_button = QPushButton(self.tr("Apply plan"))
        self.apply_button.setDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table_model = MarkedTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.table_model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setDefaultSectionSize(110)

        form = QFormLayout()
        form.addRow(self.tr("Price change:"), _row(self.percent, self.promo, STRETCH))
        form.addRow(self.tr("Periods:"), _row((self.start, 1), QLabel(self.tr("to")),
                                              (self.end, 1)))
        form.addRow(self.tr("For:"), self.scope)
        form.addRow(_row(STRETCH, self.add_button))
        listed = _row((self.changes_list, 1))
        listed.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignTop)
        form.addRow(self.tr("Plan:"), listed)
        form.addRow(self.tr("Sales respond by:"), self.method)
        form.addRow(self.tr("Elasticity:"), _row(self.own_elasticity, self.elasticity, STRETCH))
        buttons = _row((self.progress, 1), (self.message, 1), self.cancel_button,
                       self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

        self.add_button.clicked.connect(lambda: self.add_change())
        self.remove_button.clicked.connect(self.remove_change)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.cancel)
        self.changes_list.currentRowChanged.connect(lambda _r: self._update_buttons())
        self.own_elasticity.toggled.connect(lambda _on: self._update_buttons())
        self.method.currentIndexChanged.connect(lambda _i: self._update_buttons())
        self.setEnabled(False)

    # -- what the Forecast view tells us -------------------------------------------------
    def set_run(self, run, history: pd.DataFrame | None, result=None,
                facts: PlanningFacts | None = None) -> None:
        """A new forecast: fill the choices from it; `result` restores a saved what-if. `facts`
        (`core.scenario.planning_facts`, worked out off the UI thread) say what the data offers;
        without them they are worked out here."""
        self.cancel()
        self._generation += 1
        self.run, self.history = run, history
        self.changes = list(result.plan.changes) if result is not None else []
        dates = sorted(pd.to_datetime(run.forecast["ds"]).unique()) if run is not None else []
        for combo in (self.start, self.end):
            combo.clear()
            for stamp in dates:
                combo.addItem(f"{pd.Timestamp(stamp):%Y-%m-%d}", pd.Timestamp(stamp))
        if dates:
            self.end.setCurrentIndex(len(dates) - 1)
        if facts is None:
            facts = (planning_facts(history) if history is not None
                     else PlanningFacts({}, priced=False, promo=False))
        self.facts = facts
        has_promo = facts.promo
        self.promo.setEnabled(has_promo)
        self.promo.setToolTip("" if has_promo else self.tr(
            "The data has no promotion column, so no model learned what a promotion does."))
        self._fill_methods(run)
        if result is not None:
            own = result.plan.elasticity is not None
            self.own_elasticity.setChecked(own)
            if own:
                self.elasticity.setValue(result.plan.elasticity)
            self.method.setCurrentIndex(max(self.method.findData(result.plan.method), 0))
        self._fill_scope()
        self._show_changes()
        self._set_result(result)
        self.setEnabled(run is not None and history is not None)
        if self._unusable():
            self.message.setText(self._unusable())

    def set_product(self, uid: str | None, title: str = "") -> None:
        self._uid, self._title = uid, title
        self._fill_scope()
        self._show_result_rows()

    # -- the plan ---------------------------------------------------------------------------
    def add_change(self) -> None:
        scope, _, value = (self.scope.currentData() or ALL).partition(":")
        start, end = self.start.currentData(), self.end.currentData()
        try:
            change = PriceChange(self.percent.value(), start, end,
                                 products=(value,) if scope == PRODUCT else (),
                                 category=value if scope == CATEGORY else "",
                                 promo=self.promo.isChecked() and self.promo.isEnabled())
        except TrendcastError as exc:
            self.message.setText(error_text(exc))
            return
        if change.percent == 0 and not change.promo:
            self.message.setText(self.tr("A change of 0 % without a promotion changes nothing."))
            return
        self.edit_changes([*self.changes, change], self.tr("Add price change"))

    def remove_change(self) -> None:
        row = self.changes_list.currentRow()
        if 0 <= row < len(self.changes):
            self.edit_changes(self.changes[:row] + self.changes[row + 1:],
                              self.tr("Remove price change"))

    def edit_changes(self, changes: list[PriceChange], text: str) -> None:
        """Replace the plan's changes, as one step of the window's undo stack when there is
        one (Edit > Undo puts the plan back)."""
        if self.undo_stack is None:
            self._set_changes(changes)
        else:
            self.undo_stack.push(ReplaceValue(text, tuple(self.changes), tuple(changes),
                                              self._set_changes))

    def _set_changes(self, changes) -> None:
        self.changes = list(changes)
        self.message.clear()
        self._show_changes()

    def plan(self) -> Scenario:
        method = self.method.currentData() or "auto"
        own = self.own_elasticity.isChecked() and method != "network"
        return Scenario(tuple(self.changes), method="elasticity" if own else method,
                        elasticity=self.elasticity.value() if own else None)

    # -- running ----------------------------------------------------------------------------
    def apply(self) -> None:
        if self.run is None or self.history is None or self.is_busy() or self._unusable():
            return
        if not self.changes:
            self.add_change()  # the form as it stands is the plan
            if not self.changes:
                return
        self.message.setText(self.tr("Working out the what-if…"))
        self._start(self.plan(), applied=True)

    def refresh(self) -> None:
        """The forecast under the shown what-if changed (an override, its undo or redo): work
        the same plan out again on it, so the chart and totals never show a stale answer. A
        refresh still running is superseded."""
        if self.result is None or self.run is None or self.history is None:
            return
        self.cancel()
        self._generation += 1  # a superseded answer is ignored
        self.message.setText(self.tr("The forecast changed: working out the what-if again…"))
        self._start(self.result.plan, applied=False)

    def _start(self, plan: Scenario, applied: bool) -> None:
        journal = self.overrides() if self.overrides is not None else None
        handle = make_worker(_on_final_forecast, self._what_if, self.run, journal,
                             self.history, plan, parent=self)
        handle.returned.connect(
            lambda result, g=self._generation: self._returned(g, result, applied))
        handle.errored.connect(lambda exc, g=self._generation: self._failed(g, exc))
        handle.cancelled.connect(lambda: self.message.setText(self.tr("What-if cancelled.")))
        handle.finished.connect(lambda h=handle: self._finished(h))
        self.handle = handle
        self.progress.show()
        self.cancel_button.show()
        self._update_buttons()
        handle.start()

    def cancel(self) -> None:
        """Stop a running what-if; its late answer, if any, is ignored."""
        if self.is_busy():
            self.handle.cancel()

    def is_busy(self) -> bool:
        return self.handle is not None

    def _returned(self, generation: int, result, applied: bool = True) -> None:
        if generation == self._generation:
            self._set_result(result)
            if applied:
                self.applied.emit(result)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.message.setText(self.tr("The what-if could not be worked out: {error}")
                                 .format(error=exc))

    def _finished(self, handle) -> None:
        if handle is self.handle:
            self.handle = None
            self.progress.hide()
            self.cancel_button.hide()
            self._update_buttons()

    # -- showing ----------------------------------------------------------------------------
    def _set_result(self, result) -> None:
        self.result = result
        if result is not None:
            method = {"elasticity": self.tr("price elasticities"),
                      "network": self.tr("the trained networks")}.get(result.method,
                                                                      result.method)
            self.message.setText(self.tr("Applied; sales respond by {method}.")
                                 .format(method=method))
        self._show_result_rows()
        self.result_changed.emit(result)

    def _show_result_rows(self) -> None:
        result = self.result
        if result is None:
            self.summary.setText(self.tr("Add one or more changes, then apply the plan. The "
                                         "chart shows the result as a dotted line."))
            self.table_model.set_frame(pd.DataFrame())
            return
        lines = [self._totals_line(self.tr("All products"), result.totals())]
        uid = self._uid
        if uid is not None:
            lines.append(self._totals_line(uid, result.totals(uid)))
            rows = result.product(uid)
            columns = ["ds", "price_base", "price", "yhat_base", "yhat", "revenue_base",
                       "revenue"]
            headers = [self.tr("Date"), self.tr("Price"), self.tr("Planned price"),
                       self.tr("Forecast"), self.tr("Planned forecast"), self.tr("Revenue"),
                       self.tr("Planned revenue")]
        else:
            rows = result.product(None)
            columns = ["ds", "yhat_base", "yhat", "revenue_base", "revenue"]
            headers = [self.tr("Date"), self.tr("Forecast"), self.tr("Planned forecast"),
                       self.tr("Revenue"), self.tr("Planned revenue")]
        if result.method == "elasticity" and uid is not None and not result.effects.empty:
            row = result.effects[result.effects["unique_id"] == uid]
            if not row.empty:
                e = float(row["elasticity"].iloc[0])
                sources = {
                    "product": self.tr("from this product's price moves"),
                    "pooled": self.tr("the average of all products: this one's own price "
                                      "changes say too little"),
                    "assumed": self.tr("assumed: no product's price moved enough to learn from"),
                    "no_effect": self.tr("assumed: this product's history shows no measurable "
                                         "price effect"),
                    "fixed": self.tr("as you set it")}
                lines.append(self.tr("Price elasticity {value:.2f}: 1 % cheaper sells about "
                                     "{pct:.1f} % more ({source}).").format(
                    value=e, pct=-e, source=sources.get(str(row["source"].iloc[0]), "")))
        lines += note_texts(result.notes, result.note_ids)
        self.summary.setText("\n".join(lines))
        self.table_model.set_frame(rows[columns], headers,
                                   formats=dict.fromkeys(columns[1:], "{:,.2f}"))

    def _totals_line(self, who: str, t: dict[str, float]) -> str:
        if pd.isna(t["revenue_base"]) or pd.isna(t["revenue"]):  # never show "nan"
            line = self.tr("{who}: units {units_base:,.0f} → {units:,.0f} ({units_change}); "
                           "revenue unknown: the data has no prices").format(
                who=who, units_base=t["units_base"], units=t["units"],
                units_change=_change(t["units_base"], t["units"]))
        else:
            line = self.tr("{who}: units {units_base:,.0f} → {units:,.0f} ({units_change}), "
                           "revenue {revenue_base:,.2f} → {revenue:,.2f} ({revenue_change})"
                           ).format(who=who, units_base=t["units_base"], units=t["units"],
                                    units_change=_change(t["units_base"], t["units"]),
                                    revenue_base=t["revenue_base"], revenue=t["revenue"],
                                    revenue_change=_change(t["revenue_base"], t["revenue"]))
            if t.get("unpriced_products"):
                line += self.tr(" for the products with prices ({count:,.0f} have none)"
                                ).format(count=t["unpriced_products"])
        lo, hi = t.get("units_lo", float("nan")), t.get("units_hi", float("nan"))
        if pd.notna(lo) and pd.notna(hi) and hi - lo > 0.5:
            line += self.tr("; units {low} to {high} within the elasticity's 95 % interval"
                            ).format(low=_change(t["units_base"], lo),
                                     high=_change(t["units_base"], hi))
        return line

    def _fill_methods(self, run) -> None:
        self.method.clear()
        networks = responsive(getattr(run, "networks", {}) or {}) if run is not None else []
        self.method.addItem(self.tr("Automatic (elasticities; trained networks for promotions)"),
                            "auto")
        self.method.addItem(self.tr("Price elasticities from the history"), "elasticity")
        if networks:
            self.method.addItem(self.tr("Trained networks ({names})").format(
                names=", ".join(model_label(n) for n in networks)), "network")

    def _fill_scope(self) -> None:
        keep = self.scope.currentData()
        self.scope.clear()
        self.scope.addItem(self.tr("All products"), ALL)
        uid = self._uid
        if uid is not None:
            self.scope.addItem(self.tr("This product: {name}").format(
                name=f"{uid} {self._title}".strip()), f"{PRODUCT}:{uid}")
            category = self.facts.categories.get(uid)
            if category:
                self.scope.addItem(self.tr("Its category: {name}").format(name=category),
                                   f"{CATEGORY}:{category}")
        # The same kind of scope stays chosen when the user moves to another product.
        kinds = [(self.scope.itemData(i) or "").partition(":")[0]
                 for i in range(self.scope.count())]
        kind = (keep or ALL).partition(":")[0]
        self.scope.setCurrentIndex(kinds.index(kind) if kind in kinds else 0)

    def _show_changes(self) -> None:
        self.changes_list.clear()
        for change in self.changes:
            self.changes_list.addItem(self._describe(change))
        self._update_buttons()

    def _describe(self, change: PriceChange) -> str:
        if change.products:
            who = ", ".join(change.products)
        elif change.category:
            who = self.tr("category {name}").format(name=change.category)
        else:
            who = self.tr("all products")
        start = f"{change.start:%Y-%m-%d}" if change.start is not None else "…"
        end = f"{change.end:%Y-%m-%d}" if change.end is not None else "…"
        text = self.tr("price {percent:+.1f} % for {who}, {start} to {end}").format(
            percent=change.percent, who=who, start=start, end=end)
        return text + (self.tr(", with a promotion") if change.promo else "")

    def _unusable(self) -> str:
        """Why no what-if can be worked out for this run ("" when one can)."""
        if self.run is None or self.history is None:
            return ""
        if self.facts.priced or responsive(getattr(self.run, "networks", {}) or {}):
            return ""
        if self.own_elasticity.isChecked():
            return ""  # the user's own assumption needs no prices
        return self.tr("The data has no prices, so Trendcast cannot tell how sales respond to "
                       "them. Import a file with a price column, or assume an elasticity "
                       "below.")

    def _update_buttons(self) -> None:
        busy = self.is_busy()
        network = self.method.currentData() == "network"
        self.own_elasticity.setEnabled(not network)
        self.elasticity.setEnabled(not network and self.own_elasticity.isChecked())
        self.apply_button.setEnabled(not busy and not self._unusable())
        self.add_button.setEnabled(not busy)
        self.remove_button.setEnabled(not busy and self.changes_list.currentRow() >= 0)


STRETCH = None


def _on_final_forecast(what_if, run, journal, history, plan, *, progress=None, cancel=None):
    """The plan moves the final forecast (the model's with the user's overrides), which is
    worked out here, off the UI thread."""
    if journal:
        from core.overrides import apply_to_run

        run = apply_to_run(run, journal)
    return what_if(run, history, plan, progress=progress, cancel=cancel)


def _row(*items) -> QHBoxLayout:
    """A horizontal row of widgets; `(widget, stretch)` stretches one, STRETCH adds space."""
    row = QHBoxLayout()
    for item in items:
        if item is STRETCH:
            row.addStretch(1)
        elif isinstance(item, tuple):
            row.addWidget(*item)
        else:
            row.addWidget(item)
    return row


def _change(before: float, after: float) -> str:
    if not before or pd.isna(before) or pd.isna(after):
        return "–"
    return f"{100 * (after / before - 1):+.1f} %"
