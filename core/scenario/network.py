"""The trained networks' answer to a what-if: forecast again with the planned prices and promos.

The networks read price (as the log of price over the product's typical price) and promotion as
known-future inputs; a normal forecast holds both at their last value. Here we change those inputs
for the planned periods and take the difference of the medians, so the chosen forecast can move by
what the networks learned about price. Needs TensorFlow: the GUI calls this in a child process.
"""
from __future__ import annotations

import dataclasses
import json

import numpy as np
import pandas as pd

from core.error_messages import user_error
from core.model_files import ModelFiles, from_files
from core.schema import ID

PRICE, PROMO = "log_price_ratio", "promo"


def inputs_of(files: ModelFiles) -> list[str]:
    """The planned inputs a saved network reads (price and/or promo), without loading it."""
    try:
        names = json.loads(files["meta.json"]).get("exog_names", [])
    except (KeyError, ValueError, AttributeError):
        return []
    return [n for n in names if n in (PRICE, PROMO)]


def responsive(networks: dict[str, ModelFiles]) -> list[str]:
    """Names of the networks that read prices (the ones a price plan can move)."""
    return [name for name, files in networks.items() if PRICE in inputs_of(files)]


def answering(networks: dict[str, ModelFiles]) -> list[str]:
    """Names of the networks that read a planned input (price or promotion)."""
    return [name for name, files in networks.items() if inputs_of(files)]


def deltas(networks: dict[str, ModelFiles], plan: pd.DataFrame, cancel=None) -> pd.DataFrame:
    """Mean change of the networks' median forecast under the plan.

    `plan`: unique_id, step (0-based forecast period), factor (price multiplier), promo (bool).
    Returns unique_id, step, delta (units sold), averaged over every network that reads a
    planned input (a network trained on data with promotions but no prices answers a promotion).
    """
    names = answering(networks)
    if not names:
        raise user_error("whatif.no_reading_network")
    total, known = np.zeros(len(plan)), np.zeros(len(plan))
    for name in names:
        if cancel is not None:
            cancel.raise_if_cancelled()
        change, covered = _one(from_files(networks[name]), plan)
        total += change
        known += covered
    out = plan[[ID, "step"]].copy()
    # The mean over the networks that know the product and period (0 where none does).
    out["delta"] = np.divide(total, known, out=np.zeros(len(plan)), where=known > 0)
    return out


def _one(model, plan: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    """The network's change of median per plan row, and which rows it could answer."""
    from core.models.neural.forecasting import _at, quantile_matrix

    state = model.state_
    rows = pd.Index(state.panel.ids.astype(str)).get_indexer(plan[ID].astype(str))
    steps = plan["step"].to_numpy()
    horizon = state.inputs.future.shape[1]
    ok = (rows >= 0) & (steps < horizon)
    future = state.inputs.future.copy()
    names = list(model.exog_names_)
    first_exog = future.shape[2] - len(names)
    if PRICE in names:
        k = first_exog + names.index(PRICE)
        future[rows[ok], steps[ok], k] += np.log(plan["factor"].to_numpy()[ok])
    if PROMO in names:
        k = first_exog + names.index(PROMO)
        promo = plan["promo"].to_numpy()[ok]
        future[rows[ok][promo], steps[ok][promo], k] = 1.0
    probs = tuple(model.quantiles)
    before = _at(probs, quantile_matrix(model), 0.5)
    model.state_ = dataclasses.replace(state, inputs=dataclasses.replace(state.inputs,
                                                                         future=future))
    after = _at(probs, quantile_matrix(model), 0.5)
    model.state_ = state
    out = np.zeros(len(plan))
    out[ok] = (after - before)[rows[ok], steps[ok]]
    return out, ok.astype(float)
