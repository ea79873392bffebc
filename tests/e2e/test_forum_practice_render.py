"""Dispute clauses as practitioners write them render right in DOCX and PDF (tests/fixtures/deals/forum-practice/):
an arbitration written in both fields, an institution named by its acronym or before its rules' name, the language
of the arbitration in the parties' own words, ad hoc arbitration under the seat's statute, courts written in their
own language, arbitration decided by law, a renamed centre, a domestic dispute under a centre's national rules and a
federal country's state law."""

from __future__ import annotations

import pytest

from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("forum-practice")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_wording(name, fmt):
    DEALS.check_wording(name, fmt)


@pytest.mark.parametrize("name", DEALS.names)
def test_notes(name):
    DEALS.check_notes(name)


@pytest.mark.parametrize("name", DEALS.names)
def test_drafting_notes_and_no_refusal(name):
    """The deal validates (nothing refused) and gives each drafting note its `notes` list names."""
    DEALS.check_drafting_notes(name)
