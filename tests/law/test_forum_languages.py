"""Arbitration written as the trial's practitioners wrote it: an institution named alone ("CIETAC Beijing") is
arbitration, and a seat the library knows written after it with no word for "seat" is the seat."""

from __future__ import annotations

import pytest

from contractgen.law.forums import is_arbitration, parse_arbitration

ALONE = [
    ("CIETAC Beijing", "cietac", "Beijing"),
    ("HKIAC, Hong Kong", "hkiac", "Hong Kong"),
    ("SCC Stockholm", "scc", "Stockholm"),
    ("SIAC Singapore", "siac", "Singapore"),
]


@pytest.mark.parametrize("written, institution, seat", ALONE, ids=[w for w, _, _ in ALONE])
def test_a_recorded_institution_named_alone_is_arbitration_with_the_city_after_it_as_seat(written, institution, seat):
    assert is_arbitration(written)
    fields, problems = parse_arbitration(written)
    assert problems == [] and (fields["institution"], fields["seat"]) == (institution, seat)


def test_a_city_inside_an_institution_name_is_not_taken_for_the_seat():
    _, problems = parse_arbitration("arbitraje ante el Centro de Arbitraje de la Cámara de Comercio de Bogotá")
    assert problems and "name the seat" in problems[-1]


@pytest.mark.parametrize("courts", ["the courts of England", "Commercial Court, London", "the courts of Beijing"])
def test_courts_naming_no_institution_stay_courts(courts):
    assert not is_arbitration(courts)
