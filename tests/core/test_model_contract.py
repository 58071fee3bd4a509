"""Every registered model goes through the same checks (sktime's check_estimator in spirit).

Models other engineers register join automatically; a slow model can declare small settings in
its `test_params` class attribute.
"""
from __future__ import annotations

import warnings

import numpy as np
import pandas as pd
import pytest

from core.errors import Cancelled, NotEnoughHistory
from core.message_parts import english
from core.models.registry import available
from core.progress import CancelToken

MODELS = sorted(available(), key=lambda cls: cls.name)
COLUMNS = ["unique_id", "ds", "yhat", "yhat_lo_80", "yhat_hi_80", "yhat_lo_95", "yhat_hi_95"]
HORIZON = 10


def _make(cls):
    return cls(**cls.test_params)


def _history_length(cls) -> int:
    return max(120, 2 * cls.capabilities.min_history)


@pytest.fixture(scope="module")
def products(retail_daily_slice):
    """Three real products of different lengths that end on different dates."""
    frame = retail_daily_slice
    ids = sorted(frame.unique_id.unique())[:3]
    parts = []
    for cut_end, uid in zip((0, 5, 2), ids, strict=True):
        one = frame[frame.unique_id == uid].sort_values("ds")
        parts.append(one.iloc[: len(one) - cut_end])
    return pd.concat(parts, ignore_index=True)


def _recent(frame: pd.DataFrame, length: int) -> pd.DataFrame:
    return frame.groupby("unique_id", group_keys=False).tail(length).reset_index(drop=True)


@pytest.fixture(scope="module", params=MODELS, ids=lambda cls: cls.name)
def fitted(request, products):
    cls = request.param
    data = _recent(products, _history_length(cls))
    model = _make(cls)
    before = model.get_params()
    model.fit(data, freq="D")
    return cls, model, before, data, model.predict(HORIZON)


def test_output_columns_rows_and_dates(fitted):
    cls, _, _, data, fc = fitted
    assert list(fc.columns) == COLUMNS
    assert len(fc) == HORIZON * data.unique_id.nunique()
    for uid, rows in fc.groupby("unique_id"):
        last = data[data.unique_id == uid].ds.max()
        expected = pd.date_range(last + pd.Timedelta(days=1), periods=HORIZON, freq="D")
        assert list(rows.ds) == list(expected), f"{cls.name}: dates of {uid}"


def test_intervals_are_ordered_finite_and_non_negative(fitted):
    cls, _, _, _, fc = fitted
    values = fc[COLUMNS[2:]].to_numpy()
    assert np.isfinite(values).all(), cls.name
    assert (values >= 0).all(), cls.name
    assert (fc.yhat_lo_95 <= fc.yhat_lo_80).all() and (fc.yhat_lo_80 <= fc.yhat).all()
    assert (fc.yhat <= fc.yhat_hi_80).all() and (fc.yhat_hi_80 <= fc.yhat_hi_95).all()


def test_fit_leaves_parameters_untouched(fitted):
    _, model, before, _, _ = fitted
    assert model.get_params() == before


def test_same_data_same_forecast(fitted):
    cls, _, _, data, fc = fitted
    again = _make(cls).fit(data, freq="D").predict(HORIZON)
    pd.testing.assert_frame_equal(fc, again)


def test_other_levels_give_their_own_columns(fitted):
    _, model, _, _, _ = fitted
    fc = model.predict(3, levels=(50,))
    assert list(fc.columns) == ["unique_id", "ds", "yhat", "yhat_lo_50", "yhat_hi_50"]


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.name)
def test_a_cancelled_token_stops_fit(cls, products):
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        _make(cls).fit(_recent(products, _history_length(cls)), freq="D", cancel=token)


@pytest.mark.parametrize("cls", [c for c in MODELS if c.capabilities.min_history > 1],
                         ids=lambda cls: cls.name)
def test_too_short_history_is_a_clear_error(cls, products):
    need = cls.capabilities.min_history
    with pytest.raises(NotEnoughHistory, match=rf"at least {need} days.*longest product has "
                                                 rf"{need - 1}"):
        _make(cls).fit(_recent(products, need - 1), freq="D")


@pytest.mark.parametrize("cls", [c for c in MODELS if c.capabilities.min_history > 1],
                         ids=lambda cls: cls.name)
def test_a_product_too_short_gets_the_fallback_and_a_reason(cls, products):
    data = _recent(products, _history_length(cls))
    short_id = data.unique_id.iloc[0]
    short = data[data.unique_id == short_id].tail(1)
    data = pd.concat([data[data.unique_id != short_id], short], ignore_index=True)
    model = _make(cls).fit(data, freq="D")
    fc = model.predict(HORIZON)
    assert len(fc[fc.unique_id == short_id]) == HORIZON
    assert "history" in english(model.fallbacks_[short_id])


AWKWARD = {"constant": np.full(60, 5.0), "never_sold": np.zeros(60),
           "one_late_sale": np.r_[np.zeros(59), 10.0], "huge": 1e9 + np.arange(60) * 1e6}


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.name)
def test_awkward_products_get_sensible_forecasts(cls):
    length = max(60, _history_length(cls))
    ds = pd.date_range("2024-01-01", periods=length, freq="D")
    frame = pd.concat([pd.DataFrame({"unique_id": uid, "ds": ds, "y": np.resize(v, length)})
                       for uid, v in AWKWARD.items()], ignore_index=True)
    with warnings.catch_warnings():
        if cls.family in ("baseline", "classical", "intermittent"):
            warnings.simplefilter("error", RuntimeWarning)
        fc = _make(cls).fit(frame, freq="D").predict(HORIZON)
    values = fc[COLUMNS[2:]].to_numpy()
    assert np.isfinite(values).all() and (values >= 0).all()
    first = fc.groupby("unique_id").yhat.first()
    if cls.family in ("baseline", "classical", "intermittent"):
        assert first["never_sold"] == 0
        # The new-product rate spreads what was sold over the life and the horizon on purpose.
        level = 5.0 * length / (length + HORIZON) if cls.name == "new_product" else 5.0
        assert first["constant"] == pytest.approx(level, rel=0.06)


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.name)
def test_cancel_during_fit_stops_it(cls, products):
    """A model that reports progress before it is done must stop once the token is set."""
    token = CancelToken()
    partial = []

    def on_progress(event):
        if event.fraction < 1:
            partial.append(event)
            token.cancel()

    model = _make(cls)
    data = _recent(products, _history_length(cls))
    if not partial:
        try:
            model.fit(data, freq="D", progress=on_progress, cancel=token)
        except Cancelled:
            assert partial, f"{cls.name} raised Cancelled without being cancelled"
            return
    assert not partial, f"{cls.name} kept going after a cancel during fit"


OURS = [c for c in MODELS if c.family in ("baseline", "classical", "intermittent")]


def _bad_values(spec):
    if spec.kind == "choice":
        return ["no-such-choice"]
    if spec.kind in ("int", "float"):
        bad = ["seven"]
        if spec.minimum is not None:
            bad.append(spec.minimum - 1)
        if spec.maximum is not None:
            bad.append(spec.maximum + 1)
        return bad
    if spec.kind == "bool":
        return ["yes"]
    return []


@pytest.mark.parametrize("cls", OURS, ids=lambda cls: cls.name)
def test_bad_settings_are_clear_errors(cls, products):
    from core.errors import TrendcastError

    data = _recent(products, _history_length(cls))
    with pytest.raises(TrendcastError, match="season length"):
        cls(season_length=-2).fit(data, freq="D")
    for spec in cls.params:
        for value in _bad_values(spec):
            with pytest.raises(TrendcastError, match=spec.name):
                cls(**{spec.name: value}).fit(data, freq="D")


@pytest.mark.parametrize("cls", [c for c in OURS if c.capabilities.min_history > 1],
                         ids=lambda cls: cls.name)
def test_details_say_what_was_fitted_and_name_the_fallbacks(cls, products):
    data = _recent(products, _history_length(cls))
    short_id = data.unique_id.iloc[0]
    data = pd.concat([data[data.unique_id != short_id],
                      data[data.unique_id == short_id].tail(1)], ignore_index=True)
    model = _make(cls).fit(data, freq="D")
    details = model.details()
    assert sorted(details.index) == sorted(data.unique_id.unique())
    assert details[short_id].startswith("seasonal naive (only 1 day of history")
    assert all(isinstance(text, str) and text for text in details)


@pytest.mark.parametrize("level", [0, 100, 150])
def test_impossible_interval_levels_are_clear_errors(level, products):
    from core.errors import TrendcastError

    model = OURS[0]().fit(products, freq="D")
    with pytest.raises(TrendcastError, match="between 0 and 100"):
        model.predict(3, levels=(80, level))


def _young_and_odd_products(products: pd.DataFrame, length: int) -> pd.DataFrame:
    """Real long products plus the ones a shop always has: 1, 2 and 3 observations, one that
    never sold, and one that started late (its first date long after the others')."""
    data = _recent(products, length)
    end = data.ds.max()

    def tail(uid, values):
        ds = pd.date_range(end=end, periods=len(values), freq="D")
        return pd.DataFrame({"unique_id": uid, "ds": ds, "y": np.asarray(values, float)})

    late = np.r_[np.zeros(length // 3), np.arange(1, length // 3 + 1) % 4]
    odd = [tail("one_obs", [40.0]), tail("two_obs", [0.0, 12.0]), tail("three_obs", [3, 0, 5]),
           tail("all_zero", np.zeros(length)), tail("late_start", late)]
    return pd.concat([data, *odd], ignore_index=True)


@pytest.mark.parametrize("cls", MODELS, ids=lambda cls: cls.name)
def test_every_product_gets_every_horizon_step(cls, products):
    """No model may drop a product: young, all-zero and late-starting products included."""
    data = _young_and_odd_products(products, _history_length(cls))
    model = _make(cls).fit(data, freq="D")
    fc = model.predict(HORIZON)
    counts = fc.groupby("unique_id").size()
    assert counts.reindex(data.unique_id.unique()).eq(HORIZON).all(), \
        f"{cls.name}: steps per product {counts.to_dict()}"
    values = fc[COLUMNS[2:]].to_numpy()
    assert np.isfinite(values).all() and (values >= 0).all(), cls.name
    for uid, rows in fc.groupby("unique_id"):
        last = data[data.unique_id == uid].ds.max()
        assert rows.ds.min() == last + pd.Timedelta(days=1), f"{cls.name}: dates of {uid}"
    # Products shorter than the model needs are forecast by its fallback, and it says why.
    short = data.groupby("unique_id").size()
    for uid in short.index[short < cls.capabilities.min_history]:
        assert uid in model.fallbacks_, f"{cls.name}: no reason for {uid}"
    if cls.family == "neural":  # too short for a training window: the average product
        assert {"one_obs", "two_obs", "three_obs"} <= set(model.fallbacks_), cls.name
        assert "average product" in english(model.fallbacks_["one_obs"])


# The networks' bands are what their quantile heads learned; the forecast run gives products too
# young to backtest the new-product forecast whichever model was asked for (tests/core/
# test_young_products.py), so these are the models whose own bands must hold up alone.
@pytest.mark.parametrize("cls", [c for c in MODELS if c.family != "neural"],
                         ids=lambda cls: cls.name)
def test_one_sale_gets_an_interval_with_width(cls, products):
    """One observation says little about what comes next: its band may not be a single point
    (seasonal naive gave [40, 40] to a product that sold 40 once)."""
    data = _young_and_odd_products(products, _history_length(cls))
    fc = _make(cls).fit(data, freq="D").predict(HORIZON)
    one = fc[fc.unique_id == "one_obs"]
    assert (one.yhat_hi_95 - one.yhat_lo_95 > 1.0).all(), \
        f"{cls.name}: {one[['yhat_lo_95', 'yhat', 'yhat_hi_95']].head(3).to_dict('list')}"
