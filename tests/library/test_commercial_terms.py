"""Commercial corrections (issue 12, item 4), stated per sample as a lawyer reads them: service
levels measured per Measurement Period, one list of excuses, support hours with their time zone."""

from __future__ import annotations

import pytest

from tests.helpers import REFERENCE, SAMPLES, write_file
from tests.library.terms import contract_text, overlaid


@pytest.fixture(scope="module")
def texts():
    return {name: contract_text(path) for name, path in (
        ("uk", REFERENCE), ("us", SAMPLES / "onshore-us-hipaa.yaml"), ("ie", SAMPLES / "nearshore-eur.yaml"))}


def test_a_single_missed_incident_is_not_a_service_level_failure(texts):
    for text in texts.values():
        assert "A failure to do so for any Incident is a failure to meet a Service Level" not in text
        assert "A single Incident that misses its response or resolution time is not by itself a failure" in text
        assert "are each a Service Level, measured over each Measurement Period" in text


def test_incident_targets_come_from_the_deal(tmp_path):
    overlay = write_file(tmp_path / "target.yaml", "service_levels: {incident_target: 90}\n")
    text = contract_text(overlaid(REFERENCE, overlay, tmp_path))
    assert "| 90%" in text or " 90% " in text
    assert " 95% " not in text.split("Target")[1][:400]


def test_chronic_failure_counts_measurement_periods_not_incidents(texts):
    text = texts["uk"]
    assert "A Chronic Failure occurs if there are 3 or more Measurement Periods within any rolling period of 6 months" in text
    assert "a Measurement Period counts once, however many Service Levels were missed in it" in text
    assert "not a single Incident that missed its response or resolution time" in text


def test_one_list_of_excuses(texts):
    for text in texts.values():
        assert "by a failure of" not in text.split("Schedule 2")[-1]  # the old second list of excuses is gone
        assert "This Schedule adds no other excuse." in text


def test_support_hours_state_their_time_zone(texts):
    assert "Monday-Friday 08:00-18:00 (British Time, Europe/London)" in texts["uk"]
    assert "Monday-Friday 08:00-16:00 Polish time (Central European Time, Europe/Warsaw)" in texts["ie"]
    assert "07:00-19:00 Eastern (Eastern Time, America/New_York)" in texts["us"]


def test_durations_printed_through_filters_use_the_defined_term(texts):
    assert "10 business days" not in texts["uk"]
    assert "10 Business Days" in texts["uk"]
