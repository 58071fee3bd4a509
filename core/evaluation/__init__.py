"""Backtests and accuracy.

    from core.evaluation import backtest, score
    bt = backtest(lambda: create("ets"), frame, horizon=8, windows=3, freq="W")
    overall, per_product = score(bt, frame, freq="W")

`fitting` holds the unit of work the pipeline sends to worker processes.
"""
from core.evaluation.backtest import backtest, window_splits
from core.evaluation.metrics import METRIC_COLUMNS, TREND_COLUMNS, score, window_errors

__all__ = ["METRIC_COLUMNS", "TREND_COLUMNS", "backtest", "score", "window_errors",
           "window_splits"]
