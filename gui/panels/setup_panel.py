"""Step 2, Model setup: horizon, season, backtests, presets, models and their parameters.

The model list and every parameter form come from the registry, so a newly registered model
appears here by itself. Settings the run could not use are flagged beside their field and the
start button stays disabled until they are fixed.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
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
from core.schema import DEFAULT_SEASON, FREQ_UNITS, ID
from gui.model_names import model_label, registry_text
from gui.panels import setup_rules
from gui.widgets.param_form import ERROR_STYLE, ParamForm

HOLIDAY_COUNTRIES = ("AT", "AU", "BE", "BR", "CA", "CH", "CN", "DE", "DK", "ES", "FI", "FR", "GB",
                     "IE", "IN", "IT", "JP", "MX", "NL", "NO", "NZ", "PL", "PT", "SE", "US")


class SetupPanel(QWidget):
    start_requested = Signal(object)  # ForecastSettings
    settings_changed = Signal()

    def __init__(self, models: Callable[[], list] = available, parent=None) -> None:
        super().__init__(parent)
        self.model_classes = sorted(models(), key=lambda c: (c.family, c.label or c.name))
        self.family_of = {c.name: c.family for c in self.model_classes}
        by_family: dict[str, list[str]] = {}
        for cls in self.model_classes:
            by_family.setdefault(cls.family, []).append(cls.name)
        self.presets = setup_rules.presets(by_family)
        self.freq, self.history, self.products = "D", 0, 0
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
        self.errors = {key: self._error_label() for key in ("horizon", "season", "windows",
                                                            "models")}
        self.unit_label = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Forecast horizon"), self._row(self.horizon, self.unit_label,
                                                            self.errors["horizon"]))
        form.addRow(self.tr("Season length"), self._row(self.season, self.errors["season"]))
        form.addRow(self.tr("Backtest windows"), self._row(self.windows, self.errors["windows"]))
        form.addRow(self.tr("Holidays of"), self._row(self.holidays, QLabel()))
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
                form = ParamForm(cls.params)
                form.changed.connect(self._on_changed)
                self.param_forms[cls.name] = form
                self.forms.addWidget(form)
            parent.setExpanded(True)
        self.tree.currentItemChanged.connect(self._show_form)
        self.tree.itemChanged.connect(self._on_changed)
        self.auto_check.toggled.connect(self._on_changed)
        left.addWidget(self.auto_check)
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
        sizes = result.frame.groupby(ID).size()
        self.history = int(sizes.max()) if len(sizes) else 0
        self.products = int(len(sizes))
        self._applying = True
        self.horizon.setValue({"D": 28, "W": 8, "M": 6}.get(self.freq, 28))
        self._update_units()
        self._on_changed()
        self._applying = False

    def _update_units(self) -> None:
        units = {"D": self.tr("days"), "W": self.tr("weeks"), "M": self.tr("months")}
        self.unit_label.setText(units.get(self.freq, FREQ_UNITS.get(self.freq, "")))
        self.season.setSpecialValueText(self.tr("Auto ({0})").format(
            DEFAULT_SEASON.get(self.freq, 7)))

    def apply_preset(self, key: str) -> None:
        preset = self.presets[key]
        self._applying = True
        self.windows.setValue(preset.windows)
        self.auto_check.setChecked("auto" in preset.models)
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
        self.holidays.setCurrentIndex(max(self.holidays.findData(settings.holiday_country), 0))
        self.auto_check.setChecked("auto" in settings.models)
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
        return tuple(["auto"] if self.auto_check.isChecked() else []) + tuple(names)

    def settings(self) -> ForecastSettings:
        models = self.chosen_models()
        params = {n: form.values() for n, form in self.param_forms.items() if n in models}
        return ForecastSettings(horizon=self.horizon.value(), freq=self.freq,
                                season_length=self.season.value() or None,
                                windows=self.windows.value(), models=models,
                                params={n: p for n, p in params.items() if p},
                                holiday_country=self.holidays.currentData(),
                                # projects keep the trained networks for what-if scenarios
                                keep_networks=True)

    def problems(self) -> dict[str, str]:
        """Field -> message for every setting the run could not use (also shown inline)."""
        found = {}
        rules = setup_rules.check_settings(self.horizon.value(), self.windows.value(),
                                           self.season.value() or None, self.history,
                                           self.chosen_models())
        for field, (rule, v) in rules.items():
            found[field] = self._message(rule, v)
        for name in self.chosen_models():
            if name in self.param_forms and self.param_forms[name].problems():
                found.setdefault("models", self.tr("Fix the settings of {0}.").format(name))
        for field, label in self.errors.items():
            label.setText(found.get(field, ""))
            label.setVisible(field in found)
        return found

    def _message(self, rule: str, v: dict) -> str:
        if rule == "history_short":
            return self.tr("A horizon of {0} with {1} backtest window(s) needs {2} periods of "
                           "history, but the longest product has {3}. Shorten the horizon or "
                           "use fewer windows.").format(v["horizon"], v["windows"], v["needed"],
                                                        v["history"])
        if rule == "season_long":
            return self.tr("A season of {0} periods needs at least {1} periods of history; you "
                           "have {2}. Use a shorter season or Auto.").format(
                               v["season"], v["needed"], v["history"])
        if rule == "no_models":
            return self.tr("Pick at least one model, or tick Auto.")
        return self.tr("The horizon must be at least 1 period.")

    def _on_changed(self, *_args) -> None:
        if not self._applying:
            self.preset_buttons["custom"].setChecked(True)
        problems = self.problems()
        seconds = setup_rules.estimate_seconds(self.chosen_models(), self.family_of,
                                               max(self.products, 1), self.windows.value())
        self.estimate_label.setText(self.tr("Estimated run time: about {0} (a rough "
                                            "estimate)").format(
                                                setup_rules.describe_seconds(seconds)))
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

    def _show_form(self, item: QTreeWidgetItem | None, _previous=None) -> None:
        name = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        form = self.param_forms.get(name)
        self.forms.setCurrentWidget(form if form is not None else self.forms.widget(0))

    def _request_start(self) -> None:
        if not self.problems() and self.history > 0:
            self.start_requested.emit(self.settings())
