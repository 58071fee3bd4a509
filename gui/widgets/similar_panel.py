"""The Forecast view's "Similar products" tab: the products whose titles are nearest to the
selected one (in any language), with their sales beside its own; for a product too young to
backtest, the cold-start forecast borrowed from them.

    panel.set_run(run, history)   # remembered; the titles are embedded in a worker (progress,
                                  # cancel) once the tab is first shown: loading the model
                                  # costs a second or two and the memory of its 65 MB table
    panel.set_product(uid)        # a few milliseconds once the titles are embedded
    panel.cache_bytes()           # the title vectors, for the project file

The work itself is Qt-free (core.text.view); this widget only starts it and shows it.
"""
from __future__ import annotations

import pandas as pd
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from core.models.statistical.new_product import NewProduct
from core.text.cold_start import LOOKBACK
from core.text.cold_start import MODEL as COLD_START
from core.text.view import cold_start_of, prepare_text_view, similar_with_sales
from gui.widgets.metric_table_model import MarkedTableModel
from gui.worker import make_worker


class SimilarPanel(QWidget):
    ready = Signal()  # the titles are embedded and the current product is shown
    cold_start_found = Signal(object)  # set of product ids with a cold-start forecast

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.view = None
        self.handle = None
        self.uid: str | None = None
        self._cache_bytes: bytes | None = None
        self._pending = None  # (run, history) given to set_run and not started yet
        self._generation = 0
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.cold_label = QLabel()
        self.cold_label.setWordWrap(True)
        self.model = MarkedTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setDefaultSectionSize(105)
        self.table.horizontalHeader().resizeSection(1, 320)
        self.note = QLabel()
        self.note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(self.cold_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        self._busy(False)

    # -- public API -----------------------------------------------------------------------
    def set_run(self, run, history: pd.DataFrame | None) -> None:
        self.cancel()
        self._generation += 1
        if self.view is not None:  # titles of the last run need not be encoded again
            self._cache_bytes = self.view.cache_bytes
        if getattr(run, "embeddings", b""):  # the run's cold start read this data's titles
            self._cache_bytes = run.embeddings
        self.view = None
        self._pending = (run, history)
        self.model.set_frame(pd.DataFrame())
        self.cold_label.clear()
        self.note.clear()
        self.message.setText(self.tr("Reading the product titles…"))
        if self.isVisible():
            self.start()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.start()

    def start(self) -> None:
        """Embed the titles of the run given to `set_run`, unless done or under way."""
        if self._pending is None:
            return
        run, history = self._pending
        self._pending = None
        if history is None or "title" not in history:
            self.message.setText(self.tr("This data has no product titles, so products cannot "
                                         "be compared by name. Import a file with a title or "
                                         "description column."))
            return
        choices = run.choices if run is not None else pd.DataFrame()
        young = (choices.loc[choices["model"].isin([NewProduct.name, COLD_START]), "unique_id"]
                 .astype(str).tolist() if "model" in choices else [])
        settings = run.settings
        handle = make_worker(prepare_text_view, history, young, settings.horizon, settings.freq,
                             self._cache_bytes, parent=self)
        generation = self._generation
        handle.progressed.connect(lambda e: self.progress.setValue(int(100 * e.fraction)))
        handle.returned.connect(lambda view, g=generation: self._prepared(g, view))
        handle.errored.connect(lambda exc, g=generation: self._failed(g, exc))
        handle.cancelled.connect(lambda: self.message.setText(
            self.tr("Reading the titles was cancelled.")))
        handle.finished.connect(lambda h=handle: self._finished(h))
        self.handle = handle
        self._busy(True)
        handle.start()

    def set_product(self, uid: str | None) -> None:
        self.uid = uid
        self._show()

    def cancel(self) -> None:
        if self.handle is not None:
            self.handle.cancel()

    def is_busy(self) -> bool:
        return self.handle is not None

    def cache_bytes(self) -> bytes | None:
        """The title vectors to keep in the project (None before any were computed)."""
        return self.view.cache_bytes if self.view is not None else self._cache_bytes

    def set_cache_bytes(self, data: bytes | None) -> None:
        """Title vectors from a project, used by the next `set_run`."""
        self._cache_bytes = data

    # -- worker ---------------------------------------------------------------------------
    def _prepared(self, generation: int, view) -> None:
        if generation != self._generation:
            return
        if view is None:
            self.message.setText(self.tr("No product has a title, so products cannot be "
                                         "compared by name."))
            return
        self.view = view
        self.message.setText(self.tr("Products with the most similar titles, by meaning and "
                                     "in any language.") if view.is_model else
                             self.tr("The language model is missing, so titles are compared "
                                     "by spelling only (not across languages)."))
        self.cold_start_found.emit(set(view.cold.forecast["unique_id"].astype(str)))
        self._show()
        self.ready.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.message.setText(self.tr("The titles could not be read: {error}")
                                 .format(error=exc))

    def _finished(self, handle) -> None:
        if handle is self.handle:
            self.handle = None
            self._busy(False)

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.progress.setValue(0)

    # -- showing --------------------------------------------------------------------------
    def _show(self) -> None:
        if self.view is None:
            return
        table = (similar_with_sales(self.view, self.uid) if self.uid is not None
                 else pd.DataFrame())
        if table.empty:
            self.model.set_frame(pd.DataFrame())
            self.cold_label.clear()
            self.note.setText(self.tr("Select a product with a title to see similar ones."))
            return
        headers = [self.tr("Product"), self.tr("Title"), self.tr("Similarity"),
                   self.tr("Sales per period, last {0}").format(LOOKBACK), self.tr("Total sales")]
        self.model.set_frame(table, headers, marked_row=0,
                             formats={"similarity": "{:.2f}", "recent": "{:,.1f}",
                                      "total": "{:,.0f}"})
        self.note.setText(self.tr("The first row is the selected product. Similarity is the "
                                  "cosine of the title vectors (1 = same meaning)."))
        cold = cold_start_of(self.view, self.uid)
        if cold is None:
            self.cold_label.clear()
            return
        level, neighbours = cold
        names = ", ".join(f"{n} ({w:.0%})" for n, w in zip(neighbours["neighbour"].head(5),
                                                           neighbours["weight"].head(5),
                                                           strict=True))
        self.cold_label.setText(self.tr(
            "Too new to backtest. From its title: about {0} a period, the weighted median of "
            "what its {1} most similar products sell lately (scaled by its own first sales); "
            "nearest: {2}").format(f"{level:,.1f}", len(neighbours), names))
