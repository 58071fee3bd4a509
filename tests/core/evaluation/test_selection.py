"""Auto's choice at a window comes only from earlier windows; combinations are models."""
import pandas as pd
import pytest

from core.models.ensemble import combine_median, combine_weighted, inverse_error_weights
from core.selection import auto_backtest, choose, reason


def _scores():
    # Product p: model a wins window 0, b wins windows 1 and 2.
    rows = [("a", 0, 0.5), ("b", 0, 0.9), ("a", 1, 2.0), ("b", 1, 0.4), ("a", 2, 1.0),
            ("b", 2, 0.3)]
    return pd.DataFrame([{"model": m, "unique_id": "p", "window": w, "score": s}
                         for m, w, s in rows])


def _backtest():
    rows = []
    for model, value in (("a", 1.0), ("b", 2.0)):
        for w in range(3):
            rows.append({"unique_id": "p", "window": w, "cutoff": pd.Timestamp(2024, 1, w + 1),
                         "ds": pd.Timestamp(2024, 2, w + 1), "y": 1.0, "yhat": value,
                         "model": model})
    return pd.DataFrame(rows)


def test_each_window_is_chosen_from_earlier_windows_only():
    auto = auto_backtest(_backtest(), _scores(), ["a", "b"], reported=[1, 2])
    chosen = auto.set_index("window").chosen
    assert chosen[1] == "a"  # window 0 only: a (b wins window 1 itself, which is not used)
    assert chosen[2] == "b"  # windows 0-1: a 1.25, b 0.65
    assert (auto.model == "auto").all()


def test_final_choice_uses_every_window_and_explains_itself():
    final = choose(_scores(), ["a", "b"]).iloc[0]
    assert final.model == "b" and final.runner_up == "a"
    assert reason(final) == "lowest MASE in backtest (0.53 vs 1.17 for a, 3 windows)"


def test_pooled_choice_is_shared_by_the_products_of_a_pool():
    other = _scores().assign(unique_id="q")
    other.loc[other.model == "a", "score"] = 0.1  # q: a is far better
    scores = pd.concat([_scores(), other])
    pools = pd.Series({"p": "lumpy|a,b", "q": "lumpy|a,b", "r": "lumpy|a,b"})
    out = choose(scores, ["a", "b"], pools=pools).set_index("unique_id")
    # Pool means: a (0.5 + 2 + 1 + 0.3) / 6 = 0.63, b (0.9 + 0.4 + 0.3) * 2 / 6 = 0.53.
    assert set(out.model) == {"b"} and out.loc["p", "products"] == 2
    assert out.loc["r", "windows_used"] == 0  # no windows of its own, still chosen
    assert reason(out.loc["p"]).startswith("lowest MASE in backtest over 2 lumpy products")
    auto = auto_backtest(_backtest(), scores[scores.unique_id == "p"], ["a", "b"], [2], gap=2)
    assert auto.chosen.tolist() == ["a"]  # gap 2: window 2 is chosen from window 0 only


def test_ties_go_to_the_earlier_model():
    scores = _scores().assign(score=1.0)
    assert choose(scores, ["b", "a"]).iloc[0].model == "b"


def test_inverse_error_weights_keep_the_best_k():
    errors = pd.DataFrame({"unique_id": "p", "model": ["a", "b", "c"], "error": [1.0, 2.0, 4.0]})
    w = inverse_error_weights(errors, 2).set_index("model").weight
    assert set(w.index) == {"a", "b"}
    assert w["a"] == pytest.approx(2 / 3) and w["b"] == pytest.approx(1 / 3)


def test_median_and_weighted_combine_forecasts():
    preds = pd.DataFrame({"unique_id": "p", "ds": pd.Timestamp(2024, 1, 1),
                          "yhat": [1.0, 2.0, 10.0], "model": ["a", "b", "c"]})
    assert combine_median(preds.drop(columns="model")).yhat.iloc[0] == 2.0
    weights = pd.DataFrame({"unique_id": "p", "model": ["a", "b"], "weight": [0.75, 0.25]})
    assert combine_weighted(preds, weights).yhat.iloc[0] == pytest.approx(1.25)


def test_weighted_covers_products_that_no_window_could_score():
    from core.selection import add_combinations

    bt = _backtest()
    forecast = pd.DataFrame({"unique_id": ["p", "p", "young", "young"],
                             "ds": pd.Timestamp(2024, 3, 1), "yhat": [1.0, 2.0, 3.0, 5.0],
                             "model": ["a", "b", "a", "b"]})
    _, fc = add_combinations(bt, forecast, _scores(), k=3)
    weighted = fc[fc.model == "weighted"].set_index("unique_id").yhat
    # "young" has no backtest score: equal weights, not a missing forecast.
    assert set(weighted.index) == {"p", "young"}
    assert weighted["young"] == pytest.approx(4.0)
