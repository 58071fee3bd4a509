"""GUI test harness: isolated settings, no leaked threads or processes, Qt warnings fail."""
from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

GUI_DIR = Path(__file__).resolve().parent
# Harmless noise of the offscreen platform plugin; anything else Qt warns about fails the test.
QT_LOG_IGNORE = ("This plugin does not support",)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if GUI_DIR in Path(str(item.fspath)).resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(*QT_LOG_IGNORE))


@pytest.fixture(autouse=True)
def collect_on_the_ui_thread(qapp):
    """As the app does (gui.startup): cyclic GC only on the UI thread, never in a worker."""
    from gui import main_thread_gc

    collector = main_thread_gc.install(qapp)
    yield
    collector.collect_due()  # tests that never spin the event loop still free their cycles


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    """Each test gets its own QSettings store (window geometry, recent files)."""
    from PySide6.QtCore import QSettings

    qapp.setOrganizationName("TrendcastTests")
    qapp.setApplicationName("Trendcast")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path / "settings"))
    yield tmp_path / "settings"


@pytest.fixture(autouse=True)
def no_leaked_workers(qapp):
    """Fail any test that leaves a worker thread or a child process running."""
    yield
    from gui.worker import cancel_all_and_wait, running_handles

    threads = [h for h in running_handles() if not h.wait(1000)]
    children = multiprocessing.active_children()
    for child in children:
        child.join(1.0)
    children = [c for c in children if c.is_alive()]
    if threads or children:
        cancel_all_and_wait(5000)
        for child in children:
            child.kill()
            child.join(1.0)
        pytest.fail(f"test left running: {len(threads)} worker thread(s), "
                    f"{len(children)} child process(es)")


@pytest.fixture(autouse=True)
def quick_calibration(monkeypatch):
    """The Model setup's run-time estimate without measuring this machine (a child process and
    seconds of work, cached in the user's folder): fixed costs for every model."""
    import core.run_estimate as run_estimate
    from core.models.registry import available

    def cached(freq, path=None):
        names = [c.name for c in available()]
        return run_estimate.Calibration(
            dict.fromkeys(names, 1e-6), dict.fromkeys(names, 0.01), 1e-6, 1.0, 1.0,
            step_seconds=dict.fromkeys(names, 0.01), machine=run_estimate.machine_key(),
            freq=freq)

    monkeypatch.setattr(run_estimate, "load_cached", cached)
