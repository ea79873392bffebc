"""The Latin American and European arbitral institutions and seats: found by the names deals written in their own
language use, and each fact the arbitration clause needs either present or explicitly null with a note."""

from __future__ import annotations

import pytest

from contractgen.law.forums import find_institution, parse_arbitration, view_arbitration
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
