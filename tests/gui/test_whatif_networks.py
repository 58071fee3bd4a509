"""The whole path with a real network: train it in the training process, ask it a price what-if
(in a child process), save the project, reopen it in a fresh window and ask the restored network
again, all without TensorFlow in the window's process."""
from __future__ import annotations

import dataclasses
import sys

import pytest
from views import fake_window, load_sample

from core.scenario.network import responsive
from gui.main_window import FORECAST, MainWindow

TINY_TCN = {"units": 8, "epochs": 2, "windows_per_epoch": 128, "batch_size": 32,
            "lookback": 14, "dilations": (1, 2)}


def make_window(qtbot) -> MainWindow:
    # Fake reading (3 priced products), the real engine for training and what-ifs.
    return fake_window(qtbot, None)


def ask_the_networks(qtbot, window, percent: float):
    panel = window.forecast_view.whatif
    panel.percent.setValue(percent)
    panel.method.setCurrentIndex(panel.method.findData("network"))
    assert panel.method.currentData() == "network"
    with qtbot.waitSignal(panel.applied, timeout=180_000) as blocker:
        panel.apply_button.click()
    qtbot.waitUntil(lambda: not panel.is_busy(), timeout=10_000)
    return blocker.args[0]


@pytest.mark.slow
def test_trained_networks_answer_what_ifs_before_and_after_a_project_round_trip(qtbot,
                                                                               tmp_path):
    had_tensorflow = "tensorflow" in sys.modules
    window = load_sample(qtbot, make_window(qtbot))
    # The Model setup panel's settings (which keep networks), with a tiny TCN.
    settings = dataclasses.replace(window.setup_panel.settings(), horizon=7, windows=0,
                                   models=("tcn",), params={"tcn": TINY_TCN})
    assert settings.keep_networks
    with qtbot.waitSignal(window.forecast_view.run_shown, timeout=300_000):
        window.start_training(settings)
    qtbot.waitUntil(lambda: not window.training_panel.is_running(), timeout=10_000)
    run = window.training_panel.run
    assert responsive(run.networks) == ["tcn"]

    first = ask_the_networks(qtbot, window, -30)
    assert first.method == "network" and len(first.forecast) == 3 * 7
    assert window.windowTitle().endswith("* - Trendcast") or "*" in window.windowTitle()
    path = tmp_path / "shop.trendcast"
    with qtbot.waitSignal(window.projects.project_saved, timeout=60_000):
        window.projects.save_to(str(path))
    qtbot.waitUntil(lambda: not window.projects.is_busy(), timeout=5000)

    fresh = make_window(qtbot)
    with qtbot.waitSignal(fresh.forecast_view.run_shown, timeout=60_000):
        fresh.open_path(str(path))
    qtbot.waitUntil(lambda: not fresh.projects.is_busy(), timeout=5000)
    assert fresh.tabs.currentIndex() == FORECAST
    restored = fresh.forecast_view.scenario()
    assert restored is not None and restored.plan == first.plan
    assert restored.forecast.yhat.round(6).tolist() == first.forecast.yhat.round(6).tolist()
    assert fresh.training_panel.run.networks["tcn"] == run.networks["tcn"]
    # The restored network answers the same question the same way.
    again = ask_the_networks(qtbot, fresh, -30)
    assert again.forecast.yhat.round(4).tolist() == first.forecast.yhat.round(4).tolist()
    assert had_tensorflow or "tensorflow" not in sys.modules
