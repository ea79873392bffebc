"""The terms a procurement law makes compulsory reach a public body's contract from the law record, and no other.

Italy (Law No. 136 of 2010 and Legislative Decree No. 36 of 2023) records payment traceability, price revision and
the definitive guarantee; the UK records none of them, so its central-government contract carries none.
"""

from __future__ import annotations

import pytest

from contractgen.pipeline import Workspace, render_deal
from tests.e2e.test_practitioner_deals import DEALS, contract_text

ITALIAN_TERMS = [
    "The Contractor accepts the obligations of traceability of payments under Article 3 of Law No. 136 of "
    "13 August 2010",
    "will state the tender identification code (codice identificativo gara, CIG) issued for this Agreement",
    "will include the same obligations in each subcontract and supply contract for the Services",
    "if any payment under it is made without a bank or post-office transfer",
    "The Charges will be revised as Article 60 of Legislative Decree No. 36 of 31 March 2023 requires",
    "rises or falls by more than 5% of the total value of this Agreement, the Charges for the Services still to be "
    "performed are adjusted by 80% of the change beyond 5%",
    "a definitive guarantee (garanzia definitiva) under Article 117 of Legislative Decree No. 36 of 31 March 2023, "
    "as a deposit or a surety, of 10% of the value of this Agreement",
    "Each subcontract needs Contracting Authority's authorisation under Article 119 of Legislative Decree No. 36 of "
    "31 March 2023, and Contracting Authority decides on a request as that law provides.",
    "it will pay Contracting Authority, for each day of delay, the penalty that the tender documents set under "
    "Article 126 of Legislative Decree No. 36 of 31 March 2023",
    "as supplemented by the Italian Personal Data Protection Code (Legislative Decree No. 196 of 30 June 2003)",
]


def test_the_italian_authority_gives_no_consent_on_its_own_terms(italian):
    assert "will not withhold its consent unreasonably" not in italian
    assert "Silence is not consent" not in italian


@pytest.fixture(scope="module")
def italian(tmp_path_factory) -> str:
    out = tmp_path_factory.mktemp("it")
    written, _ = render_deal(DEALS / "it-public-hospital.yaml", out, ("docx",), Workspace())
    return " ".join(contract_text(written[0].read_bytes()).split())


@pytest.mark.parametrize("words", ITALIAN_TERMS)
def test_an_italian_public_contract_carries_the_procurement_law_terms(italian, words):
    assert words in italian


def test_the_fixed_charges_are_subject_to_the_compulsory_revision(italian):
    assert "The Charges are fixed for the Term, subject only to their revision under clause 22." in italian
    assert "and to Changes agreed under clause" in italian


def test_no_sentence_starts_with_a_lower_case_clause_reference(italian):
    assert ". clause " not in italian
    assert "Nothing in clause 31 prevents a disclosure that Contracting Authority decides those laws require" in (
        italian
    )


def test_a_law_without_those_records_brings_none_of_them(tmp_path):
    written, _ = render_deal(DEALS / "uk-central-government.yaml", tmp_path, ("docx",), Workspace())
    text = " ".join(contract_text(written[0].read_bytes()).split())
    for words in (
        "traceability of payments",
        "will be revised as",
        "definitive guarantee",
        "their revision under",
        "for each day of delay",
    ):
        assert words not in text
    assert "subject only to Changes agreed under clause" in text
    assert "will not withhold its consent unreasonably" in text
