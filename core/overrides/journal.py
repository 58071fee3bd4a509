"""An override (one hand-made change to one product's forecast) and the journal that keeps them.

An override sets (`absolute`), scales (`percent`) or shifts (`units`) the forecast of one product
on chosen periods (`periods`, the forecast's own date stamps) or on a range (`start`..`end`,
inclusive; an open end runs to the horizon's edge). Overrides apply in journal order, each to the
result of the ones before, so "set to 50" then "+10 %" gives 55. Both are immutable: an edit makes
a new journal, which is what an undo stack keeps.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

import numpy as np
import pandas as pd

from core.calendar_day import calendar_day
from core.error_messages import user_error
from core.errors import TrendcastError
from core.messages import render

KINDS = ("absolute", "percent", "units")
# How `Override.span` writes a range in a journal table (the GUI words these in its language).
OPEN_START, OPEN_END, RANGE = "first period", "last period", " to "
MIN_PERCENT = -100.0  # -100 % takes a forecast to 0; below that would be negative sales


def now_utc() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def change_message(kind: str, value: float) -> tuple[str, dict[str, str]]:
    """An override's change as a template id and its fields (also for a journal table's row)."""
    if kind == "absolute":
        return "override.absolute", {"change": f"{value:g}"}
    return f"override.{kind}", {"change": f"{value:+g}"}


@dataclass(frozen=True)
class Override:
    product: str
    kind: str  # one of KINDS
    value: float  # absolute: units per period; percent: +20 = a fifth more; units: + per period
    periods: tuple[pd.Timestamp, ...] = ()  # these periods; empty: the range start..end
    start: pd.Timestamp | None = None  # None: from the first forecast period
    end: pd.Timestamp | None = None  # None: to the last forecast period
    comment: str = ""  # why (shown in the journal)
    when: str = field(default_factory=now_utc)  # ISO 8601 UTC, when it was made

    def __post_init__(self) -> None:
        object.__setattr__(self, "product", str(self.product))
        object.__setattr__(self, "comment", str(self.comment))
        if not self.product:
            raise _invalid("product", "Name the product the change is for.")
        if self.kind not in KINDS:
            raise _invalid("kind", f"{self.kind!r} is not a kind of change; use one of "
                           f"{', '.join(KINDS)}.")
        try:
            value = float(self.value)
        except (TypeError, ValueError):
            raise _invalid("value", f"{self.value!r} is not a number.") from None
        if not math.isfinite(value):
            raise _invalid("value", f"{self.value!r} is not a finite number.")
        if self.kind == "absolute" and value < 0:
            raise user_error("override.negative", value=f"{value:g}")
        if self.kind == "percent" and value < MIN_PERCENT:
            raise user_error("override.below_minus_100", value=f"{value:g}")
        object.__setattr__(self, "value", value)
        try:
            when = pd.Timestamp(self.when)
        except (TypeError, ValueError):
            when = pd.NaT
        if pd.isna(when):
            raise _invalid("when", f"{self.when!r} is not a time (use ISO 8601, "
                           "e.g. 2026-12-05T11:30:00Z).") from None
        periods = tuple(sorted({_date(p, "period") for p in self.periods}))
        object.__setattr__(self, "periods", periods)
        object.__setattr__(self, "start", _date(self.start, "start"))
        object.__setattr__(self, "end", _date(self.end, "end"))
        if periods and (self.start is not None or self.end is not None):
            raise _invalid("periods", "Give either chosen periods or a start..end range, "
                           "not both.")
        if self.start is not None and self.end is not None and self.end < self.start:
            raise user_error("override.ends_before", end=f"{self.end:%Y-%m-%d}",
                             start=f"{self.start:%Y-%m-%d}")

    def covers(self, dates) -> np.ndarray:
        """Which of `dates` (one product's forecast dates: a Series or datetime64 array) this
        override changes, as a boolean array (plain numpy: it runs once per override)."""
        values = np.asarray(dates, dtype="datetime64[ns]")
        if self.periods:
            return np.isin(values, np.array(self.periods, dtype="datetime64[ns]"))
        inside = np.ones(len(values), dtype=bool)
        if self.start is not None:
            inside &= values >= np.datetime64(self.start, "ns")
        if self.end is not None:
            inside &= values <= np.datetime64(self.end, "ns")
        return inside

    def what(self) -> str:
        """The change in words (English; the GUI renders the same template id itself)."""
        key, fields = self.what_message()
        return render(key, **fields)

    def what_message(self) -> tuple[str, dict[str, str]]:
        return change_message(self.kind, self.value)

    def span(self) -> str:
        """The periods as written in a journal table: "2012-03-04, 2012-03-11", or a range
        "2012-03-04 to last period" (`OPEN_START`/`OPEN_END` for an open side, `RANGE` between)."""
        if self.periods:
            return ", ".join(f"{p:%Y-%m-%d}" for p in self.periods)
        first = f"{self.start:%Y-%m-%d}" if self.start is not None else OPEN_START
        last = f"{self.end:%Y-%m-%d}" if self.end is not None else OPEN_END
        return f"{first}{RANGE}{last}"


@dataclass(frozen=True)
class Journal:
    """Overrides in the order they were made; `add`/`remove`/`replace_at` return a new journal."""

    overrides: tuple[Override, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "overrides", tuple(self.overrides))

    def __len__(self) -> int:
        return len(self.overrides)

    def __iter__(self):
        return iter(self.overrides)

    def __bool__(self) -> bool:
        return bool(self.overrides)

    def add(self, override: Override) -> Journal:
        return Journal((*self.overrides, override))

    def remove(self, index: int) -> Journal:
        self._check_index(index)
        return Journal(self.overrides[:index] + self.overrides[index + 1:])

    def replace_at(self, index: int, override: Override) -> Journal:
        self._check_index(index)
        return Journal(self.overrides[:index] + (override,) + self.overrides[index + 1:])

    def for_product(self, product: str) -> Journal:
        return Journal(tuple(o for o in self.overrides if o.product == str(product)))

    def without_product(self, product: str) -> Journal:
        return Journal(tuple(o for o in self.overrides if o.product != str(product)))

    def _check_index(self, index: int) -> None:
        if not 0 <= index < len(self.overrides):
            raise IndexError(f"the journal has {len(self.overrides)} entries, not {index + 1}")


def restamp(override: Override) -> Override:
    """The same change made now (an edited entry is a new decision)."""
    return replace(override, when=now_utc())


def _date(value, name: str) -> pd.Timestamp | None:
    try:
        return calendar_day(value)
    except ValueError:
        raise _invalid(name, f"{value!r} is not a date (use YYYY-MM-DD).") from None


def _invalid(field_name: str, message: str) -> TrendcastError:
    return TrendcastError(f"Override {field_name}: {message}")
