"""A German client's contract keeps the supplier's staff under the supplier's direction and outside the client's
organisation, so the services are not a hiring-out of workers under the German Temporary Agency Work Act."""

from __future__ import annotations

from tests.helpers import SAMPLES
from tests.terms import contract_text


def test_the_german_client_directs_no_supplier_staff():
    text = contract_text(SAMPLES / "de-manufacturer-poland.yaml")
    assert "Direction of Odra Personnel" in text
    assert "Odra alone selects, directs and supervises the Odra Personnel" in text
    assert "The Customer gives no instructions to individual Odra Personnel" in text
    assert "The Odra Personnel are not integrated into the Customer's organisation" in text
    assert "(Arbeitnehmerüberlassung) within the meaning of the German Temporary Agency Work Act" in text


def test_other_clients_have_no_such_clause():
    assert "Arbeitnehmerüberlassung" not in contract_text(SAMPLES / "ch-bank-portugal.yaml")


def test_the_rule_against_the_drafter_is_set_aside_only_for_negotiated_terms_under_german_law():
    german = contract_text(SAMPLES / "de-manufacturer-poland.yaml")
    assert "In the terms of this Agreement that the Parties negotiated individually, no rule of construction" in german
    assert "No rule of construction applies to the disadvantage of a Party because that Party prepared" not in german
    swiss = contract_text(SAMPLES / "ch-bank-portugal.yaml")
    assert "No rule of construction applies to the disadvantage of a Party because that Party prepared" in swiss
