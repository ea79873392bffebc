"""A withholding-tax gross-up and stamp duty, chosen in the deal, are drafted; a deal that chooses neither keeps
the deduction and says nothing of stamp duty."""

from __future__ import annotations

from contractgen.deal import load_deal
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAY = FIXTURES / "deals" / "overlays" / "withholding-gross-up-stamp-duty.yaml"


def test_gross_up_and_shared_stamp_duty(tmp_path):
    text = contract_text(overlaid(SAMPLES / "deal-example.yaml", OVERLAY, tmp_path))
    assert "such additional amount as ensures that, after the withholding or deduction, the Supplier receives" in text
    assert "any tax credit or refund it obtains that is attributable to an additional amount" in text
    assert "will be borne by the Parties in equal shares" in text
    assert "the Client may do so, will pay the tax withheld" not in text


def test_without_the_options_the_deduction_stays_and_stamp_duty_is_not_addressed():
    text = contract_text(SAMPLES / "deal-example.yaml")
    assert "such additional amount as ensures" not in text and "stamp duty" not in text
    assert "If Applicable Law requires the Client to withhold tax from a payment, the Client may do so" in text


def test_a_draft_under_indian_law_notes_stamp_duty_until_the_deal_says_who_bears_it(tmp_path):
    indian = FIXTURES / "openworld" / "deals" / "in-insurer-dpdp.yaml"
    (note,) = [n for n in load_deal(indian).notes if n.id == "stamp-duty:india"]
    assert "section 35 of the Indian Stamp Act, 1899" in note.unrecognised
    assert "stamp-duty:india" not in [n.id for n in load_deal(overlaid(indian, OVERLAY, tmp_path)).notes]
    assert "will be borne by the Parties in equal shares" in contract_text(overlaid(indian, OVERLAY, tmp_path))
