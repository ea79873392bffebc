"""Under the CCPA deals the supplier holds personal information it does not own: California's breach law makes it
tell the owner immediately following discovery (Cal. Civ. Code § 1798.82(b)), and security-breach notices go to
the Attorney General (§ 1798.82(f)), not the California Privacy Protection Agency. Both come from the law record."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text

ALL = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
IMMEDIATE = "immediately following discovery, as Cal. Civ. Code § 1798.82(b) requires"


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def test_the_mexican_vendor_notifies_immediately_and_within_the_deals_period():
    text = sample("us-saas-mexico")
    assert (
        f"will notify PeoplePulse in writing {IMMEDIATE} of a person that maintains personal information it does"
        in text
    )
    assert "and in any event within 72 hours, after the Vendor or any Sub-processor becomes aware" in text


def test_breach_notices_go_to_the_authorities_the_breach_laws_name():
    text = sample("us-saas-mexico")
    breach = text.split("Personal Information Breaches The Vendor will notify")[1].split("will keep a register")[0]
    assert "the California Attorney General (Cal. Civ. Code § 1798.82(f))" in breach
    assert "Privacy Protection Agency" not in breach


@pytest.mark.parametrize("name", ALL)
def test_no_other_sample_gets_the_california_breach_rule(name):
    if name != "us-saas-mexico":
        assert IMMEDIATE not in sample(name) and "1798.82(f)" not in sample(name)


def test_the_help_with_breach_notices_names_the_same_authorities():
    text = sample("us-saas-mexico")
    assert (
        "decides that the law requires it, to notify the authorities that the applicable security-breach laws "
        "require, including the California Attorney General (Cal. Civ. Code § 1798.82(f)) and the affected consumers"
    ) in text
