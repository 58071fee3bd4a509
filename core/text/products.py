"""The text that stands for each product: its title, with its category when the file has one."""
from __future__ import annotations

import pandas as pd

from core.schema import ID


def product_texts(frame: pd.DataFrame) -> pd.Series:
    """unique_id -> text ("title (category)"), in order of first appearance; products without
    a title are left out. Empty when the frame has no title column."""
    if "title" not in frame:
        return pd.Series(dtype=str)
    first = frame.drop_duplicates(ID).set_index(frame.drop_duplicates(ID)[ID].astype(str))
    titles = first["title"].fillna("").astype(str).str.strip()
    if "category" in first:
        category = first["category"].fillna("").astype(str).str.strip()
        titles = titles.where(category == "", titles + " (" + category + ")")
    return titles[titles != ""].rename("title")
