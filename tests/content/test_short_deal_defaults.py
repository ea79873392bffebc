"""A short deal is a safe first draft: security and continuity unless expressly left out (with a note in a
draft), and nothing dangling ('1 services', 'during that period', activities 'described above' that are not)."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

MINIMAL = SAMPLES / "uk-charity-minimal.yaml"
OVERLAYS = FIXTURES / "deals" / "overlays"


@pytest.fixture(scope="module")
def minimal():
    return contract_text(MINIMAL)


def test_a_deal_without_a_security_section_gets_security_and_continuity(minimal):
    assert "Information Security" in minimal and "Business Continuity and Disaster Recovery" in minimal
    assert "within 24 hours after becoming aware of it" in minimal  # the deal's breach notification


def test_security_false_leaves_them_out(tmp_path):
    text = contract_text(overlaid(MINIMAL, OVERLAYS / "no-security.yaml", tmp_path))
    assert "Business Continuity and Disaster Recovery" not in text


def test_a_draft_says_the_security_terms_are_a_default(tmp_path):
    source = load_deal(overlaid(MINIMAL, OVERLAYS / "draft.yaml", tmp_path))
    assert "default-security:security" in {n.id for n in source.notes}


def test_nothing_dangles_in_a_one_service_deal(minimal):
    assert "1 services" not in minimal and "The Services comprise the following service," in minimal
    assert "during that period" not in minimal
    assert (
        "continue to provide the Services on the terms of this Agreement while it provides the Exit Assistance"
        in minimal
    )
    assert "contract reference" not in minimal


def test_a_deal_without_governance_gets_relationship_managers_and_review_meetings(minimal):
    assert "Each Party will appoint a relationship manager" in minimal
    assert "The relationship managers will meet at least once every 3 months" in minimal
    assert "governance arrangements set out in" not in minimal  # no governance schedule to point at


def test_a_deal_without_insurance_gets_an_insurance_clause(minimal):
    assert "professional indemnity (errors and omissions) insurance" in minimal
    assert "a prudent supplier of services of the kind and size of the Services would carry" in minimal
    assert "employers' liability insurance under the Employers' Liability (Compulsory Insurance) Act 1969" in minimal


def test_a_deal_with_governance_and_insurance_keeps_its_own_terms():
    text = contract_text(SAMPLES / "deal-example.yaml")
    assert "at least the following insurance" in text and "a prudent supplier" not in text
    assert "The relationship managers will meet at least once every 3 months" not in text


def test_a_draft_says_governance_and_insurance_are_defaults(tmp_path):
    ids = {n.id for n in load_deal(overlaid(MINIMAL, OVERLAYS / "draft.yaml", tmp_path)).notes}
    assert {"default-governance:governance", "default-insurance:insurance"} <= ids
