"""One run plan: the forecast settings and the data's shape turned into what a run will do.

    problems = check(settings, DataShape.of(frame))    # [] or Problem(field, id, fields), ...
    plan = build(frame, settings, classes)              # raises SettingsError on any problem

The pipeline, the CLI (`forecast`, `backtest`) and the Model setup panel all use these rules, so
a setting the app refuses the CLI refuses too, with the same message naming the same field.
Every rule lives here once:

- `horizon` >= 1; `windows` >= 0 (0: no reported backtest); `step` None or >= 1;
  `season_length` None or >= 1; `freq` D, W or M; `levels` 1..99; `n_jobs` >= 1.
- `models`: at least one; each "auto" (`AUTO`, the only place that word is spelt for the
  engine) or a registered name; each model's parameters known to it and within its limits.
- History (with a data shape), warnings only: the run goes on, as the engine has always done
  (products too short for a window are left out of it; products shorter than
  `history_needed(horizon)` get the new-product rate), but the user is told beside the field.
  A backtest window trains on at least `MIN_TRAIN` periods before the `horizon` it is scored on,
  so the longest product should hold `horizon + MIN_TRAIN` (else no model can be tested at all)
  and, for the windows asked for plus the earlier ones a choice needs (`warmup`),
  `horizon + (all windows - 1) x step + MIN_TRAIN`. A season should fit twice in the longest
  product, a network's lookback once.
- Parameters the run sets (`RUN_SET_PARAMS`): a network forecasts the run's horizon, always; it
  is no knob of its own, so a typed value can no longer fail a run after training.

Combinations have one meaning (`core.models.ensemble`): `median` is the per-period median of its
members; `weighted` averages each product's best `k` members, weighted by 1/MASE on backtest
windows that end before the forecast origin. Their members: in `auto`, each product's
candidates; named, the `members` setting (default: a few well-tried models) and nothing else.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import pandas as pd

from core.errors import TrendcastError
from core.messages import render
from core.models.statistical.new_product import MIN_TRAIN, history_needed
from core.schema import ID, Y

AUTO = "auto"  # the engine's per-product choice by backtest; a pseudo-model name in settings
COMBINATIONS = ("median", "weighted")  # built from their members' fits, never fitted themselves
FREQUENCIES = ("D", "W", "M")
RUN_SET_PARAMS = ("horizon",)  # model parameters the run sets itself (the networks' horizon)


@dataclass(frozen=True)
class Problem:
    """A setting the run cannot use: the field (`horizon`, `windows`, `models`,
    `params.tcn.lookback`...) and an English template of `core.messages` with its fields."""

    field: str
    message_id: str
    fields: dict[str, str] = field(default_factory=dict)
    severity: str = "error"  # "error": the run cannot start; "warning": it runs, and says so

    @property
    def blocking(self) -> bool:
        return self.severity == "error"

    @property
    def text(self) -> str:
        return render(self.message_id, **self.fields)

    def __str__(self) -> str:
        return f"{self.field}: {self.text}"


class SettingsError(TrendcastError):
    """Settings the run cannot use; `problems` names each field."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(str(p) for p in self.problems))


@dataclass(frozen=True)
class DataShape:
    """What the rules need to know of the data: each product's number of periods."""

    lengths: tuple[int, ...]

    @classmethod
    def of(cls, frame: pd.DataFrame) -> DataShape:
        return cls(tuple(int(n) for n in frame.groupby(ID, sort=False).size()))

    @property
    def longest(self) -> int:
        return max(self.lengths, default=0)


@dataclass
class RunPlan:
    """What a run fits and how it chooses, worked out from the settings and the data."""

    auto: bool
    named: list[str]  # models asked for by name
    combos: list[str]  # combinations to build from their members' fits
    members: dict[str, list[str]]  # combination -> its members (named combinations only)
    groups: list[tuple[list[str], list[str]]]  # (product ids, candidate models)
    selecting: bool  # choose among several models per product
    horizon: int
    step: int
    warmup: int  # backtest windows before the reported ones, used only for choosing
    windows: int  # all backtest windows
    params: dict[str, dict]  # model -> the parameters it is created with
    history: dict[str, int]  # model -> periods a product needs to be fitted by it
    young: pd.Series  # unique_id -> periods, for products too young to backtest
    warnings: list[Problem] = field(default_factory=list)  # the run goes on, and says so
    networks: tuple[str, ...] = ()  # networks `auto` tries (warm-started window to window)
    # Anchored networks built from a fitted network's rows, not fitted (`core.level_anchor`).
    anchors: tuple[str, ...] = ()

    def fitted_models(self) -> list[str]:
        return _unique(m for _, models in self.groups for m in models)


def warmup_windows(settings, selecting: bool) -> int:
    """Windows before the reported ones, so that even the first reported window is chosen from
    windows whose test periods end by its cutoff."""
    horizon = max(int(settings.horizon), 1)
    return -(-horizon // (settings.step or horizon)) if selecting else 0


def is_selecting(models: Sequence[str]) -> bool:
    return AUTO in models or len(models) > 1


def check(settings, shape: DataShape | None = None, *, backtest: bool = False
          ) -> list[Problem]:
    """Every problem of `settings` (and of them on data of `shape`), each naming its field.

    `backtest`: for a run whose point is its backtest (the CLI's `backtest`), which needs a
    window to report."""
    from core.models.registry import load_all

    found: list[Problem] = []
    found += _at_least("horizon", settings.horizon, 1, "plan.horizon_min")
    found += _at_least("windows", settings.windows, 1 if backtest else 0,
                       "plan.windows_backtest" if backtest else "plan.windows_min")
    if settings.step is not None:
        found += _at_least("step", settings.step, 1, "plan.step_min")
    if settings.season_length is not None:
        found += _at_least("season_length", settings.season_length, 1, "plan.season_min")
    if settings.freq not in FREQUENCIES:
        found.append(Problem("freq", "plan.freq_unknown", {"value": str(settings.freq)}))
    bad_levels = [lv for lv in settings.levels if not 0 < lv < 100]
    if not settings.levels or bad_levels:
        found.append(Problem("levels", "plan.levels_range",
                             {"value": ",".join(str(v) for v in settings.levels) or "none"}))
    found += _at_least("n_jobs", settings.n_jobs, 1, "plan.jobs_min")
    registered = load_all()
    if not settings.models:
        found.append(Problem("models", "plan.no_models"))
    for name in settings.models:
        if name != AUTO and name not in registered:
            found.append(Problem("models", "plan.model_unknown",
                                 {"model": name, "available": ", ".join(sorted(registered))}))
    found += _param_problems(settings.params, registered)
    if shape is not None and not found:
        found += _history_problems(settings, shape, registered)
    return found


def blocking(problems: Sequence[Problem]) -> list[Problem]:
    return [p for p in problems if p.blocking]


def raise_problems(problems: Sequence[Problem]) -> None:
    """SettingsError for the blocking ones among `problems`; warnings pass."""
    if blocking(problems):
        raise SettingsError(blocking(problems))


def build(frame: pd.DataFrame, settings, classes: pd.Series,
          candidate_groups: Callable | None = None) -> RunPlan:
    """The plan for `frame` (canonical, sorted) under `settings`; SettingsError if unusable.

    `candidate_groups(frame, classes, auto, members, freq, young)` gives `[(ids, models)]`
    (default `core.pipeline._candidate_groups`, the rules of which candidates a product gets).
    """
    from core.models.ensemble import resolve_members
    from core.models.registry import get

    problems = check(settings, DataShape.of(frame))
    raise_problems(problems)
    if candidate_groups is None:
        from core.pipeline import _candidate_groups as candidate_groups
    requested = tuple(settings.models)
    auto = AUTO in requested
    named = [m for m in requested if m != AUTO]
    combos = list(COMBINATIONS) if auto else [m for m in named if m in COMBINATIONS]
    members: dict[str, list[str]] = {}
    fitted = [m for m in named if m not in COMBINATIONS]
    if not auto:
        for name in combos:
            members[name] = resolve_members(settings.params.get(name, {}).get("members", ""))
            fitted += members[name]
    young = young_products(frame, settings.horizon)
    selecting = is_selecting(requested)
    warmup = warmup_windows(settings, selecting)
    networks: tuple[str, ...] = ()
    if auto and settings.windows:  # where the data support a global network (its rule)
        from core.models.neural.auto_candidates import networks_for

        networks = tuple(n for n in networks_for(frame, settings.freq, settings.horizon,
                                                 settings.windows + warmup, settings.step)
                         if n not in fitted)
    anchors = derived_anchors(auto, named, [*fitted, *networks])
    fitted = [m for m in fitted if m not in anchors]
    groups = candidate_groups(frame, classes, auto, _unique([*fitted, *networks]),
                              settings.freq, young)
    plan_models = _unique([m for _, models in groups for m in models])
    params = {name: model_params(name, settings) for name in plan_models}
    history = {name: _history_of(get(name), params[name], settings) for name in plan_models}
    return RunPlan(auto, named, combos, members, groups, selecting, settings.horizon,
                   settings.step or settings.horizon, warmup, settings.windows + warmup, params,
                   history, young, problems, networks, anchors)


def derived_anchors(auto: bool, named: Sequence[str], fitted: Sequence[str]) -> tuple[str, ...]:
    """Anchored networks the run builds from a network it fits anyway (no second network):
    in `auto` for every fitted network that has one, else those asked for by name."""
    from core.models.neural.auto_candidates import ANCHORED

    return tuple(name for base, name in ANCHORED.items()
                 if base in fitted and (auto or name in named))


def model_params(name: str, settings) -> dict:
    """The parameters model `name` is created with: the user's, and what the run sets."""
    from core.models.registry import get

    params = dict(settings.params.get(name, {}))
    specs = {spec.name for spec in get(name).params}
    if "horizon" in specs:  # networks learn the whole horizon at once: the run's, always
        params["horizon"] = int(settings.horizon)
    return params


def young_products(frame: pd.DataFrame, horizon: int) -> pd.Series:
    """unique_id -> periods observed, for products too short for a single backtest window."""
    lengths = frame.groupby(ID, sort=False).size()
    return lengths[lengths < history_needed(horizon)]


def has_zero_sales(frame: pd.DataFrame) -> pd.Series:
    return frame[Y].eq(0).groupby(frame[ID], sort=False).any()


def _history_of(cls, params: dict, settings) -> int:
    """Periods a product needs for model `cls` to fit it (else it falls back); a network reads
    `lookback` periods but zero-pads shorter products, so it needs one training window."""
    if "lookback" in {spec.name for spec in cls.params}:
        return int(settings.horizon) + MIN_TRAIN
    return int(cls.capabilities.min_history)


def _at_least(name: str, value, minimum: int, message_id: str) -> list[Problem]:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        return [Problem(name, message_id, {"value": str(value)})]
    return []


def _param_problems(params: dict, registered: dict) -> list[Problem]:
    found = []
    for model, values in params.items():
        if model not in registered or not isinstance(values, dict):
            continue  # a model not in this run's registry: its parameters are unused
        specs = {spec.name: spec for spec in registered[model].params}
        for name, value in values.items():
            where = f"params.{model}.{name}"
            spec = specs.get(name)
            if spec is None:
                found.append(Problem(where, "plan.param_unknown", {"model": model,
                                                                    "param": name}))
            elif name not in RUN_SET_PARAMS and spec.kind in ("int", "float") and \
                    isinstance(value, int | float) and not _within(value, spec):
                found.append(Problem(where, "plan.param_range", {
                    "model": model, "param": name, "value": f"{value:g}",
                    "minimum": f"{spec.minimum:g}" if spec.minimum is not None else "-inf",
                    "maximum": f"{spec.maximum:g}" if spec.maximum is not None else "inf"}))
    return found


def _within(value: float, spec) -> bool:
    return (spec.minimum is None or value >= spec.minimum) and \
        (spec.maximum is None or value <= spec.maximum)


def _history_problems(settings, shape: DataShape, registered: dict) -> list[Problem]:
    found: list[Problem] = []
    longest, horizon = shape.longest, settings.horizon
    step = settings.step or horizon
    selecting = is_selecting(settings.models)
    warmup = warmup_windows(settings, selecting)
    total = settings.windows + warmup
    history = str(longest)
    if not longest:
        return [Problem("data", "plan.no_data")]
    warn = "warning"
    if total and longest < history_needed(horizon):
        found.append(Problem("horizon", "plan.horizon_long", {
            "horizon": str(horizon), "need": str(history_needed(horizon)), "history": history,
            "most": str(max(longest - MIN_TRAIN, 1))}, warn))
    elif total:
        need = horizon + (total - 1) * step + MIN_TRAIN
        if longest < need:
            most = max((longest - MIN_TRAIN - horizon) // step + 1 - warmup, 0)
            found.append(Problem("windows", "plan.windows_long", {
                "windows": str(settings.windows), "horizon": str(horizon), "need": str(need),
                "history": history, "most": str(most)}, warn))
    season = settings.season_length
    if season and 2 * season > longest:
        found.append(Problem("season_length", "plan.season_long", {
            "season": str(season), "need": str(2 * season), "history": history}, warn))
    for model in settings.models:
        lookback = settings.params.get(model, {}).get("lookback")
        if model in registered and isinstance(lookback, int) and lookback > longest:
            found.append(Problem(f"params.{model}.lookback", "plan.lookback_long", {
                "model": model, "lookback": str(lookback), "history": history}, warn))
    return found


def _unique(items) -> list:
    return list(dict.fromkeys(items))
