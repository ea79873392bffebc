"""A supplier who is a person (an individual or a sole trader) is never 'its' in the clauses that speak of what is
theirs: the context word SUPPLIER_ITS reads 'their' for a person and 'its' for a company."""

from __future__ import annotations

from functools import lru_cache

import pytest

from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, build_document
from tests.content.test_empty_references import units
from tests.helpers import FIXTURES

WORKSPACE = Workspace()
PERSON = FIXTURES / "deals" / "parties" / "sg-branch-sole-trader.yaml"  # the Designer, a sole trader
COMPANY = FIXTURES / "deals" / "signing" / "de-ag.yaml"  # the Supplier, a GmbH
# what each clause says of the supplier's own things, with the possessive left for the party's kind
PHRASES = [
    ("background", "has had the opportunity to carry out {} own due diligence"),
    ("audit", "the Charges and {} compliance with this Agreement"),
    ("audit", "will give them access to {} records"),
    ("compliance", "none of {} Subcontractors or suppliers"),
    ("information-security", "will not change {} security policies"),
    ("invoicing", "must confirm any change to {} bank details"),
    ("intellectual-property", "will obtain, at {} own cost, all licences"),
    ("subcontracting", "will keep an up-to-date list of {} Subcontractors"),
    ("disputed-invoices", "must continue to perform all of {} obligations"),
    ("business-continuity", "Invoking the plan does not relieve the {} of {} obligations"),
]


@lru_cache(maxsize=None)
def clauses(path) -> dict[str, str]:
    """Each clause's text in the document built from one deal file."""
    return {cid: text for cid, (text, _) in units(build_document(load_deal(path), WORKSPACE).document).items()}


@pytest.mark.parametrize(("clause", "phrase"), PHRASES)
def test_a_person_is_their_and_a_company_its(clause, phrase):
    person, company = clauses(PERSON), clauses(COMPANY)
    mine = (lambda word: phrase.format("Designer", word)) if phrase.count("{}") == 2 else phrase.format
    theirs = (lambda word: phrase.format("Supplier", word)) if phrase.count("{}") == 2 else phrase.format
    assert mine("their") in person[clause] and mine("its") not in person[clause]
    assert theirs("its") in company[clause] and theirs("their") not in company[clause]


def test_the_data_protection_terms_of_a_person_say_their():
    text = clauses(PERSON)["data-protection"]
    assert "including their employees, agents" in text and "including its employees" not in text
    assert "needed to demonstrate their compliance with this clause" in text
