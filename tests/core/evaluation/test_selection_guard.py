"""The bias guard: a candidate with the best MASE that misses the pool's total far more than the
classical reference is not chosen, and the reason says so."""
import numpy as np
import pandas as pd

from core.messages import parse
from core.selection import auto_backtest, choose
from core.selection_guard import (
    GUARD,
    classical_models,
    guard_for,
    guard_reason,
    total_errors,
    window_totals,
)

# Products that sell 10 units every 4th day: forecasting 0 has the lowest mean absolute error
# (2.5 a day against 3.75 for the mean, 2.5 a day), but orders nothing at all.
ACTUAL = np.array([0, 0, 0, 10] * 7, dtype=float)


def _backtest(forecasts: dict[str, float], products: int = 5, windows: int = 3):
    rows = []
    for model, value in forecasts.items():
        for p in range(products):
            for w in range(windows):
                for t, y in enumerate(ACTUAL):
                    rows.append({"model": model, "unique_id": f"p{p}", "window": w,
                                 "cutoff": pd.Timestamp(2024, 1, 1) + pd.Timedelta(days=40 * w),
                                 "ds": pd.Timestamp(2024, 1, 2) + pd.Timedelta(days=40 * w + t),
                                 "y": y, "yhat": value})
    return pd.DataFrame(rows)


def _scores(bt: pd.DataFrame) -> pd.DataFrame:
    err = (bt["yhat"] - bt["y"]).abs()
    return (bt.assign(score=err).groupby(["model", "unique_id", "window"])["score"].mean()
            .reset_index())


def _pools(bt):
    ids = bt["unique_id"].unique()
    return pd.Series("lumpy|x", index=ids, name="pool")


def test_a_biased_candidate_with_the_best_mase_is_refused():
    bt = _backtest({"lstm_attention": 0.0, "ets": 2.5, "croston": 4.0})
    scores, pools, order = _scores(bt), _pools(bt), ["ets", "croston", "lstm_attention"]
    unguarded = choose(scores, order, pools=pools)
    assert set(unguarded["model"]) == {"lstm_attention"}  # best MASE: 2.5 vs 3.75
    chooser = guard_for(bt, order)
    final = chooser(scores, order, pools=pools)
    assert set(final["model"]) == {"ets"}
    clause = parse(guard_reason(final.iloc[0]))
    assert clause == [("reason.guard_refused", {
        "model_name": "lstm_attention", "missed": "100 %", "reference_missed": "0 %",
        "reference": "ets"})]
    # Each reported window too: chosen from earlier windows, with the guard.
    auto = auto_backtest(bt, scores, order, reported=[1, 2], pools=pools, chooser=chooser)
    assert set(auto["chosen"]) == {"ets"}
    assert set(auto_backtest(bt, scores, order, reported=[1, 2], pools=pools)["chosen"]) == {
        "lstm_attention"}


def test_a_candidate_close_to_the_reference_on_the_total_is_kept():
    # 'tcn' under-forecasts by 8 % of sales: within the margin, so its better MASE wins.
    bt = _backtest({"tcn": 2.3, "ets": 2.6})
    scores, pools = _scores(bt), _pools(bt)
    final = guard_for(bt, ["ets", "tcn"])(scores, ["ets", "tcn"], pools=pools)
    assert set(final["model"]) == {"tcn"}
    assert (final[GUARD] == "").all()


def test_total_errors_use_earlier_windows_only_and_sum_the_pool():
    bt = _backtest({"ets": 2.5}, products=2)
    bt.loc[bt["window"] == 2, "yhat"] = 0.0  # only the last window misses
    totals = window_totals(bt)
    pools = _pools(bt)
    before = total_errors(totals, pools, upto=2).set_index("model")
    after = total_errors(totals, pools).set_index("model")
    assert before.loc["ets", "total_error"] == 0.0
    assert np.isclose(after.loc["ets", "total_error"], 1 / 3)
    assert np.isclose(after.loc["ets", "bias"], -1 / 3)


def test_only_classical_models_serve_as_the_reference():
    assert classical_models(["tcn", "median", "ets", "imapa", "weighted", "lstm_attention"]) == [
        "ets", "imapa"]


def test_the_moving_median_is_judged_but_never_the_reference():
    # It may be chosen, but a rule biased low by construction cannot be the yardstick of bias.
    assert classical_models(["moving_median", "tsb", "seasonal_naive"]) == [
        "tsb", "seasonal_naive"]


def test_a_moving_median_that_forecasts_zero_is_refused_against_the_next_classical_model():
    # The median of weeks that mostly sell nothing is 0: best MASE, nothing ordered. As the
    # lowest-MASE classical model it would have been its own reference and passed.
    bt = _backtest({"moving_median": 0.0, "tsb": 2.5, "croston": 4.0})
    scores, pools, order = _scores(bt), _pools(bt), ["tsb", "croston", "moving_median"]
    assert set(choose(scores, order, pools=pools)["model"]) == {"moving_median"}
    final = guard_for(bt, order)(scores, order, pools=pools)
    assert set(final["model"]) == {"tsb"}
    assert parse(guard_reason(final.iloc[0]))[0][1]["reference"] == "tsb"
