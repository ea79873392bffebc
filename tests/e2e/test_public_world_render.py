"""Public bodies of the jurisdictions whose public-sector law was added from official sources render right in DOCX
and PDF: deals written as a practitioner of each place writes them (tests/fixtures/deals/public-world/), each with
the wording its DOCX and PDF must contain and must not contain, and the notes building must give, in expect.yaml
beside them.

A sample, not every record: tests/e2e/test_public_sector_records.py checks every record's laws in a generated
contract; these deals check the same terms where a lawyer reads them, in both formats, with the parties described
as their law describes them and a federal law's reach (a Belgian municipality gets no federal law) stated.
"""

from __future__ import annotations

import pytest

from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("public-world")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_wording(name, fmt):
    DEALS.check_wording(name, fmt)


@pytest.mark.parametrize("name", DEALS.names)
def test_notes(name):
    DEALS.check_notes(name)
