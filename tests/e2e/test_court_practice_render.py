"""Courts chosen as each market writes them render as the court chosen in DOCX and PDF (tests/fixtures/deals/
court-practice/): generic courts of a judicial district, a named court in Korean and Chinese, a Portuguese court with
the waiver of other forums, a Romanian forum at the contracting authority's seat, the Court of Session and a Texas venue
clause; no verb or phrase as written is printed."""

from __future__ import annotations

import pytest

from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("court-practice")


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
