"""The GDPR's processor wording (Article 28(3)(a): transfers 'to an international organisation', a law that forbids
telling the controller 'on important grounds of public interest') appears only where a GDPR-family processor law
applies; CCPA, PIPEDA and Privacy Act 1988 deals get plain instructions. Checked on every sample."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text

ALL = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
NOT_GDPR = {"us-saas-mexico", "ca-insurer-us-cloud", "au-retailer-philippines"}


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


@pytest.mark.parametrize("name", sorted(NOT_GDPR))
def test_no_gdpr_processor_wording_under_ccpa_pipeda_or_the_privacy_act(name):
    text = sample(name)
    assert "international organi" not in text and "important grounds of public interest" not in text
    assert "including instructions about transfers of Personal Information to another country." in text
    assert "unless that law prohibits it from doing so. " in text


@pytest.mark.parametrize("name", ["deal-example", "ch-bank-portugal", "de-manufacturer-poland", "nearshore-eur"])
def test_gdpr_family_deals_keep_it(name):
    text = sample(name)
    assert "to another country or to an international organisation." in text
    assert "unless that law prohibits it from doing so on important grounds of public interest." in text
