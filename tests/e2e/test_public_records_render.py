"""Public bodies under the law of a US state, a Canadian province or a country whose public-sector law is recorded,
as practitioners write their deals, render that law in DOCX and PDF.

Each deal in tests/fixtures/deals/public-records/ has its expectations in expect.yaml beside it: the access-to-
information law and the auditor named in the sentence that binds the supplier, the procurement law's termination
ground where the record has one, no auditor where the body's level or kind is outside the auditor's remit, and no
company wording for the public body; and, where the body's own level's law is not recorded, the build says what is
missing.
"""

from __future__ import annotations

import pytest

from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("public-records")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_wording(name, fmt):
    DEALS.check_wording(name, fmt)


@pytest.mark.parametrize("name", [name for name in DEALS.names if DEALS.expect[name].get("warnings")])
def test_the_build_says_which_public_law_is_missing(name):
    DEALS.check_notes(name)
