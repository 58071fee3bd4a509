"""The Model setup step's rules, free of Qt: presets, a run-time estimate, settings checks.

Kept apart from the widgets so they are easy to read and test. The settings checks are the run
plan's (`core.run_plan`), the same the CLI and the pipeline apply; here they are only mapped to
the fields of the form.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from core.run_plan import AUTO, DataShape, Problem, check

FAMILIES = ("baseline", "classical", "intermittent", "neural", "combination")
FAST_MODELS = ("seasonal_naive", "ets", "theta", "croston", "imapa")

# Rough seconds per product and fit on this kind of machine: classical models fit each product,
# neural models one network for all products (a fixed cost plus a little per product).
LOCAL_COST = {"baseline": 0.001, "classical": 0.05, "intermittent": 0.005, "combination": 0.0}
NEURAL_FIXED, NEURAL_PER_PRODUCT = 20.0, 0.02
CPU_WORKERS = 2


@dataclass(frozen=True)
class Preset:
    key: str
    models: tuple[str, ...]
    windows: int


def presets(models_by_family: dict[str, Sequence[str]]) -> dict[str, Preset]:
    """Fast / Balanced / Best accuracy, built from what the registry really has."""
    names = {n for family in models_by_family.values() for n in family}
    fast = tuple(n for n in FAST_MODELS if n in names) or tuple(
        models_by_family.get("baseline", ())) or (AUTO,)
    best = (AUTO, *models_by_family.get("neural", ()), *models_by_family.get("combination", ()))
    return {"fast": Preset("fast", fast, 2),
            "balanced": Preset("balanced", (AUTO,), 3),
            "best": Preset("best", best, 3)}


def estimate_seconds(models: Sequence[str], family_of: dict[str, str], products: int,
                     windows: int) -> float:
    """Seconds a run may take: cost per model and product x products x (backtests + final fit).

    "auto" counts as every baseline, classical and intermittent model. An estimate only.
    """
    chosen = set(models)
    if AUTO in chosen:
        chosen.discard(AUTO)
        chosen |= {n for n, f in family_of.items() if f in ("baseline", "classical",
                                                              "intermittent")}
    fits = max(windows, 0) + 1
    local = sum(LOCAL_COST.get(family_of.get(n, "classical"), 0.05) for n in chosen
                if family_of.get(n) != "neural")
    neural = sum(1 for n in chosen if family_of.get(n) == "neural")
    return fits * (local * products / CPU_WORKERS
                   + neural * (NEURAL_FIXED + NEURAL_PER_PRODUCT * products)) + 2.0


def describe_seconds(seconds: float) -> str:
    if seconds < 60:
        return f"{max(5, round(seconds / 5) * 5):.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


# Plan field -> the form field whose label shows the problem.
FORM_FIELDS = {"horizon": "horizon", "windows": "windows", "step": "windows",
               "season_length": "season"}


def check_settings(settings, lengths: Sequence[int]) -> list[Problem]:
    """The run plan's problems with these settings on data of these product `lengths` (none:
    no data loaded yet), errors and warnings."""
    return check(settings, DataShape(tuple(lengths)) if len(lengths) else None)


def form_field(problem: Problem) -> str:
    """Where the panel shows `problem`: its own field, else beside the models."""
    return FORM_FIELDS.get(problem.field, "models")
