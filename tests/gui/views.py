"""Windows and views on screen, as most GUI tests start."""
from __future__ import annotations

import fakes

from gui.main_window import MainWindow
from gui.panels.forecast_view import ForecastView
from tests.fixtures.runs import shared_run

_DEFAULT = object()


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


def fake_window(qtbot, run_forecast=_DEFAULT, *, owned: bool = True) -> MainWindow:
    """The real window over fake reading (3 priced daily products); training by
    `run_forecast` (default: the fake engine; None: the real one). `owned=False` leaves closing
    it to the test (for a test that deletes the window itself)."""
    engine = {} if run_forecast is None else {
        "run_forecast": fakes.fake_run_forecast if run_forecast is _DEFAULT else run_forecast}
    window = MainWindow(preview=fakes.fake_preview, load=fakes.fake_load,
                        sample_path=fakes.fake_sample_path, **engine)
    if owned:
        qtbot.addWidget(window)
    window.show()
    return window


def load_sample(qtbot, window: MainWindow) -> MainWindow:
    """Open the (fake) sample shop in `window` and wait until it is read."""
    with qtbot.waitSignal(window.import_panel.dataset_loaded, timeout=5000):
        window.open_sample()
    qtbot.waitUntil(lambda: not window.import_panel.is_busy(), timeout=5000)
    return window
