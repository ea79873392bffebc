"""A fixed monthly charge for several Services is the charge for all of them together, with a recorded allocation
per Service (for invoicing each Service, its start and its early end); one Service keeps the plain sentence."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from tests.helpers import SAMPLES
from tests.terms import contract_text

SAMPLE_PATHS = sorted(SAMPLES.glob("*.yaml"))
SPLIT = "Before the first Service Commencement Date the Parties will record in writing the part of that amount allocated to each Service"


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda p: p.stem)
def test_a_fixed_monthly_charge_is_split_where_there_are_several_services(path):
    deal = load_deal(path).deal
    text = contract_text(path)
    if deal.commercials.pricing_model != "fixed monthly" or not deal.commercials.monthly_charges:
        assert SPLIT not in text  # no fixed monthly amount to allocate
        return
    several = len(deal.scope.services) > 1
    assert (SPLIT in text) == several
    assert ("The Charges for all the Services together are" in text) == several
    assert ("payable for each Service from its Service Commencement Date" in text) == (not several)


def test_the_reference_deal_allocates_its_monthly_charge_between_its_services():
    text = contract_text(SAMPLES / "deal-example.yaml")
    assert "The Charges for all the Services together are £185,000.00 for each month" in text
    assert "That allocation is used to show the Charges for each Service separately on invoices" in text
