"""Render each step of the app in a real window and save PNGs for the README.

    make screenshots        (runs this under Xvfb: xvfb-run -a python build/screenshots.py)

Loads the bundled sample shop with the real engine, picks the Fast preset, trains, and grabs the
Import, Model setup, Training, Forecast view (with a what-if) and Reorder steps into
docs/screenshots/.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "docs" / "screenshots"
SIZE = (1280, 820)


def _wait_for(signal, seconds: float) -> list:
    """Run the event loop until `signal` fires; its arguments, or SystemExit on timeout."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop, got = QEventLoop(), []
    signal.connect(lambda *args: (got.append(args), loop.quit()))
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()
    if not got:
        raise SystemExit(f"timed out after {seconds:.0f} s waiting for {signal}")
    return list(got[0])


def _settle(ms: int = 400) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--windows", type=int, default=2, help="backtest windows of the run")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    from PySide6.QtWidgets import QApplication

    from gui.main_window import FORECAST, IMPORT, REORDER, SETUP, TRAINING, MainWindow

    app = QApplication([sys.argv[0]])
    app.setOrganizationName("TrendcastScreenshots")  # leave the user's settings alone
    app.setApplicationName("Trendcast")
    window = MainWindow()
    window.resize(*SIZE)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)

    def shoot(index: int, name: str) -> None:
        window.tabs.setCurrentIndex(index)
        _settle()
        path = args.out / name
        window.grab().save(str(path), "PNG")
        print(f"saved {path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}")

    window.open_sample()
    _wait_for(window.import_panel.dataset_loaded, 120)
    _settle(800)
    shoot(IMPORT, "1_import.png")
    window.setup_panel.preset_buttons["fast"].click()
    window.setup_panel.windows.setValue(args.windows)
    ets = window.setup_panel.model_items.get("ets")
    if ets is not None:  # show a generated parameter form
        window.setup_panel.tree.setCurrentItem(ets)
    shoot(SETUP, "2_model_setup.png")
    window.start_training()
    _wait_for(window.training_panel.training_finished, 900)
    _settle()
    shoot(TRAINING, "3_training.png")
    if window.forecast_view.index is None:  # the view indexes the run in the background
        _wait_for(window.forecast_view.run_shown, 120)
    shoot(FORECAST, "4_forecast_view.png")
    # What-if: the best seller 15 % cheaper from the forecast's third period on.
    view = window.forecast_view
    top = view.products.visible_ids()[1]  # [0] is the shop total
    view.select_product(top)
    panel = view.whatif
    view.tabs.setCurrentWidget(panel)
    panel.percent.setValue(-15)
    panel.start.setCurrentIndex(min(2, panel.start.count() - 1))
    panel.scope.setCurrentIndex(1)  # this product
    panel.add_button.click()
    panel.apply_button.click()
    _wait_for(panel.applied, 120)
    shoot(FORECAST, "5_whatif.png")
    view.tabs.setCurrentWidget(view.chart)
    shoot(FORECAST, "6_whatif_chart.png")
    # Reorder: the sample's stock file, 14 days of lead time, the plan made in its worker.
    reorder = window.reorder_panel
    window.tabs.setCurrentIndex(REORDER)
    reorder.set_stock_file(str(ROOT / "resources" / "sample" / "sample_stock.csv"))
    reorder.plan_button.click()
    _wait_for(reorder.plan_made, 300)
    shoot(REORDER, "7_reorder.png")
    window.projects.ask_to_save = lambda answered: answered("discard")  # nothing to keep
    window.close()
    return 0


if __name__ == "__main__":  # the engine's worker processes import this module: keep the guard
    import multiprocessing

    multiprocessing.freeze_support()
    sys.exit(main())
