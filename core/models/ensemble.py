"""Combinations of models, registered as models themselves (darts' lesson: an ensemble is a model).

One meaning wherever they are used (`core.run_plan`):
- `median`: the per-period median of its members' forecasts (and of their interval bounds).
- `weighted`: per product, the best `k` members by MASE on backtest windows that end before the
  forecast origin, averaged with weights proportional to 1 / MASE.
Fitted on their own (this module) the backtest is one window inside the training data; in a
forecast run the pipeline reuses its backtest windows instead of refitting the members, and
the members are the `members` setting or, in `auto`, each product's candidates.

The combining arithmetic lives in plain functions, so the pipeline can combine forecasts it has
already fitted (the same numbers, without refitting the members).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from core.errors import NotEnoughHistory
from core.models.base import Capabilities, ForecastModel, ParamSpec
from core.models.registry import create, load_all, register
from core.progress import CancelToken, ProgressCallback, scaled
from core.schema import ID

# Members used when none are given: the first few that are registered.
PREFERRED_MEMBERS = ("ets", "theta", "arima", "imapa", "adida", "tsb", "croston",
                     "seasonal_naive", "naive")
INNER_HORIZON = {"D": 14, "W": 4, "M": 6}  # periods per inner backtest window
INNER_WINDOWS = 1  # a run never fits `weighted` itself (it reuses its own windows), so no knob
_KEY_CANDIDATES = (ID, "window", "cutoff", "ds", "y")  # y: the actuals in backtests


def _keys(frame: pd.DataFrame) -> list[str]:
    return [c for c in _KEY_CANDIDATES if c in frame.columns]


def _value_columns(frame: pd.DataFrame) -> list[str]:
    return [c for c in frame.columns if c.startswith("yhat")]


def combine_median(preds: pd.DataFrame) -> pd.DataFrame:
    """Per product and period, the median over the `model` rows of every `yhat*` column."""
    keys = _keys(preds)
    return preds.groupby(keys, sort=False)[_value_columns(preds)].median().reset_index()


def inverse_error_weights(errors: pd.DataFrame, k: int) -> pd.DataFrame:
    """From `unique_id, model, error` rows, keep each product's best `k` and weight by 1/error.

    A member with zero error gets all the weight (ties share it); missing errors are dropped.
    """
    err = errors.dropna(subset=["error"]).sort_values([ID, "error", "model"], kind="stable")
    best = err.groupby(ID, sort=False).head(max(int(k), 1)).copy()
    min_err = best.groupby(ID)["error"].transform("min")
    exact = best["error"] <= 1e-12
    inv = np.where(min_err <= 1e-12, exact.astype(float), 1.0 / best["error"].clip(lower=1e-12))
    best["weight"] = inv
    best["weight"] /= best.groupby(ID)["weight"].transform("sum")
    return best[[ID, "model", "weight"]]


def combine_weighted(preds: pd.DataFrame, weights: pd.DataFrame) -> pd.DataFrame:
    """Weighted mean over `model` rows; `weights` has `unique_id, model, weight` (+ `window`)."""
    on = [c for c in (ID, "window", "model") if c in weights.columns]
    merged = preds.merge(weights, on=on, how="inner")
    values = _value_columns(preds)
    weighted = merged[values].mul(merged["weight"], axis=0)
    weighted[_keys(preds)] = merged[_keys(preds)]
    return weighted.groupby(_keys(preds), sort=False)[values].sum().reset_index()


def resolve_members(members: str) -> list[str]:
    """Comma-separated names -> registered names; empty means the preferred registered ones."""
    registered = load_all()
    names = [m.strip() for m in members.split(",") if m.strip()] if members else []
    if names:
        unknown = [n for n in names if n not in registered]
        if unknown:
            from core.error_messages import user_error

            raise user_error("model.unknown_members", names=", ".join(unknown))
        return names
    found = [n for n in PREFERRED_MEMBERS if n in registered]
    return found[:4]


_MEMBERS = ParamSpec("members", "str", "", "Members",
                     "Comma-separated model names; empty = a few well-tried registered models.")


class _Combination(ForecastModel):
    family = "combination"
    # Members handle short products themselves (their fallbacks); a member that cannot fit at
    # all is left out, so the combination needs no more history than its most lenient member.
    capabilities = Capabilities(min_history=1)

    def _fit_members(self, data, progress, cancel) -> None:
        names = resolve_members(self.members)
        self.fitted_ = {}
        self.skipped_: dict[str, str] = {}  # member -> why it was left out
        for i, name in enumerate(names):
            cancel.raise_if_cancelled()
            part = scaled(progress, i / len(names), (i + 1) / len(names), name)
            model = create(name, season_length=self.season_length)
            try:
                self.fitted_[name] = model.fit(data, freq=self.freq_, progress=part,
                                               cancel=cancel)
            except NotEnoughHistory as exc:
                self.skipped_[name] = str(exc)
                continue
            for uid, why in model.fallbacks_.items():
                self.fallbacks_.setdefault(uid, [("fallback.member", {"model_name": name}),
                                                 *why])
        if not self.fitted_:
            raise NotEnoughHistory(next(iter(self.skipped_.values())))
        self.members_ = list(self.fitted_)

    def _member_forecasts(self, horizon: int, levels: tuple[int, ...]) -> pd.DataFrame:
        parts = [m.predict(horizon, levels=levels).assign(model=name)
                 for name, m in self.fitted_.items()]
        return pd.concat(parts, ignore_index=True)


@register
class Median(_Combination):
    name = "median"
    label = "Median of models"
    description = "Per period, the median of several models' forecasts; robust to one bad model."
    params = (_MEMBERS,)

    def _fit(self, data: pd.DataFrame, progress: ProgressCallback, cancel: CancelToken) -> None:
        self._fit_members(data, progress, cancel)

    def _predict(self, horizon: int, levels: tuple[int, ...]) -> pd.DataFrame:
        return combine_median(self._member_forecasts(horizon, levels))


@register
class Weighted(_Combination):
    name = "weighted"
    label = "Weighted best models"
    description = ("Per product, the best k models on an inner backtest, weighted by 1/MASE.")
    params = (_MEMBERS,
              ParamSpec("k", "int", 3, "Best k", "How many members to average per product.",
                        minimum=1, maximum=10))

    def _fit(self, data: pd.DataFrame, progress: ProgressCallback, cancel: CancelToken) -> None:
        from core.evaluation.backtest import backtest
        from core.evaluation.metrics import window_errors

        self._fit_members(data, scaled(progress, 0.0, 0.5), cancel)
        horizon = INNER_HORIZON[self.freq_]
        parts = []
        for i, name in enumerate(self.members_):
            part = scaled(progress, 0.5 + 0.5 * i / len(self.members_),
                          0.5 + 0.5 * (i + 1) / len(self.members_), name)
            try:
                bt = backtest(lambda n=name: create(n, season_length=self.season_length), data,
                              horizon=horizon, windows=INNER_WINDOWS, freq=self.freq_,
                              levels=(), progress=part, cancel=cancel)
            except NotEnoughHistory:
                continue
            parts.append(bt.assign(model=name))
        inner = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()
        if inner.empty:  # too short for any inner window: equal weights (see _predict)
            self.weights_ = pd.DataFrame(columns=[ID, "model", "weight"])
            return
        errors = window_errors(inner, data, freq=self.freq_)
        errors = errors.groupby([ID, "model"])["mase"].mean().rename("error").reset_index()
        self.weights_ = inverse_error_weights(errors, int(self.k))

    def _predict(self, horizon: int, levels: tuple[int, ...]) -> pd.DataFrame:
        preds = self._member_forecasts(horizon, levels)
        combined = combine_weighted(preds, self.weights_)
        # Products without inner-backtest errors (too short) get the plain median.
        missing = ~preds[ID].isin(combined[ID])
        if missing.any():
            combined = pd.concat([combined, combine_median(preds[missing])], ignore_index=True)
        return combined.sort_values([ID, "ds"], kind="stable").reset_index(drop=True)
