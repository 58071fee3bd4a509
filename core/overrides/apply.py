"""Apply a journal of overrides to a forecast frame (`unique_id, ds, yhat, yhat_lo_*, ...`).

The result keeps the model's number in `yhat_model`, puts the final number in `yhat` (what the
reorder plan, exports and charts use) and marks changed rows in `overridden`. Nothing goes below
0, and the interval bands move with the forecast: scaled by the same factor when the model's
number was above 0 (a hand-made +20 % keeps the relative uncertainty), shifted by the same units
when it was 0 (a factor of 0 is undefined), then widened if needed so lo <= yhat <= hi.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.overrides.journal import Journal, Override
from core.schema import DS, ID

MODEL_COLUMN = "yhat_model"
OVERRIDDEN = "overridden"


def apply(forecast: pd.DataFrame, journal: Journal) -> pd.DataFrame:
    """`forecast` with every override of `journal` applied in order (a new frame)."""
    if MODEL_COLUMN in forecast.columns:
        raise ValueError(f"the forecast already has overrides applied ({MODEL_COLUMN} column)")
    out = forecast.copy()
    out[MODEL_COLUMN] = out["yhat"]
    out[OVERRIDDEN] = False
    if not journal or out.empty:
        return out
    yhat = out["yhat"].to_numpy(dtype=float, copy=True)
    lows, highs = _bands(out)
    bands = {c: out[c].to_numpy(dtype=float, copy=True) for c in lows + highs}
    touched = np.zeros(len(out), dtype=bool)
    rows_of = _rows_by_product(out, journal)
    dates = pd.to_datetime(out[DS]).to_numpy(dtype="datetime64[ns]")
    for override in journal:
        rows = rows_of.get(override.product)
        if rows is None:
            continue
        rows = rows[override.covers(dates[rows])]
        if not len(rows):
            continue
        old = yhat[rows]
        new = np.maximum(_changed(old, override), 0.0)
        scaled = old > 0
        ratio = np.divide(new, old, out=np.ones_like(new), where=scaled)
        for values in bands.values():
            moved = np.where(scaled, values[rows] * ratio, values[rows] + (new - old))
            values[rows] = np.maximum(moved, 0.0)
        yhat[rows] = new
        touched[rows] = True
    for low in lows:
        bands[low] = np.minimum(bands[low], yhat)
    for high in highs:
        bands[high] = np.maximum(bands[high], yhat)
    out["yhat"] = yhat
    for column, values in bands.items():
        out[column] = values
    out[OVERRIDDEN] = touched
    return out


def apply_to_run(run, journal: Journal):
    """A ForecastRun whose chosen forecast has the overrides applied (same columns as before;
    `run` itself is unchanged), for code that takes a whole run (reports, the reorder plan)."""
    import dataclasses

    if not journal:
        return run
    final = apply(run.forecast, journal).drop(columns=[MODEL_COLUMN, OVERRIDDEN])
    return dataclasses.replace(run, forecast=final)


def unmatched(forecast: pd.DataFrame, journal: Journal) -> list[tuple[int, Override]]:
    """(1-based entry number, override) of every override that changes no row of `forecast`
    (its product is not forecast, or none of its periods is in the horizon)."""
    rows_of = _rows_by_product(forecast, journal)
    dates = pd.to_datetime(forecast[DS]).to_numpy(dtype="datetime64[ns]")
    out = []
    for number, override in enumerate(journal, 1):
        rows = rows_of.get(override.product)
        if rows is None or not override.covers(dates[rows]).any():
            out.append((number, override))
    return out


def _changed(old: np.ndarray, override: Override) -> np.ndarray:
    if override.kind == "absolute":
        return np.full_like(old, override.value)
    if override.kind == "percent":
        return old * (1.0 + override.value / 100.0)
    return old + override.value


def _bands(frame: pd.DataFrame) -> tuple[list[str], list[str]]:
    lows = [c for c in frame.columns if str(c).startswith("yhat_lo_")]
    highs = [c for c in frame.columns if str(c).startswith("yhat_hi_")]
    return lows, highs


def _rows_by_product(frame: pd.DataFrame, journal: Journal) -> dict[str, np.ndarray]:
    """Row positions of each product the journal names (only those: grouping every product
    of a big shop would cost more than applying the overrides)."""
    if frame.empty or not journal:
        return {}
    ids = frame[ID].astype(str)
    named = np.flatnonzero(ids.isin({o.product for o in journal}).to_numpy())
    keys = ids.iloc[named].reset_index(drop=True)
    return {str(k): named[v] for k, v in keys.groupby(keys, sort=False).indices.items()}
