"""Exit Assistance under a time-and-materials deal is charged at the rate card up to the Exit Plan's estimate, not
'included in the Charges' (there are no fixed Charges); fixed-price deals keep it included. Free after the
supplier's breach either way."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from tests.helpers import SAMPLES
from tests.terms import contract_text

SAMPLE_PATHS = sorted(SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda p: p.stem)
def test_exit_assistance_charges_follow_the_pricing_model(path):
    deal = load_deal(path).deal
    text = contract_text(path)
    if "Exit Assistance" not in text:  # no exit assistance: no charging rule for it either
        assert "Exit Assistance is charged for the time that" not in text
        return
    tm = deal.commercials.pricing_model == "time and materials"
    assert ("Exit Assistance is charged for the time that" in text) == tm
    assert ("is included in the Charges. Any other Exit Assistance" in text) == (not tm)
    if tm:
        assert "Exit Assistance described in the approved Exit Plan is included in the Charges" not in text


def test_the_nearshore_exit_assistance_is_charged_at_the_rate_card_up_to_the_estimate():
    text = contract_text(SAMPLES / "nearshore-eur.yaml")
    assert "The Exit Plan will estimate the days of effort needed for the Exit Assistance it describes." in text
    assert (
        "Exit Assistance is charged for the time that Supplier Personnel properly spend on it, at the day rates in the "
        "rate card in Schedule 3, up to that estimate; time beyond the estimate is charged only where the Customer has "
        "approved it in writing in advance. Where the Agreement ends because of the Supplier's breach, all Exit "
        "Assistance is provided without charge."
    ) in text
    assert (
        "If this Agreement is terminated because of the Supplier's breach, all Exit Assistance is free of charge."
        in text
    )
    assert "is included in the Charges. Any other Exit Assistance" not in text
