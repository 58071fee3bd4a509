"""Hand-made changes to a forecast ("overrides"), kept in a journal of when, what and why.

    journal = Journal().add(Override("A1", "percent", 20, start="2012-03-01", comment="promo"))
    final = apply(run.forecast, journal)     # yhat changed, yhat_model kept, overridden marked

`core.overrides.journal` holds the records, `core.overrides.apply` applies them to a forecast
frame and `core.overrides.journal_json` reads and writes them as schema-checked JSON (inside a
project, or a file for `python main.py forecast --overrides JOURNAL.json`).
"""
from core.overrides.apply import MODEL_COLUMN, OVERRIDDEN, apply, apply_to_run, unmatched
from core.overrides.journal import KINDS, Journal, Override
from core.overrides.journal_json import (
           journal_from_json,
           journal_to_json,
           read_journal,
           write_journal,
)
from core.overrides.table import journal_table

__all__ = ["KINDS", "MODEL_COLUMN", "OVERRIDDEN", "Journal", "Override", "apply", "apply_to_run",
           "journal_from_json", "journal_table", "journal_to_json", "read_journal", "unmatched",
           "write_journal"]
