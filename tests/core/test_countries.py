"""Country names and codes as shop exports write them -> the ISO code the holidays come from."""
from __future__ import annotations

import pytest

from core.countries import check_country, holiday_code
from core.errors import TrendcastError


@pytest.mark.parametrize(("value", "code"), [
    ("United Kingdom", "GB"), ("EIRE", "IE"), ("RSA", "ZA"), ("gb", "GB"), ("DE", "DE"),
    ("uk", "GB"), ("GBR", "GB"), ("Czech Republic", "CZ"), ("USA", "US"),
    (" united   kingdom ", "GB"),
])
def test_names_and_codes_map_to_the_iso_code(value, code):
    assert holiday_code(value) == code
    assert check_country(value) == code


@pytest.mark.parametrize("value", ["European Community", "Unspecified", "", None, 44, "Narnia"])
def test_no_code_for_what_has_no_holidays(value):
    assert holiday_code(value) is None


@pytest.mark.parametrize("value", ["", None, "  "])
def test_empty_means_no_holidays(value):
    assert check_country(value) is None


def test_unknown_country_is_refused_with_a_hint():
    with pytest.raises(TrendcastError, match=r"Unknown holiday country 'Narnia'.*'GB'"):
        check_country("Narnia")


@pytest.mark.parametrize(("value", "code"), [
    ("GB-ENG", "GB-ENG"), ("gb-eng", "GB-ENG"), ("England", "GB-ENG"), ("Scotland", "GB-SCT"),
    ("US-CA", "US-CA"), ("de-by", "DE-BY"), ("GB-XYZ", None), ("XX-ENG", None),
    ("Guinea-Bissau", "GW"), ("El Salvador", "SV"),
])
def test_subdivisions_iso_3166_2_style(value, code):
    assert holiday_code(value) == code


def test_englands_calendar_has_the_bank_holidays_the_uk_wide_one_leaves_out():
    # The UCI shop sold nothing on Easter Monday and the late summer bank holiday 2011.
    from datetime import date

    from core.countries import holiday_dates

    uk, england = holiday_dates("GB", [2011]), holiday_dates("GB-ENG", [2011])
    assert set(england) - set(uk) == {date(2011, 4, 25), date(2011, 8, 29)}
