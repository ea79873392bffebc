"""Charges written with the market's tax words and its currency's sign or local abbreviation ("€ 98.500,00 HTVA",
"185.000,00 lei fără TVA", "1 250 000,00 DH HT", "GH₵ 450,000.00 (inclusive of all taxes and
levies)") render the amount exactly and the tax treatment the words give, in DOCX and PDF
(tests/fixtures/deals/market-amounts/)."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from tests.e2e.expect_folder import ExpectFolder

DEALS = ExpectFolder("market-amounts")


def test_every_deal_in_the_folder_has_expectations():
    DEALS.check_listed()


@pytest.mark.parametrize("name", DEALS.names)
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_wording(name, fmt):
    DEALS.check_wording(name, fmt)


@pytest.mark.parametrize("name", DEALS.names)
def test_the_deal_validates(name):
    """Nothing is refused (a DealError otherwise)."""
    assert load_deal(DEALS.folder / f"{name}.yaml").deal.commercials.monthly_charges
