"""The onward-transfer sentence speaks the vocabulary of every privacy regime: an approved onward transfer must be
permitted by the Data Protection Laws, never 'have a lawful basis' (a GDPR term a Swiss FADP contract does not use)."""

from __future__ import annotations

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text, squash

SAMPLE_PATHS = sorted(SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda p: p.stem)
def test_an_onward_transfer_must_be_permitted_by_the_data_protection_laws(path):
    text = squash(contract_text(path))
    if "will not make any onward transfer of" not in text:  # no onward-transfer sentence: no GDPR wording either
        assert "lawful basis under the Data Protection Laws" not in text
        return
    assert "must have a lawful basis under the Data Protection Laws" not in text
    assert "approves must be permitted by the Data Protection Laws" in text
    assert "and the recipient must be bound by written terms" in text


def test_the_swiss_contract_has_the_onward_transfer_sentence_without_lawful_basis():
    text = squash(contract_text(SAMPLES / "ch-bank-portugal.yaml"))
    assert "will not make any onward transfer of Personal Data" in text
    assert "lawful basis" not in text
