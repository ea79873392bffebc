"""The Charges' tax treatment read from the amounts as written (tests/fixtures/deals/tax/): "NZ$48,500 plus GST"
keeps the amount and the exclusive wording, "R1 850 000,00 (VAT inclusive)" keeps the amount and makes the
invoicing clause inclusive, in DOCX and PDF."""

from __future__ import annotations


import pytest

from contractgen.deal import load_deal
from tests.e2e.expect_folder import rendered_text
from tests.helpers import FIXTURES

FOLDER = FIXTURES / "deals" / "tax"
NZ, ZA = "nz-company-plus-gst.yaml", "za-company-vat-inclusive.yaml"


def rendered(name: str, fmt: str) -> str:
    """One deal's contract in one format, whitespace collapsed."""
    return rendered_text(FOLDER / name, fmt)


def test_the_deals_read_the_treatment_and_the_amounts_exactly():
    nz, za = load_deal(FOLDER / NZ).deal.commercials, load_deal(FOLDER / ZA).deal.commercials
    assert (nz.monthly_charges, nz.transition_charges, nz.tax_treatment) == (48500, 30000, "exclusive")
    assert (za.monthly_charges, za.tax_treatment) == (1850000, "inclusive")


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_plus_gst_prints_the_amount_and_the_exclusive_wording(fmt):
    t = rendered(NZ, fmt)
    assert "The Charges for the Services are NZ$48,500.00 for each month" in t
    assert "a one-off charge of NZ$30,000.00" in t
    assert "All Charges are exclusive of goods and services tax." in t
    assert "Kauri will pay it in addition to the Charges" in t


@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_vat_inclusive_prints_the_amount_and_the_inclusive_wording(fmt):
    t = rendered(ZA, fmt)
    assert "The Charges for the Services are ZAR 1 850 000,00 for each month" in t
    assert "All Charges are inclusive of value added tax" in t
    assert "it is included in the Charges: Fynbos will pay nothing in addition to the Charges for it" in t
    assert "exclusive of value added tax" not in t and "will pay it in addition to the Charges" not in t
    # the pricing schedule says so too, never that the Charges exclude the tax
    assert "and are inclusive of the tax on them that clause" in t
    assert "and exclude value added tax" not in t and "will pay in addition where it is properly chargeable" not in t
