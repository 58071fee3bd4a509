"""Accounts for every row, unit and product an import leaves out, so nothing goes silently.

Each rule that removes sale lines goes through `Ledger.remove`, which counts the rows and the
units (positive quantities: sales taken away) and notes the products that had no line left
afterwards, with the rule that removed the last of them. The importer turns `lost` into a
warning naming each product, and `units` into `Summary.units_removed`, so that
units read = units left + units removed.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from core.data.problem_texts import warning
from core.errors import Problem
from core.schema import ID, Y

MAX_NAMED = 50  # products named one by one in the warning; the rest are counted


@dataclass
class Ledger:
    rows: dict[str, float] = field(default_factory=dict)  # rule -> rows removed
    units: dict[str, float] = field(default_factory=dict)  # rule -> units removed
    lost: dict[str, str] = field(default_factory=dict)  # product -> rule that removed it

    def remove(self, rule: str, lines: pd.DataFrame, mask) -> pd.DataFrame:
        """`lines` without the rows in `mask`, counted under `rule`."""
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return lines
        self.count(rule, float(mask.sum()),
                   float(np.nansum(lines[Y].to_numpy(dtype=float)[mask].clip(0))))
        kept = lines.loc[~mask]
        self.note_lost(rule, lines.loc[mask], kept)
        return kept

    def count(self, rule: str, rows: float, units: float) -> None:
        if rows:
            self.rows[rule] = self.rows.get(rule, 0.0) + rows
        if units:
            self.units[rule] = self.units.get(rule, 0.0) + units

    def note_lost(self, rule: str, removed: pd.DataFrame, kept: pd.DataFrame) -> None:
        """Products with a sale among `removed` and none left in `kept` are lost to `rule`.

        A blank quantity counts as a possible sale; returns (quantity <= 0) cannot be lost.
        """
        gone = pd.Index(pd.unique(_sold(removed).astype(str))).difference(
            pd.Index(pd.unique(_sold(kept).astype(str))))
        for product in gone:
            if product != "":
                self.lost.setdefault(product, rule)

    def warnings(self, path: str) -> list[Problem]:
        """One warning naming every product left out and why (none when nothing was lost)."""
        if not self.lost:
            return []
        named = [f"{product} ({rule})" for product, rule in list(self.lost.items())[:MAX_NAMED]]
        more = len(self.lost) - len(named)
        extra = {"more": f"{more:,}"} if more > 0 else {}
        return [warning("import.lost_products_more" if more > 0 else "import.lost_products",
                        hint_key="import.lost_products.hint", file=path,
                        count=f"{len(self.lost):,}", products=", ".join(named), **extra)]


def _sold(lines: pd.DataFrame) -> pd.Series:
    return lines.loc[~(lines[Y] <= 0).to_numpy(), ID]
