"""Rolling-origin backtests: refit a fresh model at each cutoff and forecast the next `horizon`.

Windows count back from each product's own last period (M3 series end on different dates), so the
cutoff of window `w` (0 = oldest) for a product with last period T is T - (horizon +
(windows-1-w)·step) periods. The model sees only periods up to the cutoff; it is scored on the
`horizon` periods after it. Products with too little history for a window are left out of that
window and counted in `frame.attrs["skipped"]` (window -> number of products).
"""
from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import pandas as pd

from core.error_messages import user_error
from core.models.base import DEFAULT_LEVELS, ForecastModel
from core.progress import NEVER, CancelToken, ProgressCallback, no_progress, said
from core.schema import DS, ID, Y

ModelFactory = Callable[[], ForecastModel]


def window_splits(frame: pd.DataFrame, *, horizon: int, windows: int, step: int | None = None,
                  min_history: int = 1):
    """Yield `(window, train, test, skipped)`; `test` has a `cutoff` column (last training date).

    `frame` must be sorted by product and date. Products whose training part would be shorter
    than `min_history` are left out of that window.
    """
    if horizon < 1 or windows < 1:
        raise user_error("backtest.too_small")
    step = int(step or horizon)
    # Periods from each product's end: 0 for its last row.
    from_end = frame.groupby(ID, sort=False).cumcount(ascending=False).to_numpy()
    length = frame.groupby(ID, sort=False)[DS].transform("size").to_numpy()
    for w in range(windows):
        offset = horizon + (windows - 1 - w) * step  # rows held back from the end
        long_enough = length - offset >= max(min_history, 1)
        train_mask = (from_end >= offset) & long_enough
        test_mask = (from_end < offset) & (from_end >= offset - horizon) & long_enough
        train = frame[train_mask]
        test = frame.loc[test_mask, [ID, DS, Y]]
        cutoffs = train.groupby(ID, sort=False)[DS].max()
        cutoff = cutoffs.reindex(test[ID]).to_numpy() if len(test) else \
            np.array([], dtype="datetime64[ns]")
        test = test.assign(cutoff=cutoff)
        skipped = int(frame.loc[~long_enough, ID].nunique())
        yield w, train, test, skipped


def backtest(factory: ModelFactory, frame: pd.DataFrame, *, horizon: int, windows: int,
             step: int | None = None, freq: str, levels: Sequence[int] = DEFAULT_LEVELS,
             progress: ProgressCallback | None = None,
             cancel: CancelToken | None = None) -> pd.DataFrame:
    """Rolling-origin predictions of a fresh `factory()` model per window, in process.

    Returns a long frame `unique_id, window, cutoff, ds, y, yhat, yhat_lo_*, yhat_hi_*`.
    """
    progress = progress or no_progress
    cancel = cancel or NEVER
    frame = frame.sort_values([ID, DS], kind="stable").reset_index(drop=True)
    probe = factory()
    min_history = probe.capabilities.min_history
    parts, skipped = [], {}
    for w, train, test, n_skipped in window_splits(frame, horizon=horizon, windows=windows,
                                                   step=step, min_history=min_history):
        cancel.raise_if_cancelled()
        skipped[w] = n_skipped
        if train.empty:
            continue
        model = factory()
        model.fit(train, freq=freq, cancel=cancel)
        parts.append(join_predictions(model.predict(horizon, levels=levels), test, w))
        progress(said((w + 1) / windows, "progress.window", stage=probe.name, window=w + 1,
                      windows=windows))
    out = pd.concat(parts, ignore_index=True) if parts else _empty(levels)
    out.attrs["skipped"] = skipped
    return out


def join_predictions(forecast: pd.DataFrame, test: pd.DataFrame, window: int) -> pd.DataFrame:
    """Inner-join a model's forecast with the held-out actuals of one window."""
    merged = test.merge(forecast, on=[ID, DS], how="inner")
    merged.insert(1, "window", window)
    cols = [ID, "window", "cutoff", DS, Y] + [c for c in forecast.columns if c not in (ID, DS)]
    return merged[cols]


def _empty(levels: Sequence[int]) -> pd.DataFrame:
    cols = [ID, "window", "cutoff", DS, Y, "yhat"]
    for level in sorted(levels):
        cols += [f"yhat_lo_{level}", f"yhat_hi_{level}"]
    return pd.DataFrame({c: np.array([], dtype=float) for c in cols})
