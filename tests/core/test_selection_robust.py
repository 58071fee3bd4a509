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
