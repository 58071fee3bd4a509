"""Hand-made adjustments in the Forecast view: the "Adjust forecast" and "Select range" buttons,
the journal tab, and the chosen forecast with the overrides applied for the chart and the table.

The view calls `final(data)` for the numbers it shows and `draw(data)` after drawing a product;
every edit goes through `OverridesState` (the window's undo stack), and a changed journal
redraws the view.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QPushButton

from core.overrides import Override
from core.overrides.views import product_forecast, total_forecast
from core.run_views import ALL_PRODUCTS, ProductData
from gui.overrides_state import OverridesState
from gui.widgets.adjust_dialog import AdjustDialog
from gui.widgets.journal_view import JournalView


class ForecastAdjustments(QObject):
    def __init__(self, view, state: OverridesState) -> None:
        super().__init__(view)
        self.view, self.state = view, state
        self.dialog: AdjustDialog | None = None
        self._final: tuple | None = None  # (what it was worked out for, the frame)
        self.adjust_button = QPushButton(self.tr("Adjust forecast…"))
        self.adjust_button.setToolTip(self.tr(
            "Change the forecast of the selected periods in the forecast table, or of the "
            "range selected on the chart, by hand"))
        self.range_button = QPushButton(self.tr("Select range"))
        self.range_button.setCheckable(True)
        self.range_button.setToolTip(self.tr("Drag a range over the chart to adjust it"))
        self.journal_view = JournalView(state)
        self.adjust_button.clicked.connect(self.adjust)
        view.forecast_model.value_typed.connect(self.set_typed)
        view.forecast_table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                            | QAbstractItemView.EditTrigger.EditKeyPressed
                                            | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.range_button.toggled.connect(self.view.chart.show_range_selector)
        state.journal_changed.connect(lambda _journal: self.view.redraw())
        state.journal_changed.connect(self._relist)

    # -- what the view shows -----------------------------------------------------------------
    def _relist(self, journal) -> None:
        """The product list's units follow the overrides (the selection stays where it was)."""
        view = self.view
        if view.index is None:
            return
        current = view.products.current_id()
        view.products.set_products(*view.index.adjusted(journal))
        if current is not None:
            view.products.select(current)

    def final(self, data: ProductData) -> pd.DataFrame | None:
        """The chosen forecast after overrides (with yhat_model and overridden), or None."""
        chosen = data.forecasts.get(data.chosen)
        if chosen is None:
            return None
        journal = self.state.journal
        # The chart and the table both ask; the frames are kept (not their ids) so that a
        # freed frame's id reused by another can never match.
        key = (data.uid, chosen, journal)
        if self._final is not None and all(a is b for a, b in zip(self._final[0], key,
                                                                    strict=True)):
            return self._final[1]
        if data.uid == ALL_PRODUCTS:
            final = total_forecast(chosen, self.view.index.run.forecast, journal)
        else:
            final = product_forecast(chosen, data.uid, journal)
        self._final = (key, final)
        return final

    def draw(self, data: ProductData, final: pd.DataFrame | None) -> None:
        self.adjust_button.setEnabled(data.uid != ALL_PRODUCTS)
        self.view.forecast_model.editable = data.uid != ALL_PRODUCTS
        self.range_button.setEnabled(data.uid != ALL_PRODUCTS)
        if data.uid == ALL_PRODUCTS and self.range_button.isChecked():
            self.range_button.setChecked(False)
        if final is not None:
            self.view.chart.show_overrides(final, data.chosen)

    # -- adjusting ---------------------------------------------------------------------------
    def selected_periods(self) -> list[pd.Timestamp]:
        table = self.view.forecast_table
        rows = sorted({index.row() for index in table.selectionModel().selectedIndexes()})
        frame = self.view.forecast_model.frame
        return [pd.Timestamp(frame["ds"].iloc[r]) for r in rows if r < len(frame)]

    def adjust(self) -> AdjustDialog | None:
        """Open the dialog for the periods selected in the table (when the table is shown) or
        the range on the chart; nothing selected: the whole horizon."""
        data = self.view.current
        if data is None or data.uid == ALL_PRODUCTS:
            return None
        periods = self.selected_periods() if self.view.tabs.currentWidget() \
            is self.view.forecast_table else []
        span = None if periods else self._snapped(data, self.view.chart.selected_range())
        if span == ():
            self.view.status_label.setText(self.tr("The selected range holds no forecast "
                                                   "period; drag it over the forecast."))
            return None
        self.dialog = AdjustDialog(data.uid, data.title, periods=periods,
                                   start=span[0] if span else None,
                                   end=span[1] if span else None, parent=self.view)
        self.dialog.accepted.connect(lambda d=self.dialog: self._accepted(d))
        self.dialog.open()
        return self.dialog

    @staticmethod
    def _snapped(data: ProductData, span) -> tuple | None:
        """The first and last forecast period inside a dragged range (() if none is)."""
        if span is None:
            return None
        dates = pd.to_datetime(data.forecasts[data.chosen]["ds"])
        inside = dates[(dates >= span[0]) & (dates <= span[1])]
        return (inside.min(), inside.max()) if len(inside) else ()

    def set_typed(self, row: int, value: float) -> None:
        """A number typed into the forecast table: "set to" for that period, one undo step."""
        data = self.view.current
        frame = self.view.forecast_model.frame
        if data is None or data.uid == ALL_PRODUCTS or row >= len(frame):
            return
        override = Override(data.uid, "absolute", value, periods=(frame["ds"].iloc[row],))
        self.state.edit(self.state.journal.add(override),
                        self.tr("Adjust forecast of {product}").format(product=data.uid))

    def _accepted(self, dialog: AdjustDialog) -> None:
        override = dialog.override()
        if override is not None:
            self.state.edit(self.state.journal.add(override),
                            self.tr("Adjust forecast of {product}").format(
                                product=override.product))
