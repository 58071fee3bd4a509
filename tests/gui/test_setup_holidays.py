"""Model setup: "Holidays of" preselected from the import's country, and the run's seed."""
from __future__ import annotations

import fakes
from PySide6.QtWidgets import QLineEdit, QSpinBox

from core.data.country import ShopCountry
from core.models.base import Capabilities, ForecastModel, ParamSpec
from core.pipeline_types import ForecastSettings
from gui.panels.setup_panel import SetupPanel


class FakeTcn(ForecastModel):
    name, label, family = "tcn", "TCN", "neural"
    capabilities = Capabilities(global_model=True)
    params = (ParamSpec("units", "int", 32, "Units", "Width", 1, 512),
              ParamSpec("holiday_country", "str", "", "Holidays of", "ISO code"),
              ParamSpec("seed", "int", 0, "Seed", "Seed", 0, 2**31 - 1))


class FakeNaive(ForecastModel):
    name, label, family = "seasonal_naive", "Seasonal naive", "baseline"


def make_panel(qtbot):
    panel = SetupPanel(models=lambda: [FakeTcn, FakeNaive])
    qtbot.addWidget(panel)
    return panel


def imported(country: ShopCountry | None):
    result = fakes.fake_load("orders.csv")
    result.summary.country = country
    return result


UK = ShopCountry("Country", "United Kingdom", 0.836, "GB")


def started(panel, qtbot) -> ForecastSettings:
    with qtbot.waitSignal(panel.start_requested) as blocker:
        panel.start_button.click()
    return blocker.args[0]


def test_holidays_are_preselected_from_the_import_and_reach_the_settings(qtbot):
    panel = make_panel(qtbot)
    assert panel.holidays.currentData() is None
    panel.set_dataset(imported(UK))
    assert panel.holidays.currentData() == "GB"
    assert panel.holidays_note.text() == ("holidays of GB by default: United Kingdom bought 84% "
                                          "of the units (column 'Country')")
    panel.seed.setValue(42)
    settings = started(panel, qtbot)
    assert (settings.holiday_country, settings.seed) == ("GB", 42)


def test_the_user_can_change_the_preselected_country(qtbot):
    panel = make_panel(qtbot)
    panel.set_dataset(imported(UK))
    panel.holidays.setCurrentIndex(panel.holidays.findData("DE"))
    assert started(panel, qtbot).holiday_country == "DE"
    panel.holidays.setCurrentIndex(panel.holidays.findData(None))
    assert started(panel, qtbot).holiday_country is None


def test_a_country_beyond_the_usual_list_is_added(qtbot):
    panel = make_panel(qtbot)
    panel.set_dataset(imported(ShopCountry("Shipping Country", "ZA", 0.9, "ZA")))
    assert panel.holidays.currentData() == "ZA"
    assert started(panel, qtbot).holiday_country == "ZA"


def test_a_mixed_shop_gets_no_holidays_and_the_note_says_why(qtbot):
    panel = make_panel(qtbot)
    panel.set_dataset(imported(UK))
    panel.set_dataset(imported(ShopCountry("Country", "Germany", 0.45, "DE")))
    assert panel.holidays.currentData() is None
    assert "no default for holidays" in panel.holidays_note.text()
    panel.set_dataset(imported(None))  # a file without countries: nothing left from the last
    assert panel.holidays.currentData() is None and panel.holidays_note.text() == ""


def test_a_projects_settings_win_over_the_data(qtbot):
    panel = make_panel(qtbot)
    panel.set_dataset(imported(UK))
    panel.set_settings(ForecastSettings(horizon=14, models=("seasonal_naive",),
                                        holiday_country="IE", seed=7))
    assert (panel.holidays.currentData(), panel.seed.value()) == ("IE", 7)
    settings = panel.settings()
    assert (settings.holiday_country, settings.seed) == ("IE", 7)


def test_network_forms_leave_the_run_wide_fields_to_the_run(qtbot):
    panel = make_panel(qtbot)
    form = panel.param_forms["tcn"]
    assert form.findChild(QSpinBox, "param_units") is not None
    assert form.findChild(QLineEdit, "param_holiday_country") is None
    assert form.findChild(QSpinBox, "param_seed") is None
