"""Findings of the independent review of the Americas and Asia-Pacific samples, each held by a sample's text."""

from __future__ import annotations

from tests.helpers import SAMPLES
from tests.library.terms import contract_text


def test_hipaa_termination_arises_on_violation_of_a_material_term():
    text = contract_text(SAMPLES / "onshore-us-hipaa.yaml")
    termination = text.split("Termination. If")[1].split("The Parties will interpret")[0]
    assert "has violated a material term of the Business Associate Agreement" in termination
    assert "may terminate this Agreement, or the affected Services" in termination
