"""Commercial terms a lawyer's review corrected, stated per sample as a lawyer reads them: service
levels measured per Measurement Period, one list of excuses, support hours with their time zone."""

from __future__ import annotations

import pytest

from tests.helpers import REFERENCE, SAMPLES, write_file
from tests.terms import contract_text, overlaid


@pytest.fixture(scope="module")
def texts():
    return {
        name: contract_text(path)
        for name, path in (
            ("uk", REFERENCE),
            ("us", SAMPLES / "onshore-us-hipaa.yaml"),
            ("ie", SAMPLES / "nearshore-eur.yaml"),
        )
    }


def test_a_single_missed_incident_is_not_a_service_level_failure(texts):
    for text in texts.values():
        assert "A failure to do so for any Incident is a failure to meet a Service Level" not in text
        assert (
            "below 100%, a single Incident that misses its response or resolution time is not by itself a failure"
            in text
        )
        assert "are each a Service Level, measured over each Measurement Period" in text


def test_incident_targets_come_from_the_deal(tmp_path):
    overlay = write_file(tmp_path / "target.yaml", "service_levels: {incident_target: 90}\n")
    text = contract_text(overlaid(REFERENCE, overlay, tmp_path))
    assert "| 90%" in text or " 90% " in text
    assert " 95% " not in text.split("Target")[1][:400]


def test_chronic_failure_counts_measurement_periods_not_incidents(texts):
    text = texts["uk"]
    assert (
        "A Chronic Failure occurs if there are 3 or more Measurement Periods within any rolling period of 6 months"
        in text
    )
    assert "a Measurement Period counts once, however many Service Levels were missed in it" in text
    assert "was not met for the whole Measurement Period as measured under" in text
    assert "the figure for the period being below its target" in text


def test_one_list_of_excuses(texts):
    for text in texts.values():
        assert "by a failure of" not in text.split("Schedule 2")[-1]  # the old second list of excuses is gone
        assert "This Schedule adds no other excuse." in text


def test_support_hours_state_their_time_zone(texts):
    # named by the place whose clock it is (right in summer too); a zone word after the hours gives way to it
    assert "Monday-Friday 08:00-18:00 (local time in the United Kingdom, Europe/London)" in texts["uk"]
    assert "Monday-Friday 08:00-16:00 (local time in Poland, Europe/Warsaw)" in texts["ie"]
    assert "07:00-19:00 Eastern (local time in New York, America/New_York)" in texts["us"]


def test_durations_printed_through_filters_use_the_defined_term(texts):
    assert "10 business days" not in texts["uk"]
    assert "10 Business Days" in texts["uk"]


# ---------------------------------------------------------------- money and liability


def test_time_and_materials_never_says_the_charges_are_fixed(texts):
    text = texts["ie"]  # nearshore-eur.yaml: pricing_model: time and materials
    assert "Charges are fixed" not in text and "fixed monthly charge" not in text
    assert "The day rates in the rate card are fixed for the Term" in text


def test_monthly_charges_start_at_service_commencement(texts):
    text = texts["uk"]
    assert "the part allocated to a Service is payable from its Service Commencement Date" in text
    assert "No Charges for a Service accrue before its Service Commencement Date." in text


def test_the_annual_cap_has_a_floor_and_its_own_contract_year(texts):
    text = texts["uk"]  # general_cap 1.5 x £2,220,000 a year
    assert (
        "for all events occurring in a Contract Year, will not exceed the greater of £3,330,000.00 and one and a "
        "half times the Charges paid and payable for that Contract Year"
    ) in text
    liability = text.split("Limitation of Liability")[-1][:4000]
    assert "12 months before" not in liability and "previous 12 months" not in liability


def test_the_data_protection_cap_is_never_below_the_general_cap(texts):
    assert (
        "will not exceed the greater of £6,660,000.00 and three times the Charges paid and payable for that Contract Year, counted as in clause"
        in texts["uk"]
    )


def test_indexation_one_rule_in_clause_and_schedule(texts):
    for text in texts.values():
        assert "stay the same" in text or "stays the same" in text
        assert "indexed under clause" in text  # the schedule refers to the clause rather than restating it
        assert "Increases only; no change when the index falls" in text


def test_indexation_both_ways_when_the_deal_says_so(tmp_path):
    overlay = write_file(tmp_path / "down.yaml", "commercials: {indexation: {index: UK CPI, cap: 3, downward: true}}\n")
    text = contract_text(overlaid(REFERENCE, overlay, tmp_path))
    assert "the Charges will be adjusted by the percentage change, up or down, in UK CPI" in text
    assert "by no more than 3% either way" in text
    assert "Up or down with the index" in text
    assert "stay the same" not in text


def test_transition_charges_are_separate_from_the_monthly_charges(tmp_path, texts):
    assert "carries out the Transition at its own cost" in texts["uk"]  # no transition charge in the deal
    overlay = write_file(tmp_path / "transition.yaml", "commercials: {transition_charges: 120000}\n")
    text = contract_text(overlaid(REFERENCE, overlay, tmp_path))
    assert "may invoice a one-off charge of £120,000.00 for it once every Service has passed to the Supplier" in text
    assert "That charge is not part of the Charges for any Contract Year." in text
    assert "The Transition is charged apart from the Charges for the Services" in text  # and in the schedule
    assert "carries out the Transition at its own cost" not in text


def test_the_deal_can_limit_chronic_failure_termination_to_the_affected_services(tmp_path, texts):
    assert "terminate with immediate effect or on a later date that it states: this Agreement as a whole" in texts["uk"]
    overlay = write_file(
        tmp_path / "cf.yaml",
        "service_levels: {chronic_failure: {breaches: 3, within: 6 months, whole_agreement: false}}\n",
    )
    text = contract_text(overlaid(REFERENCE, overlay, tmp_path))
    assert "the Client may terminate the affected Services under clause" in text
    assert (
        "may terminate this Agreement as a whole under this clause only if the Chronic Failure affects every Service"
        in text
    )
    assert "this Agreement as a whole; or" not in text
