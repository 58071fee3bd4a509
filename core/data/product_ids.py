"""Product codes as the user means them: no invisible characters, no surrounding spaces.

A byte-order mark pasted in mid-file (U+FEFF), a zero-width space or a trailing tab makes a code
that looks identical to another but would be a second product. They are removed and the codes
merged, and the import summary says how many spellings were changed and which codes merged.
A code of thousands of characters is not a product code (a pasted text, a broken export); it is
refused with its row, before it costs memory downstream.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.data.error_texts import fail
from core.data.values import INVISIBLE, distinct, spread

MAX_ID_CHARS = 500  # longer than any SKU or product title we have seen, far below the harm
MAX_EXAMPLES = 3


@dataclass
class IdCleanup:
    """What normalising the product codes changed."""

    changed: int = 0  # distinct spellings that had invisible characters or spaces removed
    merged: list[str] = field(default_factory=list)  # codes that now join several spellings
    # Number codes that differ only in leading zeros ("0042", "42"), each group as "0042 = 42":
    # kept apart (they may be two products) but said, since Excel drops such zeros.
    zero_twins: list[str] = field(default_factory=list)


def normalise_ids(values: pd.Series, *, path: str, column: str,
                  line_of: Callable[[object], int]) -> tuple[pd.Series, IdCleanup]:
    """(cleaned codes as text, what changed); InputError for absurdly long codes.

    `line_of` maps a row's index label to the line the user sees in the file."""
    codes, uniques = distinct(values)
    texts = uniques.astype(str)
    cleaned = texts.str.replace(INVISIBLE, "", regex=True).str.strip()
    too_long = (cleaned.str.len() > MAX_ID_CHARS).to_numpy()
    if too_long.any():
        first = int(np.flatnonzero(np.isin(codes, np.flatnonzero(too_long)))[0])
        length = len(cleaned.iloc[codes[first]])
        raise fail(path, "error.long_id", length=f"{length:,}", most=str(MAX_ID_CHARS),
                   row=line_of(values.index[first]), column=column)
    changed = (cleaned != texts) & (cleaned != "")
    spellings = pd.Series(texts.to_numpy(), index=cleaned.to_numpy())
    counts = spellings.groupby(level=0).nunique()
    merged = sorted(set(cleaned[changed]) & set(counts.index[counts > 1]))
    return (spread(codes, cleaned.astype(object), values.index),
            IdCleanup(int(changed.sum()), merged, _zero_twins(cleaned)))


def _zero_twins(codes: pd.Series) -> list[str]:
    """Groups of distinct all-digit codes equal but for leading zeros, most zeros first."""
    digits = pd.Series(codes[codes.str.fullmatch(r"\d+")].unique())
    if digits.empty:
        return []
    value = digits.str.lstrip("0").replace("", "0")
    groups = digits.groupby(value.to_numpy()).agg(lambda g: sorted(g, key=lambda c: -len(c)))
    return [" = ".join(group) for group in groups if len(group) > 1]
