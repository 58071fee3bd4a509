"""Trendcast's forecasting engine.

Never imports Qt, pyqtgraph or `gui` (pyproject's import-linter contracts check it).
"""

__version__ = "0.1.0"
