"""The non-solicitation clause does not forbid the exit hiring the staff clause allows: where the client or a
Successor may offer employment to the supplier's staff when the Services end, that offer (a solicitation, not a
transfer) is excepted; where the staff clause allows no offer, the exception is not printed. Stated on the
rendered text of every sample."""

from __future__ import annotations

import re

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text, squash

CARVE_OUT = re.compile(r"an offer of employment that clause (\d+) allows when the Services, or any of them, end")


@pytest.mark.parametrize("sample", sorted(p.name for p in SAMPLES.glob("*.yaml")))
def test_the_exit_offer_is_excepted_from_non_solicitation_exactly_where_the_staff_clause_allows_it(sample):
    text = squash(contract_text(SAMPLES / sample))
    if "Non-Solicitation During the Term" not in text:
        assert not CARVE_OUT.search(text)
        return
    staff, restriction = text.split("Non-Solicitation During the Term", 1)
    offers = re.search(r"(?:or|and) (?:any |a )?Successor may offer employment to any", staff[-6000:])
    carve = CARVE_OUT.search(restriction)
    assert bool(offers) == bool(carve), (sample, offers, carve)
    if carve:
        transfer_ref = re.search(r"by operation of law or under clause (\d+); or in the case of ", restriction)
        assert transfer_ref and transfer_ref.group(1) == carve.group(1)
        assert "employing any person who accepts it." in restriction
    else:
        assert "in the case of" not in restriction.split("Each Party agrees", 1)[0]


def test_both_readings_are_exercised_by_the_samples():
    us = squash(contract_text(SAMPLES / "onshore-us-hipaa.yaml"))
    assert (
        "in the case of the Health System, making, or arranging for a Successor to make, an offer of employment" in us
    )
    poland = squash(contract_text(SAMPLES / "de-manufacturer-poland.yaml"))
    assert "Non-Solicitation During the Term" in poland and not CARVE_OUT.search(poland)
