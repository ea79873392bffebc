"""Cross-field rules: each broken rule is refused with its field path, plain words and line."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from contractgen.deal.derived import compute_derived, daily_overlap, overlap_figures
from contractgen.values.durations import ClockRange
from contractgen.deal import load_deal, validate_data
from contractgen.deal.yamlsource import load_deal_file
from contractgen.errors import DealError
from tests import helpers
from tests.helpers import REFERENCE

BAD = helpers.FIXTURES / "deals" / "bad"
_DATA, LINES = load_deal_file(REFERENCE)

SL = ("service_levels",)
IP = SL + ("incident_priorities",)
TIERS = SL + ("service_credits", "tiers")
DP = ("data_protection",)


def data() -> dict:
    return copy.deepcopy(_DATA)


def put(d: dict, path: tuple, value) -> dict:
    target = d
    for key in path[:-1]:
        target = target[key]
    if value is None and isinstance(path[-1], str):
        target.pop(path[-1], None)
    else:
        target[path[-1]] = value
    return d


def problems_of(d: dict) -> list:
    with pytest.raises(DealError) as info:
        validate_data(d, "deal.yaml", LINES)
    return info.value.problems


def refused(changes: dict, path: str, *words: str, line_of: tuple | None = None):
    """Apply {path tuple: value} to the reference; expect exactly one problem at `path` containing words."""
    d = data()
    for where, value in changes.items():
        put(d, where, value)
    gone = [where for where, value in changes.items() if value is None]
    lines = {k: v for k, v in LINES.items() if not any(k[: len(g)] == g for g in gone)}
    with pytest.raises(DealError) as info:
        validate_data(d, "deal.yaml", lines)
    found = info.value.problems
    assert len(found) == 1, found
    problem = found[0]
    assert problem.path == path
    for word in words:
        assert word in problem.message, problem.message
    if line_of is not None:
        assert problem.line == LINES[line_of]
    return problem


def accepted(changes: dict):
    d = data()
    for where, value in changes.items():
        put(d, where, value)
    return validate_data(d, "deal.yaml", LINES)


# ---------------------------------------------------------------- incident priorities


def test_response_after_resolution_is_refused_in_a_file():
    path = BAD / "response-slower-than-resolution.yaml"
    with pytest.raises(DealError) as info:
        load_deal(path)
    (problem,) = info.value.problems
    assert problem.path == "service_levels.incident_priorities[3].resolution"
    assert problem.message == "P4 resolution (10 business days) is faster than its response (20 business days)"
    assert "priority: P4" in path.read_text().splitlines()[problem.line - 1]


def test_response_after_resolution_names_both_durations():
    changes = {IP + (1, "response"): "2 hours", IP + (1, "resolution"): "1 hour"}
    d = data()
    for where, value in changes.items():
        put(d, where, value)
    messages = {p.path: p.message for p in problems_of(d)}
    assert messages["service_levels.incident_priorities[1].resolution"] == (
        "P2 resolution (1 hour) is faster than its response (2 hours)"
    )


def test_p1_must_respond_at_least_as_fast_as_p2():
    refused(
        {IP + (0, "response"): "1 hour"},
        "service_levels.incident_priorities[0].response",
        "P1 response (1 hour) is slower than P2 response (30 minutes)",
        line_of=IP + (0, "response"),
    )


def test_p2_must_resolve_at_least_as_fast_as_p3():
    refused(
        {IP + (1, "resolution"): "5 business days"},
        "service_levels.incident_priorities[1].resolution",
        "P2 resolution (5 business days) is slower than P3 resolution (3 business days)",
    )


def test_priorities_are_listed_most_severe_first():
    d = data()
    d["service_levels"]["incident_priorities"].reverse()
    found = problems_of(d)
    assert any(
        p.path == "service_levels.incident_priorities[0].response" and "P4 must be at least as fast as P3" in p.message
        for p in found
    )


def test_priorities_take_the_deals_own_labels_and_may_have_no_resolution_time():
    labels = ["Severity 1", "Severity 2", "Severity 3", "Severity 4"]
    changes = {IP + (i, "priority"): label for i, label in enumerate(labels)}
    changes[IP + (3, "resolution")] = "none"
    changes[IP + (2, "resolution")] = "next release"
    deal = accepted(changes)
    items = deal.service_levels.incident_priorities
    assert (
        [p.priority for p in items] == labels and items[3].resolution is None and items[2].resolution == "next release"
    )


def test_equal_times_across_priorities_are_allowed():
    accepted({IP + (1, "response"): "15 minutes", IP + (1, "resolution"): "4 hours"})


def test_duplicate_priorities_are_refused():
    refused({IP + (3, "priority"): "P3"}, "service_levels.incident_priorities[3].priority", "duplicate priority 'P3'")


# ---------------------------------------------------------------- availability and credits


def test_availability_target_of_100_is_allowed():
    d = data()
    put(d, SL + ("availability", 1, "target"), "100")
    put(d, SL + ("service_credits",), None)
    validate_data(d)


def test_service_credits_without_tiers_keep_the_amount_at_risk_with_a_note():
    from contractgen.deal.load import deal_findings

    d = put(data(), SL + ("service_credits", "tiers"), [])
    deal, problems, notes = deal_findings(d, "deal.yaml", LINES)
    assert problems == []
    assert deal.service_levels.service_credits.at_risk == 12  # shared among the Service Levels, never dropped
    # the reference deal's own notes (its regulation inferred from the client, no process agent for its Indian
    # supplier before the English courts, its P1 with no target of its own) plus the one about the tiers
    assert ("no-service-credits:tiers", "service_levels.service_credits.tiers") in [
        (n.id, n.path) for n in notes if n.path.startswith("service_levels")
    ]
    assert {n.id for n in notes} == {
        "no-service-credits:tiers",
        "top-priority-target:p1",
        "sector-from-name:bank-gb",
        "critical-or-important:pra-ss2-21",
        "process-agent:supplier-in-gb",
    }


def test_lower_threshold_must_give_a_higher_credit():
    refused(
        {TIERS + (1, "credit"): "4"},
        "service_levels.service_credits.tiers[1].credit",
        "INF below 99.5 % gives a credit of 4 %, not more than the 4 % below 99.95 %",
        line_of=TIERS + (1, "credit"),
    )


def test_credit_tier_order_in_the_file_does_not_matter():
    d = data()
    d["service_levels"]["service_credits"]["tiers"].reverse()
    validate_data(d)


def test_no_credit_above_the_amount_at_risk():
    refused(
        {TIERS + (1, "credit"): "13"},
        "service_levels.service_credits.tiers[1].credit",
        "the credit (13 %) is more than the amount at risk (12 %)",
    )


def test_threshold_above_the_target_is_refused():
    refused(
        {TIERS + (0, "below"): "99.99"},
        "service_levels.service_credits.tiers[0].below",
        "above INF's availability target (99.95 %)",
    )


def test_two_tiers_at_the_same_threshold_are_refused():
    refused({TIERS + (1, "below"): "99.95"}, "service_levels.service_credits.tiers[1].below", "two tiers below 99.95 %")


@pytest.mark.parametrize(
    "where",
    [SL + ("kpis", 2, "service"), SL + ("availability", 1, "service")],
)
def test_service_references_must_name_a_service_in_scope(where):
    d = data()
    put(d, where, "NET")
    found = {p.path: p for p in problems_of(d)}
    dotted = f"service_levels.{where[1]}[{where[2]}].service"
    assert found[dotted].message == "'NET' is not a service in scope.services (known: SD, INF, AMS)"
    assert found[dotted].line == LINES[where]


def test_credit_tier_for_a_service_without_a_target_is_refused():
    refused(
        {TIERS + (2, "service"): "SD"},
        "service_levels.service_credits.tiers[2].service",
        "SD has no availability target",
    )


def test_duplicate_service_ids_are_refused():
    d = data()
    d["scope"]["services"].append(copy.deepcopy(d["scope"]["services"][0]))
    (problem,) = problems_of(d)
    assert problem.path == "scope.services[3].id"
    assert problem.message == "duplicate service id 'SD' (already used at scope.services[0])"


def test_duplicate_availability_targets_are_refused():
    d = data()
    put(d, SL + ("availability", 1, "service"), "INF")
    assert any(p.path == "service_levels.availability[1].service" and "duplicate" in p.message for p in problems_of(d))


# ---------------------------------------------------------------- data protection


def test_a_deal_silent_on_the_breach_notice_period_is_drafted_by_its_law_not_refused():
    d = data()
    del d["data_protection"]["breach_notification"]
    lines = {k: v for k, v in LINES.items() if k[:2] != DP + ("breach_notification",)}
    assert validate_data(d, "deal.yaml", lines).data_protection.breach_notification is None


@pytest.mark.parametrize("field", ["roles", "data_subjects", "data_categories"])
def test_personal_data_needs_roles_subjects_and_categories(field):
    d = data()
    del d["data_protection"][field]
    lines = {k: v for k, v in LINES.items() if k[:2] != DP + (field,)}
    with pytest.raises(DealError) as info:
        validate_data(d, "deal.yaml", lines)
    (problem,) = info.value.problems
    expected = (
        "is required under the UK GDPR: give each party's role"
        if field == "roles"
        else "is required when personal_data is true"
    )
    assert problem.path == f"data_protection.{field}" and problem.message.startswith(expected)
    assert problem.line == LINES[DP]


@pytest.mark.parametrize("regulation", ["PIPEDA", "Privacy Act 1988 (Cth)"])
def test_roles_are_not_required_where_the_regime_defines_none(regulation):
    d = data()
    del d["data_protection"]["roles"]
    d["data_protection"]["regulations"] = [regulation]
    d["data_protection"]["international_transfers"] = None
    validate_data(d)


def test_ccpa_roles_are_business_and_service_provider():
    changes = {
        DP + ("regulations",): ["CCPA/CPRA"],
        DP + ("roles",): {"client": "business", "supplier": "service provider"},
        DP + ("international_transfers",): None,
    }
    accepted(changes)
    changes[DP + ("roles",)] = {"client": "controller", "supplier": "service provider"}
    refused(changes, "data_protection.roles.client", "'controller' is not a role under the CCPA", "'business'")


def test_without_personal_data_nothing_more_is_required():
    d = data()
    d["data_protection"] = {"personal_data": "false"}
    validate_data(d)


def test_a_restricted_transfer_needs_a_mechanism():
    refused(
        {DP + ("international_transfers",): None},
        "data_protection.international_transfers",
        "personal data goes to India, a restricted transfer under the UK GDPR",
        "IDTA",
        "UK Addendum",
        line_of=DP,
    )


def test_an_adequate_destination_needs_no_mechanism_whatever_the_sourcing_model():
    accepted(
        {
            DP + ("international_transfers",): None,
            ("sourcing", "delivery_centres", 0, "country"): "PL",
            DP + ("data_residency",): ["GB", "PL"],
            ("sourcing", "delivery_centres", 0, "timezone"): "Europe/Warsaw",
            ("sourcing", "core_overlap_hours"): None,
        }
    )


def test_intra_eea_nearshore_needs_no_mechanism():
    accepted(
        {
            DP + ("international_transfers",): None,
            DP + ("regulations",): ["GDPR", "BDSG"],
            ("sourcing", "model"): "nearshore",
            DP + ("data_residency",): ["PL", "DE"],
            DP + ("subprocessors", "approved", 0, "country"): "DE",
            ("sourcing", "delivery_centres"): [
                {"city": "Kraków", "country": "PL", "timezone": "Europe/Warsaw", "business_hours": "08:00-16:00"}
            ],
            ("sourcing", "core_overlap_hours"): None,
        }
    )


def test_a_centre_outside_data_residency_is_remote_access_with_a_note():
    from contractgen.deal.load import deal_findings

    d = put(data(), DP + ("data_residency",), ["GB", "IN"])
    deal, problems, notes = deal_findings(d, "deal.yaml", LINES)
    assert problems == []
    (note,) = [n for n in notes if n.id.startswith("remote-access")]
    assert note.path == "sourcing.delivery_centres[1].country"
    assert "Kraków (PL) is outside the data-residency countries (GB, IN)" in note.unrecognised


def test_a_subprocessor_outside_data_residency_is_an_error():
    d = data()
    put(d, DP + ("subprocessors", "approved", 0, "country"), "US")
    found = problems_of(d)
    assert any(
        p.path == "data_protection.subprocessors.approved[0].country"
        and "outside data_protection.data_residency" in p.message
        for p in found
    )


@pytest.mark.parametrize("notice", ["5 days", "73 hours", "3 business days"])
def test_gdpr_breach_notice_at_most_72_hours(notice):
    refused(
        {DP + ("breach_notification",): notice},
        "data_protection.breach_notification",
        "must be at most 72 hours under the UK GDPR",
        line_of=DP + ("breach_notification",),
    )


@pytest.mark.parametrize("notice", ["72 hours", "3 days", "1 business day", "24 hours"])
def test_gdpr_breach_notice_within_72_hours_is_accepted(notice):
    accepted({DP + ("breach_notification",): notice})


def test_a_supplement_brings_its_base_regimes_limits():
    refused(
        {DP + ("regulations",): ["Data Protection Act 2018"], DP + ("breach_notification",): "4 days"},
        "data_protection.breach_notification",
        "under the UK GDPR",
    )


def hipaa(extra: dict | None = None) -> dict:
    changes = {
        DP + ("regulations",): ["HIPAA"],
        DP + ("roles",): {"client": "covered entity", "supplier": "business associate"},
        DP + ("breach_notification",): "30 days",
    }
    changes.update(extra or {})
    return changes


def test_hipaa_allows_breach_notice_up_to_60_days():
    assert compute_derived(accepted(hipaa())).hipaa
    accepted(hipaa({DP + ("breach_notification",): "60 days"}))


def test_hipaa_refuses_breach_notice_over_60_days():
    refused(
        hipaa({DP + ("breach_notification",): "3 months"}),
        "data_protection.breach_notification",
        "must be at most 60 days under HIPAA (got 3 months)",
    )


def test_hipaa_uses_covered_entity_and_business_associate():
    d = data()
    for where, value in hipaa({DP + ("roles",): {"client": "controller", "supplier": "business associate"}}).items():
        put(d, where, value)
    (problem,) = problems_of(d)
    assert problem.path == "data_protection.roles.client"
    assert problem.message.startswith(
        "'controller' is not a role under HIPAA; use 'business associate' or 'covered entity'"
    )


def test_gdpr_refuses_hipaa_roles():
    refused(
        {DP + ("roles", "supplier"): "business associate"},
        "data_protection.roles.supplier",
        "not a role under the UK GDPR",
    )


# ---------------------------------------------------------------- working-hours overlap


def test_overlap_below_core_hours_is_refused_in_a_file():
    path = BAD / "overlap-too-small.yaml"
    with pytest.raises(DealError) as info:
        load_deal(path)
    (problem,) = info.value.problems
    assert problem.path == "sourcing.delivery_centres[0]"
    assert "Pune" in problem.message and "only 4.5 hours a day at worst in 2027" in problem.message
    assert "winter 4.5 hours, summer 5.5 hours" in problem.message and "requires 5 hours" in problem.message
    assert "city: Pune" in path.read_text().splitlines()[problem.line - 1]


def test_overlap_exactly_at_core_hours_is_accepted():
    accepted({("sourcing", "core_overlap_hours"): "4.5"})


def test_overlap_check_needs_the_client_hours():
    refused(
        {("parties", "client", "business_hours"): None},
        "sourcing.core_overlap_hours",
        "needs parties.client.timezone and parties.client.business_hours",
    )


def test_centre_without_hours_falls_back_to_the_supplier_hours():
    deal = accepted({("sourcing", "delivery_centres", 1, "business_hours"): None})
    assert str(compute_derived(deal).overlaps[1].business_hours) == "09:00-18:00"


def test_overlap_uses_real_time_zones_in_winter_and_summer():
    hours = ClockRange.parse("09:00-17:00")
    # New York client, London centre: 3 hours all year (the shift happens on both sides) …
    assert overlap_figures(2027, "America/New_York", hours, "Europe/London", hours) == (3.0, 3.0, 3.0)
    # … but Sydney's seasons are reversed: London 08-18 against Sydney 18:00-24:00.
    winter, summer, worst = overlap_figures(
        2027, "Europe/London", ClockRange.parse("08:00-18:00"), "Australia/Sydney", ClockRange.parse("18:00-24:00")
    )
    assert (winter, summer, worst) == (5.0, 6.0, 5.0)


def test_overlap_across_midnight_counts_the_neighbouring_day():
    # A Los Angeles client 08:00-17:00 and a Manila night shift 22:00-07:00 next day (as 00:00-07:00).
    assert (
        daily_overlap(
            date(2027, 1, 15),
            "America/Los_Angeles",
            ClockRange.parse("08:00-17:00"),
            "Asia/Manila",
            ClockRange.parse("00:00-07:00"),
        )
        == 7.0
    )


def test_worst_case_catches_weeks_when_only_one_side_has_changed_clocks():
    # London 10:00-18:00 against a New York night shift 00:00-06:00: one hour in winter and in
    # summer, none in the weeks of March when New York is on summer time and London is not.
    london, new_york = ClockRange.parse("10:00-18:00"), ClockRange.parse("00:00-06:00")
    assert overlap_figures(2027, "Europe/London", london, "America/New_York", new_york) == (1.0, 1.0, 0.0)
    assert daily_overlap(date(2027, 3, 20), "Europe/London", london, "America/New_York", new_york) == 0.0


# ---------------------------------------------------------------- dates and notices


def test_deliverable_after_the_initial_term_is_refused():
    refused(
        {("deliverables", 1, "due"): "2030-02-01"},
        "deliverables[1].due",
        "D2 falls due (1 February 2030) after the initial term ends (31 January 2030)",
        line_of=("deliverables", 1, "due"),
    )


def test_deliverable_on_the_last_day_of_the_term_is_accepted():
    accepted({("deliverables", 1, "due"): "2030-01-31"})


def test_deliverable_before_the_effective_date_is_refused():
    refused(
        {("deliverables", 0, "due"): "2027-01-31"}, "deliverables[0].due", "before the effective date (1 February 2027)"
    )


@pytest.mark.parametrize(
    "where, value, path, words",
    [
        (
            ("term", "renewal", "notice"),
            "12 months",
            "term.renewal.notice",
            "12 months is not shorter than the renewal period (12 months)",
        ),
        (
            ("term", "termination_for_convenience", "notice"),
            "3 years",
            "term.termination_for_convenience.notice",
            "not shorter than the initial term (36 months)",
        ),
        (
            ("term", "exit", "exit_plan_within"),
            "40 months",
            "term.exit.exit_plan_within",
            "not shorter than the initial term",
        ),
    ],
)
def test_notices_are_shorter_than_the_periods_they_end(where, value, path, words):
    refused({where: value}, path, words, line_of=where)


def test_chronic_failure_needs_enough_measurement_periods():
    refused(
        {SL + ("chronic_failure", "breaches"): "7"},
        "service_levels.chronic_failure.breaches",
        "7 breaches cannot happen within 6 months: there are only 6 measurement periods",
    )


@pytest.mark.parametrize(
    "within, words", [("2 weeks", "shorter than one measurement period"), ("4 years", "longer than the initial term")]
)
def test_chronic_failure_window_is_sensible(within, words):
    refused({SL + ("chronic_failure", "within"): within}, "service_levels.chronic_failure.within", words)


# ---------------------------------------------------------------- commercials, governance, clauses


@pytest.mark.parametrize(
    "model, missing, path",
    [
        ("fixed monthly", ("commercials", "monthly_charges"), "commercials.monthly_charges"),
        ("per unit", ("commercials", "monthly_charges"), "commercials.unit_name"),
        ("time and materials", ("commercials", "rate_card"), "commercials.rate_card"),
    ],
)
def test_pricing_model_needs_its_figures(model, missing, path):
    d = data()
    put(d, ("commercials", "pricing_model"), model)
    put(d, missing, None)
    found = {p.path: p.message for p in problems_of(d)}
    assert found[path] == f"is required when pricing_model is {model!r}"


def test_escalation_deadlines_grow_with_the_level():
    refused(
        {("governance", "escalation", 2, "within"): "2 business days"},
        "governance.escalation[2].within",
        "level 3 (2 business days) is quicker than level 2 (10 business days)",
    )


def test_vulnerability_deadlines_grow_as_severity_falls():
    refused(
        {("security", "vulnerability_remediation", "high"): "3 days"},
        "security.vulnerability_remediation.high",
        "high (3 days) is quicker than critical (7 days)",
    )


def test_a_clause_cannot_be_pinned_and_excluded():
    refused(
        {("clauses", "pin"): {"service-credits": "2"}, ("clauses", "exclude"): ["service-credits"]},
        "clauses.exclude[0]",
        "'service-credits' is both pinned",
    )


# ---------------------------------------------------------------- all at once


def test_every_broken_rule_is_reported_at_once():
    path = BAD / "three-rule-errors.yaml"
    with pytest.raises(DealError) as info:
        load_deal(path)
    found = info.value.problems
    assert [p.path for p in found] == [
        "deliverables[1].due",
        "service_levels.kpis[2].service",
        "data_protection.breach_notification",
    ]
    text = path.read_text().splitlines()
    assert "2031-05-01" in text[found[0].line - 1]
    assert "NET" in text[found[1].line - 1]
    assert "5 days" in text[found[2].line - 1]
    assert len(str(info.value).splitlines()) == 3


def test_independent_broken_rules_from_mutations_are_all_reported():
    d = data()
    put(d, IP + (3, "response"), "20 business days")
    put(d, TIERS + (1, "credit"), "13")
    put(d, ("term", "renewal", "notice"), "1 year")
    assert {p.path for p in problems_of(d)} == {
        "service_levels.incident_priorities[3].resolution",
        "service_levels.service_credits.tiers[1].credit",
        "term.renewal.notice",
    }


def test_rules_still_run_beside_field_errors():
    d = data()
    put(d, IP + (1, "response"), "2 hours")
    put(d, IP + (1, "resolution"), "1 hour")
    put(d, ("commercials", "currency"), "GBX")
    found = {p.path: p for p in problems_of(d)}
    assert "commercials.currency" in found
    assert found["service_levels.incident_priorities[1].resolution"].message == (
        "P2 resolution (1 hour) is faster than its response (2 hours)"
    )
    assert found["service_levels.incident_priorities[1].resolution"].line == LINES[IP + (1, "resolution")]


def test_rules_needing_an_invalid_section_are_skipped_not_crashed():
    d = data()
    put(d, ("contract", "effective_date"), "someday")
    put(d, ("deliverables", 1, "due"), "2040-01-01")  # would break the term rule, which needs the contract
    put(d, TIERS + (1, "credit"), "13")
    assert {p.path for p in problems_of(d)} == {
        "contract.effective_date",
        "service_levels.service_credits.tiers[1].credit",
    }


# ---------------------------------------------------------------- support hours (with their time zone)


def test_support_hours_in_clock_times_need_a_time_zone():
    # only where the client's place does not settle one: a country of several zones, and no city of theirs named
    refused(
        {
            ("parties", "client", "timezone"): None,
            ("parties", "supplier", "timezone"): None,
            ("sourcing", "core_overlap_hours"): None,
            ("parties", "client", "incorporated_in"): "United States",
            ("parties", "client", "address"): "1 Main Street, Springfield, United States",
        },
        "scope.services[2].support_timezone",
        "need a time zone",
        "Monday-Friday 08:00-18:00",
    )


def test_support_hours_take_a_service_time_zone():
    d = data()
    put(d, ("parties", "client", "timezone"), None)
    put(d, ("parties", "supplier", "timezone"), None)
    put(d, ("sourcing", "core_overlap_hours"), None)
    put(d, ("scope", "services", 2, "support_timezone"), "Europe/London")
    assert validate_data(d, "deal.yaml", LINES).scope.services[2].support_timezone == "Europe/London"


def test_a_data_protection_cap_below_the_general_cap_is_refused():
    refused({("liability", "data_protection_cap"): 1}, "liability.data_protection_cap", "below general_cap")
