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
