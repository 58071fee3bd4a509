"""Fit a set of candidate models on a group of products: every backtest window, then the future.

This is the unit of work the pipeline sends to a worker process (`fit_chunk` is picklable). A
model that raises on the group is retried product by product; products where it still fails, or
where it returns no usable numbers, get the seasonal naive forecast (the new-product rate when
they are too young to backtest, `history_needed`), and the reason is kept.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.errors import NotEnoughHistory, TrendcastError
from core.evaluation.backtest import join_predictions, window_splits
from core.evaluation.batch_scores import batch_window_scores
from core.message_parts import Clause
from core.model_files import to_files
from core.models.base import ForecastModel
from core.models.registry import create, get
from core.models.statistical.new_product import history_needed
from core.progress import NEVER, CancelToken, ProgressCallback, no_progress, scaled
from core.schema import DS, ID

FALLBACK = "seasonal_naive"
# Products too young to backtest fall back to the new-product rate instead: seasonal naive would
# repeat their one or two sales over the whole horizon.
NEW_PRODUCT = "new_product"
FUTURE = -1  # window number of the real forecast


@dataclass
class ChunkTask:
    frame: pd.DataFrame  # canonical frame of the products in this chunk, sorted by id and date
    models: tuple[str, ...]
    horizon: int
    windows: int  # backtest windows (0 = none)
    step: int | None
    freq: str
    season_length: int | None
    levels: tuple[int, ...]
    params: dict[str, dict] = field(default_factory=dict)
    keep_networks: bool = False  # hand back the networks fitted on all data, as saved files
    holiday_country: str | None = None  # run-wide ISO code (None: no holidays)
    seed: int = 0  # run-wide seed
    # Models whose every window (and final fit) continues from the previous window's fitted
    # model for `warm_epochs` epochs instead of starting afresh (`NeuralModel.fine_tune`): the
    # previous window saw only earlier data, so the backtest stays honest.
    warm: tuple[str, ...] = ()
    warm_epochs: int = 3


@dataclass
class ChunkResult:
    backtest: pd.DataFrame  # model, unique_id, window, cutoff, ds, y, yhat, yhat_lo/hi_*
    forecast: pd.DataFrame  # model, unique_id, ds, yhat, yhat_lo/hi_*
    # (model, window or FUTURE, unique_id) -> why, as (template id, fields) (core.messages)
    fallbacks: dict[tuple[str, int, str], list[Clause]]
    skipped: dict[int, int]  # window -> products too short for it
    # model name -> {relative file path: bytes} of a saveable model fitted on all the data
    networks: dict[str, dict[str, bytes]] = field(default_factory=dict)
    # model, unique_id, window, score: the backtest's window scores, computed where the batch
    # was fitted (`core.evaluation.batch_scores`); None when they were not computed
    scores: pd.DataFrame | None = None


def fit_chunk(task: ChunkTask, cancel: CancelToken = NEVER,
              progress: ProgressCallback = no_progress) -> ChunkResult:
    """Backtest and forecast every model of `task` on its products."""
    bts, fcs, fallbacks, skipped, networks = [], [], {}, {}, {}
    splits = list(window_splits(task.frame, horizon=task.horizon, windows=task.windows,
                                step=task.step, min_history=2)) if task.windows else []
    fits = len(task.models) * (len(splits) + 1)
    done = 0
    for name in task.models:
        previous = None  # the last window's model, when `name` is warm-started
        for w, train, test, n_skipped in splits:
            skipped[w] = max(skipped.get(w, 0), n_skipped)
            if train.empty:
                continue
            part = scaled(progress, done / fits, (done + 1) / fits, name)
            fc, why, model = _fit_predict(name, task, train, cancel, part, previous)
            previous = model if name in task.warm else None
            done += 1
            fallbacks.update({(name, w, uid): reason for uid, reason in why.items()})
            bts.append(join_predictions(fc, test, w).assign(model=name))
        part = scaled(progress, done / fits, (done + 1) / fits, name)
        fc, why, model = _fit_predict(name, task, task.frame, cancel, part, previous)
        done += 1
        fallbacks.update({(name, FUTURE, uid): reason for uid, reason in why.items()})
        fcs.append(fc.assign(model=name))
        if task.keep_networks and model is not None and model.capabilities.saveable:
            networks[name] = to_files(model)
    bt = _concat(bts)
    return ChunkResult(bt, _concat(fcs), fallbacks, skipped, networks,
                       scores=batch_window_scores(bt, task.frame, freq=task.freq))



def _concat(parts: list[pd.DataFrame]) -> pd.DataFrame:
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _fit_predict(name: str, task: ChunkTask, data: pd.DataFrame, cancel: CancelToken,
                 progress: ProgressCallback = no_progress, previous: ForecastModel | None = None
                 ) -> tuple[pd.DataFrame, dict[str, list[Clause]], ForecastModel | None]:
    """Forecast of model `name` for every product in `data`, with per-product fallbacks, and
    the model when one fit covered all usable products."""
    cancel.raise_if_cancelled()
    ids = data[ID].unique()
    min_history = get(name).capabilities.min_history
    lengths = data.groupby(ID, sort=False).size()
    too_short = lengths.index[lengths < min_history]
    why = {uid: [("fallback.needs", {"need": str(min_history), "length": str(lengths[uid])})]
           for uid in too_short}
    usable = data[~data[ID].isin(too_short)]
    fc, notes = pd.DataFrame(), {}  # notes: products the model handled by its own fallback
    model = None
    if not usable.empty:
        try:
            fc, notes, model = _run(name, task, usable, cancel, progress, previous)
        except Exception as exc:  # a model bug or short series must not stop the run
            _reraise_settings_error(exc)
            if usable[ID].nunique() == 1:
                why[usable[ID].iloc[0]] = _failed(exc)
            else:
                fc, notes, failed = _one_by_one(name, task, usable, cancel)
                why.update(failed)
    bad = _unusable(fc, ids, task.horizon)
    why.update({uid: [("fallback.no_numbers", {})] for uid in bad if uid not in why})
    if why:
        keep = fc[~fc[ID].isin(why)] if not fc.empty else fc
        young = set(lengths.index[lengths < history_needed(task.horizon)])
        parts, used = [keep] if not keep.empty else [], {}
        for backup in (NEW_PRODUCT, FALLBACK):
            uids = [uid for uid in why if (uid in young) == (backup == NEW_PRODUCT)]
            if uids:
                parts.append(_run(backup, task, data[data[ID].isin(uids)], cancel)[0])
                used.update(dict.fromkeys(uids, backup))
        fc = pd.concat(parts, ignore_index=True)
        why = {uid: [*reason, ("fallback.used", {"model_name": used[uid]})]
               for uid, reason in why.items()}
    return fc, {**notes, **why}, model


def _run(name: str, task: ChunkTask, data: pd.DataFrame, cancel: CancelToken,
         progress: ProgressCallback = no_progress, previous: ForecastModel | None = None
         ) -> tuple[pd.DataFrame, dict[str, list[Clause]], ForecastModel]:
    if previous is not None:  # warm start: continue training on the longer history
        previous.fine_tune(data, epochs=task.warm_epochs, progress=progress, cancel=cancel)
        return (previous.predict(task.horizon, levels=task.levels), dict(previous.fallbacks_),
                previous)
    model = create(name, season_length=task.season_length, **model_params(name, task))
    model.fit(data, freq=task.freq, progress=progress, cancel=cancel)
    return model.predict(task.horizon, levels=task.levels), dict(model.fallbacks_), model


def model_params(name: str, task: ChunkTask) -> dict:
    """The parameters model `name` is built with: the user's own for it, then the run-wide
    settings for every parameter of that name the model has and the user left alone.

    A model's own parameter wins over the run's setting (a TCN told `holiday_country=US` in a
    run with GB holidays uses US), as the more specific choice; a form sends only the values the
    user changed, so an untouched field never hides the run's setting.
    """
    params = dict(task.params.get(name, {}))
    run_wide = {
        # Networks learn the whole horizon at once: train them for the one asked for.
        "horizon": task.horizon,
        "holiday_country": task.holiday_country or "",
        "seed": task.seed,
    }
    for spec in get(name).params:
        if spec.name in run_wide:
            params.setdefault(spec.name, run_wide[spec.name])
    return params


def _one_by_one(name, task, data, cancel):
    parts, notes, failed = [], {}, {}
    for uid, series in data.groupby(ID, sort=False):
        try:
            fc, inner, _ = _run(name, task, series, cancel)
            parts.append(fc)
            notes.update(inner)
        except Exception as exc:
            _reraise_settings_error(exc)
            failed[uid] = _failed(exc)
    return _concat(parts), notes, failed


def _failed(exc: Exception) -> list[Clause]:
    fields = {"error": f"{type(exc).__name__}: {exc}"[:192]}
    if getattr(exc, "key", None):  # an engine error: its template too, for the UI's language
        fields.update(error_key=exc.key, error_fields=json.dumps(dict(exc.fields)))
    return [("fallback.failed", fields)]


def _reraise_settings_error(exc: Exception) -> None:
    """Wrong settings concern every product: say so instead of falling back everywhere."""
    if isinstance(exc, TrendcastError) and not isinstance(exc, NotEnoughHistory):
        raise exc


def _unusable(fc: pd.DataFrame, ids, horizon: int) -> list[str]:
    """Products with missing rows or non-finite numbers in a forecast."""
    if fc.empty:
        return list(ids)
    values = fc[[c for c in fc.columns if c.startswith("yhat")]].to_numpy(dtype=float)
    finite = pd.Series(np.isfinite(values).all(axis=1), index=fc.index)
    good = finite.groupby(fc[ID]).all() & (fc.groupby(ID)[DS].size() == horizon)
    return [uid for uid in ids if not good.get(uid, False)]
