"""TISAX gives an assessment label, not a certificate: the security controls' certification row says so wherever
a deal asks for TISAX, as the information security clause does."""

from __future__ import annotations

import re

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text

SAMPLE_PATHS = sorted(SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("path", SAMPLE_PATHS, ids=lambda p: p.stem)
def test_no_certificate_or_attestation_to_tisax(path):
    text = contract_text(path)
    # the list of standards ends where the sentence turns to the label or the scope
    assert not re.search(r"attestation to (?:(?!, and a valid|, covering|, with a scope)[^.])*TISAX", text)


def test_the_german_controls_ask_for_a_valid_tisax_label_beside_iso_27001():
    text = contract_text(SAMPLES / "de-manufacturer-poland.yaml")
    assert (
        "Certification Certification or attestation to ISO/IEC 27001:2022, and a valid TISAX AL2 assessment label, "
        "covering the Services and every delivery location, maintained throughout the Term."
    ) in text
