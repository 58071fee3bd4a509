"""Statistical models, one family per module, all fitted across every product at once.

baselines (naive, seasonal naive, moving average, drift), ets, theta, optimized_theta, arima,
mstl, intermittent (Croston SBA, TSB, ADIDA, IMAPA). Shared pieces: panel_model (the base
class: minimum history, seasonal-naive fallback, settings checks), vector_search (grid and
pattern search over all products), exp_smoothing / ses / arima_css (numpy recursions),
seasonality (tests and decompositions).
"""
