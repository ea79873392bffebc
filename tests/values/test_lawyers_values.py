"""Values as lawyers of more markets write them: Nordic durations ("4 år", "30 dagar"), India's "/-" after a whole
amount, and a city written in its own language as a time-zone city ("Lisboa"), from CLDR in every locale of the
country's languages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contractgen.values.amounts import read_money
from contractgen.values.countries import zone_of
from contractgen.values.durations import Duration


@pytest.mark.parametrize(
    ("written", "printed"),
    [
        ("4 år", "4 years"), ("1 år", "1 year"), ("30 dagar", "30 days"), ("3 månader", "3 months"),
        ("2 veckor", "2 weeks"), ("5 arbetsdagar", "5 business days"), ("tre år", "3 years"),
        ("30 dage", "30 days"), ("3 måneder", "3 months"), ("2 uger", "2 weeks"), ("2 uker", "2 weeks"),
        ("12 kuukautta", "12 months"), ("2 vuotta", "2 years"), ("24 tuntia", "24 hours"),
    ],
)  # fmt: skip
def test_a_nordic_duration_reads_as_written(written, printed):
    assert str(Duration.parse(written)) == printed


@pytest.mark.parametrize("written", ["Rs 18,50,000/-", "₹18,50,000/-", "Rs. 18,50,000/-"])
def test_the_indian_no_paise_suffix_is_read_and_the_amount_kept(written):
    assert read_money(written, "INR", "en_IN") == Decimal(1850000)


def test_a_slash_alone_is_still_refused():
    with pytest.raises(ValueError):
        read_money("Rs 18,50,000/", "INR", "en_IN")


@pytest.mark.parametrize(
    ("country", "city", "zone"),
    [("PT", "Lisboa", "Europe/Lisbon"), ("PT", "Açores", "Atlantic/Azores"), ("RU", "Moskva", "Europe/Moscow"),
     ("PT", "Lisbon", "Europe/Lisbon")],
)  # fmt: skip
def test_a_city_in_its_own_language_finds_its_zone(country, city, zone):
    assert zone_of(country, city) == zone


def test_a_city_no_locale_names_is_still_unknown():
    assert zone_of("PT", "Nowhere Town") is None
