"""Loading sales histories: CSV/TSV/Excel exports in long, wide and order-line layouts.

    from core.data import load, preview
    result = load("orders.csv")          # ImportResult: frame, freq, summary, problems
    table = preview("orders.csv")        # RawPreview: first rows and the detected roles

The order-line cleaning rule is `CLEANING_RULES` (text to show the user).
"""
from core.data.cleaning import CLEANING_RULES
from core.data.importer import load, preview
from core.data.types import LAYOUTS, ROLES, ImportOptions, ImportResult, RawPreview, Summary

__all__ = ["CLEANING_RULES", "LAYOUTS", "ROLES", "ImportOptions", "ImportResult", "RawPreview",
           "Summary", "load", "preview"]
