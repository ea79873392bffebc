"""An onward transfer follows the mechanism of the privacy law that governs the data.

A law drafted by its own transfer mechanism (PIPEDA's comparable protection by contract, the Australian
Privacy Principle 8.1 reasonable steps) has no adequacy findings and no recognised transfer mechanisms, so
the onward-transfer sentence must not make the EU test the only way through. Checked on the rendered
contract of every sample and practitioner deal: each law with its own "Transfers under" section is named in
the onward-transfer sentence with the basis drafted for it.
"""

from __future__ import annotations

import re

import pytest

from tests.content.test_top_priority_and_exit_rates import DEALS, built, clause, text_of

OWN_BASIS = re.compile(
    r"Transfers under (.+?) (?:Personal \w+|\w+ data) is transferred to .+? on the basis of (.+?)\. "
)


def onward_sentence(text: str) -> str:
    """The sentence that sets the test for an onward transfer the client approves."""
    start = text.index("Any onward transfer that")
    return text[start : text.index("this Agreement.", start)]


def transfers(path):
    """The rendered international transfers clause of a deal, or None."""
    _, document = built(path)
    found = clause(document, "international-transfers")
    return None if found is None else text_of(found)


@pytest.mark.parametrize("stem", ["ca-insurer-us-cloud", "au-retailer-philippines"])
def test_a_law_without_adequacy_findings_has_no_adequacy_test_for_onward_transfers(stem):
    text = transfers(next(p for p in DEALS if p.stem == stem))
    sentence = onward_sentence(text)
    assert "adequate protection" not in sentence
    assert "transfer mechanism that they recognise" not in sentence
    assert "governs, it must be made on the basis of" in sentence


def test_pipeda_onward_transfers_need_comparable_protection_by_contract():
    sentence = onward_sentence(transfers(next(p for p in DEALS if p.stem == "ca-insurer-us-cloud")))
    assert (
        "for Personal Information that PIPEDA governs, it must be made on the basis of the comparable level" in sentence
    )
    assert "4.1.3 of Schedule 1 to PIPEDA" in sentence


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_every_law_with_its_own_mechanism_is_named_in_the_onward_sentence(path):
    text = transfers(path)
    if text is None or "Any onward transfer that" not in text:
        assert text is None or "Transfers under" not in text
        return
    sentence = onward_sentence(text)
    for regime, basis in OWN_BASIS.findall(text):
        assert f"that {regime} governs, it must be made" in sentence
        assert basis in sentence
