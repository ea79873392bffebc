"""One rule in one place, service levels that measure what they promise, and delivery locations that let
on-site work happen: stated on the rendered text of the samples, as a reviewing lawyer would check them."""

from __future__ import annotations

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text


@pytest.fixture(scope="module")
def reference():
    return contract_text(SAMPLES / "deal-example.yaml")


@pytest.fixture(scope="module")
def hipaa():
    return contract_text(SAMPLES / "onshore-us-hipaa.yaml")


def test_a_business_hours_service_is_measured_in_its_support_hours(reference):
    # AMS is supported Monday-Friday 08:00-18:00 and has a 99.5% availability target
    assert "its support hours: Monday-Friday 08:00-18:00" in reference
    assert "0.5% of its Service Hours" in reference
    assert "24 hours a day, every day" in reference  # INF is 24x7
    assert "the minutes of Service Hours in the Measurement Period" in reference
    assert "the total minutes in the Measurement Period" not in reference


def test_a_support_service_is_available_while_incidents_can_be_worked_on(reference):
    assert "the Service is available while the Supplier can receive, acknowledge and work on Incidents" in reference


def test_every_vulnerability_deadline_is_stated_once(hipaa):
    assert hipaa.count("medium vulnerabilities: 90 days") == 1
    assert "critical vulnerabilities remediated within" not in hipaa  # the schedule no longer copies them
    assert "every vulnerability remediated within the period for its severity in clause" in hipaa


def test_no_late_deliverable_sentence_and_no_purchase_order_condition(reference):
    assert "A Deliverable that is late" not in reference
    assert "state the Client's purchase order number" not in reference
    assert "any purchase order number that the Client has given the Supplier in writing" in reference


def test_charges_are_not_defined_by_the_deliverables():
    minimal = contract_text(SAMPLES / "uk-charity-minimal.yaml")
    assert "for the Services and the Deliverables" not in minimal
    assert "Deliverables" not in minimal


def test_the_client_keeps_the_terms_implied_in_its_favour(reference):
    assert "All warranties, conditions and other terms implied by statute or common law are excluded" not in reference
    assert "in addition to the terms implied by statute or common law in the Client's favour" in reference


def test_on_site_work_is_not_forbidden_by_the_delivery_centres_rule(reference):
    assert "such as on-site, desk-side or field support" in reference
    assert "by the secure remote access that the Client provides or approves" in reference


def test_a_covered_entity_gets_the_oig_exclusion_screening_covenant(hipaa, reference):
    assert "List of Excluded Individuals/Entities" in hipaa and "System for Award Management" in hipaa
    assert "section 1128A(a)(6) of the Social Security Act" in hipaa
    assert "at least every month" in hipaa
    assert "List of Excluded Individuals/Entities" not in reference  # no HIPAA covered entity there


def test_a_vendor_serving_a_service_provider_is_bound_by_the_flow_down(tmp_path):
    from tests.helpers import FIXTURES
    from tests.terms import overlaid

    path = overlaid(
        SAMPLES / "us-saas-mexico.yaml", FIXTURES / "deals" / "overlays" / "ccpa-sub-service-provider.yaml", tmp_path
    )
    text = contract_text(path)
    assert "processes Personal Information as a service provider to one or more businesses" in text
    assert "section 1798.140(ag)(2) of the California Civil Code" in text
    assert "sub-service provider for each of those businesses" in text
    assert "will follow any instruction about Personal Information that any of those businesses gives" in text
    assert "contains the terms that" not in text.split("CCPA Service Provider Terms", 2)[-1][:400]


def test_the_ccpa_business_purposes_are_limited_and_specified():
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")
    assert "the limited and specified business purposes for which, and only for which" in text
    assert "as 11 CCR § 7051(a)(2) requires" in text
    # PeoplePulse is the business for its job applicants' data, not for its customers' employees' data
    assert "PeoplePulse is a business for the Personal Information of job applicants" in text


def test_a_priority_without_a_resolution_time_has_a_response_target_only():
    text = contract_text(SAMPLES / "ca-insurer-us-cloud.yaml")  # Severity 4 has no resolution time
    assert "No resolution time 95% of response times (no resolution target)" in text
    assert "a Priority with no resolution time has a response-time Service Level only" in text


def test_one_rule_for_minutes(reference):
    assert "Minutes become final when the Client approves them" not in reference
    assert reference.count("circulate them within 5 Business Days after it") == 1
    assert (
        "Agendas, papers and minutes of the meetings are prepared, circulated and approved as set out in Schedule"
        in reference
    )
