"""The Model setup panel and the CLI accept and refuse exactly the same settings (one run plan).

Each case goes through both: the `forecast` command (up to the point where it would start the
pipeline) and the panel (start button, the message beside each field), on the same file.
"""
from __future__ import annotations

import pandas as pd
import pytest
from PySide6.QtCore import Qt

import core.pipeline
from core.cli import run as cli
from core.cli._io import import_options
from core.data import load
from gui.panels.setup_panel import SetupPanel

# (horizon, windows, season length or 0 for the usual one, models) -> accepted?, warned fields.
# The longest product has 120 daily periods. Before the run plan the panel refused cases 2, 4
# and 5 (which the CLI ran) and the CLI refused case 3 (which the panel ran).
CASES = [
    ((28, 3, 0, ("auto",)), True, set()),
    ((50, 2, 0, ("auto",)), True, {"windows"}),  # 50 + 2 x 50 + 2 > 120: windows left out
    ((28, 0, 0, ("ets",)), True, set()),  # no reported backtest
    ((7, 3, 100, ("auto",)), True, {"season"}),  # a season that does not fit twice
    ((200, 1, 0, ("ets",)), True, {"horizon"}),  # every product forecast as a new product
    ((28, 3, 0, ()), False, {"models"}),
    ((14, 2, 7, ("ets", "seasonal_naive")), True, set()),
]
FLAG_FIELDS = {"--horizon": "horizon", "--windows": "windows", "--season-length": "season",
               "--model": "models"}


class _Reached(BaseException):
    """The CLI got as far as starting the pipeline: it accepted the settings."""


@pytest.fixture(scope="module")
def sales_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("parity") / "sales.csv"
    days = pd.date_range("2024-01-01", periods=120, freq="D")
    frame = pd.concat([
        pd.DataFrame({"date": days, "product": "A", "quantity": [i % 7 + 1 for i in range(120)]}),
        pd.DataFrame({"date": days[-60:], "product": "B", "quantity": 2.0})])
    frame.to_csv(path, index=False)
    return path


def through_cli(case, path, tmp_path, monkeypatch, capsys) -> tuple[bool, set[str]]:
    horizon, windows, season, models = case

    def reached(frame, settings, **_):
        raise _Reached(settings)

    monkeypatch.setattr(core.pipeline, "run", reached)
    args = ["forecast", str(path), "--freq", "D", "--horizon", str(horizon), "--windows",
            str(windows), "--model", ",".join(models), "--output", str(tmp_path / "fc.csv")]
    if season:
        args += ["--season-length", str(season)]
    try:
        code = cli(args)
    except _Reached:
        accepted = True
    else:
        assert code == 2
        accepted = False
    lines = capsys.readouterr().err.splitlines()
    fields = {FLAG_FIELDS[flag] for line in lines for flag in FLAG_FIELDS
              if line.startswith((f"note: {flag}:", f"error: {flag}:"))}
    if not accepted:
        assert len([line for line in lines if line.startswith("error:")]) == 1
    return accepted, fields


def through_panel(case, path, qtbot) -> tuple[bool, set[str]]:
    horizon, windows, season, models = case
    panel = SetupPanel()
    qtbot.addWidget(panel)
    panel.set_dataset(load(str(path), import_options("D")))
    panel.horizon.setValue(horizon)
    panel.windows.setValue(windows)
    panel.season.setValue(season)
    panel.auto_check.setChecked("auto" in models)
    for name, item in panel.model_items.items():
        item.setCheckState(0, Qt.CheckState.Checked if name in models else
                           Qt.CheckState.Unchecked)
    shown = {field for field, label in panel.errors.items() if not label.isHidden()}
    return panel.start_button.isEnabled(), shown


@pytest.mark.parametrize("case, accepted, warned", CASES)
def test_cli_and_panel_agree(case, accepted, warned, sales_file, tmp_path, monkeypatch, capsys,
                             qtbot):
    by_cli = through_cli(case, sales_file, tmp_path, monkeypatch, capsys)
    by_panel = through_panel(case, sales_file, qtbot)
    assert by_cli == by_panel == (accepted, warned)
