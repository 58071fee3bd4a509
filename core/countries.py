"""Country names and codes -> the ISO code whose public holidays the models get.

The `holidays` package is the authority on which countries have holidays, and its registry
also knows each country's English name (`UnitedKingdom`), ISO alpha-2/alpha-3 codes and a few
aliases (`UK`, `Korea`), so no country list of our own is kept (pycountry is not installed).
`_ALIASES` adds the spellings real shop exports use that the registry does not know.
"""
from __future__ import annotations

import re
from functools import cache

from core.errors import TrendcastError

# Export spellings seen in real files (UCI Online Retail writes EIRE and RSA) -> ISO alpha-2.
_ALIASES = {
    "eire": "IE", "rsa": "ZA", "czechrepublic": "CZ", "unitedstatesofamerica": "US",
    "greatbritain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northernireland": "GB", "holland": "NL", "republicofkorea": "KR",
}


def _key(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", str(text).lower())


@cache
def _names() -> dict[str, str]:
    """Normalised name, code or alias -> ISO alpha-2 code, from the holidays registry."""
    from holidays.registry import COUNTRIES

    out = {}
    for module, (class_name, alpha2, *others) in COUNTRIES.items():
        for spelling in (module, class_name, alpha2, *others):
            if not spelling.startswith("Holidays"):  # class aliases, not names
                out.setdefault(_key(spelling), alpha2)
    return out | _ALIASES


def holiday_code(value: object) -> str | None:
    """The ISO alpha-2 code for a country name or code ('United Kingdom', 'GB', 'EIRE'), or
    None when the holidays package has no holidays for it ('European Community', '')."""
    key = _key(value) if isinstance(value, str) else ""
    return _names().get(key) if key else None


def check_country(country: str | None) -> str | None:
    """The ISO code for a holiday country given by code or name ('gb', 'GBR', 'United Kingdom';
    '' or None: no holidays); raise a clear error if the holidays package has none for it."""
    if country is None or not str(country).strip():
        return None
    code = holiday_code(str(country))
    if code is None:
        raise TrendcastError(
            f"Unknown holiday country {country!r}. Use an ISO code such as 'GB', 'US' or 'DE'.")
    return code
