"""A date a person typed or a file holds, as the calendar day it names."""
from __future__ import annotations

import pandas as pd


def calendar_day(value) -> pd.Timestamp | None:
    """Midnight of the day `value` names; None for no value. ValueError when it is no date.

    The calendar day as written: 2012-03-01T10:00+01:00 is March 1 in the shop's books."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        stamp = pd.Timestamp(value)
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a date") from None
    if pd.isna(stamp):
        return None
    return (stamp.tz_localize(None) if stamp.tzinfo else stamp).normalize()
