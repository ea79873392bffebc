"""Support hours written as clock times with no time zone are read in the client's, where the time-zone data settle
it, and normal business hours are stated, never left undefined.

The zone comes from the data (CLDR's territory zones through Babel, and its exemplar cities), not from a list here:
every country with one zone gives it; a country with several gives the zone of the city its address names; and
only where no city decides it is the deal still refused. tests/fixtures/deals/support-zone/kuala-lumpur.yaml is a
Malaysian client (two zones) whose address names Kuala Lumpur.
"""

from __future__ import annotations

from functools import lru_cache

import babel.core
import pycountry
import pytest

from contractgen.deal import load_deal
from contractgen.deal.readings.support_zone import apply_support_zone, client_zone
from contractgen.deal.model import Deal
from contractgen.deal.rules import check_support_hours
from contractgen.deal.yamlsource import load_yaml
from tests.e2e.expect_folder import rendered_text
from tests.helpers import FIXTURES

KUALA_LUMPUR = FIXTURES / "deals" / "support-zone" / "kuala-lumpur.yaml"
ZONES: dict[str, list[str]] = {
    code: sorted(zones)
    for code, zones in babel.core.get_global("territory_zones").items()
    if zones and pycountry.countries.get(alpha_2=code)  # not "001" (the world) or "ZZ"
}
ONE_ZONE = sorted(code for code, zones in ZONES.items() if len(zones) == 1)
SEVERAL = sorted(code for code, zones in ZONES.items() if len(zones) > 1)


@lru_cache(maxsize=1)
def written():
    """The fixture as validated, before the readings: the deal the rule and the reading see."""
    data, _ = load_yaml(KUALA_LUMPUR.read_text(encoding="utf-8"), str(KUALA_LUMPUR))
    return Deal.model_validate(data)


def country_name(code: str) -> str:
    """The country's ISO 3166 name, as a deal may write it ("Antigua and Barbuda")."""
    return str(pycountry.countries.get(alpha_2=code).name)


def placed(country: str, address: str):
    """The fixture's deal with the client placed in another country, at this address, governed by nothing it knows."""
    deal = written()
    client = deal.parties.client.model_copy(update={"incorporated_in": country, "address": address})
    return deal.model_copy(update={"parties": deal.parties.model_copy(update={"client": client})})


def test_there_are_countries_of_each_kind():
    assert len(ONE_ZONE) > 150 and len(SEVERAL) > 20


@pytest.mark.parametrize("code", ONE_ZONE)
def test_a_country_with_one_zone_gives_it(code: str):
    deal = placed(country_name(code), f"1 Main Street, {country_name(code)}")
    assert list(check_support_hours(deal)) == []
    read, notes = apply_support_zone(deal)
    assert read.scope.services[0].support_timezone == ZONES[code][0]
    assert client_zone(deal) == ZONES[code][0]


def _exemplar_cities() -> list[tuple[str, str, str]]:
    """(country, zone, its English exemplar city) for the zones of countries with several, where only one zone of the
    country has that city."""
    cities = babel.Locale.parse("en").time_zones
    found = []
    for code in SEVERAL:
        named = {zone: str(cities[zone]["city"]) for zone in ZONES[code] if zone in cities and "city" in cities[zone]}
        found += [(code, z, c) for z, c in named.items() if list(named.values()).count(c) == 1]
    return found


@pytest.mark.parametrize(("code", "zone", "city"), _exemplar_cities())
def test_in_a_country_with_several_the_city_decides(code: str, zone: str, city: str):
    deal = placed(country_name(code), f"1 Main Street, 12345 {city}, {country_name(code)}")
    assert list(check_support_hours(deal)) == []
    assert apply_support_zone(deal)[0].scope.services[0].support_timezone == zone


@pytest.mark.parametrize("code", SEVERAL)
def test_in_a_country_with_several_and_no_city_it_is_still_refused(code: str):
    deal = placed(country_name(code), f"1 Main Street, Nowhereville, {country_name(code)}")
    problems = list(check_support_hours(deal))
    assert problems and "support_timezone" in problems[0][0]
    assert apply_support_zone(deal)[0].scope.services[0].support_timezone is None


def test_a_zone_the_deal_names_is_kept():
    deal = written()
    service = deal.scope.services[0].model_copy(update={"support_timezone": "Asia/Kuching"})
    deal = deal.model_copy(update={"scope": deal.scope.model_copy(update={"services": [service]})})
    assert apply_support_zone(deal)[0].scope.services[0].support_timezone == "Asia/Kuching"


def test_the_contract_states_the_zone_and_the_business_hours():
    source = load_deal(KUALA_LUMPUR)
    assert [s.support_timezone for s in source.deal.scope.services] == ["Asia/Kuala_Lumpur"] * 2
    assert "default-business-hours:client" in {n.id for n in source.notes}
    text = rendered_text(KUALA_LUMPUR, "docx")
    assert "support hours: Monday-Friday 08:00-17:00 (local time in Malaysia, Asia/Kuala_Lumpur)" in text
    assert (
        "during the University's normal business hours on Business Days, which are [09:00] to [17:00] (local time in "
        "Malaysia, Asia/Kuala_Lumpur); the times in square brackets are proposed for the Parties to confirm" in text
    )
    assert "normal business hours on Business Days." not in text
