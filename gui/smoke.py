"""Smoke mode: `Trendcast --smoke-test` (or `python main.py --smoke-test`) proves a build works.

It opens the main window offscreen, loads the bundled sample, fits a fast classical model, trains a
one-epoch network in a spawned worker (the path the GUI's training takes), renders the forecast
chart to PNG, writes the forecast CSV to a temporary folder, prints one success line and exits 0.
Any failure prints the step and the reason on stderr and exits 1. `--keep` keeps the temporary
folder with the chart and the CSV (its path is in the success line).

Parts of the app that are not in this build yet (no neural model registered, no sample loader)
are named in the success line under "not in this build"; `--strict` (or TRENDCAST_SMOKE_STRICT=1)
turns them into failures. The spec bundles every `core` and `gui` module, so "not in this build"
cannot hide a module the bundle forgot.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd

HORIZON = 14
MAX_PRODUCTS = 4  # enough to exercise multi-series code, few enough to stay fast
CLASSICAL_PREFERENCE = ("ets", "theta", "ses", "arima", "auto_arima")
NEURAL_PREFERENCE = ("tcn", "lstm_attention", "transformer")
CHART_SIZE = (800, 400)


class SmokeFailure(Exception):
    """A check inside a step did not hold."""


class _Run:
    def __init__(self, strict: bool) -> None:
        self.strict = strict
        self.done: list[str] = []
        self.missing: list[str] = []
        self.step = "start"

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        self.step = name
        started = time.monotonic()
        result = fn()
        print(f"smoke: {name} ok ({time.monotonic() - started:.1f} s)", file=sys.stderr,
              flush=True)
        return result

    def not_in_build(self, what: str) -> None:
        if self.strict:
            raise SmokeFailure(f"{what} is not in this build (strict mode)")
        self.missing.append(what)


def run_smoke(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    strict = "--strict" in argv or os.environ.get("TRENDCAST_SMOKE_STRICT") == "1"
    keep = "--keep" in argv  # keep the chart and CSV for a look
    run = _Run(strict)
    started = time.monotonic()
    out_dir = Path(tempfile.mkdtemp(prefix="trendcast-smoke-"))
    try:
        run.run("user folders", lambda: _check_user_dirs(run))
        app, window = run.run("main window", lambda: _open_window(run))
        run.run("resources", lambda: _check_resources(run))
        frame, freq = run.run("sample", lambda: _load_sample(run))
        forecast = run.run("classical model", lambda: _fit_classical(run, frame, freq))
        run.run("title model", lambda: _check_text_model(run))
        run.run("Chinese titles", lambda: _check_chinese_titles(run))
        neural, files = run.run("neural model", lambda: _fit_neural(run, frame, freq))
        if neural is None:
            run.run("spawned worker", lambda: _spawn_check(run, frame, freq, forecast))
        run.run("what-if", lambda: _what_if(run, frame, freq, forecast, neural, files))
        if neural is not None:
            forecast = pd.concat([forecast, neural], ignore_index=True)
        run.run("chart", lambda: _render_chart(run, frame, forecast, out_dir / "forecast.png"))
        run.run("forecast CSV", lambda: _write_csv(run, forecast, out_dir / "forecast.csv"))
        window.close()
        app.processEvents()
    except BaseException as exc:  # noqa: BLE001 - the reason must reach the user, not a trace
        traceback.print_exc(file=sys.stderr)
        reason = str(exc) or type(exc).__name__
        print(f"Trendcast smoke test FAILED at '{run.step}': {type(exc).__name__}: {reason}",
              file=sys.stderr, flush=True)
        return 1
    finally:
        if not keep:
            shutil.rmtree(out_dir, ignore_errors=True)
    line = f"Trendcast smoke test passed in {time.monotonic() - started:.1f} s: "
    line += "; ".join(run.done)
    if run.missing:
        line += "; not in this build: " + ", ".join(run.missing)
    print(line, flush=True)
    return 0


def _check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


def _available(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def _check_user_dirs(run: _Run) -> None:
    import logging

    from core.userdirs import setup

    dirs = setup()
    logging.getLogger("trendcast.smoke").info("smoke test started")
    for handler in logging.getLogger().handlers:
        handler.flush()
    _check(dirs.log_file.is_file(), f"no log file at {dirs.log_file}")
    install = Path(sys.executable).resolve().parent
    if getattr(sys, "frozen", False):
        for folder in (dirs.settings, dirs.cache, dirs.logs):
            _check(install not in folder.resolve().parents, f"{folder} is inside {install}")
    run.done.append(f"log at {dirs.log_file}")


def _open_window(run: _Run):
    from PySide6.QtWidgets import QApplication

    from gui.main_window import MainWindow
    from gui.resources import app_icon

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setWindowIcon(app_icon())
    _check(not app.windowIcon().isNull(), "the app icon did not load from resources/icons")
    window = MainWindow()
    window.show()
    deadline = time.monotonic() + 10
    while not window.isVisible() and time.monotonic() < deadline:
        app.processEvents()
    app.processEvents()
    _check(window.isVisible(), "the main window did not become visible")
    run.done.append(f"window shown ({app.platformName()})")
    return app, window


def _check_resources(run: _Run) -> None:
    """The translation catalogues load from resources/ (the icon was checked with the window)."""
    from PySide6.QtCore import QTranslator

    if not _available("gui.i18n"):
        run.not_in_build("translations (gui.i18n)")
        return
    from gui.i18n import CATALOGUES, TRANSLATIONS_DIR

    for language, name in CATALOGUES.items():
        translator = QTranslator()
        _check(translator.load(str(TRANSLATIONS_DIR / name)) and not translator.isEmpty(),
               f"the {language} translation did not load from {TRANSLATIONS_DIR / name}")
    run.done.append(f"icon and {len(CATALOGUES)} translation(s) loaded from resources/")


def _check_text_model(run: _Run) -> None:
    """The sentence model's weights were bundled: an English title finds its Chinese twin."""
    from core.text.encoder import load_encoder

    loaded = load_encoder()
    if not loaded.is_model:
        run.not_in_build(f"title model ({loaded.note})")
        return
    en, zh, other = loaded.encoder.encode(["ceramic coffee mug", "陶瓷咖啡杯", "garden hose"])
    _check(float(en @ zh) > float(en @ other) + 0.2,
           f"title model: mug/杯 {float(en @ zh):.2f} vs mug/hose {float(en @ other):.2f}")
    run.done.append(f"title model ({loaded.name}) matches en/zh")


def _check_chinese_titles(run: _Run) -> None:
    """Chinese titles through the Similar-products tab, pinyin sorting and line wrapping (the
    bundle's ICU data is trimmed to English and Chinese)."""
    from gui.smoke_text import check_chinese_titles

    run.done.append(check_chinese_titles())


def _load_sample(run: _Run) -> tuple[pd.DataFrame, str]:
    import core.data

    if hasattr(core.data, "load") and _available("core.paths"):
        from core.paths import sample_shop_path

        path = sample_shop_path()
        result = core.data.load(path)
        frame, freq = result.frame, result.freq
        source = f"sample {Path(path).name}"
    else:
        run.not_in_build("sample loader (core.data.load, core.paths)")
        frame, freq, source = _generated_frame(), "D", "generated data"
    _check(len(frame) > 0, "the sample has no rows")
    ids = list(pd.unique(frame["unique_id"]))[:MAX_PRODUCTS]
    frame = frame[frame["unique_id"].isin(ids)].reset_index(drop=True)
    run.done.append(f"{source} loaded ({len(ids)} products, {len(frame)} rows, freq {freq})")
    return frame, freq


def _generated_frame() -> pd.DataFrame:
    import numpy as np

    days = pd.date_range("2024-01-01", periods=120, freq="D")
    weekly = np.tile([3, 4, 5, 5, 6, 9, 8], len(days) // 7 + 1)[: len(days)]
    rows = [pd.DataFrame({"unique_id": f"P{i}", "ds": days, "y": (weekly * (i + 1)).astype(float)})
            for i in range(3)]
    return pd.concat(rows, ignore_index=True)


def _pick(names: list[str], preference: tuple[str, ...]) -> str | None:
    for name in preference:
        if name in names:
            return name
    return names[0] if names else None


def _models(family: str) -> list[str]:
    from core.models.registry import available

    return sorted(m.name for m in available() if m.family == family)


def _fit_classical(run: _Run, frame: pd.DataFrame, freq: str) -> pd.DataFrame:
    from core.smoke_tasks import fit_predict

    name = _pick(_models("classical"), CLASSICAL_PREFERENCE)
    if name is None:
        run.not_in_build("classical models")
        name = "seasonal_naive"
    forecast = fit_predict(frame, name, HORIZON, freq)
    _check_forecast(forecast, frame, name)
    run.done.append(f"{name} fitted")
    return forecast


def _check_forecast(forecast: pd.DataFrame, frame: pd.DataFrame, name: str) -> None:
    products = frame["unique_id"].nunique()
    _check(len(forecast) == products * HORIZON,
           f"{name} gave {len(forecast)} rows, expected {products * HORIZON}")
    _check(bool(forecast["yhat"].notna().all()), f"{name} gave missing values")


def _in_worker(target: str, *args: Any, **kwargs: Any) -> Any:
    """Run in a spawned child: through the GUI's runner when it is in this build."""
    if _available("core.subprocess_runner"):
        from core.subprocess_runner import run_in_process

        return run_in_process(target, *args, **kwargs)
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from core.smoke_tasks import call_by_name

    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        return pool.submit(call_by_name, target, *args, **kwargs).result()


def _fit_neural(run: _Run, frame: pd.DataFrame, freq: str):
    """(forecast, saved files) of a network trained for one epoch in a spawned worker."""
    name = _pick(_models("neural"), NEURAL_PREFERENCE)
    if name is None:
        run.not_in_build("neural models")
        return None, None
    if _available("core.model_files"):
        forecast, files = _in_worker("core.smoke_tasks:fit_predict_keep", frame, name, HORIZON,
                                     freq, {"epochs": 1})
    else:
        forecast = _in_worker("core.smoke_tasks:fit_predict", frame, name, HORIZON, freq,
                              {"epochs": 1})
        files = None
    _check_forecast(forecast, frame, name)
    run.done.append(f"{name} trained 1 epoch in a spawned worker")
    return forecast, files


def _what_if(run: _Run, frame: pd.DataFrame, freq: str, classical: pd.DataFrame,
             neural: pd.DataFrame | None, files: dict[str, bytes] | None) -> None:
    """A 10 % price cut by elasticities here, and by the saved network in a spawned worker
    (Keras loads it with safe_mode there, as a reopened project does)."""
    if not _available("core.scenario"):
        run.not_in_build("what-if scenarios (core.scenario)")
        return
    from core.pipeline_types import ForecastRun, ForecastSettings
    from core.scenario import PriceChange, Scenario, what_if

    empty = pd.DataFrame()
    plan = Scenario((PriceChange(-10),))
    done = []
    if "price" in frame or "list_price" in frame:
        base = ForecastRun(ForecastSettings(horizon=HORIZON, freq=freq), classical, empty,
                           empty, empty, empty, empty)
        estimated = what_if(base, frame, plan).totals()
        _check(all(pd.notna(estimated[k]) for k in ("units", "units_base")),
               "the what-if gave no totals")
        assumed = what_if(base, frame, Scenario(plan.changes, elasticity=-1.5)).totals()
        _check(assumed["units"] > assumed["units_base"], "a price cut did not raise the units")
        done.append("elasticities")
    if neural is not None and files is not None:
        name = str(neural["model"].iloc[0])
        nets = ForecastRun(ForecastSettings(horizon=HORIZON, freq=freq), neural, empty, empty,
                           empty, empty, empty, networks={name: files})
        result = _in_worker("core.scenario:what_if", nets, frame,
                            Scenario(plan.changes, method="network"))
        _check(result.method == "network" and len(result.forecast) == len(neural),
               "the saved network did not answer the what-if")
        done.append(f"the saved {name} in a spawned worker")
    _check(bool(done), "no what-if could run (no prices, no network)")
    run.done.append("what-if by " + " and ".join(done))


def _spawn_check(run: _Run, frame: pd.DataFrame, freq: str, expected: pd.DataFrame) -> None:
    name = str(expected["model"].iloc[0])
    got = _in_worker("core.smoke_tasks:fit_predict", frame, name, HORIZON, freq)
    pd.testing.assert_frame_equal(got.reset_index(drop=True), expected.reset_index(drop=True))
    run.done.append(f"{name} refitted in a spawned worker, same result")


def _render_chart(run: _Run, frame: pd.DataFrame, forecast: pd.DataFrame, path: Path) -> None:
    from gui.smoke_chart import render_app_chart, render_forecast_png

    if _available("gui.widgets.forecast_chart") and _available("core.run_views"):
        render, what = render_app_chart, "forecast chart"
    else:
        run.not_in_build("the Forecast view's chart (gui.widgets.forecast_chart)")
        render, what = render_forecast_png, "plain pyqtgraph chart"
    width, height, colours = render(frame, forecast, path, CHART_SIZE)
    _check(path.is_file() and path.stat().st_size > 0, f"no chart written to {path}")
    _check(colours > 2, f"the chart is blank ({colours} colours)")
    run.done.append(f"{what} rendered ({width}x{height} PNG)")


def _write_csv(run: _Run, forecast: pd.DataFrame, path: Path) -> None:
    from core.csv_output import write_csv

    write_csv(path, forecast, bom=True)
    back = pd.read_csv(path, encoding="utf-8-sig")
    _check(len(back) == len(forecast), f"{path} has {len(back)} rows, expected {len(forecast)}")
    run.done.append(f"forecast CSV written ({len(back)} rows) to {path}")
