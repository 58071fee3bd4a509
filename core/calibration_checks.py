"""When a cached run-time calibration (`core.run_estimate.Calibration`) can still be trusted.

A calibration used to be kept for ever once measured on a machine: a later engine (faster or
slower models, new candidates) was priced with the old costs, and one measured by bad luck
stayed wrong (issue #12: the cached daily calibration had ETS's cost per product at 0, so ETS
on 1,817 products was priced from its fixed cost alone). So a calibration carries what it
depends on, and is measured again when that no longer matches or a cost is implausible:

- `engine_key()`: the app version and a digest of the engine's source, so any engine change
  re-measures (a packaged app has no sources: its version alone);
- the local models it measured (`local_models()`), so a new or removed model re-measures;
- `implausible()`: costs outside what any machine can measure (a fit of more products that
  costs nothing, a step of a minute).
"""
from __future__ import annotations

import functools
import hashlib
from pathlib import Path

# Plausible ranges in seconds: (low, high, whether low itself is plausible). Wide on purpose: a
# slow laptop under load is plausible; a zero where work was timed, or hours, is not.
CELL = (0.0, 1e-2, False)  # per product-period of one local fit: more products never cost 0
FIT = (0.0, 30.0, True)  # fixed per local fit
ROW = (0.0, 1e-3, False)  # choosing and scoring per backtest row
RUN = (0.0, 120.0, True)  # a run's fixed cost
SPAWN = (0.0, 120.0, False)  # starting the worker processes
STEP = (0.0, 10.0, False)  # a network's training step
NETWORK = (0.0, 600.0, True)  # a network's fixed cost per fit


@functools.cache
def engine_key() -> str:
    """The app version plus a digest of every engine source file (path and bytes)."""
    import core

    root = Path(core.__file__).resolve().parent
    sources = sorted(root.rglob("*.py"))
    if not sources:  # frozen app: the modules live in an archive, one per release
        return core.__version__
    digest = hashlib.sha256()
    for path in sources:
        digest.update(path.relative_to(root).as_posix().encode())
        digest.update(path.read_bytes())
    return f"{core.__version__}+{digest.hexdigest()[:16]}"


def local_models() -> list[str]:
    """The registered models a calibration measures: every local one (not networks, which are
    measured when a plan holds one, nor combinations, which cost their members)."""
    from core.models.registry import available

    return sorted(c.name for c in available()
                  if not c.capabilities.global_model and c.family != "combination")


def implausible(calibration) -> list[str]:
    """What is wrong with `calibration`'s costs, in words for the log; empty if nothing."""
    c = calibration
    checked = [*((f"{n} per product-period", v, CELL) for n, v in c.cell_seconds.items()),
               *((f"{n} per fit", v, FIT) for n, v in c.fit_seconds.items()),
               ("per backtest row", c.row_seconds, ROW), ("per run", c.run_seconds, RUN),
               ("worker start", c.spawn_seconds, SPAWN),
               *((f"{n} per step", v, STEP) for n, v in c.step_seconds.items()),
               *((f"{n} per network fit", v, NETWORK) for n, v in c.network_seconds.items())]
    problems = []
    for what, value, (low, high, low_ok) in checked:
        inside = (value >= low if low_ok else value > low) and value <= high
        if not inside:
            problems.append(f"{what} {value!r} s")
    return problems
