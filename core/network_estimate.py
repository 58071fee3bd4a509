"""Seconds a run's network fits take: the training epochs as the run will really run them.

The estimate used to price every fit at the network's maximum epochs (20 by default) and knew
nothing of `auto`'s own network settings or its warm starts, so it was 14x too long for TCN on
Online Retail weekly (913 s estimated, 64 s run; bench/README.md). A fit really runs:

- fresh: epochs until early stopping (the best epoch plus `patience` epochs without a better
  validation loss, at most `epochs`), then the refit epochs on the held-out horizon
  (`REFIT_SHARE` x the best epoch, at least one);
- warm (`auto`'s network, every window after the first and the final fit): `WARM_EPOCHS`
  epochs and one refit epoch;

each epoch `windows_per_epoch` windows (at most what the data has) in whole batches. Where
early stopping ends a fresh fit depends on the data, so it is priced at the geometric middle of
the fewest and the most epochs it can run (`expected_epochs`).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd


@dataclass
class NetworkFits:
    seconds: dict[str, float]  # network -> seconds of all its fits
    fits: int


def epoch_range(epochs: int, patience: int) -> tuple[int, int]:
    """The fewest and the most epochs one fit can run, its refit included: the best epoch is
    the first (then `patience` more) or the last (then the longest refit)."""
    from core.models.neural.model import REFIT_SHARE

    def run_for(best: int) -> int:  # as `core.models.neural.training.fit` runs it
        return min(epochs, best + patience) + max(1, round(best * REFIT_SHARE))

    return run_for(1), max(run_for(best) for best in range(1, epochs + 1))


def expected_epochs(epochs: int, patience: int, *, warm_epochs: int | None = None) -> float:
    """Epochs one fit runs, the refit after early stopping included: the geometric middle of
    the fewest and the most it can run.

    Where early stopping ends a fit cannot be known before: measured on the same network (TCN,
    20 epochs, patience 4; bench/README.md) the best epoch was 3-4 on Online Retail weekly and
    11-13 on daily. Any one assumed best epoch (2 was) is far off somewhere; the geometric
    middle is off by at most sqrt(most / fewest) either way, whatever the data (2.04x for 20
    epochs and patience 4; the runs above 1.4x and 0.6x)."""
    if warm_epochs is not None:
        epochs = warm_epochs
    fewest, most = epoch_range(epochs, patience)
    return float(np.sqrt(fewest * most))


def network_fits(plan, lengths: pd.Series, calibration) -> NetworkFits:
    """Seconds of every network fit of `plan` (`core.run_plan.RunPlan`) on products of
    `lengths` periods, priced by `calibration` (`core.run_estimate.Calibration`)."""
    from core.models.neural.auto_candidates import WARM_EPOCHS, with_auto_params
    from core.models.registry import get

    names = [n for _, models in plan.groups for n in models
             if get(n).capabilities.reports_epochs]  # networks: a global tree model is not one
    params_of = with_auto_params(plan.params, plan.networks)
    windows_there = int(np.clip(lengths.to_numpy() - plan.horizon, 0, None).sum())
    fits_per_model = plan.windows + 1
    seconds: dict[str, float] = {}
    for name in dict.fromkeys(names):
        defaults = {spec.name: spec.default for spec in get(name).params}
        params = {**defaults, **params_of.get(name, {})}
        per_epoch = min(int(params.get("windows_per_epoch", 4096)), max(windows_there, 1))
        batch = max(min(int(params.get("batch_size", 128)), per_epoch), 1)
        steps = max(per_epoch // batch, 1)
        epochs, patience = int(params.get("epochs", 20)), int(params.get("patience", 4))
        fresh = expected_epochs(epochs, patience)
        if name in plan.networks:  # the first fit fresh, every later one warm
            warm = expected_epochs(epochs, patience, warm_epochs=WARM_EPOCHS)
            total = fresh + (fits_per_model - 1) * warm
        else:
            total = fits_per_model * fresh
        step = calibration.step_seconds.get(name, 0.0)
        seconds[name] = total * steps * step + fits_per_model * \
            calibration.network_seconds.get(name, 0.0)
    return NetworkFits(seconds, fits_per_model * len(seconds))
