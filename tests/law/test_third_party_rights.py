"""Whether a person who is not a party can enforce a term made for it is a property of the law records: the laws of
the party matrix each say so, with their statute where one gives the right, and India keeps privity of contract."""

from __future__ import annotations

import pytest

from contractgen.law.jurisdictions import load_jurisdictions

STATUTE = {
    "england-and-wales": "Contracts (Rights of Third Parties) Act 1999",
    "northern-ireland": "Contracts (Rights of Third Parties) Act 1999",
    "scotland": "Contract (Third Party Rights) (Scotland) Act 2017",
    "singapore": "Contracts (Rights of Third Parties) Act 2001",
    "hong-kong": "Cap. 623",
    "new-zealand": "Contract and Commercial Law Act 2017",
    "germany": "section 328",
    "switzerland": "Article 112",
}
PRIVITY = ["india", "ireland", "ontario", "new-south-wales", "victoria"]


@pytest.mark.parametrize("key", sorted(STATUTE))
def test_a_law_with_a_third_party_statute_lets_the_third_party_enforce(key):
    rights = load_jurisdictions()[key].commercial.third_party_rights
    assert rights.enforce == "direct" and STATUTE[key] in rights.law


@pytest.mark.parametrize("key", PRIVITY)
def test_a_law_that_keeps_privity_has_the_benefit_held_for_the_third_party(key):
    assert load_jurisdictions()[key].commercial.third_party_rights.enforce == "through_party"
