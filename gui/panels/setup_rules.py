"""The Model setup step's rules, free of Qt: presets, a run-time estimate, settings checks.

Kept apart from the widgets so they are easy to read and test. These are checks the user can act
on before starting; the engine still validates everything itself.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

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
        models_by_family.get("baseline", ())) or ("auto",)
    best = ("auto", *models_by_family.get("neural", ()), *models_by_family.get("combination", ()))
    return {"fast": Preset("fast", fast, 2),
            "balanced": Preset("balanced", ("auto",), 3),
            "best": Preset("best", best, 3)}


def estimate_seconds(models: Sequence[str], family_of: dict[str, str], products: int,
                     windows: int) -> float:
    """Seconds a run may take: cost per model and product x products x (backtests + final fit).

    "auto" counts as every baseline, classical and intermittent model. An estimate only.
    """
    chosen = set(models)
    if "auto" in chosen:
        chosen.discard("auto")
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


def check_settings(horizon: int, windows: int, season_length: int | None, history: int,
                   models: Sequence[str]) -> dict[str, tuple[str, dict[str, int]]]:
    """Field -> (rule broken, the numbers) for settings the run could not use.

    `history` is the number of periods of the longest product (0 when no data is loaded). The
    panel turns each rule into a translated message beside its field.
    """
    problems: dict[str, tuple[str, dict[str, int]]] = {}
    if horizon < 1:
        problems["horizon"] = ("horizon_min", {})
    if history:
        needed = horizon * (windows + 1)
        if needed > history:
            problems["windows" if windows else "horizon"] = (
                "history_short", {"horizon": horizon, "windows": windows, "needed": needed,
                                  "history": history})
        if season_length and 2 * season_length > history:
            problems["season"] = ("season_long", {"season": season_length,
                                                  "needed": 2 * season_length,
                                                  "history": history})
    if not models:
        problems["models"] = ("no_models", {})
    return problems
