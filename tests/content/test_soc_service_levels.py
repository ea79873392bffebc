"""A security operations service (a SOC) is measured as one: Security Events triaged, notified and contained by
Priority, detection coverage and rules of engagement, not a system restored to normal operation."""

from __future__ import annotations

from functools import lru_cache

import pytest

from contractgen.deal.derived import is_security_operations
from contractgen.deal.model import Service
from tests.helpers import SAMPLES
from tests.terms import contract_text


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def test_a_service_is_a_soc_by_its_id_or_name():
    assert is_security_operations(Service(id="SOC", name="Security Monitoring"))
    assert is_security_operations(Service(id="MON", name="Managed Detection and Response"))
    assert not is_security_operations(Service(id="AMS", name="Application Maintenance and Support"))
    assert not is_security_operations(Service(id="SD", name="Service Desk", description="first-line support"))


def test_the_soc_priorities_measure_triage_notification_and_containment():
    text = sample("nl-fintech-uk-soc")
    assert "Security Event Priorities" in text
    assert "Priority Definition Triage and notification time Containment time Target" in text
    assert "P1 Confirmed compromise or active attack on the payment platform 15 minutes 4 hours 100%" in text
    assert "until the Service is restored to normal operation" not in text
    assert (
        "for a Security Event of Priority P1 or P2, told the security contacts whom Grachtpay names in writing" in text
    )
    assert "Containment is not recovery" in text
    assert "the containment time applies only to those that were Confirmed Security Incidents" in text


def test_security_event_and_security_incident_are_distinct_defined_terms():
    text = sample("nl-fintech-uk-soc")
    assert "“Security Event” means any event in the Monitored Environment that Pennine's monitoring tools raise" in text
    assert "“Confirmed Security Incident” means a Security Event that Pennine's triage, or Grachtpay, confirms" in text
    # the supplier's own Security Incident (and its 4-hour notice) is no longer every alert on the client's systems
    assert (
        "a Security Event in the Monitored Environment is a Security Incident only where it affects those systems"
        in text
    )
    assert "“Incident” means a fault in the Services themselves" in text


def test_the_soc_has_rules_of_engagement_and_detection_coverage():
    text = sample("nl-fintech-uk-soc")
    assert "“Rules of Engagement” means the written list" in text
    assert "Pennine will take no action in the Monitored Environment that the Rules of Engagement do not allow" in text
    assert "“Detection Coverage Register” means the written record" in text
    assert "review it with Grachtpay at least every quarter" in text
    assert "when a source stops sending data or a detection rule stops running" in text
    # reported every month, and availability means the monitoring works, not merely that a platform runs
    assert "the sources in the Detection Coverage Register that sent no data" in text
    assert "A security monitoring Service is available only while Pennine's monitoring platform is collecting" in text
    assert "one Security Event of that Priority that missed its time is such a failure" in text
    assert "Security Event triage, notification and containment times" in text


@pytest.mark.parametrize("name", ["deal-example", "de-manufacturer-poland", "uk-charity-minimal"])
def test_other_services_keep_incident_response_and_resolution(name):
    text = sample(name)
    assert "Security Event" not in text
    assert "Monitored Environment" not in text
    if "Incident Priorities" in text:
        assert "until the Service is restored to normal operation" in text
        assert "named as in the table in that paragraph" in text
        assert "named as in the table in that clause" not in text
