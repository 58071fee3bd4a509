"""The batch path's evaluation with every candidate's rows on disk (issue #15).

`core.pipeline._evaluate` holds every candidate's backtest and forecast rows for all products
until the choice: the client grew with products x candidates. Here they stay in a
`CandidateStore` and the client holds the window scores, the chosen models' rows and small
per-window sums:

1. slice by slice of products: the combinations (each product's members at once) and the
   guard's window totals; then network by network, the anchored networks (`core.level_anchor`:
   a pool's factor needs all its products, but only that one network's rows);
2. the choice (final and per reported window) from the window scores and totals alone;
3. model by model: conformal bands (a model's bands depend only on its own errors, `_Targets`
   and the pooled errors are keyed by model), the metric sums of its reported windows, `auto`'s
   rows where it was chosen, and each product's rows of its chosen model, seasonal naive and the
   new-product rate (what `_choices` may hand the product to).

Forecasts, choices, metrics and the kept backtest rows are those of `_evaluate`; the order-
sensitive sums (scores, totals, metric windows) are put in the order `_evaluate` sums them.
The run's `candidates` stay empty: the CLI never writes them.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import partial

import numpy as np
import pandas as pd

from core.evaluation.anchoring import ANCHORED_FROM, anchor_reasons, anchored_rows
from core.evaluation.candidate_store import CandidateStore
from core.evaluation.conformal import Calibration, band_notes, calibrate
from core.evaluation.fitting import FALLBACK, NEW_PRODUCT
from core.evaluation.metrics import _levels, errors_from_sums, row_sums, summaries
from core.progress import CancelToken
from core.run_plan import AUTO
from core.schema import ID, MASE_SEASON
from core.selection import window_scores
from core.selection_guard import classical_models, guarded_choose, window_totals

COMBINED = 1 << 30  # task order of the combinations' rows: after every fitted task's
ANCHORED = COMBINED * 2  # of the anchored networks' rows: after the combinations', as in memory


@dataclass
class Lean:
    backtest: pd.DataFrame  # reported windows: chosen models' rows and `auto`'s
    forecast: pd.DataFrame  # each product's chosen model, seasonal naive and new-product rows
    final: pd.DataFrame  # the final choice per product
    notes: list
    metrics: pd.DataFrame
    per_product: pd.DataFrame


def evaluate(frame, settings, plan, classes, scores: pd.DataFrame, store: CandidateStore,
             global_models: set[str], cancel: CancelToken) -> Lean:
    from core import pipeline as p  # its helpers; it imports this module only when lean

    order = _RunOrder(store, global_models)
    k = int(settings.params.get("weighted", {}).get("k", 3))
    extra, totals = _by_slice(frame, settings.freq, plan, scores, store, order, k, cancel)
    scores = pd.concat([scores, extra], ignore_index=True) if len(extra) else scores
    anchored_scores, anchored_totals, scaled_by = _anchored(frame, settings.freq, plan, classes,
                                                            store, cancel)
    if scaled_by:  # in `_evaluate`'s order: after the combinations
        scores = pd.concat([scores, anchored_scores], ignore_index=True)
        totals = order.sorted(pd.concat([totals, anchored_totals], ignore_index=True), "window")
    names = p._unique([m for _, models in plan.groups for m in models] + list(plan.anchors)
                      + plan.combos)
    allowed = names if plan.auto else plan.named
    reported = list(range(plan.warmup, plan.windows))
    picks: dict[int, pd.DataFrame] = {}
    if plan.selecting:
        pools = p._pools(plan.groups, classes)
        usable = scores[scores["model"].isin(allowed)]
        chooser = partial(guarded_choose, totals=totals, classical=classical_models(allowed))
        final = anchor_reasons(chooser(usable, allowed, pools=pools), scaled_by, plan.horizon)
        picks = {w: chooser(usable, allowed, upto=w - plan.warmup + 1, pools=pools)
                 [[ID, "model"]].dropna() for w in reported}
    else:
        final = pd.DataFrame({ID: frame[ID].unique(), "model": plan.named[0]})
    cancel.raise_if_cancelled()
    return _model_by_model(frame, settings, classes, final, picks, reported, store, order,
                           cancel)


def _by_slice(frame, freq, plan, scores, store, order, k, cancel):
    """Combinations (stored as new parts), their window scores and every model's window
    totals (for the guard), slice by slice of products."""
    from core import pipeline as p

    extra, totals = [], []
    if not plan.combos and not plan.selecting:
        return pd.DataFrame(), pd.DataFrame()
    history = frame.groupby(order.codes(frame[ID]) // store.slice_size, sort=False).indices
    scored = scores.groupby(order.codes(scores[ID]) // store.slice_size, sort=False).indices
    bt_columns = store.columns("bt")
    for piece in store.pieces():
        cancel.raise_if_cancelled()
        bt = store.load("bt", piece=piece)
        bt = bt if not bt.empty else pd.DataFrame({c: [] for c in bt_columns})
        if plan.combos:
            fc = store.load("fc", piece=piece)
            mine = scores.iloc[scored.get(piece, [])]
            both = p._combined(bt, fc, mine, plan, k)
            added = [f[f["model"].isin(plan.combos)] for f in both]
            for rank, combo in enumerate(plan.combos):
                store.add(COMBINED + rank, "bt", added[0][added[0]["model"] == combo])
                store.add(COMBINED + rank, "fc", added[1][added[1]["model"] == combo])
            if not added[0].empty:
                past = frame.iloc[history.get(piece, [])]
                extra.append(window_scores(added[0], past, freq=freq))
            bt = pd.concat([bt, added[0]], ignore_index=True)
        if plan.selecting and not bt.empty:
            totals.append(window_totals(bt))
    combos = {m: i for i, m in enumerate(plan.combos)}
    extra = order.sorted(pd.concat(extra, ignore_index=True), "window", combos) if extra else \
        pd.DataFrame()
    totals = order.sorted(pd.concat(totals, ignore_index=True), "window") if totals else \
        pd.DataFrame(columns=["model", ID, "window", "y", "yhat"])
    return extra, totals


def _anchored(frame, freq, plan, classes, store, cancel):
    """The anchored networks' rows (stored after the combinations), their window scores and
    totals, and each (anchored model, pool)'s factor on the forecast."""
    from core import pipeline as p

    scores, totals, scaled_by = [], [], {}
    if not plan.anchors:
        return pd.DataFrame(), pd.DataFrame(), scaled_by
    pools = p._pools(plan.groups, classes)
    for rank, name in enumerate(plan.anchors):
        cancel.raise_if_cancelled()
        network = ANCHORED_FROM[name]  # one network's rows: the store reads one model
        bt = store.load("bt", model=network)
        if bt.empty:
            continue
        rows_bt, rows_fc, scales = anchored_rows(name, bt, store.load("fc", model=network),
                                                 frame, pools, plan.horizon)
        store.add(ANCHORED + rank, "bt", rows_bt)
        store.add(ANCHORED + rank, "fc", rows_fc)
        scores.append(window_scores(rows_bt, frame, freq=freq))
        totals.append(window_totals(rows_bt))
        scaled_by.update(scales)
    if not scaled_by:
        return pd.DataFrame(), pd.DataFrame(), scaled_by
    return (pd.concat(scores, ignore_index=True), pd.concat(totals, ignore_index=True),
            scaled_by)


def _model_by_model(frame, settings, classes, final, picks, reported, store, order, cancel
                    ) -> Lean:
    """Bands, metric sums, `auto`'s rows and the kept rows, one model at a time."""
    gap = -(-settings.horizon // (settings.step or settings.horizon))
    chosen = final.dropna(subset=["model"]).groupby("model")[ID].agg(set)
    sums, kept_bt, kept_fc, levels = [], [], [], set()
    auto = {w: [] for w in reported}
    residuals, uncalibrated = 0, set()
    for model in order.models():
        cancel.raise_if_cancelled()
        bands = calibrate(store.load("bt", model=model), store.load("fc", model=model), frame,
                          pools=classes, levels=settings.levels, gap=gap,
                          in_place=True)
        residuals += bands.residuals
        uncalibrated.update(bands.uncalibrated)
        bt = bands.backtest
        bt = bt[bt["window"].isin(reported)] if not bt.empty else bt
        if not bt.empty:
            sums.append(row_sums(bt))
            levels.update(_levels(bt))
            for w, pick in picks.items():
                mine = pick[pick["model"] == model]
                auto[w].append(bt[bt["window"] == w].merge(mine, on=[ID, "model"], how="inner"))
        keep = _kept(model, chosen)
        kept_bt.append(bt[bt[ID].isin(keep)] if keep is not None and not bt.empty else bt)
        fc = bands.forecast
        kept_fc.append(fc[fc[ID].isin(keep)] if keep is not None else fc)
        del bands, bt, fc
    auto_bt = [part for w in reported for part in auto[w]]
    auto_bt = pd.concat(auto_bt, ignore_index=True).assign(model=AUTO) if auto_bt else None
    windows = order.sorted(pd.concat(sums, ignore_index=True), "cutoff") if sums else None
    metrics = per_product = pd.DataFrame()
    if windows is not None:
        if auto_bt is not None:
            windows = pd.concat([windows, row_sums(auto_bt)], ignore_index=True)
        season = int(MASE_SEASON[settings.freq])
        metrics, per_product = summaries(errors_from_sums(windows, frame, season=season),
                                         sorted(levels))
    backtest = _joined([*kept_bt, *([auto_bt] if auto_bt is not None else [])])
    notes = band_notes(Calibration(pd.DataFrame(), pd.DataFrame(), sorted(uncalibrated),
                                   residuals))
    return Lean(backtest, _joined(kept_fc), final, notes, metrics, per_product)


def _kept(model: str, chosen: pd.Series) -> set | None:
    """The products whose rows of `model` are kept (None: all of them)."""
    if model in (FALLBACK, NEW_PRODUCT):
        return None
    return chosen.get(model, set())


def _joined(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if not f.empty]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame()


class _RunOrder:
    """Where each row stood in the frames `_evaluate` concatenates: models in task order
    (combinations last), then per model the batch (chunk) of products, the window and the
    product's place in the run; global models fit all products in one batch."""

    def __init__(self, store: CandidateStore, global_models: set[str]) -> None:
        self.store = store
        self.global_models = global_models

    def codes(self, ids) -> np.ndarray:
        return self.store.ids.get_indexer(ids)

    def models(self) -> list[str]:
        return list(dict.fromkeys([*self.store.models("bt"), *self.store.models("fc")]))

    def sorted(self, frame: pd.DataFrame, by: str, ranks: dict | None = None) -> pd.DataFrame:
        ranks = ranks or {m: i for i, m in enumerate(self.models())}
        codes = self.codes(frame[ID])
        chunk = np.where(frame["model"].isin(self.global_models), -1, self.store.chunk[codes])
        rank = frame["model"].map(ranks).to_numpy(dtype=float)
        at = np.lexsort((codes, frame[by].to_numpy(), chunk, rank))
        return frame.iloc[at].reset_index(drop=True)
