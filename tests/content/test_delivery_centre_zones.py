"""A Delivery Centre's time zone comes from the time-zone data where they settle it (the country's only zone, or the
zone the database names after the city); elsewhere it is asked for, naming the field. The Delivery Centres table
has a business-hours column only where the deal gives every centre its hours."""

from __future__ import annotations

import babel.core
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from contractgen.deal.load import deal_problems, load_deal
from contractgen.values.countries import country_zones, zone_of
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

TERRITORY_ZONES = babel.core.get_global("territory_zones")
ONE_ZONE = sorted(code for code, zones in TERRITORY_ZONES.items() if len(zones) == 1 and len(code) == 2)
SEVERAL = sorted((code, zone) for code, zones in TERRITORY_ZONES.items() if len(zones) > 1 for zone in zones)


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(ONE_ZONE), st.text(min_size=1, max_size=20))
def test_a_country_with_one_zone_gives_it_to_any_city(code, city):
    assert zone_of(code, city) == TERRITORY_ZONES[code][0]


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(SEVERAL))
def test_a_city_the_database_names_gives_its_zone_in_its_own_country_only(entry):
    code, zone = entry
    city = zone.rsplit("/", 1)[-1].replace("_", " ")
    assert zone_of(code, city) == zone
    assert zone_of(code, city.upper()) == zone
    # the same city name in another country with several zones is not taken for it
    other = next(c for c, z in TERRITORY_ZONES.items() if len(z) > 1 and c != code)
    assert zone_of(other, city) in (
        None,
        *[z for z in TERRITORY_ZONES[other] if z.endswith("/" + zone.rsplit("/", 1)[-1])],
    )


def test_the_practitioners_cities():
    assert zone_of("BR", "São Paulo") == zone_of("BR", "Sao Paulo") == "America/Sao_Paulo"
    assert zone_of("CL", "Santiago") == "America/Santiago" and zone_of("ES", "Madrid") == "Europe/Madrid"
    assert zone_of("MX", "Mexico City") == "America/Mexico_City" and zone_of("VN", "Ho Chi Minh City")
    assert zone_of("CL", "Valparaíso") is None and zone_of("ES", "Córdoba") is None  # several zones, city not named
    assert zone_of("AR", "Córdoba") == "America/Argentina/Cordoba"
    assert country_zones("CL") == ["America/Coyhaique", "America/Punta_Arenas", "America/Santiago", "Pacific/Easter"]


def test_a_centre_named_by_place_validates_and_prints_its_zone_without_an_empty_hours_column(tmp_path):
    path = overlaid(SAMPLES / "deal-example.yaml", FIXTURES / "deals" / "overlays" / "centres-by-place.yaml", tmp_path)
    centres = load_deal(path).deal.sourcing.delivery_centres
    assert [c.timezone for c in centres] == ["America/Sao_Paulo", "Asia/Kolkata"]
    text = contract_text(path)
    assert "São Paulo Brazil America/Sao_Paulo" in text and "Pune India Asia/Kolkata" in text
    # both tables (the clause and the schedule) end at the time zone: no empty or "as agreed" hours column
    assert text.count("Delivery Centre Country Time zone São Paulo") == 2 and "Time zone Business hours" not in text
    assert "Time zone Business hours" in contract_text(SAMPLES / "deal-example.yaml")  # hours given: the column stays


@pytest.mark.parametrize(
    "centre, message",
    [
        ("{city: Valparaíso, country: CL}", "Chile has 4 time zones"),
        ("{city: Munich, country: DE}", "Germany has 2 time zones (Europe/Berlin, Europe/Busingen)"),
    ],
)
def test_a_centre_in_a_country_of_several_zones_whose_city_is_not_named_is_asked_for_it(tmp_path, centre, message):
    text = (SAMPLES / "deal-example.yaml").read_text(encoding="utf-8")
    text = text.replace('{city: Pune, country: IN, timezone: Asia/Kolkata, business_hours: "09:00-18:00"}', centre)
    deal, problems = deal_problems(yaml.safe_load(text))
    assert deal is None
    assert len(problems) == 1 and problems[0].path == "sourcing.delivery_centres[0].timezone"
    assert message in problems[0].message and "give the IANA time zone" in problems[0].message
