"""A transfer mechanism the deal agrees in advance is in the contract even when all processing stays inside the
law's own area: no other country without consent, and an approved transfer only on that mechanism."""

from __future__ import annotations

from contractgen.deal import load_deal
from contractgen.law.privacy import privacy_of
from tests.helpers import SAMPLES
from tests.terms import contract_text


def test_the_nearshore_deal_agrees_scc_module_2_for_transfers_outside_the_eea():
    privacy = privacy_of(load_deal(SAMPLES / "nearshore-eur.yaml").deal)
    assert privacy.cross_border == []  # Ireland and Poland: no transfer today
    text = contract_text(SAMPLES / "nearshore-eur.yaml")
    assert "International Transfers" in text
    assert (
        "Personal Data may not be transferred to, or accessed from, any other country without the Customer's prior written consent."
        in text
    )
    assert (
        "the transfer may be made only on the basis that the Parties agree in advance for that purpose: the standard contractual "
        "clauses adopted by the European Commission in Implementing Decision (EU) 2021/914, Module 2 (controller to processor), "
        "or Module 3 (processor to processor) for an onward transfer by the Supplier to a Sub-processor."
    ) in text
    assert "before the first transfer, completed with the details in Schedule 5" in text
    assert "No transfer will be made until the assessment shows" in text


def test_a_deal_with_no_agreed_mechanism_and_no_transfer_has_no_transfer_clause():
    text = contract_text(SAMPLES / "de-manufacturer-poland.yaml")
    assert "International Transfers" not in text
