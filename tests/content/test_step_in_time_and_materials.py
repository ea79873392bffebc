"""A step-in under a time-and-materials deal pays for the time actually worked, at the rate card: there are no
fixed Charges to 'continue to pay', and no 'costs saved' to deduct. Fixed-price deals keep the continuing Charges."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from tests.helpers import SAMPLES
from tests.terms import contract_text

SAMPLE_PATHS = sorted(SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda p: p.stem)
def test_step_in_charges_follow_the_pricing_model(path):
    deal = load_deal(path).deal
    text = contract_text(path)
    if "Step-In Period" not in text:  # no step-in clause: no charging rule for it either
        assert "pays Charges for the affected Services only for the time that" not in text
        return
    tm = deal.commercials.pricing_model == "time and materials"
    paid_for_time = "pays Charges for the affected Services only for the time that"
    assert (paid_for_time in text) == tm
    assert ("will continue to pay the Charges for the affected Services" in text) == (not tm)


def test_the_nearshore_step_in_pays_only_for_days_worked_at_the_rate_card():
    text = contract_text(SAMPLES / "nearshore-eur.yaml")
    assert (
        "During the Step-In Period, the Customer pays Charges for the affected Services only for the time that "
        "Supplier Personnel properly spend on them at the Customer's request, at the day rates in the rate card in Schedule"
    ) in text
    assert (
        "to the extent that they exceed the Charges that would have been payable at those day rates for the same work"
        in text
    )
    assert "costs saved because of the step-in" not in text
