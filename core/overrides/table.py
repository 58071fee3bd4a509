"""The journal as a table (Excel sheet, CSV, the GUI's journal view): when, what, why."""
from __future__ import annotations

import pandas as pd

from core.overrides.journal import Journal

COLUMNS = ("when", "unique_id", "change", "periods", "comment", "kind", "value")


def journal_table(journal: Journal) -> pd.DataFrame:
    """One row per override in journal order; `change` and `periods` in English words."""
    return pd.DataFrame([{"when": o.when, "unique_id": o.product, "change": o.what(),
                          "periods": o.span(), "comment": o.comment, "kind": o.kind,
                          "value": o.value} for o in journal], columns=list(COLUMNS))
