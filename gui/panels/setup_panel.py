"""Step 2, Model setup: horizon, season, backtests, presets, models and their parameters.

The model list and every parameter form come from the registry, so a newly registered model
appears here by itself. Settings the run could not use are flagged beside their field and the
start button stays disabled until they are fixed.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core.models.registry import available
from core.pipeline_types import ForecastSettings
from core.run_estimate import estimate_run
from core.run_plan import AUTO, RUN_SET_PARAMS
from core.schema import DEFAULT_SEASON, FREQ_UNITS, ID
from gui.core_texts import format_clause
from gui.model_names import model_label, registry_text
from gui.panels import setup_rules
from gui.widgets.param_form import ERROR_STYLE, ParamForm
from gui.worker import WorkerHandle, make_worker

WARNING_STYLE = "color: #8a5a00;"  # the run goes on; the user should know
# GB-ENG: England's bank holidays, which the UK-wide GB calendar leaves two of out.
HOLIDAY_COUNTRIES = ("AT", "AU", "BE", "BR", "CA", "CH", "CN", "DE", "DK", "ES", "FI", "FR", "GB",
                     "GB-ENG", "IE", "IN", "IT", "JP", "MX", "NL", "NO", "NZ", "PL", "PT", "SE",
                     "US")
# Set once for the whole run above the model list (the pipeline passes them to every model that
# has them), so the models' own forms leave them out instead of showing a second, empty field.
RUN_WIDE_PARAMS = ("holiday_country", "seed")


class SetupPanel(QWidget):
    start_requested = Signal(object)  # ForecastSettings
    settings_changed = Signal()

    def __init__(self, models: Callable[[], list] = available,
                 estimate: Callable = estimate_run, parent=None) -> None:
        super().__init__(parent)
        # The run-time estimate: the run plan's fits x this machine's measured costs, worked
        # out on a worker (the first time it also measures the machine: seconds).
        self._estimate = estimate
        self._estimating: WorkerHandle | None = None
        self._estimate_again = False
        self.expected_seconds: float | None = None  # for the current settings, once known
        self._frame = None
        self._estimate_timer = QTimer(self)
        self._estimate_timer.setSingleShot(True)
        self._estimate_timer.setInterval(250)  # settle while the user types
        self._estimate_timer.timeout.connect(self._start_estimate)
        self.model_classes = sorted(models(), key=lambda c: (c.family, c.label or c.name))
        self.family_of = {c.name: c.family for c in self.model_classes}
        by_family: dict[str, list[str]] = {}
        for cls in self.model_classes:
            by_family.setdefault(cls.family, []).append(cls.name)
        self.presets = setup_rules.presets(by_family)
        self.freq, self.history, self.products = "D", 0, 0
        self.lengths: tuple[int, ...] = ()  # periods of each product of the loaded data
        self.warnings: dict[str, str] = {}  # field -> what the run will do about it
        self._applying = False
        self._build(by_family)
        # Balanced is the default: `auto` with a network where the data support one (#12).
        self.apply_preset("balanced")

    # -- layout ------------------------------------------------------------------------------
    def _build(self, by_family: dict[str, list[str]]) -> None:
        self.horizon = QSpinBox()
        self.horizon.setRange(1, 1000)
        self.horizon.setValue(28)
        self.horizon.setToolTip(self.tr("How many periods ahead to forecast"))
        self.season = QSpinBox()
        self.season.setRange(0, 400)
        self.season.setToolTip(self.tr("The length of the repeating pattern, in periods (7 for a "
                                       "weekly rhythm in daily data). Auto uses the usual one."))
        self.windows = QSpinBox()
        self.windows.setRange(0, 20)
        self.windows.setToolTip(self.tr("How many times each model is tested on past data it "
                                        "has not seen; more windows give a fairer comparison "
                                        "and take longer"))
        self.holidays = QComboBox()
        self.holidays.addItem(self.tr("None"), None)
        for code in HOLIDAY_COUNTRIES:
            self.holidays.addItem(code, code)
        self.holidays.setToolTip(self.tr("Public holidays of this country are given to the "
                                         "models that can use them"))
        self.holidays_note = QLabel()  # where the preselected country comes from
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.seed.setToolTip(self.tr("Starting point of the neural networks' random training: "
                                     "the same data, settings and seed give the same forecast"))
        self.errors = {key: self._error_label() for key in ("horizon", "season", "windows",
                                                            "models")}
        self.unit_label = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Forecast horizon"), self._row(self.horizon, self.unit_label,
                                                            self.errors["horizon"]))
        form.addRow(self.tr("Season length"), self._row(self.season, self.errors["season"]))
        form.addRow(self.tr("Backtest windows"), self._row(self.windows, self.errors["windows"]))
        form.addRow(self.tr("Holidays of"), self._row(self.holidays, self.holidays_note))
        form.addRow(self.tr("Seed"), self._row(self.seed, QLabel()))
        basics = QGroupBox(self.tr("What to forecast"))
        basics.setLayout(form)

        preset_box = QGroupBox(self.tr("Preset"))
        preset_layout = QHBoxLayout(preset_box)
        self.preset_group = QButtonGroup(self)
        self.preset_buttons: dict[str, QRadioButton] = {}
        for key, label, tip in (
                ("fast", self.tr("Fast"), self.tr("A few quick classical models, 2 backtests")),
                ("balanced", self.tr("Balanced"),
                 self.tr("Auto picks among the classical models and, where the data support "
                         "one, a neural network; 3 backtests")),
                ("best", self.tr("Best accuracy"),
                 self.tr("Adds neural networks and combinations; takes much longer")),
                ("custom", self.tr("Custom"), self.tr("Your own choice of settings"))):
            button = QRadioButton(label)
            button.setToolTip(tip)
            button.setObjectName(f"preset_{key}")
            self.preset_group.addButton(button)
            self.preset_buttons[key] = button
            preset_layout.addWidget(button)
            if key != "custom":
                button.clicked.connect(lambda _=False, k=key: self.apply_preset(k))
        self.estimate_label = QLabel()
        preset_layout.addStretch(1)
        preset_layout.addWidget(self.estimate_label)

        models_box = QGroupBox(self.tr("Models"))
        models_layout = QHBoxLayout(models_box)
        left = QVBoxLayout()
        self.auto_check = QCheckBox(self.tr("Auto: pick the best model per product"))
        self.auto_check.setToolTip(self.tr("Each product gets the model that did best in its "
                                           "backtests, among the classical models and, where "
                                           "the data support one, a neural network; a model "
                                           "whose backtests missed the total far more than the "
                                           "classical ones is not chosen"))
        self.tree = QTreeWidget()
        self.tree.setHeaderHidden(True)
        self.model_items: dict[str, QTreeWidgetItem] = {}
        self.forms = QStackedWidget()
        self.forms.addWidget(QLabel(self.tr("Select a model to see its settings.")))
        self.param_forms: dict[str, ParamForm] = {}
        family_labels = {"baseline": self.tr("Baselines"), "classical": self.tr("Classical"),
                         "intermittent": self.tr("Intermittent demand"),
                         "neural": self.tr("Neural networks"),
                         "combination": self.tr("Combinations")}
        for family in [*setup_rules.FAMILIES, *sorted(set(by_family) - set(setup_rules.FAMILIES))]:
            if family not in by_family:
                continue
            parent = QTreeWidgetItem(self.tree, [family_labels.get(family, family)])
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
            for cls in (c for c in self.model_classes if c.family == family):
                item = QTreeWidgetItem(parent, [model_label(cls.name)])
                item.setData(0, Qt.ItemDataRole.UserRole, cls.name)
                item.setToolTip(0, registry_text(cls.description))
                item.setCheckState(0, Qt.CheckState.Unchecked)
                self.model_items[cls.name] = item
                # What the run sets itself (a network's horizon, the run-wide holidays and seed)
                # is no knob of the model.
                form = ParamForm(tuple(p for p in cls.params
                                       if p.name not in (*RUN_SET_PARAMS, *RUN_WIDE_PARAMS)))
                form.changed.connect(self._on_changed)
                self.param_forms[cls.name] = form
                self.forms.addWidget(form)
            parent.setExpanded(True)
        self.tree.currentItemChanged.connect(self._show_form)
        self.tree.itemChanged.connect(self._on_changed)
        self.auto_check.toggled.connect(self._on_changed)
        self.cold_start_check = QCheckBox(self.tr("New products: forecast from similar titles"))
        self.cold_start_check.setChecked(True)
        self.cold_start_check.setToolTip(self.tr(
            "A product too young to backtest that has a title is forecast from the sales of the "
            "products with the most similar titles, scaled by its own first sales; off: its "
            "sales so far spread over its life and the horizon"))
        self.cold_start_check.toggled.connect(self._on_changed)
        left.addWidget(self.auto_check)
        left.addWidget(self.cold_start_check)
        left.addWidget(self.tree)
        left.addWidget(self.errors["models"])
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.forms)
        models_layout.addLayout(left, 1)
        models_layout.addWidget(scroll, 1)

        self.start_button = QPushButton(self.tr("Start training"))
        self.start_button.setObjectName("start_training")
        self.start_button.clicked.connect(self._request_start)
        self.start_hint = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.start_hint, 1)
        bottom.addWidget(self.start_button)

        layout = QVBoxLayout(self)
        layout.addWidget(basics)
        layout.addWidget(preset_box)
        layout.addWidget(models_box, 1)
        layout.addLayout(bottom)
        for box in (self.horizon, self.season, self.windows):
            box.valueChanged.connect(self._on_changed)
        self.holidays.currentIndexChanged.connect(self._on_changed)
        self.seed.valueChanged.connect(self._on_changed)
        self._update_units()

    @staticmethod
    def _error_label() -> QLabel:
        label = QLabel()
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setVisible(False)
        return label

    @staticmethod
    def _row(*widgets: QWidget) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in widgets:
            if not isinstance(widget, QLabel):
                widget.setMinimumWidth(140)
            layout.addWidget(widget, 1 if isinstance(widget, QLabel) else 0)
        layout.addStretch(1)  # fields keep their size when the error label is hidden
        return row

    # -- state -------------------------------------------------------------------------------
    def set_dataset(self, result) -> None:
        """Adapt units, defaults and checks to an imported dataset (an `ImportResult`)."""
        self.freq = result.freq
        self._frame = result.frame
        sizes = result.frame.groupby(ID).size()
        self.lengths = tuple(int(n) for n in sizes)
        self.history = int(sizes.max()) if len(sizes) else 0
        self.products = int(len(sizes))
        self._applying = True
        self.horizon.setValue({"D": 28, "W": 8, "M": 6}.get(self.freq, 28))
        self._preselect_holidays(result)
        self._update_units()
        self._on_changed()
        self._applying = False

    def _preselect_holidays(self, result) -> None:
        """The import's country (`ImportResult.holiday_country`), or none; the note says why."""
        summary = getattr(result, "summary", None)
        found = getattr(summary, "country", None)
        self._select_holidays(getattr(result, "holiday_country", None))
        self.holidays_note.setText(format_clause(*found.summary_item()) if found else "")
        self.holidays_note.setWordWrap(True)

    def _select_holidays(self, code: str | None) -> None:
        """Select `code`, adding it when it is not one of the usual countries listed."""
        if code and self.holidays.findData(code) < 0:
            self.holidays.addItem(code, code)
        self.holidays.setCurrentIndex(max(self.holidays.findData(code), 0))

    def _update_units(self) -> None:
        units = {"D": self.tr("days"), "W": self.tr("weeks"), "M": self.tr("months")}
        self.unit_label.setText(units.get(self.freq, FREQ_UNITS.get(self.freq, "")))
        self.season.setSpecialValueText(self.tr("Auto ({0})").format(
            DEFAULT_SEASON.get(self.freq, 7)))

    def apply_preset(self, key: str) -> None:
        preset = self.presets[key]
        self._applying = True
        self.windows.setValue(preset.windows)
        self.auto_check.setChecked(AUTO in preset.models)
        for name, item in self.model_items.items():
            item.setCheckState(0, Qt.CheckState.Checked if name in preset.models
                               else Qt.CheckState.Unchecked)
        self.preset_buttons[key].setChecked(True)
        self._on_changed()
        self._applying = False

    def set_settings(self, settings: ForecastSettings) -> None:
        """Show saved settings (from a project) as if the user had entered them."""
        self._applying = True
        self.horizon.setValue(settings.horizon)
        self.season.setValue(settings.season_length or 0)
        self.windows.setValue(settings.windows)
        self._select_holidays(settings.holiday_country)
        self.seed.setValue(settings.seed)
        self.auto_check.setChecked(AUTO in settings.models)
        self.cold_start_check.setChecked(settings.cold_start)
        for name, item in self.model_items.items():
            item.setCheckState(0, Qt.CheckState.Checked if name in settings.models
                               else Qt.CheckState.Unchecked)
        for name, form in self.param_forms.items():
            defaults = {spec.name: spec.default for spec in form.specs
                        if spec.default is not None}
            form.set_values(defaults | settings.params.get(name, {}))
        self.preset_buttons["custom"].setChecked(True)
        self._applying = False
        self._on_changed()

    def chosen_models(self) -> tuple[str, ...]:
        names = [n for n, item in self.model_items.items()
                 if item.checkState(0) == Qt.CheckState.Checked]
        return tuple([AUTO] if self.auto_check.isChecked() else []) + tuple(names)

    def settings(self) -> ForecastSettings:
        models = self.chosen_models()
        params = {n: form.values() for n, form in self.param_forms.items() if n in models}
        return ForecastSettings(horizon=self.horizon.value(), freq=self.freq,
                                season_length=self.season.value() or None,
                                windows=self.windows.value(), models=models,
                                params={n: p for n, p in params.items() if p},
                                holiday_country=self.holidays.currentData(),
                                seed=self.seed.value(),
                                cold_start=self.cold_start_check.isChecked(),
                                # projects keep the trained networks for what-if scenarios
                                keep_networks=True)

    def problems(self) -> dict[str, str]:
        """Field -> message for every setting the run could not use (also shown inline, with
        the run plan's warnings: settings the run uses, but should be told about)."""
        found: dict[str, str] = {}
        warned: dict[str, str] = {}
        for problem in setup_rules.check_settings(self.settings(), self.lengths):
            into = found if problem.blocking else warned
            field = setup_rules.form_field(problem)
            text = format_clause(problem.message_id, problem.fields)
            into[field] = f"{into[field]}\n{text}" if field in into else text
        for name in self.chosen_models():
            if name in self.param_forms and self.param_forms[name].problems():
                found.setdefault("models", self.tr("Fix the settings of {0}.").format(name))
        for field, label in self.errors.items():
            label.setText(found.get(field, warned.get(field, "")))
            label.setStyleSheet(ERROR_STYLE if field in found else WARNING_STYLE)
            label.setVisible(field in found or field in warned)
        self.warnings = {f: t for f, t in warned.items() if f not in found}
        return found

    def _on_changed(self, *_args) -> None:
        if not self._applying:
            self.preset_buttons["custom"].setChecked(True)
        problems = self.problems()
        self.expected_seconds = None
        if self.history and not problems:
            self.estimate_label.setText(self.tr("Estimating the run time…"))
            if self.isVisible():  # else when shown (showEvent): no work for a hidden tab
                self._estimate_timer.start()
        else:
            self._estimate_timer.stop()
            self.estimate_label.setText("")
        ready = not problems and self.history > 0
        self.start_button.setEnabled(ready)
        if not self.history:
            self.start_hint.setText(self.tr("Import sales data first."))
        elif problems:
            self.start_hint.setText(self.tr("Fix the settings marked in red first."))
        else:
            self.start_hint.setText("")
        self.start_button.setToolTip(self.start_hint.text())
        self.settings_changed.emit()

    # -- run-time estimate --------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        if self.expected_seconds is None and self.history and not self.problems():
            self._estimate_timer.start()

    def hideEvent(self, event) -> None:  # noqa: N802 (Qt override)
        self._estimate_timer.stop()
        super().hideEvent(event)

    def _start_estimate(self) -> None:
        if self._estimating is not None:  # one at a time; the latest settings win
            self._estimate_again = True
            return
        if self._frame is None or self.problems():
            return
        self._estimate_again = False
        settings = self.settings()
        handle = make_worker(self._estimate, self._frame, settings, parent=self)
        handle.returned.connect(lambda result, s=settings: self._show_estimate(s, result))
        handle.errored.connect(lambda _exc: self.estimate_label.setText(""))
        handle.finished.connect(self._estimate_finished)
        self._estimating = handle
        handle.start()

    def _show_estimate(self, settings: ForecastSettings, result) -> None:
        if settings != self.settings():
            return  # changed meanwhile: the next estimate is on its way
        self.expected_seconds = float(result.seconds)
        self.estimate_label.setText(self.tr("Estimated run time: about {0} (measured on this "
                                            "computer)").format(
                                                setup_rules.describe_seconds(result.seconds)))

    def _estimate_finished(self) -> None:
        self._estimating = None
        if self._estimate_again and self.isVisible():
            self._estimate_timer.start()

    def _show_form(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        name = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        form = self.param_forms.get(name)
        self.forms.setCurrentWidget(form if form is not None else self.forms.widget(0))

    def _request_start(self) -> None:
        if not self.problems() and self.history > 0:
            self.start_requested.emit(self.settings())
