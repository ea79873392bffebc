"""Support hours that no Delivery Centre works: the contract says how they are covered (on call, remotely, from the
Delivery Centres' countries) instead of both promising them and forbidding work anywhere but a Delivery Centre.
The same computation decides the build warning and the wording, checked on every sample's rendered text."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text

ALL = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
ON_CALL = "who are on call and work remotely from within the countr"


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


@lru_cache(maxsize=None)
def uncovered(name: str) -> list[str]:
    """The names of the sample's services whose support hours no Delivery Centre covers."""
    from contractgen.deal.derived import compute_derived
    from contractgen.deal.load import load_deal

    return compute_derived(load_deal(SAMPLES / f"{name}.yaml").deal).uncovered_support


@pytest.mark.parametrize("name", ALL)
def test_uncovered_support_hours_are_drafted_as_on_call_support_and_the_location_rule_allows_it(name):
    text = sample(name)
    if uncovered(name):
        assert ON_CALL in text
        assert "Apart from that and the on-call support described below" in text
        assert "That remote work is not a move of the Services to another location." in text
        assert "remains responsible for meeting the support hours and Service Levels in full" in text
    else:
        assert ON_CALL not in text and "on-call support" not in text


def test_the_am_samples_name_the_services_the_centres_cannot_cover():
    # Platform Engineering has no support hours of its own: it is provided in the client's business hours
    # (08:00-17:00 Pacific), which Guadalajara (09:00-18:00 Mexico City, no summer time) misses at 16:00-17:00 in winter
    assert uncovered("us-saas-mexico") == ["Platform Engineering", "Tier-2 Support"]
    assert (
        "The support hours of Platform Engineering and Tier-2 Support extend beyond the business hours of every "
        "Delivery Center."
    ) in sample("us-saas-mexico")
    # the NSW contact centre takes card payments (PCI DSS): its early hours are worked at the centre, not on call
    assert uncovered("au-retailer-philippines") == []
    assert len(uncovered("onshore-us-hipaa")) == 3 and len(uncovered("ca-insurer-us-cloud")) == 2


def test_one_country_or_several():
    assert "remotely from within the country of the Delivery Center," in sample("us-saas-mexico")  # Guadalajara
    assert "remotely from within the country of the Delivery Centers," in sample("onshore-us-hipaa")  # two US
    assert "remotely from within the countries of the Delivery Centres," in sample("ca-insurer-us-cloud")


@pytest.mark.parametrize("name", ["onshore-us-hipaa", "ca-insurer-us-cloud", "us-saas-mexico"])
def test_the_schedule_location_rule_excepts_the_on_call_support(name):
    assert "from any other location (apart from the on-call support outside the Delivery Cent" in sample(name)


def test_a_single_delivery_centre_has_no_other_centre_to_cover_a_holiday():
    mexico, ontario = sample("us-saas-mexico"), sample("ca-insurer-us-cloud")
    assert "the Vendor will provide them with other Vendor Personnel so that" in mexico
    assert "another Delivery Center" not in mexico.split("Public holidays in the country")[1][:300]
    assert "will provide them from another Delivery Centre or with other Provider Personnel" in ontario
