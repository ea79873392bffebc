"""A general category of personal data is never recorded as sensitive as a whole: where a regime makes some of its
elements sensitive (the CCPA's identifiers include social security, driver's license, state identification card
and passport numbers, Cal. Civ. Code § 1798.140(ae)(1)(A)), the draft names those elements and asks whether the
data holds them. Stated on every sample and the open-world practitioner deals."""

from __future__ import annotations

from pathlib import Path

import pytest

from contractgen.deal import load_deal
from contractgen.deal.notes import final_warnings
from contractgen.deal.readings.personal_data import _element_of, _elements
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text

DEALS = sorted(SAMPLES.glob("*.yaml")) + sorted((FIXTURES / "openworld" / "deals").glob("*.yaml"))


def test_the_mexico_payroll_platform_names_the_sensitive_identification_numbers() -> None:
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")
    assert (
        "Sensitive personal information Social security, driver's license, state identification card and passport "
        "numbers, where the identifiers include them."
    ) in text
    assert "Sensitive personal information Identifiers" not in text
    warned = " ".join(final_warnings(load_deal(SAMPLES / "us-saas-mexico.yaml").deal))
    assert (
        "'identifiers' may hold sensitive data (social security" in warned and "check whether it holds them" in warned
    )


def test_the_elements_are_read_only_under_their_regime() -> None:
    assert "social security" in _element_of("Identifiers", _elements(("ccpa",)))
    assert _element_of("identifiers", _elements(("eu-gdpr",))) == ""
    assert _element_of("device identifiers and logs", _elements(("ccpa",))) != ""
    assert _element_of("contact details", _elements(("ccpa",))) == ""


@pytest.mark.parametrize("path", DEALS, ids=lambda p: p.stem)
def test_no_deal_records_a_general_category_as_sensitive(path: Path) -> None:
    protection = load_deal(path).deal.data_protection
    recorded = [c.casefold() for c in (protection.special_categories if protection else [])]
    assert not {"identifiers", "names", "contact details", "employment information"} & set(recorded), recorded
