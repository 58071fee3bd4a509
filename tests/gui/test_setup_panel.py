"""Model setup: forms from the registry's specs, presets, units, inline checks, estimate."""
from __future__ import annotations

from types import SimpleNamespace

import fakes
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QDoubleSpinBox, QLineEdit, QSpinBox

from core.models.base import Capabilities, ForecastModel, ParamSpec
from gui.panels.setup_panel import SetupPanel


class FakeEts(ForecastModel):
    name, label, family = "ets", "ETS", "classical"
    description = "Exponential smoothing"
    capabilities = Capabilities()
    params = (ParamSpec("damped", "bool", True, "Damped trend", "Flatten the trend"),
              ParamSpec("alpha", "float", 0.3, "Alpha", "Smoothing of the level", 0.0, 1.0),
              ParamSpec("error", "choice", "add", "Error", "Additive or multiplicative",
                        choices=("add", "mul")),
              ParamSpec("lags", "int_list", (1, 7), "Lags", "Lags to use", 1, 365),
              ParamSpec("trials", "int", 3, "Trials", "How often to retry", 1, 10))


class FakeLstm(ForecastModel):
    name, label, family = "lstm_attention", "LSTM", "neural"
    params = ()


class FakeNaive(ForecastModel):
    name, label, family = "seasonal_naive", "Seasonal naive", "baseline"


def make_panel(qtbot):
    panel = SetupPanel(models=lambda: [FakeEts, FakeLstm, FakeNaive])
    qtbot.addWidget(panel)
    return panel


def loaded(freq="D", periods=120):
    result = fakes.fake_load("x.csv")
    result.freq = freq
    result.frame = fakes.make_frame(periods=periods, freq=freq)
    return result


def test_forms_are_generated_from_param_specs_with_tooltips(qtbot):
    panel = make_panel(qtbot)
    form = panel.param_forms["ets"]
    kinds = {name: type(form.findChild(object, f"param_{name}"))
             for name in ("damped", "alpha", "error", "lags", "trials")}
    assert kinds == {"damped": QCheckBox, "alpha": QDoubleSpinBox, "error": QComboBox,
                     "lags": QLineEdit, "trials": QSpinBox}
    assert form.findChild(QDoubleSpinBox, "param_alpha").toolTip() == "Smoothing of the level"
    assert form.findChild(QDoubleSpinBox, "param_alpha").maximum() == 1.0
    form.findChild(QDoubleSpinBox, "param_alpha").setValue(0.5)
    form.findChild(QLineEdit, "param_lags").setText("1, 7, 28")
    assert form.values() == {"alpha": 0.5, "lags": [1, 7, 28]}


def test_models_are_grouped_by_family(qtbot):
    panel = make_panel(qtbot)
    groups = [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]
    assert groups == ["Baselines", "Classical", "Neural networks"]


def test_presets_set_models_and_windows(qtbot):
    panel = make_panel(qtbot)
    panel.set_dataset(loaded())
    assert panel.preset_buttons["balanced"].isChecked()  # the default (issue #12)
    assert panel.chosen_models() == ("auto",) and panel.windows.value() == 3
    panel.preset_buttons["fast"].click()
    assert panel.chosen_models() == ("seasonal_naive", "ets")
    assert panel.windows.value() == 2
    panel.preset_buttons["balanced"].click()
    assert panel.chosen_models() == ("auto",) and panel.windows.value() == 3
    panel.preset_buttons["best"].click()
    assert set(panel.chosen_models()) == {"auto", "lstm_attention"}
    assert panel.estimate_label.text() == "Estimating the run time…"
    panel.windows.setValue(4)
    assert panel.preset_buttons["custom"].isChecked()


def test_the_estimate_comes_from_a_worker_for_the_settings_shown(qtbot):
    calls = []

    def estimate(frame, settings, *, progress=None, cancel=None):
        calls.append(settings)
        return SimpleNamespace(seconds=12.0 * settings.windows)

    panel = SetupPanel(models=lambda: [FakeEts, FakeLstm, FakeNaive], estimate=estimate)
    qtbot.addWidget(panel)
    panel.show()  # a hidden tab does no estimating
    assert panel.estimate_label.text() == ""  # no data, no estimate
    panel.set_dataset(loaded())
    for windows in (3, 4, 5):  # typed quickly: one estimate for the last
        panel.windows.setValue(windows)
    assert panel.estimate_label.text() == "Estimating the run time…"
    qtbot.waitUntil(lambda: panel.expected_seconds is not None, timeout=5000)
    assert [s.windows for s in calls] == [5]
    assert panel.expected_seconds == 60.0
    assert panel.estimate_label.text() == ("Estimated run time: about 1 min (measured on this "
                                           "computer)")
    panel.windows.setValue(1)
    assert panel.expected_seconds is None  # stale until the new one arrives
    qtbot.waitUntil(lambda: panel.expected_seconds == 12.0, timeout=5000)
    panel.hide()
    qtbot.waitUntil(lambda: panel._estimating is None, timeout=5000)


def test_the_real_estimate_counts_the_plan(qtbot):
    panel = SetupPanel()  # the registry's models, core.run_estimate (calibration: conftest)
    qtbot.addWidget(panel)
    panel.show()
    panel.set_dataset(loaded())
    panel.preset_buttons["fast"].click()  # Balanced is the default
    qtbot.waitUntil(lambda: panel.expected_seconds is not None, timeout=20000)
    fast = panel.expected_seconds
    panel.preset_buttons["balanced"].click()
    qtbot.waitUntil(lambda: panel.expected_seconds is not None, timeout=20000)
    assert panel.expected_seconds > fast  # auto fits more candidates than the Fast preset
    panel.hide()
    qtbot.waitUntil(lambda: panel._estimating is None, timeout=5000)


def test_units_follow_the_data_frequency(qtbot):
    panel = make_panel(qtbot)
    panel.set_dataset(loaded("W", periods=104))
    assert panel.unit_label.text() == "weeks"
    assert panel.season.specialValueText() == "Auto (52)"
    assert panel.settings().freq == "W"


def test_invalid_settings_are_flagged_and_block_the_start(qtbot):
    panel = make_panel(qtbot)
    assert not panel.start_button.isEnabled()  # no data yet
    assert panel.start_hint.text() == "Import sales data first."
    panel.set_dataset(loaded(periods=120))
    assert panel.start_button.isEnabled()
    panel.horizon.setValue(50)  # Balanced, the default: 50 + (3 + 1 - 1) x 50 + 2 = 202 > 120
    # The run leaves products out of windows they cannot fill (as the CLI does): a warning
    # beside the field, not a refusal.
    assert panel.start_button.isEnabled()
    assert "need 202 periods of history" in panel.errors["windows"].text()
    assert not panel.errors["windows"].isHidden()
    assert panel.warnings == {"windows": panel.errors["windows"].text()}
    panel.horizon.setValue(28)
    assert panel.errors["windows"].isHidden()
    panel.auto_check.setChecked(False)
    for item in panel.model_items.values():
        item.setCheckState(0, Qt.CheckState.Unchecked)
    assert panel.errors["models"].text() == "pick at least one model, or auto"
    assert not panel.start_button.isEnabled()


def test_start_emits_the_settings(qtbot):
    panel = make_panel(qtbot)
    panel.set_dataset(loaded())
    panel.holidays.setCurrentIndex(panel.holidays.findData("DE"))
    with qtbot.waitSignal(panel.start_requested) as blocker:
        panel.start_button.click()
    settings = blocker.args[0]
    assert settings.horizon == 28 and settings.windows == 3  # Balanced, the default
    assert settings.models == ("auto",)
    assert settings.holiday_country == "DE"


def test_the_cold_start_box_is_the_run_setting(qtbot):
    from dataclasses import replace

    panel = make_panel(qtbot)
    assert panel.cold_start_check.isChecked() and panel.settings().cold_start
    panel.cold_start_check.setChecked(False)
    off = panel.settings()
    assert off.cold_start is False
    panel.set_settings(replace(off, cold_start=True))
    assert panel.cold_start_check.isChecked()
    panel.set_settings(off)  # a project saved with it off opens with it off
    assert not panel.cold_start_check.isChecked()
