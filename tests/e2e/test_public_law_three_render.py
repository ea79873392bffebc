"""Public bodies and state-owned companies under the law records added or completed for the new user's retrial:
deals written as a practitioner of each place writes them (tests/fixtures/deals/public-law-3/), each with the wording
its DOCX and PDF must contain and must not contain, and the notes building must give, in expect.yaml beside them.

A Rwandan ministry, a Japanese national university corporation, a South African metropolitan municipality, a Kenyan
county under the PPADA, a Chilean municipality; a Brazilian and an Indian state-owned company whose arbitration their
information law reaches; a Dubai authority's arbitration; notes that name a body and a country as the body does.
"""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal

from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("public-law-3")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_wording(name, fmt):
    DEALS.check_wording(name, fmt)


@pytest.mark.parametrize("name", DEALS.names)
def test_notes(name):
    DEALS.check_notes(name)


def _notes(name: str) -> dict[str, object]:
    return {note.id: note for note in load_deal(DEALS.folder / f"{name}.yaml").notes}


def test_a_data_note_names_the_body_as_its_law_does():
    note = _notes("se-region-silent-data")["personal-data-assumed:eu-gdpr"]
    assert "the client is a region (region)" in note.unrecognised
    assert "local authority" not in note.unrecognised


def test_a_company_form_note_names_the_country_in_english_and_the_number_the_deal_gives():
    note = _notes("br-state-company-arbitration")["default-company-form:client"]
    assert "under the laws of the Federative Republic of Brazil" in note.drafted
    assert "with the number the deal gives (CNPJ 43.076.702/0001-61)" in note.drafted
    assert "Brasil" not in note.drafted and "company_number" not in note.check
