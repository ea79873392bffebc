"""Every seat a practitioner may write has its state found as a class, and awards between parts of China.

Properties over the seats (law/seats) and the countries the law records know (the New York Convention's recorded
states and every jurisdiction record's country): a recorded city, a recorded city with its country beside it, any
city with a country beside it, and the CLDR's exemplar cities each give the state, and the written arbitration
carries it through to the New York Convention check. A city nothing knows is accepted and said to be unchecked.
"""

from __future__ import annotations

from types import SimpleNamespace

import pycountry
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractgen.deal import load_deal
from contractgen.law.cross_border import award_arrangement, award_notes, mainland_interim
from contractgen.law.forums import disputes_of, load_institutions, parse_arbitration, view_arbitration
from contractgen.law.jurisdictions import load_jurisdictions
from contractgen.law.library import active
from contractgen.law.seats import country_code, exemplar_cities, seat_place, seats
from tests.helpers import FIXTURES

DISPUTES = FIXTURES / "deals" / "disputes"


def _names(code: str) -> list[str]:
    """The ways a contract names a country: its ISO names without a comma or a bracket ("Nigeria"; "Korea, Republic of"
    and "Holy See (Vatican City State)" left out)."""
    country = pycountry.countries.get(alpha_2=code)
    found = {getattr(country, attr, None) for attr in ("common_name", "name")} if country else set()
    return sorted(name for name in found if name and "," not in name and "(" not in name)


RECORDED_STATES = sorted(active().records("treaties")["new-york-convention"].data["states"])
JURISDICTION_COUNTRIES = sorted({j.country for j in load_jurisdictions().values() if j.country})
KNOWN = sorted(set(RECORDED_STATES) | set(JURISDICTION_COUNTRIES))
COUNTRY_NAMES = [(code, name) for code in KNOWN for name in _names(code) if country_code(name) == code]
SEATS = sorted({entry["name"]: entry["country"] for entry in seats().values()}.items())
ALIASES = sorted((alias, entry["country"]) for alias, entry in seats().items())
CITIES = st.from_regex(r"[A-Z][a-z]{3,9}( [A-Z][a-z]{3,9})?", fullmatch=True).filter(
    lambda c: seat_place(c) is None and not country_code(c) and c.casefold() not in exemplar_cities()
)


def test_the_records_know_enough_countries_to_make_the_property_mean_something():
    assert len(COUNTRY_NAMES) >= 40 and len(SEATS) >= 50
    assert {"NG", "KR", "ID", "MX", "HK", "CN"} <= {code for code, _ in COUNTRY_NAMES}


@pytest.mark.parametrize("alias, code", ALIASES)
def test_every_recorded_seat_and_alias_has_its_state(alias, code):
    found = seat_place(alias)
    assert found is not None and found["country"] == code and found["found"] == "record"


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SEATS), st.data())
def test_a_recorded_city_with_its_own_country_beside_it_keeps_its_record(seat, data):
    city, code = seat
    names = _names(code) or [code]
    name = data.draw(st.sampled_from([n for n in names if country_code(n) == code] or [code]))
    found = seat_place(f"{city}, {name}")
    assert found is not None
    assert found["country"] == code and found["name"] == f"{city}, {name}"
    assert found["jurisdiction"] == seats()[city.casefold()]["jurisdiction"]


@settings(max_examples=300, deadline=None)
@given(CITIES, st.sampled_from(COUNTRY_NAMES))
def test_any_city_with_a_country_the_records_know_beside_it_is_in_that_country(city, country):
    code, name = country
    found = seat_place(f"{city}, {name}")
    assert found is not None and found["country"] == code and found["found"] == "beside"


@settings(max_examples=200, deadline=None)
@given(CITIES, st.sampled_from(COUNTRY_NAMES), st.sampled_from(sorted(load_institutions())))
def test_a_written_arbitration_carries_the_seats_state_to_the_convention_check(city, country, institution):
    code, name = country
    short = load_institutions()[institution].short or institution
    fields, problems = parse_arbitration(f"arbitration administered by {short}, seated in {city}, {name}, in English")
    assert not problems and fields["seat"] == f"{city}, {name}"
    view = view_arbitration(fields, "English")
    assert view.seat_country == code and view.seat == f"{city}, {name}"
    assert view.seat_in_convention is (code in RECORDED_STATES)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(SEATS), st.sampled_from(COUNTRY_NAMES))
def test_the_country_beside_a_city_decides_where_it_names_another(seat, country):
    city, own = seat
    code, name = country
    sovereign = (active().records("treaties")["new-york-convention"].data["states"].get(own) or {}).get("territory_of")
    found = seat_place(f"{city}, {name}")
    assert found is not None
    assert found["country"] == (own if code in (own, sovereign) else code)


def test_a_territory_written_beside_its_state_stays_the_territory():
    assert seat_place("Hong Kong, China")["country"] == "HK"
    assert (
        seat_place("London, Ontario")["country"] == "CA" and seat_place("London, Ontario")["jurisdiction"] == "ontario"
    )


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(sorted(exemplar_cities().items())))
def test_the_cldr_exemplar_cities_give_their_territory_unless_a_seat_record_says_more(item):
    city, code = item
    found = seat_place(city.title())
    assert found is not None
    recorded = seats().get(city)
    assert found["country"] == (recorded["country"] if recorded else code)


@settings(max_examples=100, deadline=None)
@given(CITIES)
def test_a_city_nothing_knows_is_accepted_and_said_to_be_unchecked(city):
    fields, problems = parse_arbitration(f"ICC arbitration seated in {city}")
    assert not problems and fields["seat"] == city
    view = view_arbitration(fields, "English")
    assert view.seat_country == "" and view.seat_in_convention is None
    parties = SimpleNamespace(client=SimpleNamespace(name="A", incorporated_in="Germany"))
    parties.supplier = SimpleNamespace(name="B", incorporated_in="France")
    notes = [note for _, note in award_notes(SimpleNamespace(parties=parties), view)]
    assert any(f"the seat ({city}) is not a seat the law records know" in n and "beside the city" in n for n in notes)


def test_the_institutions_country_and_the_governing_law_are_not_taken_for_the_seats_state():
    fields, _ = parse_arbitration("BANI arbitration seated in Zorvatkelm")
    assert view_arbitration(fields, "English").seat_country == ""


# Awards and interim measures between the Mainland, Hong Kong and Macao


def test_awards_between_the_mainland_hong_kong_and_macao_follow_their_arrangements():
    assert award_arrangement("HK", "CN")[0] == "hk-mainland-awards"
    assert award_arrangement("CN", "HK")[0] == "hk-mainland-awards"
    assert award_arrangement("HK", "MO")[0] == "hk-macao-awards"
    assert award_arrangement("SG", "CN") is None and award_arrangement("HK", "HK") is None
    for key in ("hk-mainland-awards", "hk-macao-awards", "hk-mainland-interim-measures"):
        record = active().records("treaties")[key].data
        assert record["sources"] and record["as_of"] and record["name"].startswith("the Arrangement")


def test_a_macao_party_under_a_hong_kong_seat_gets_the_arrangement_not_a_convention_warning():
    fields, _ = parse_arbitration("HKIAC arbitration seated in Hong Kong")
    view = view_arbitration(fields, "English")
    parties = SimpleNamespace(client=SimpleNamespace(name="Harbour Ltd", incorporated_in="Hong Kong"))
    parties.supplier = SimpleNamespace(name="Cotai Digital Lda", incorporated_in="Macao")
    notes = award_notes(SimpleNamespace(parties=parties), view)
    assert [role for role, _ in notes] == ["supplier"]
    assert "Hong Kong Special Administrative Region and the Macao Special Administrative Region" in notes[0][1]
    assert "not recorded as a New York Convention state" not in notes[0][1]


@pytest.mark.parametrize(
    "name, listed",
    [("hk-hkiac-shenzhen-client", True), ("hk-hkiac-written", True), ("hk-siac-shenzhen-supplier", False)],
)
def test_mainland_interim_measures_follow_the_institutions_listing(name, listed):
    deal = load_deal(DISPUTES / f"{name}.yaml").deal
    disputes = disputes_of(deal)
    assert (disputes.mainland_interim is not None) is listed
    if listed:
        assert disputes.mainland_interim.listed_as == "the Hong Kong International Arbitration Centre"
        assert any("confirm it on the Department of Justice's current list" in n for n in disputes.notes)
    else:
        assert any("is not among the institutions listed under Article 2(1)" in n for n in disputes.notes)


def test_interim_measures_need_a_hong_kong_seat_and_a_party_in_the_mainland():
    fields, _ = parse_arbitration("HKIAC arbitration seated in Singapore")
    deal = load_deal(DISPUTES / "hk-hkiac-shenzhen-client.yaml").deal
    assert mainland_interim(deal, view_arbitration(fields, "English")) == (None, [])
    fields, _ = parse_arbitration("HKIAC arbitration seated in Hong Kong")
    local = SimpleNamespace(parties=SimpleNamespace(client=deal.parties.supplier, supplier=deal.parties.supplier))
    assert mainland_interim(local, view_arbitration(fields, "English")) == (None, [])


def test_a_listing_that_covers_one_office_is_stated_with_its_condition():
    deal = load_deal(DISPUTES / "hk-hkiac-shenzhen-client.yaml").deal
    fields, _ = parse_arbitration("ICC arbitration seated in Hong Kong")
    view, notes = mainland_interim(deal, view_arbitration(fields, "English"))
    assert view is not None and view.only_if == "its Asia Office administers the arbitration"
    assert "where its Asia Office administers the arbitration" in notes[0]


@pytest.mark.parametrize("city, code", SEATS)
def test_a_recorded_seat_names_the_only_jurisdiction_record_of_its_state(city, code):
    jurisdiction = seats()[city.casefold()]["jurisdiction"]
    records = [key for key, record in load_jurisdictions().items() if record.country == code]
    if jurisdiction:
        assert load_jurisdictions()[jurisdiction].country == code
    else:
        assert len(records) != 1, f"{city}: its state has one jurisdiction record ({records}); name it"


def test_a_hong_kong_supplier_delivering_from_the_mainland_brings_the_interim_measures_arrangement():
    deal = load_deal(DISPUTES / "hk-hkiac-written.yaml").deal
    hong_kong = SimpleNamespace(
        name="Harbour Ops Limited", incorporated_in="Hong Kong", address="1 Queen's Road, Hong Kong"
    )
    fields, _ = parse_arbitration("HKIAC arbitration seated in Hong Kong")
    view = view_arbitration(fields, "English")
    at_home = SimpleNamespace(parties=SimpleNamespace(client=deal.parties.client, supplier=hong_kong), sourcing=None)
    assert mainland_interim(at_home, view) == (None, [])
    centre = SimpleNamespace(city="Dongguan", country="CN")
    delivering = SimpleNamespace(parties=at_home.parties, sourcing=SimpleNamespace(delivery_centres=[centre]))
    found, notes = mainland_interim(delivering, view)
    assert found is not None and found.listed_as == "the Hong Kong International Arbitration Centre" and notes
