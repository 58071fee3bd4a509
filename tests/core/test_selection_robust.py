"""`auto`'s pooled choice is not decided by a few far-out series (issue #12, M1 monthly)."""
import pandas as pd

import core.selection as selection
from core.selection import choose, pooled_scores


def _scores(outlier_a: float = 500.0, outlier_b: float = 100.0) -> pd.DataFrame:
    """Nine smooth products where `a` (1.0-1.8) beats `b` (0.2 more), and one with a near-zero
    scale where every model's MASE is huge and `b` happens to be less huge."""
    rows = []
    for window in (0, 1):
        for i in range(9):
            rows += [("a", f"p{i}", window, 1.0 + 0.1 * i), ("b", f"p{i}", window, 1.2 + 0.1 * i)]
        rows += [("a", "odd", window, outlier_a), ("b", "odd", window, outlier_b)]
    return pd.DataFrame(rows, columns=["model", "unique_id", "window", "score"])


def _pools() -> pd.Series:
    ids = [f"p{i}" for i in range(9)] + ["odd"]
    return pd.Series("smooth", index=ids)


def test_one_far_out_series_does_not_choose_for_the_pool():
    out = choose(_scores(), ["a", "b"], pools=_pools()).set_index("unique_id")
    assert set(out["model"]) == {"a"}
    assert abs(out.loc["p0", "score"] - 1.4) < 1e-12  # the mean over the kept product-windows
    assert out.loc["p0", "products"] == 10  # the far-out product still counts in the pool


def test_the_plain_mean_would_follow_the_outlier(monkeypatch):
    monkeypatch.setattr(selection, "POOLED_METHOD", "mean")
    out = choose(_scores(), ["a", "b"], pools=_pools())
    assert set(out["model"]) == {"b"}


def test_fence_keeps_every_window_when_none_is_far_out():
    use = _scores(outlier_a=1.5, outlier_b=1.4).assign(pool="smooth")
    fenced = pooled_scores(use, method="fence").set_index("model")["score"]
    plain = pooled_scores(use, method="mean").set_index("model")["score"]
    pd.testing.assert_series_equal(fenced, plain)


def _pool_of(rows: list[tuple[str, str, int, float]]) -> tuple[pd.DataFrame, pd.Series]:
    use = pd.DataFrame(rows, columns=["model", "unique_id", "window", "score"])
    return use, pd.Series("lumpy", index=use["unique_id"].unique())


def test_perfect_windows_do_not_fence_out_every_window_with_an_error():
    """Most product-windows forecast perfectly by every model (no sales, zero forecasts) made
    Q3 = IQR = 0, so the fence dropped every window with an error and the choice fell to the
    order's first model on a tie of zeros."""
    rows = [(m, f"quiet{i}", w, 0.0) for i in range(8) for w in (0, 1) for m in ("b", "a")]
    rows += [(m, f"sold{i}", w, s) for i in range(2) for w in (0, 1)
             for m, s in (("a", 1.0), ("b", 1.5))]
    use, pools = _pool_of(rows)
    out = choose(use, ["b", "a"], pools=pools)
    assert set(out["model"]) == {"a"}
    assert abs(out["score"].iloc[0] - 0.2) < 1e-12  # 4 of 20 product-windows at 1.0, none dropped


def test_a_tied_pool_still_drops_a_window_far_above_it():
    rows = [(m, f"p{i}", w, s) for i in range(9) for w in (0, 1)
            for m, s in (("a", 0.9), ("b", 1.1))]
    rows += [(m, "odd", w, s) for w in (0, 1) for m, s in (("a", 500.0), ("b", 100.0))]
    use, pools = _pool_of(rows)
    assert set(choose(use, ["b", "a"], pools=pools)["model"]) == {"a"}


def test_a_pool_of_perfect_windows_or_too_few_keeps_everything():
    perfect = [(m, f"p{i}", 0, 0.0) for i in range(5) for m in ("a", "b")]
    use, _ = _pool_of(perfect)
    scores = pooled_scores(use.assign(pool="lumpy"), method="fence")
    assert scores["score"].tolist() == [0.0, 0.0]
    few = [("a", "p0", 0, 1.0), ("b", "p0", 0, 1.2), ("a", "p1", 0, 900.0), ("b", "p1", 0, 800.0)]
    use, _ = _pool_of(few)
    fenced = pooled_scores(use.assign(pool="lumpy"), method="fence").set_index("model")["score"]
    plain = pooled_scores(use.assign(pool="lumpy"), method="mean").set_index("model")["score"]
    pd.testing.assert_series_equal(fenced, plain)  # two product-windows: no quartiles to trust
