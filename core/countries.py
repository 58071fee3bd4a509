"""Country names and codes -> the ISO code whose public holidays the models get.

A code may name a subdivision, ISO 3166-2 style: `GB-ENG` is England, whose bank holidays
(Easter Monday, the late summer bank holiday) the UK-wide `GB` calendar leaves out, and the UCI
shop closed on exactly those days; `US-CA`, `DE-BY` likewise.

The `holidays` package is the authority on which countries have holidays, and its registry
also knows each country's English name (`UnitedKingdom`), ISO alpha-2/alpha-3 codes and a few
aliases (`UK`, `Korea`), so no country list of our own is kept (pycountry is not installed).
`_ALIASES` adds the spellings real shop exports use that the registry does not know.
"""
from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import holidays

from core.errors import TrendcastError

# Export spellings seen in real files (UCI Online Retail writes EIRE and RSA) -> ISO code.
_ALIASES = {
    "eire": "IE", "rsa": "ZA", "czechrepublic": "CZ", "unitedstatesofamerica": "US",
    "greatbritain": "GB", "england": "GB-ENG", "scotland": "GB-SCT", "wales": "GB-WLS",
    "northernireland": "GB-NIR", "holland": "NL", "republicofkorea": "KR",
}
_SUBDIVISION = re.compile(r"([A-Za-z]{2})-([A-Za-z0-9]+)")


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
    """The ISO code for a country name or code ('United Kingdom', 'GB', 'EIRE' -> 'GB', 'GB',
    'IE'; 'gb-eng', 'England' -> 'GB-ENG'), or None when the holidays package has no holidays
    for it ('European Community', '', 'GB-XYZ')."""
    if not isinstance(value, str):
        return None
    part = _SUBDIVISION.fullmatch(value.strip())
    if part:
        return _subdivision(part[1].upper(), part[2])
    key = _key(value)
    return _names().get(key) if key else None


def _subdivision(country: str, subdiv: str) -> str | None:
    import holidays

    known = holidays.list_supported_countries().get(country, [])
    match = next((s for s in known if s.upper() == subdiv.upper()), None)
    return f"{country}-{match}" if match else None


def holiday_dates(code: str, years) -> holidays.HolidayBase:
    """The public holidays of a code `check_country` gave ('GB', 'GB-ENG') in `years`."""
    import holidays

    country, _, subdiv = code.partition("-")
    return holidays.country_holidays(country, subdiv=subdiv or None, years=years)


def check_country(country: str | None) -> str | None:
    """The ISO code for a holiday country given by code or name ('gb', 'GBR', 'United Kingdom',
    'GB-ENG'; '' or None: no holidays); raise a clear error if the holidays package has none."""
    if country is None or not str(country).strip():
        return None
    code = holiday_code(str(country))
    if code is None:
        raise TrendcastError(
            f"Unknown holiday country {country!r}. Use an ISO code such as 'GB', 'US' or 'DE', "
            "or a region such as 'GB-ENG'.")
    return code
