"""Acceptance is not deemed from the client's silence for a Deliverable whose Acceptance Criteria require the
approval or acceptance of a named person or body: deeming it would set the agreed criterion aside."""

from __future__ import annotations

from functools import lru_cache

from tests.helpers import SAMPLES
from tests.terms import contract_text


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def test_a_criterion_accepted_by_an_officer_is_never_deemed_met():
    text = sample("onshore-us-hipaa")  # D2: recovery time demonstrated and accepted by the Chief Information Officer
    assert "Acceptance of the Deliverable is deemed" not in text
    assert "the Health System will then accept or reject the Deliverable within 5 Business Days" in text
    assert "Acceptance is never deemed" in text


def test_only_the_deliverables_needing_a_named_approval_lose_deemed_acceptance():
    text = sample("nearshore-eur")  # D1 approved by the Head of Digital; D2 runs green against a release candidate
    assert (
        "Acceptance of the Deliverable is deemed to have taken place, except for D1, whose Acceptance Criteria "
        "require the approval or acceptance of the person or body they name" in text
    )
    assert "D1 and D2, whose" not in text
