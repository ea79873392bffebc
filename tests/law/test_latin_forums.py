"""The Latin American and European arbitral institutions and seats: found by the names deals written in their own
language use, and each fact the arbitration clause needs either present or explicitly null with a note."""

from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from contractgen.law.cross_border import award_notes
from contractgen.law.forums import find_institution, load_institutions, new_york_convention, parse_arbitration
from contractgen.law.forums import view_arbitration
from contractgen.law.library import active
from contractgen.law.seats import seat_place

OWN_NAMES = [
    ("Centro de Arbitraje y Conciliación de la Cámara de Comercio de Bogotá", "cac-ccb"),
    ("el Centro de Arbitraje y Conciliación de la CCB", "cac-ccb"),
    ("CAC CCB", "cac-ccb"),
    ("the Bogotá Chamber of Commerce", "cac-ccb"),
]


@pytest.mark.parametrize("written, key", OWN_NAMES, ids=[w for w, _ in OWN_NAMES])
def test_an_institution_is_found_by_the_name_a_deal_in_its_language_writes(written, key):
    found = find_institution(written)
    assert found is not None and found.key == key


def test_a_bogota_arbitration_written_in_english_is_read_with_its_seat_in_colombia():
    fields, problems = parse_arbitration(
        "arbitration administered by the Centro de Arbitraje y Conciliación de la Cámara de Comercio de Bogotá, "
        "seated in Bogotá, three arbitrators, in Spanish"
    )
    assert not problems
    assert fields == {"institution": "cac-ccb", "seat": "Bogotá", "arbitrators": 3, "language": "Spanish"}
    view = view_arbitration(fields, "English")
    assert (view.seat_country, view.seat_jurisdiction, view.seat_in_convention) == ("CO", "colombia", True)
    assert (
        view.institution.mediation[0] == "the Center for Arbitration and Conciliation of the Bogotá Chamber of Commerce"
    )


@pytest.mark.parametrize("written", ["Bogota", "Bogotá D.C.", "Bogotá, Colombia"])
def test_the_bogota_seat_is_found_however_the_city_is_written(written):
    found = seat_place(written)
    assert found is not None and found["country"] == "CO" and found["jurisdiction"] == "colombia"


OWN_LANGUAGE = [
    ("arbitraje ante el Centro de Arbitraje de la Cámara de Comercio de Lima", "ccl"),
    ("Centro Nacional e Internacional de Arbitraje de la Cámara de Comercio de Lima", "ccl"),
    ("Centro de Arbitraje y Mediación de la Cámara de Comercio de Santiago", "cam-santiago"),
    ("CAM Santiago", "cam-santiago"),
    ("arbitrato amministrato dalla Camera Arbitrale di Milano", "cam-milano"),
    ("Camera Arbitrale Nazionale e Internazionale di Milano", "cam-milano"),
    ("Centro Internacional de Arbitraje de Madrid", "ciiam"),
    ("Centro Internacional e Iberoamericano de Arbitraje de Madrid", "ciiam"),
    ("CIAM-CIAR", "ciiam"),
    ("Centro de Arbitraje de México", "cam-mexico"),
]


@pytest.mark.parametrize("written, key", OWN_LANGUAGE, ids=[w for w, _ in OWN_LANGUAGE])
def test_the_latin_and_european_centres_are_found_by_their_own_names(written, key):
    found = find_institution(written)
    assert found is not None and found.key == key


def test_two_centres_share_a_short_name_only_across_countries():
    # a shared acronym is read by the country the text names (VIAC: Vienna or Vietnam), so it needs two countries
    by_short: dict[str, list[str]] = {}
    for institution in load_institutions().values():
        if institution.short:
            by_short.setdefault(institution.short.casefold(), []).append(institution.country)
    assert all(len(countries) == len(set(countries)) for countries in by_short.values()), by_short
    assert find_institution("CAM") is None  # Milan, Santiago and Mexico City all say CAM: it names none of them


@pytest.mark.parametrize("key", sorted(active().records("forums")))
def test_every_institution_record_states_each_fact_the_clause_needs_or_says_why_not(key):
    data = active().records("forums")[key].data
    rules = data["rules"]
    assert data["name"] and rules["name"] and data["sources"] and data["as_of"]
    unchecked = [f for f in ("emergency_arbitrator", "expedited") if rules.get(f) is None]
    for fact in ("emergency_arbitrator", "expedited"):
        if rules.get(fact) and not rules.get(fact.replace("_arbitrator", "") + "_provision"):
            unchecked.append(fact.replace("_arbitrator", "") + "_provision")  # the clause then names no provision
    if not data.get("ad_hoc") and (unchecked or rules.get("edition") is None):
        assert len(rules.get("note") or "") > 40, f"{key}: {unchecked or 'edition'} left null without a note"
    mediation = data.get("mediation")
    if mediation:
        assert mediation["body"] and mediation["sources"] and mediation["as_of"]


SEATS = [
    ("Lima", "PE", "peru"),
    ("Santiago de Chile", "CL", "chile"),
    ("Buenos Aires", "AR", "argentina"),
    ("Ciudad de Panamá", "PA", ""),
    ("Montevideo", "UY", "uruguay"),
    ("Milano", "IT", "italy"),
    ("Madrid", "ES", "spain"),
    ("Ciudad de México", "MX", "mexico"),
    ("Lisboa", "PT", "portugal"),
    ("Bruxelles", "BE", "belgium"),
    ("Wien", "AT", "austria"),
]


@pytest.mark.parametrize("written, country, jurisdiction", SEATS, ids=[s[0] for s in SEATS])
def test_the_usual_latin_american_and_european_seats_are_recorded(written, country, jurisdiction):
    found = seat_place(written)
    assert found is not None and found["found"] == "record"
    assert (found["country"], found["jurisdiction"]) == (country, jurisdiction)


def test_a_seat_records_the_courts_its_arbitration_law_names_for_supervision():
    record = active().records("seats")["arbitral-seats"].data["seats"]["Montevideo"]
    supervision = record["supervision"]
    assert "Tribunales de Apelaciones en lo Civil" in supervision["courts"]
    assert "19.636" in supervision["law"] and "Article 6" in supervision["provisions"]
    assert not record.get("courts")  # others may grant interim measures: the clause keeps its general wording


def test_the_new_york_convention_record_knows_the_parties_count_and_the_states_as_listed():
    record = new_york_convention()
    states = record["states"]
    assert record["parties"] == 172 and len(states) <= record["parties"]
    # every party from Afghanistan to Croatia, as the UN list gives it
    for (
        code
    ) in "AF AL DZ AD AO AG AR AM AU AT AZ BS BH BD BB BY BE BZ BJ BT BO BA BW BR BN BG BF BI CV KH CM CA".split():
        assert states[code]["joined"] and states[code]["by"], code
    assert (states["CO"]["joined"], states["CO"]["by"]) == (date(1979, 9, 25), "accession")
    assert (states["AR"]["joined"], states["AR"]["by"]) == (date(1989, 3, 14), "ratification")
    assert (states["HR"]["joined"], states["HR"]["by"]) == (date(1993, 7, 26), "succession")
    assert (states["US"]["reciprocity"], states["US"]["commercial"]) == (True, True)
    assert (states["GT"]["reciprocity"], states["GT"]["commercial"]) == (True, True)
    assert (states["BT"]["reciprocity"], states["BT"]["commercial"]) == (True, True)
    assert (states["AR"]["reciprocity"], states["AR"]["commercial"]) == (True, True)
    assert (states["KE"]["reciprocity"], states["KE"]["commercial"]) == (True, False)
    assert (states["ZA"]["joined"], states["DE"]["joined"]) == (date(1976, 5, 3), date(1961, 6, 30))
    assert states["HK"]["territory_of"] == "CN"


def _deal(client: str, supplier: str):
    party = lambda name, place: SimpleNamespace(name=name, incorporated_in=place, address="")  # noqa: E731
    return SimpleNamespace(
        parties=SimpleNamespace(client=party("Cliente S.A.", client), supplier=party("Vendor", supplier))
    )


def test_a_party_whose_state_declared_reciprocity_is_warned_where_the_seat_is_not_a_recorded_state():
    unrecorded = SimpleNamespace(seat="Taipei", seat_country="TW", institution=SimpleNamespace(key=""))
    notes = dict(award_notes(_deal("Peru", "United States"), unrecorded))
    assert "not recorded as a New York Convention state" in notes[""] and "of the 172 parties" in notes[""]
    assert "applies the New York Convention only to awards made in another contracting state" in notes["supplier"]
    lima = view_arbitration({"institution": "CCL", "seat": "Lima"}, "Spanish")
    assert not award_notes(_deal("Peru", "United States"), lima)  # Peru is a contracting state
    recorded = view_arbitration({"institution": "CAC CCB", "seat": "Bogotá"}, "Spanish")
    assert not [n for _, n in award_notes(_deal("Colombia", "United States"), recorded)]
