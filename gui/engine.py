"""The engine functions the panels call by default: the one seam between the GUI and `core`.

Panels take these as constructor arguments so tests can hand them fakes. Each imports its core
module only when called (the window starts without pandas-heavy or TensorFlow imports), and a
missing engine part becomes a plain `TrendcastError` instead of a traceback.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from core.errors import TrendcastError
from core.progress import CancelToken, ProgressCallback

PIPELINE_TARGET = "core.pipeline:run"  # imported in the worker process only


def _engine(module: str, name: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise TrendcastError(f"This build of Trendcast lacks {module}.{name}; "
                             "please install the full version.") from None


def preview(path: str, options=None, *, progress: ProgressCallback | None = None,
            cancel: CancelToken | None = None):
    """The first rows of a file and what detection made of them (`core.data.preview`)."""
    return _engine("core.data", "preview")(path, options)


def load(path: str, options=None, *, progress: ProgressCallback | None = None,
         cancel: CancelToken | None = None):
    """Read a whole sales file into the canonical frame (`core.data.load`)."""
    return _engine("core.data", "load")(path, options, progress=progress, cancel=cancel)


def sample_shop_path() -> str:
    """Where the bundled sample shop lives (`core.paths.sample_shop_path`)."""
    return str(_engine("core.paths", "sample_shop_path")())


def in_process(target: str) -> Callable[..., Any]:
    """A `run_forecast` that calls `target` ("module:function") in a spawned process."""

    def run(frame, settings, *, progress: ProgressCallback | None = None,
            cancel: CancelToken | None = None, **kwargs):
        from core.subprocess_runner import run_in_process

        return run_in_process(target, frame, settings, progress=progress, cancel=cancel,
                              **kwargs)

    run.__name__ = f"in_process({target})"
    return run


# `core.pipeline.run` in a spawned process, so model fits never freeze the window.
run_forecast = in_process(PIPELINE_TARGET)


def has_engine(module: str, name: str) -> bool:
    """Whether an optional engine part is present in this build (e.g. project files)."""
    try:
        return hasattr(importlib.import_module(module), name)
    except ImportError:
        return False


WHAT_IF_TARGET = "core.scenario:what_if"
# Rows of history above which estimating elasticities moves to a child process: pandas holds the
# GIL for a few hundred ms at a time on the whole Online Retail file (3,798 daily products, 1.2 M
# rows: UI gaps up to 280 ms in a thread), while the 300-product sample takes 0.2 s in all.
WHAT_IF_THREAD_ROWS = 200_000


def what_if(run, history, plan, *, progress: ProgressCallback | None = None,
            cancel: CancelToken | None = None):
    """`core.scenario.what_if`: elasticities on small data right here (a worker thread, a
    fraction of a second); big data and the networks' answer in a spawned process (TensorFlow
    never enters the window's process)."""
    network = _engine("core.scenario.whatif", "resolve_method")(plan, run, history) == "network"
    if network or len(history) > WHAT_IF_THREAD_ROWS:
        from core.subprocess_runner import run_in_process

        return run_in_process(WHAT_IF_TARGET, run, history, plan, progress=progress,
                              cancel=cancel)
    return _engine("core.scenario", "what_if")(run, history, plan, progress=progress,
                                                cancel=cancel)
