"""The Model setup step's rules, free of Qt: presets, how a run time reads, settings checks.

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
