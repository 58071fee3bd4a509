"""Overrides applied to a forecast frame: hand-worked numbers, bands, order, never below 0."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from core.errors import TrendcastError
from core.overrides import Journal, Override, apply, unmatched
from tests.fixtures.runs import shared_run

WEEKS = pd.date_range("2012-01-01", periods=4, freq="W-SUN")  # 01-01, 01-08, 01-15, 01-22


def forecast() -> pd.DataFrame:
    rows = []
    for uid, level in (("A", 10.0), ("B", 0.0)):
        for ds in WEEKS:
            rows.append({"unique_id": uid, "ds": ds, "yhat": level,
                         "yhat_lo_80": max(level - 4, 0), "yhat_hi_80": level + 4,
                         "yhat_lo_95": max(level - 6, 0), "yhat_hi_95": level + 6,
                         "model": "ets"})
    return pd.DataFrame(rows)


def rows(frame: pd.DataFrame, uid: str) -> pd.DataFrame:
    return frame[frame.unique_id == uid].reset_index(drop=True)


def test_percent_on_a_range_scales_forecast_and_bands_and_marks_rows():
    journal = Journal((Override("A", "percent", 20, start="2012-01-08", end="2012-01-15",
                                comment="promo"),))
    out = rows(apply(forecast(), journal), "A")
    assert out.yhat.tolist() == [10, 12, 12, 10]
    assert out.yhat_model.tolist() == [10, 10, 10, 10]
    assert out.overridden.tolist() == [False, True, True, False]
    # bands scaled by the same factor 1.2: 6 -> 7.2, 14 -> 16.8
    assert out.yhat_lo_80.round(6).tolist() == [6, 7.2, 7.2, 6]
    assert out.yhat_hi_95.round(6).tolist() == [16, 19.2, 19.2, 16]
    assert rows(apply(forecast(), journal), "B").overridden.sum() == 0


def test_absolute_on_chosen_periods_and_open_range():
    journal = Journal((Override("A", "absolute", 3, periods=("2012-01-01", "2012-01-22")),
                       Override("A", "units", 5, start="2012-01-15")))
    out = rows(apply(forecast(), journal), "A")
    # 01-01 set to 3; 01-15 +5 = 15; 01-22 set to 3, then +5 = 8 (journal order)
    assert out.yhat.tolist() == [3, 10, 15, 8]
    assert out.overridden.tolist() == [True, False, True, True]


def test_never_below_zero_and_bands_stay_around_the_final_number():
    journal = Journal((Override("A", "units", -25),))
    out = rows(apply(forecast(), journal), "A")
    assert (out.yhat == 0).all()
    for column in ("yhat_lo_80", "yhat_hi_80", "yhat_lo_95", "yhat_hi_95"):
        assert (out[column] >= 0).all()
    assert (out.yhat_lo_95 <= out.yhat).all() and (out.yhat <= out.yhat_hi_95).all()


def test_zero_forecast_is_shifted_not_scaled():
    journal = Journal((Override("B", "units", 7, periods=("2012-01-08",)),
                       Override("B", "percent", 50, periods=("2012-01-15",))))
    out = rows(apply(forecast(), journal), "B")
    assert out.yhat.tolist() == [0, 7, 0, 0]  # +50 % of nothing is still nothing
    assert out.yhat_lo_80[1] == 7 - 0 and out.yhat_hi_80[1] == 4 + 7
    assert out.overridden.tolist() == [False, True, True, False]


def test_empty_journal_keeps_the_forecast_and_adds_the_columns():
    base = forecast()
    out = apply(base, Journal())
    pd.testing.assert_frame_equal(out[base.columns], base)
    assert not out.overridden.any() and out.yhat_model.equals(base.yhat)


def test_applying_twice_is_refused():
    once = apply(forecast(), Journal())
    with pytest.raises(ValueError, match="already"):
        apply(once, Journal())


def test_unmatched_names_unknown_products_and_periods_outside_the_horizon():
    journal = Journal((Override("A", "units", 1), Override("Z", "units", 1),
                       Override("A", "units", 1, start="2013-01-01")))
    assert [n for n, _ in unmatched(forecast(), journal)] == [2, 3]


def test_real_run_only_the_overridden_product_changes():
    run, _ = shared_run()
    uid = run.forecast.unique_id.iloc[0]
    first = run.forecast.ds.min()
    out = apply(run.forecast, Journal((Override(uid, "absolute", 42, periods=(first,)),)))
    hit = out.overridden
    assert hit.sum() == 1 and out.loc[hit, "yhat"].item() == 42
    assert np.allclose(out.loc[~hit, "yhat"], run.forecast.loc[~hit, "yhat"])


@pytest.mark.parametrize("kwargs, words", [
    ({"kind": "absolute", "value": -1}, "0 or more"),
    ({"kind": "percent", "value": -150}, "-100 %"),
    ({"kind": "double", "value": 2}, "absolute, percent, units"),
    ({"kind": "units", "value": float("nan")}, "finite"),
    ({"kind": "units", "value": "lots"}, "not a number"),
    ({"kind": "units", "value": 1, "start": "2012-02-01", "end": "2012-01-01"}, "before"),
    ({"kind": "units", "value": 1, "start": "someday"}, "not a date"),
    ({"kind": "units", "value": 1, "periods": ("2012-01-01",), "start": "2012-01-01"}, "either"),
    ({"kind": "units", "value": 1, "when": "yesterday-ish"}, "not a time"),
])
def test_bad_overrides_are_refused_with_the_field_named(kwargs, words):
    with pytest.raises(TrendcastError, match="Override") as info:
        Override("A", **kwargs)
    assert words in str(info.value)


def test_journal_edits_return_new_journals():
    a, b = Override("A", "units", 1), Override("B", "units", 2)
    journal = Journal().add(a).add(b)
    assert list(journal) == [a, b] and len(Journal().add(a)) == 1
    assert list(journal.remove(0)) == [b]
    assert list(journal.replace_at(1, a)) == [a, a]
    assert list(journal.for_product("B")) == [b]
    assert list(journal.without_product("B")) == [a]
    with pytest.raises(IndexError):
        journal.remove(5)


def test_override_in_words():
    assert Override("A", "absolute", 50).what() == "set to 50"
    assert Override("A", "percent", 20).what() == "+20 %"
    assert Override("A", "units", -3.5).what() == "-3.5 units per period"
    assert Override("A", "units", 1, start="2012-01-08").span() == "2012-01-08 to last period"


def test_apply_to_run_changes_only_the_chosen_forecast():
    from core.overrides import apply_to_run

    run, _ = shared_run()
    uid = run.forecast.unique_id.iloc[0]
    journal = Journal((Override(uid, "units", 100),))
    final = apply_to_run(run, journal)
    assert list(final.forecast.columns) == list(run.forecast.columns)
    mine = run.forecast.unique_id == uid
    np.testing.assert_allclose(final.forecast.loc[mine, "yhat"],
                               run.forecast.loc[mine, "yhat"] + 100)
    assert final.candidates is run.candidates and "yhat_model" not in run.forecast
    assert apply_to_run(run, Journal()) is run
