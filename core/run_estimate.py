"""How long a run will take: the run plan's fits times costs measured on this machine.

    calibration = load_or_calibrate()            # measured once, cached in the user cache dir
    seconds = estimate(frame, settings, classes, calibration).seconds

The old estimate (fixed seconds per product and model family) was 24-120x too long: Balanced
on the sample said "about 3 min" and took 7.5 s. Here the count comes from the plan itself
(which products get which candidates, how many windows, the periods each fit reads) and the
costs from a small calibration run on synthetic data at first use:

- each local model is fitted on 10 and on 40 synthetic products (more, up to 640, while the
  difference is within timing noise: ETS is vectorised, 40 products cost no more than 10): the
  difference gives its seconds per product-period, the rest its fixed seconds per fit;
- whole forecast runs of 160 and 1,280 synthetic products give the seconds per backtest row
  of choosing and scoring, the part of a run that is not fitting;
- starting the worker processes is timed once, for runs large enough to use them;
- a network's seconds per training step are measured the first time a plan holds one (that
  needs TensorFlow, so it is not part of the first calibration).

The cache is measured again when the engine or its models changed or a cost is implausible
(`core.calibration_checks`).
"""
from __future__ import annotations

import contextlib
import json
import logging
import os
import platform
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from core.errors import NotEnoughHistory
from core.progress import NEVER, CancelToken, ProgressCallback, ProgressEvent, no_progress, said
from core.schema import ID

_log = logging.getLogger(__name__)
VERSION = 4  # 3 was a format of another branch's, never released
CACHE_NAME = "run_calibration_{freq}.json"
_SMALL, _LARGE = 10, 40  # synthetic products, two sizes
_LARGEST = 640  # the larger size grows x4 up to this while its extra time is within noise
_NOISE = 0.5  # extra time below this share of the small fit's is noise, not products
# Whole runs timed for the cost of choosing and scoring: the Fast preset's models (no network:
# `auto` adds one from 100 products, priced apart) on 160 and 1,280 products. Runs of 10 and 40
# products were mostly fixed cost (choosing 475 and 155 us per backtest row, weekly), so their
# difference priced weekly Fast's choosing at 9.8 s for the 1.7 s it took (issue #12;
# `bench/choosing_cost.py`: 12-14 us per row between 640 and 1,280 products).
RUN_MODELS = ("seasonal_naive", "ets", "theta", "croston", "imapa")
RUN_PRODUCTS = (160, 1280)
# Periods of the synthetic series per frequency: costs differ by frequency (a weekly product's
# season is too long to fit, a daily one's is not), so each is calibrated on its own.
PERIODS = {"D": 150, "W": 52, "M": 48}
HORIZON = {"D": 14, "W": 4, "M": 6}


@dataclass
class Calibration:
    cell_seconds: dict[str, float]  # local model -> seconds per product-period of one fit
    fit_seconds: dict[str, float]  # local model -> fixed seconds per fit
    row_seconds: float  # choosing and scoring, per backtest row (product x model x period)
    run_seconds: float  # a run's fixed cost (classes, plan, choosing, forecast frames)
    spawn_seconds: float  # starting the worker processes
    step_seconds: dict[str, float] = field(default_factory=dict)  # network -> per training step
    network_seconds: dict[str, float] = field(default_factory=dict)  # network -> per fit setup
    machine: str = ""
    freq: str = "D"
    version: int = VERSION
    engine: str = ""  # `calibration_checks.engine_key()` of the engine measured
    models: list[str] = field(default_factory=list)  # local models tried (measured or not)


@dataclass
class Estimate:
    seconds: float
    fits: int  # model fits: (model, product group, window) counted once per product group
    network_fits: int
    parts: dict[str, float]  # model (or "choosing", "start") -> seconds


def machine_key() -> str:
    return f"{platform.node()}|{platform.machine()}|{os.cpu_count()}|{platform.python_version()}"


def cache_path(freq: str) -> Path:
    from core.userdirs import user_dirs

    return user_dirs().cache / CACHE_NAME.format(freq=freq)


def load_cached(freq: str, path: Path | None = None) -> Calibration | None:
    """The calibration measured earlier on this machine, or None: missing, old format, other
    machine, another engine or set of models than today's, or an implausible cost."""
    from core.calibration_checks import engine_key, implausible, local_models

    path = path or cache_path(freq)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = Calibration(**data)
    except (OSError, ValueError, TypeError):
        return None
    stale = [what for what, ok in (
        ("format", found.version == VERSION), ("machine", found.machine == machine_key()),
        ("frequency", found.freq == freq), ("engine", found.engine == engine_key()),
        ("models", found.models == local_models())) if not ok]
    stale += implausible(found) if not stale else []
    if stale:
        _log.info("calibration cache %s not used: %s", path, "; ".join(stale))
        return None
    return found


def save(calibration: Calibration, path: Path | None = None) -> None:
    from core.atomic_write import atomic_open

    path = path or cache_path(calibration.freq)
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_open(path, "w", encoding="utf-8") as handle:
        json.dump(asdict(calibration), handle, indent=1, sort_keys=True)


def load_or_calibrate(freq: str, path: Path | None = None, *, networks: tuple[str, ...] = (),
                      progress: ProgressCallback | None = None,
                      cancel: CancelToken | None = None) -> Calibration:
    """The cached calibration for data of `freq`, measured first if there is none (seconds),
    with the training step of each of `networks` measured too if it is not yet."""
    calibration = load_cached(freq, path)
    changed = calibration is None
    if calibration is None:
        calibration = calibrate(freq, progress=progress, cancel=cancel)
    missing = [n for n in networks if not measured(calibration, n)]
    for name in missing:
        if is_network(name):
            _measure_network(calibration, name, cancel or NEVER)
        else:
            _measure_global(calibration, name, cancel or NEVER)
    if changed or missing:
        with contextlib.suppress(OSError):  # read-only cache: measured again next time, no more
            save(calibration, path)
    return calibration


def synthetic_frame(products: int, freq: str = "D", periods: int | None = None,
                    seed: int = 0) -> pd.DataFrame:
    """Sales like a shop's: half sell most periods (with a rhythm), half now and then."""
    from core.schema import DEFAULT_SEASON

    rng = np.random.default_rng(seed)
    periods = periods or PERIODS[freq]
    ends = {"D": "D", "W": "W-SUN", "M": "MS"}
    days = pd.date_range("2023-01-01", periods=periods, freq=ends[freq])
    season = DEFAULT_SEASON.get(freq, 7)
    weekly = 1.0 + 0.3 * np.sin(2 * np.pi * np.arange(periods) / season)
    rows = []
    for i in range(products):
        if i % 2:
            y = rng.poisson(5.0 * weekly)
        else:
            y = rng.poisson(3.0, periods) * (rng.random(periods) < 0.25)
        rows.append(pd.DataFrame({ID: f"p{i:03d}", "ds": days, "y": y.astype(float)}))
    return pd.concat(rows, ignore_index=True)


def calibrate(freq: str = "D", *, progress: ProgressCallback | None = None,
              cancel: CancelToken | None = None) -> Calibration:
    """Measure this machine: every local model's fit costs, then whole small runs."""
    from core.calibration_checks import engine_key, local_models
    from core.models.registry import create

    progress = progress or no_progress
    cancel = cancel or NEVER
    frames: dict[int, pd.DataFrame] = {}
    tiny = synthetic_frame(2, freq)
    periods, horizon = PERIODS[freq], HORIZON[freq]
    local = local_models()
    cell, fixed = {}, {}
    for i, name in enumerate(local):
        cancel.raise_if_cancelled()
        # The first fit pays for imports and compiling (numba): not a cost of every run.
        try:
            create(name).fit(tiny, freq=freq, cancel=cancel).predict(horizon)
        except NotEnoughHistory:  # e.g. MSTL on weekly data: never a candidate there either
            continue

        def timed(products: int, name=name) -> float:
            data = frames.setdefault(products, synthetic_frame(products, freq))
            best = float("inf")
            for _ in range(2):  # the faster of two: other jobs on the machine only add time
                began = time.perf_counter()
                create(name).fit(data, freq=freq, cancel=cancel).predict(horizon)
                best = min(best, time.perf_counter() - began)
            return best

        per_product, fixed[name] = fit_costs(timed)
        cell[name] = per_product / periods
        progress(said(0.8 * (i + 1) / len(local), "progress.calibrating", stage=name))
    calibration = Calibration(cell, fixed, 0.0, 0.0, 0.0, machine=machine_key(), freq=freq,
                              engine=engine_key(), models=local)
    began = time.perf_counter()
    _measure_runs(calibration, *(synthetic_frame(n, freq) for n in RUN_PRODUCTS), cancel)
    _log.info("calibration: fits measured, whole runs took %.1f s", time.perf_counter() - began)
    progress(said(0.9, "progress.calibrating", stage="start"))
    calibration.spawn_seconds = _measure_spawn()
    progress(said(1.0, "progress.calibrating"))
    return calibration


def fit_costs(timed) -> tuple[float, float]:
    """(seconds per product, fixed seconds) of one fit, from `timed(products)`, the seconds a
    fit of that many synthetic products takes. The larger size grows while its extra time is
    within noise of the smaller's: a vectorised model's 40 products can time no slower than its
    10, which priced ETS on 1,817 products as if they cost nothing (issue #12)."""
    small = timed(_SMALL)
    products = _LARGE
    extra = timed(products) - small
    while extra <= _NOISE * small and products < _LARGEST:
        products *= 4
        extra = timed(products) - small
    # Never free: if even the largest is within noise, its whole time is the bound per product.
    per_product = extra / (products - _SMALL) if extra > 0 else timed(products) / products
    return per_product, max(small - _SMALL * per_product, 0.0)


def _measure_runs(calibration: Calibration, small: pd.DataFrame, large: pd.DataFrame,
                  cancel: CancelToken) -> None:
    """Whole runs on `small` and `large`: their progress says when fitting ends and choosing
    begins, so choosing and scoring is timed apart, per backtest row plus a fixed part; what
    is left besides the fits the calibration already predicts adds to the fixed part."""
    from core.models.demand import classify
    from core.pipeline import run
    from core.pipeline_types import ForecastSettings

    freq = calibration.freq
    settings = ForecastSettings(horizon=HORIZON[freq], freq=freq, windows=2, n_jobs=1,
                                models=RUN_MODELS)
    choosing, rows, rest = [], [], []
    for frame in (small, large):
        marks: dict[str, float] = {}

        def note(event: ProgressEvent, marks=marks) -> None:
            if event.stage == "selection":
                marks.setdefault("choosing", time.perf_counter())

        began = time.perf_counter()
        run(frame, settings, progress=note, cancel=cancel)
        ended = time.perf_counter()
        classes = classify(frame)
        counted = estimate(frame, settings, classes, calibration, in_child=False)
        fitting = sum(v for k, v in counted.parts.items() if k not in ("choosing", "start"))
        choosing.append(ended - marks.get("choosing", ended))
        rows.append(_backtest_rows(frame, settings, classes))
        rest.append(max(ended - began - choosing[-1] - fitting, 0.0))
    extra = choosing[1] - choosing[0]
    # Never free: if the larger run chose no slower, its whole time bounds the cost per row.
    calibration.row_seconds = extra / (rows[1] - rows[0]) if extra > 0 else \
        choosing[1] / rows[1]
    fixed_choosing = max(choosing[1] - calibration.row_seconds * rows[1], 0.0)
    calibration.run_seconds = fixed_choosing + min(rest)


def _measure_spawn() -> float:
    """Seconds to start two worker processes that import the engine, as a parallel run does."""
    from core.parallel import map_chunks

    began = time.perf_counter()
    map_chunks(_touch, [0, 1], n_jobs=2)
    return time.perf_counter() - began


def _touch(chunk: int, _cancel: CancelToken) -> int:
    import core.evaluation.fitting  # noqa: F401  (what a worker imports for a real run)

    return chunk


def is_network(name: str) -> bool:
    """A model trained in epochs (priced by its training steps), not by its fit costs."""
    from core.models.registry import get

    return get(name).capabilities.reports_epochs


def measured(calibration: Calibration, name: str) -> bool:
    """Whether `calibration` holds the costs of global model `name`."""
    return name in (calibration.step_seconds if is_network(name) else calibration.cell_seconds)


def _measure_global(calibration: Calibration, name: str, cancel: CancelToken) -> None:
    """Fit costs of a global model that is not a network (one fit across all products), as
    `calibrate` measures the local ones, on synthetic data of the calibration's frequency."""
    from core.models.registry import create

    freq = calibration.freq
    create(name).fit(synthetic_frame(2, freq), freq=freq, cancel=cancel)  # imports: not a cost
    frames: dict[int, pd.DataFrame] = {}

    def timed(products: int) -> float:
        data = frames.setdefault(products, synthetic_frame(products, freq))
        best = float("inf")
        for _ in range(2):
            began = time.perf_counter()
            create(name).fit(data, freq=freq, cancel=cancel).predict(HORIZON[freq])
            best = min(best, time.perf_counter() - began)
        return best

    per_product, calibration.fit_seconds[name] = fit_costs(timed)
    calibration.cell_seconds[name] = per_product / PERIODS[freq]


def _measure_network(calibration: Calibration, name: str, cancel: CancelToken) -> None:
    """Seconds per training step of network `name` at its default size on synthetic data of the
    calibration's frequency, from the time between its epochs' ends (the fastest: other jobs
    only add time), and its seconds per fit besides (building, tracing, the first epoch's
    extra). A fit first pays for importing TensorFlow, not part of a run's cost per fit."""
    from core.models.registry import create

    freq = calibration.freq
    data = synthetic_frame(_LARGE, freq)
    horizon = HORIZON[freq]
    create(name, epochs=1, windows_per_epoch=64, horizon=horizon).fit(data, freq=freq,
                                                                       cancel=cancel)
    ends: dict[int, float] = {}

    def note(event: ProgressEvent) -> None:
        if event.metrics and "epoch" in event.metrics:
            ends[int(event.metrics["epoch"])] = time.perf_counter()

    model = create(name, epochs=3, patience=10, horizon=horizon)
    began = time.perf_counter()
    model.fit(data, freq=freq, progress=note, cancel=cancel)
    steps = max(_steps_per_epoch(model, data, horizon), 1)
    epoch = min(ends[k] - ends[k - 1] for k in (2, 3) if k in ends and k - 1 in ends)
    calibration.step_seconds[name] = epoch / steps
    calibration.network_seconds[name] = max(ends[1] - began - epoch, 0.0)


def _steps_per_epoch(model, data: pd.DataFrame, horizon: int) -> int:
    """Training steps of one epoch: windows sampled (at most the windows the data has, about
    one per period after the first horizon + 1 of each product) over the batch size."""
    lengths = data.groupby(ID, sort=False).size().to_numpy()
    available = int(np.clip(lengths - horizon, 0, None).sum())
    per_epoch = min(int(model.windows_per_epoch), available)
    return per_epoch // max(min(int(model.batch_size), per_epoch), 1)


def _backtest_rows(frame, settings, classes) -> int:
    from core.run_plan import build

    plan = build(frame, settings, classes)
    return sum(len(uids) * len(models) for uids, models in plan.groups) * plan.windows * \
        plan.horizon


def estimate(frame: pd.DataFrame, settings, classes: pd.Series, calibration: Calibration, *,
             in_child: bool = True) -> Estimate:
    """Seconds the run of `settings` on `frame` will take on the calibrated machine.

    `in_child`: the run starts in a process of its own (the app's Training step does).
    """
    from core.executors import CHUNKS_PER_JOB as _CHUNKS_PER_JOB
    from core.executors import PROCESS_THRESHOLD as _PROCESS_THRESHOLD
    from core.models.registry import get
    from core.run_plan import build

    plan = build(frame, settings, classes)
    lengths = frame.groupby(ID, sort=False).size()
    fits_per_model = plan.windows + 1
    # Periods a backtest fit reads on average: the series less what its window holds back.
    held = plan.horizon + (plan.windows - 1) * plan.step / 2 if plan.windows else 0.0
    n_models = sum(len(models) for _, models in plan.groups) / max(len(plan.groups), 1)
    parallel = settings.n_jobs > 1 and len(frame) * n_models >= _PROCESS_THRESHOLD
    workers = min(settings.n_jobs, os.cpu_count() or 1) if parallel else 1
    per_chunk = -(-len(lengths) // (settings.n_jobs * _CHUNKS_PER_JOB if parallel else 1))
    parts: dict[str, float] = {}
    fits = network_fits_count = 0
    networks: dict[str, int] = {}
    for uids, models in plan.groups:
        group = lengths.reindex(uids)
        chunks = -(-len(uids) // per_chunk)
        periods = float(group.sum()) + plan.windows * float(
            np.clip(group.to_numpy() - held, 1, None).sum())
        for name in models:
            if is_network(name):
                networks[name] = networks.get(name, 0) + len(uids)
                continue
            if get(name).capabilities.global_model:  # one fit per window, in the run's process
                first = name not in parts
                parts[name] = parts.get(name, 0.0) + periods * calibration.cell_seconds.get(
                    name, 0.0) + first * fits_per_model * calibration.fit_seconds.get(name, 0.0)
                fits += first * fits_per_model
                continue
            seconds = (fits_per_model * chunks * calibration.fit_seconds.get(name, 0.0)
                       + periods * calibration.cell_seconds.get(name, 0.0))
            parts[name] = parts.get(name, 0.0) + seconds / workers
            fits += fits_per_model * chunks
    if networks:  # training epochs as the run takes them (`core.network_estimate`)
        from core.network_estimate import network_fits

        trained = network_fits(plan, lengths, calibration)
        parts.update(trained.seconds)
        network_fits_count = trained.fits
    rows = sum(len(uids) * len(models) for uids, models in plan.groups) * plan.windows * \
        plan.horizon
    parts["choosing"] = calibration.row_seconds * rows + calibration.run_seconds
    # Workers start side by side, about as fast as one; the app's own run process is one more.
    parts["start"] = calibration.spawn_seconds * (int(parallel) + int(in_child))
    return Estimate(float(sum(parts.values())), fits, network_fits_count, parts)


def networks_in(settings) -> tuple[str, ...]:
    """The global models `settings` name, or that `auto` may try: networks (their step cost)
    and the global tree model (its fit costs) are measured only when a plan holds them."""
    from core.models.registry import load_all
    from core.run_plan import AUTO

    registered = load_all()
    names = [n for n in settings.models if n in registered]
    if AUTO in settings.models:
        names += _auto_networks(settings.freq)
    return tuple(dict.fromkeys(n for n in names if registered[n].capabilities.global_model))


def _auto_networks(freq: str) -> list[str]:
    """Networks among auto's candidates (none today; branch autonets adds them)."""
    from core.models.demand import CLASSES, candidates_for

    return [n for c in CLASSES for n in candidates_for(c, freq, 10_000)]


def estimate_run(frame: pd.DataFrame, settings, *, in_child: bool = True,
                 progress: ProgressCallback | None = None,
                 cancel: CancelToken | None = None) -> Estimate:
    """Seconds a run of `settings` on `frame` will take here; calibrates first if this machine
    has not been measured for the frequency yet (a worker's job: seconds, not milliseconds).

    `in_child`: the run will start in a process of its own, as the app's are; the calibration
    then runs in one too, at the same priority, and TensorFlow stays out of this process."""
    from core.models.demand import classify
    from core.pipeline import _checked

    frame = _checked(frame)
    networks = networks_in(settings)
    calibration = load_cached(settings.freq)
    if calibration is None or any(not measured(calibration, n) for n in networks):
        if in_child:
            from core.subprocess_runner import run_in_process

            calibration = run_in_process("core.run_estimate:load_or_calibrate", settings.freq,
                                         networks=networks, progress=progress, cancel=cancel)
        else:
            calibration = load_or_calibrate(settings.freq, networks=networks, progress=progress,
                                            cancel=cancel)
    return estimate(frame, settings, classify(frame), calibration, in_child=in_child)
