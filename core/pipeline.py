"""The forecasting run behind the GUI and the CLI: backtest, choose, combine, forecast.

    run = pipeline.run(frame, ForecastSettings(horizon=8, freq="W"), progress=cb, cancel=token)

1. Candidates: `auto` asks `core.models.demand` for each product's candidates (by demand class
   and history length); named models are used as given (a combination expands to its members).
2. Every candidate is backtested on rolling windows and refitted on all data, products split into
   chunks fitted in worker processes (global models see all products at once, in process).
3. Combinations (`median`, `weighted`) are built from the members' fits; `auto` picks per product
   the lowest MASE, each reported window choosing from earlier windows only (`core.selection`).
4. Metrics on the reported windows, per model and per product (`core.evaluation.metrics`).
"""
from __future__ import annotations

import time
from dataclasses import replace

import pandas as pd

from core.countries import check_country
from core.errors import TrendcastError
from core.evaluation.anchoring import ANCHOR_IDS, anchor_reasons, with_anchored
from core.evaluation.batch_scores import merged_scores
from core.evaluation.conformal import band_notes, calibrate
from core.evaluation.fitting import (
    FALLBACK,
    FUTURE,
    NEW_PRODUCT,
    ChunkResult,
    ChunkTask,
    fit_chunk,
)
from core.evaluation.metrics import score
from core.executors import Executor, ProcessPool
from core.message_parts import Clause, decode, encode, english
from core.models.neural.auto_candidates import WARM_EPOCHS, with_auto_params
from core.models.registry import get
from core.models.statistical.new_product import history_needed, rate_cap_of
from core.parallel import split
from core.pipeline_types import ForecastRun, ForecastSettings
from core.progress import (
    NEVER,
    CancelToken,
    ProgressCallback,
    ProgressEvent,
    no_progress,
    said,
    scaled,
)
from core.run_plan import RunPlan, build
from core.schema import DS, ID, Y
from core.selection import (
    COMBINATIONS,
    add_combinations,
    auto_backtest,
    reason_parts,
    window_scores,
)
from core.selection_guard import guard_for, guard_parts


def run(frame: pd.DataFrame, settings: ForecastSettings, *,
        progress: ProgressCallback | None = None,
        cancel: CancelToken | None = None, executor: Executor | None = None,
        embeddings: bytes | None = None, keep_candidates: bool = True) -> ForecastRun:
    """Backtest, choose and forecast every product of `frame` as `settings` say.

    `executor` runs the per-product fits (`core.executors`); default: a process pool of
    `settings.n_jobs` workers. `embeddings`: the project's title embedding cache, if any.
    `keep_candidates=False` (the CLI's batch path): every candidate's rows go to disk as the
    batches arrive (`core.evaluation.lean_evaluation`), so the client's memory grows with the
    products, not products x candidates; the run's `candidates` are then empty and its
    `backtest` holds each product's chosen model (and seasonal naive, new-product) rows and
    `auto`'s, with the same metrics, choices and forecasts."""
    started = time.perf_counter()
    progress = progress or no_progress
    cancel = cancel or NEVER
    # An unknown country fails every network after minutes of training: say so first.
    check_country(settings.holiday_country)
    frame = _checked(frame)
    classes = _demand_classes(frame)
    plan = build(frame, settings, classes, _candidate_groups)  # SettingsError names the field
    fitting = _with_rate_cap(frame, replace(settings, params={**settings.params, **plan.params}))
    fitting = replace(fitting, params=with_auto_params(fitting.params, plan.networks))
    store = None if keep_candidates else _store_for(plan.groups)
    try:
        result = _fit_all(frame, plan.groups, fitting, plan.windows, scaled(progress, 0.0, 0.9),
                          cancel, executor or ProcessPool(settings.n_jobs), warm=plan.networks,
                          store=store)
        cancel.raise_if_cancelled()
        progress(said(0.9, "progress.choosing", stage="selection"))
        if store is not None and store.has_backtest() and result.scores is not None:
            lean = _evaluate_lean(frame, settings, plan, classes, result, store, cancel)
            bt, fc, final, bands_said = lean.backtest, lean.forecast, lean.final, lean.notes
            scored = (lean.metrics, lean.per_product)
        else:  # nothing to spare: no backtest (too short), or every frame kept in memory
            if store is not None:
                result.backtest, result.forecast = store.load("bt"), store.load("fc")
            bt, fc, final, bands_said = _evaluate(frame, settings, plan, classes, result,
                                                  cancel)
            scored = None
    finally:
        if store is not None:
            store.close()
    cancel.raise_if_cancelled()
    young = plan.young
    cap = float(fitting.params.get(NEW_PRODUCT, {}).get("rate_cap", 0.0))
    choices = _choices(frame, classes, final, result.fallbacks, plan, fc, young, cap)
    forecast = _chosen_forecast(fc, choices)
    cold = _cold_start(frame, settings, choices, forecast, young, embeddings, cancel)
    choices, forecast = cold.choices, cold.forecast
    freq = settings.freq
    if scored is None:
        scored = score(bt, frame, freq=freq) if not bt.empty else (pd.DataFrame(),) * 2
    metrics, per_product = scored
    progress(said(1.0, "progress.done", stage="selection"))
    notes = _notes(result, plan.warmup, plan.selecting) + bands_said + cold.notes
    return ForecastRun(settings=settings, forecast=forecast,
                       candidates=_sorted(fc) if keep_candidates else pd.DataFrame(),
                       backtest=_sorted(bt), metrics=metrics, metrics_per_product=per_product,
                       choices=choices, seconds=time.perf_counter() - started,
                       notes=[english([note]) for note in notes],
                       note_ids=[encode([note]) for note in notes], networks=result.networks,
                       embeddings=cold.embeddings)


def _cold_start(frame, settings: ForecastSettings, choices, forecast, young: pd.Series,
                embeddings: bytes | None, cancel: CancelToken):
    """Young titled products on their neighbours' sales (`core.text.run_cold_start`)."""
    from core.text import run_cold_start

    if not settings.cold_start:
        rated = int((choices["model"] == NEW_PRODUCT).sum())
        notes = [("note.cold_start_off", {"products": str(rated)})] if rated else []
        return run_cold_start.Applied(choices, forecast, notes)
    return run_cold_start.apply(frame, choices, forecast, young, settings.horizon, settings.freq,
                                new_product=NEW_PRODUCT, cache=embeddings, cancel=cancel)


def _evaluate(frame, settings, plan: RunPlan, classes, result: ChunkResult, cancel: CancelToken):
    """Add combinations, calibrate bands, choose per product; returns (reported backtest,
    forecasts, choices, the bands' notes).

    Takes the gathered frames out of `result`: each step below replaces every candidate's rows
    by a new frame, and a reference left behind (in `result`, or the calibration's own frames)
    would keep a stale copy of them alive to the end of the run (the client's peak, #15)."""
    freq = settings.freq
    bt, fc = _taken(result)
    scores = result.scores  # scored by the batches that fitted them (`batch_scores`)
    if scores is None:
        scores = window_scores(bt, frame, freq=freq) if not bt.empty else _no_scores()
    cancel.raise_if_cancelled()  # each step below takes seconds at most on 1,817 daily products
    if plan.combos and not bt.empty:
        k = int(settings.params.get("weighted", {}).get("k", 3))
        bt, fc = _combined(bt, fc, scores, plan, k)
        extra = window_scores(bt[bt["model"].isin(COMBINATIONS)], frame, freq=freq)
        scores = pd.concat([scores, extra], ignore_index=True)
        cancel.raise_if_cancelled()
    anchors = list(plan.anchors)
    scaled_by: dict[tuple[str, str], float] = {}
    if anchors and not bt.empty:
        bt, fc, scores, scaled_by = with_anchored(bt, fc, scores, frame, anchors,
                                                  _pools(plan.groups, classes), plan.horizon,
                                                  freq)
    # Every model's bands from its backtest errors, before `auto` copies the chosen model's.
    bands = calibrate(bt, fc, frame, pools=classes, levels=settings.levels,
                      gap=-(-settings.horizon // (settings.step or settings.horizon)),
                      in_place=True)  # `bt` is ours: no second copy of every candidate's rows
    bt, fc, said = bands.backtest, bands.forecast, band_notes(bands)
    del bands
    order = _unique([m for _, models in plan.groups for m in models] + anchors + plan.combos)
    allowed = order if plan.auto else plan.named
    reported = list(range(plan.warmup, plan.windows))
    if plan.selecting:
        pools = _pools(plan.groups, classes)
        usable = scores[scores["model"].isin(allowed)]
        chooser = guard_for(bt, allowed)
        final = anchor_reasons(chooser(usable, allowed, pools=pools), scaled_by, plan.horizon)
        if not bt.empty:  # else no product was long enough for a single window
            auto_bt = auto_backtest(bt, usable, allowed, reported, gap=plan.warmup, pools=pools,
                                    chooser=chooser)  # reported windows only
            bt = pd.concat([_reported(bt, reported), auto_bt.drop(columns=["chosen"])],
                           ignore_index=True)
            return bt, fc, final, said
    else:
        final = pd.DataFrame({ID: frame[ID].unique(), "model": plan.named[0]})
    return _reported(bt, reported), fc, final, said


def _store_for(groups):
    from core.evaluation.candidate_store import CandidateStore

    return CandidateStore([uid for uids, _ in groups for uid in uids])


def _evaluate_lean(frame, settings, plan, classes, result, store, cancel):
    from core.evaluation.lean_evaluation import evaluate

    names = {m for _, models in plan.groups for m in models}
    global_models = {m for m in names if get(m).capabilities.global_model}
    return evaluate(frame, settings, plan, classes, result.scores, store, global_models,
                    cancel)


def _taken(result: ChunkResult) -> tuple[pd.DataFrame, pd.DataFrame]:
    """`result`'s backtest and forecast frames, left empty in `result`."""
    bt, fc = result.backtest, result.forecast
    result.backtest = result.forecast = pd.DataFrame()
    return bt, fc


def _reported(bt: pd.DataFrame, reported: list[int]) -> pd.DataFrame:
    return bt[bt["window"].isin(reported)] if not bt.empty else bt


def _combined(bt, fc, scores, plan: RunPlan, k: int):
    """Backtest and forecast frames with the plan's combinations added. In `auto` they combine
    each product's candidates; named, their own members only (`core.run_plan`)."""
    if plan.auto:
        return add_combinations(bt, fc, scores, k=k)
    bts, fcs = [bt], [fc]
    for combo in plan.combos:
        members = plan.members[combo]
        both = add_combinations(bt[bt["model"].isin(members)], fc[fc["model"].isin(members)],
                                scores[scores["model"].isin(members)], k=k)
        bts.append(both[0][both[0]["model"] == combo])
        fcs.append(both[1][both[1]["model"] == combo])
    return pd.concat(bts, ignore_index=True), pd.concat(fcs, ignore_index=True)


def _checked(frame: pd.DataFrame) -> pd.DataFrame:
    missing = [c for c in (ID, DS, Y) if c not in frame.columns]
    if missing:
        raise TrendcastError(f"The data has no column(s) {', '.join(missing)}.")
    if frame.empty:
        raise TrendcastError("The data has no rows to forecast.")
    out = frame.copy()
    out[ID] = out[ID].astype(str)
    out[DS] = pd.to_datetime(out[DS])
    return out.sort_values([ID, DS], kind="stable").reset_index(drop=True)


def _demand_classes(frame: pd.DataFrame) -> pd.Series:
    from core.models.demand import classify

    return classify(frame)


def _candidate_groups(frame, classes, auto, members, freq, young: pd.Series
                      ) -> list[tuple[list[str], list[str]]]:
    """`[(product ids, model names)]`: products that share the same candidate list.

    `auto` takes each product's candidates from `core.models.demand.candidates_for`; products
    with any period without sales also try the intermittent-demand models, which are cheap and,
    in the median, help products that sell most weeks (Online Retail weekly: MASE 1.661 -> 1.639).
    Products too young to backtest (`young`) also get the new-product rate, which is what they
    are forecast by (`_choices`): no backtest can show that any model does better on them.
    """
    from core.models.demand import candidates_for

    ids = frame[ID].unique()
    if not auto:
        old = [uid for uid in ids if uid not in young.index]
        fresh = [uid for uid in ids if uid in young.index]
        return [(uids, models) for uids, models in ((old, members),
                                                    (fresh, _unique([*members, NEW_PRODUCT])))
                if uids]
    lengths = frame.groupby(ID, sort=False).size()
    has_zeros = frame[Y].eq(0).groupby(frame[ID], sort=False).any()
    by_models: dict[tuple[str, ...], list[str]] = {}
    for uid in ids:
        length = int(lengths[uid])
        models = list(candidates_for(classes.get(uid, "smooth"), freq, length))
        if has_zeros[uid]:
            models += candidates_for("intermittent", freq, length)
        if uid in young.index:
            models = [NEW_PRODUCT]
        key = tuple(_unique([*models, *members, FALLBACK]))
        by_models.setdefault(key, []).append(uid)
    return [(uids, list(models)) for models, uids in by_models.items()]


def _pools(groups, classes: pd.Series) -> pd.Series:
    """unique_id -> "class|candidates": products that share a demand class and candidates."""
    out = {}
    for uids, models in groups:
        for uid in uids:
            out[uid] = f"{classes.get(uid, 'all')}|{','.join(models)}"
    return pd.Series(out, name="pool")


def _fit_all(frame, groups, settings, windows, progress, cancel, executor, warm=(),
             store=None) -> ChunkResult:
    """Fit every (model, chunk of products) task; local models by the executor, global ones
    here (one fit needs all products at once); `warm` networks continue window to window.
    With a `store`, each result's frames are spilled to it as the result arrives."""
    n_models = sum(len(models) for _, models in groups) / max(len(groups), 1)
    n_chunks, runner = executor.split_for(frame[ID].nunique(), len(frame) * n_models)
    by_id = {uid: part for uid, part in frame.groupby(ID, sort=False)}
    per_chunk = -(-frame[ID].nunique() // n_chunks)

    def rows(uids):
        return pd.concat([by_id[u] for u in uids], ignore_index=True)

    def task(data, name):  # a chunk's tasks share its rows: one copy, shipped once by a cluster
        return ChunkTask(data, (name,), settings.horizon, windows, settings.step, settings.freq,
                         settings.season_length, tuple(settings.levels), settings.params,
                         keep_networks=settings.keep_networks,
                         holiday_country=check_country(settings.holiday_country),
                         seed=settings.seed, warm=tuple(warm), warm_epochs=WARM_EPOCHS)

    local, global_uids, batches = [], {}, []
    for uids, models in groups:
        local_models = [m for m in models if not get(m).capabilities.global_model]
        for name in models:
            if name not in local_models:  # one fit across all its products
                global_uids.setdefault(name, []).extend(uids)
        cut = split(uids, -(-len(uids) // per_chunk)) if local_models else [uids]
        batches += cut
        chunks = [rows(c) for c in cut] if local_models else []
        for name in local_models:
            local += [task(chunk, name) for chunk in chunks]
    global_ = [task(rows(uids), name) for name, uids in global_uids.items()]
    share = len(local) / max(len(local) + len(global_), 1)
    keep = store.put if store is not None else None
    if store is not None:
        store.set_chunks(batches)
    results = runner.map(fit_chunk, local, progress=_by_model(progress, local, 0.0, share),
                         cancel=cancel, message_id="progress.part", keep=keep)
    for i, task in enumerate(global_):
        part = scaled(progress, share + (1 - share) * i / len(global_),
                      share + (1 - share) * (i + 1) / len(global_), task.models[0])
        done = fit_chunk(task, cancel, part)
        results.append(keep(len(local) + i, done) if keep else done)
    return _merge(results)


def _by_model(progress, tasks, start, end) -> ProgressCallback:
    """Progress whose stage names the model of the chunk that just finished."""
    def report(event: ProgressEvent) -> None:
        done = max(int(round(event.fraction * len(tasks))) - 1, 0)
        stage = tasks[done].models[0] if tasks else ""
        progress(replace(event, fraction=start + (end - start) * event.fraction, stage=stage))
    return report


def _merge(results: list[ChunkResult]) -> ChunkResult:
    bt = [r.backtest for r in results if not r.backtest.empty]
    fc = [r.forecast for r in results if not r.forecast.empty]
    fallbacks, skipped, networks = {}, {}, {}
    for r in results:
        fallbacks.update(r.fallbacks)
        networks.update(r.networks)
        for w, n in r.skipped.items():
            skipped[w] = skipped.get(w, 0) + n
    return ChunkResult(pd.concat(bt, ignore_index=True) if bt else pd.DataFrame(),
                       pd.concat(fc, ignore_index=True) if fc else pd.DataFrame(), fallbacks,
                       skipped, networks,
                       scores=merged_scores([r.scores for r in results]))


def _with_rate_cap(frame: pd.DataFrame, settings: ForecastSettings) -> ForecastSettings:
    """The settings the models are fitted with: the new-product rate capped at what the shop's
    established products sell (`rate_cap_of`), unless the user set a cap of their own."""
    own = settings.params.get(NEW_PRODUCT, {})
    if "rate_cap" in own:
        return settings
    cap = rate_cap_of(frame, settings.horizon)
    return replace(settings, params={**settings.params, NEW_PRODUCT: {**own, "rate_cap": cap}})


def _choices(frame, classes, final, fallbacks, plan: RunPlan, fc, young: pd.Series,
             cap: float) -> pd.DataFrame:
    """One row per product: its model, why, and its fallback. A product too young to backtest
    gets the new-product rate, whatever the settings asked for, and its reason says so (and
    that the rate was capped, where `cap` held it down)."""
    capped = _capped(frame, young, plan.horizon, cap)
    ids = pd.Index(frame[ID].unique(), name=ID)
    out = final.set_index(ID).reindex(ids)
    available = set(zip(fc[ID], fc["model"], strict=False))
    need = str(history_needed(plan.horizon))
    rows = []
    for uid, row in out.iterrows():
        model = row["model"] if isinstance(row["model"], str) else FALLBACK
        # The reason as (template id, fields) clauses; its English is written from them.
        parts = reason_parts(row) + guard_parts(row) + (decode(row.get(ANCHOR_IDS)) or []) \
            if plan.selecting else [("reason.settings", {})]
        if uid in young.index:
            model = NEW_PRODUCT
            parts = [*(parts if not plan.auto else []),
                     ("reason.too_little_history", {"length": str(young[uid]), "need": need}),
                     ("reason.new_product", {}),
                     *([("reason.new_product_capped", {"cap": f"{cap:,.4g}"})]
                       if uid in capped else [])]
        if (uid, model) not in available:
            model = FALLBACK
        fallback = fallbacks.get((model, FUTURE, uid), [])
        rows.append({ID: uid, "demand_class": classes.get(uid, ""), "model": model,
                     "reason": english(parts), "fallback": english(fallback),
                     "reason_ids": encode(parts), "fallback_ids": encode(fallback)})
    return pd.DataFrame(rows, columns=[ID, "demand_class", "model", "reason", "fallback",
                                       "reason_ids", "fallback_ids"])


def _capped(frame: pd.DataFrame, young: pd.Series, horizon: int, cap: float) -> set[str]:
    """Young products whose own rate (sales / (periods + horizon)) is above `cap`."""
    if cap <= 0 or young.empty:
        return set()
    sold = frame[frame[ID].isin(young.index)].groupby(ID, sort=False)[Y].sum().clip(lower=0)
    rate = sold / (young.reindex(sold.index) + horizon)
    return set(rate.index[rate > cap])


def _chosen_forecast(fc: pd.DataFrame, choices: pd.DataFrame) -> pd.DataFrame:
    picked = fc.merge(choices[[ID, "model"]], on=[ID, "model"], how="inner")
    # Name what produced the numbers: a model that fell back hands over to seasonal naive or,
    # for a product too young to backtest, to the new-product rate.
    used = {uid: fields["model_name"] for uid, ids in zip(choices[ID], choices["fallback_ids"],
                                                          strict=True)
            for key, fields in decode(ids) or [] if key == "fallback.used"}
    picked["model"] = [used.get(uid, model) for uid, model in zip(picked[ID], picked["model"],
                                                                  strict=True)]
    cols = [ID, DS] + [c for c in picked.columns if c.startswith("yhat")] + ["model"]
    return _sorted(picked[cols])


def _notes(result: ChunkResult, warmup: int, selecting: bool) -> list[Clause]:
    notes: list[Clause] = []
    for w, n in sorted(result.skipped.items()):
        if n and w >= warmup:
            notes.append(("note.window_skipped", {"window": str(w - warmup + 1),
                                                  "products": str(n)}))
    if selecting:
        notes.append(("note.pooled", {"warmup": str(warmup)}))
    n_fb = len({uid for (_, w, uid) in result.fallbacks if w == FUTURE})
    if n_fb:
        notes.append(("note.fallbacks", {"products": str(n_fb)}))
    return notes


def _no_scores() -> pd.DataFrame:
    return pd.DataFrame(columns=["model", ID, "window", "score"])


def _sorted(frame: pd.DataFrame) -> pd.DataFrame:
    keys = [c for c in ("model", ID, "window", DS) if c in frame.columns]
    return frame.sort_values(keys, kind="stable").reset_index(drop=True) if keys else frame


def _unique(items) -> list:
    return list(dict.fromkeys(items))
