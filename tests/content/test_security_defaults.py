"""A deal whose security section is silent on vulnerability remediation periods or encryption at rest gets the
market's usual terms as stated defaults (critical 14, high 30, medium 90 days; AES-256 at rest), each with a
drafting note in a draft and a build warning in a final contract; a deal that states its own keeps them.
Stated on the rendered text of every sample."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from contractgen.deal import load_deal
from contractgen.deal.readings.security_defaults import security_defaults
from contractgen.pipeline import Workspace, build_document
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

NSW = SAMPLES / "au-retailer-philippines.yaml"


@lru_cache(maxsize=None)
def _text(path: Path) -> str:
    return contract_text(path)


def test_a_silent_security_section_gets_the_default_periods_and_encryption_at_rest() -> None:
    text = _text(NSW)
    periods = security_defaults()["vulnerability_remediation"]
    assert periods == {"critical": "14 days", "high": "30 days", "medium": "90 days"}
    assert (
        "within the following periods after it is identified: critical vulnerabilities: 14 days; high "
        "vulnerabilities: 30 days; medium vulnerabilities: 90 days;"
    ) in text
    assert "MBCS will encrypt the Retailer's information at rest using AES-256 or a stronger standard" in text
    assert "Encryption at rest AES-256 or stronger for all of the Retailer's information" in text
    assert "appropriate to its severity" not in text


def test_a_final_contract_warns_of_each_default_and_a_draft_notes_it(tmp_path: Path) -> None:
    final = build_document(load_deal(NSW), Workspace())
    warned = " ".join(w for w in final.warnings if isinstance(w, str) and "security." in w)
    assert "states no vulnerability remediation periods" in warned and "critical 14 days" in warned
    assert "encrypted at rest" in warned and "AES-256" in warned
    draft = load_deal(overlaid(NSW, FIXTURES / "deals" / "overlays" / "draft.yaml", tmp_path))
    ids = {n.id for n in draft.notes}
    assert {"default-security-term:vulnerability-remediation", "default-security-term:encryption-at-rest"} <= ids


def test_a_deal_that_states_its_periods_keeps_them() -> None:
    text = _text(SAMPLES / "us-saas-mexico.yaml")
    assert "critical vulnerabilities: 7 days; high vulnerabilities: 30 days; medium vulnerabilities: 90 days" in text
    notes = {n.id for n in load_deal(SAMPLES / "deal-example.yaml").notes}
    assert not any(i.startswith("default-security-term:") for i in notes)


@pytest.mark.parametrize("sample", sorted(SAMPLES.glob("*.yaml")), ids=lambda p: p.stem)
def test_no_sample_leaves_remediation_to_a_period_appropriate_to_severity(sample: Path) -> None:
    deal = load_deal(sample).deal
    text = _text(sample)
    assert "appropriate to its severity" not in text
    if deal.security is not None:
        assert "critical vulnerabilities: " in text and "Encryption at rest" in text
