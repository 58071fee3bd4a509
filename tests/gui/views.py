"""The Forecast view on screen with a run, as most view tests start."""
from __future__ import annotations

from gui.panels.forecast_view import ForecastView
from tests.fixtures.runs import shared_run


def shown_forecast_view(qtbot, run=None, history=None, scenario=None,
                        size: tuple[int, int] = (1200, 800)) -> ForecastView:
    """A shown ForecastView once `run` (default: the shared weekly run) is on screen."""
    if run is None:
        run, shared_history = shared_run()
        history = shared_history if history is None else history
    view = ForecastView()
    qtbot.addWidget(view)
    view.resize(*size)
    view.show()
    with qtbot.waitSignal(view.run_shown, timeout=30_000):
        view.show_run(run, history, scenario)
    return view
