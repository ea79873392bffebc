"""A governing law and a place of incorporation written as lawyers of the market write them ("legge italiana",
"deutsches Recht unter Ausschluss des UN-Kaufrechts", "Italia", "Deutschland") find the jurisdiction record: the
record's public-sector terms are in the contract, its law and places are printed in English, and an arbitration
deal gets no note about a default court; DOCX and PDF, deals from a new user's trial."""

from __future__ import annotations

import pytest

from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("local-law")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_the_law_written_in_its_own_language_brings_its_record(name, fmt):
    DEALS.check_wording(name, fmt)
