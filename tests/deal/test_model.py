"""The deal model: the reference and samples validate, fields are checked, errors are plain and located."""

from __future__ import annotations

import copy
import json
from datetime import date
from decimal import Decimal

import pytest
from pydantic import ValidationError

from contractgen.values.durations import ClockRange, Duration, Frequency
from contractgen.deal import load_deal, validate_data
from contractgen.deal.derived import compute_derived
from contractgen.deal.model import Deal, PricingModel, SourcingModel
from contractgen.deal.yamlsource import deal_json_schema
from contractgen.deal.yamlsource import load_deal_file, load_yaml
from contractgen.errors import DealError
from tests import helpers
from tests.helpers import REFERENCE, ROOT

FIXTURES = helpers.FIXTURES / "deals"
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))

_REF_DATA, _REF_LINES = load_deal_file(REFERENCE)


def reference_data() -> dict:
    return copy.deepcopy(_REF_DATA)


def problems(data: dict, lines: dict | None = None) -> list:
    with pytest.raises(DealError) as info:
        validate_data(data, "deal.yaml", _REF_LINES if lines is None else lines)
    return info.value.problems


def only_problem(data: dict, lines: dict | None = None):
    found = problems(data, lines)
    assert len(found) == 1, found
    return found[0]


# ---------------------------------------------------------------- the reference and samples


def test_reference_validates_exactly_as_it_stands():
    deal = load_deal(REFERENCE).deal
    assert deal.template == "it-outsourcing"
    assert deal.contract.effective_date == date(2027, 2, 1)
    assert deal.contract.draft is True and deal.contract.locale == "en_GB"
    assert deal.parties.client.company_number == "01234567"
    assert deal.parties.client.business_hours == ClockRange.parse("08:00-18:00")
    assert deal.sourcing.model is SourcingModel.offshore
    assert [s.id for s in deal.scope.services] == ["SD", "INF", "AMS"]
    assert deal.scope.services[2].out_of_scope == []
    assert deal.deliverables[0].payment == Decimal(40000)
    p2 = deal.service_levels.incident_priorities[1]
    assert (p2.priority, p2.response, p2.resolution) == ("P2", Duration(30, "minute"), Duration(8, "hour"))
    assert deal.service_levels.availability[0].target == Decimal("99.95")
    assert deal.governance.meetings[0].frequency == Frequency.parse("weekly")
    assert deal.data_protection.roles.supplier == "processor"
    assert deal.commercials.pricing_model is PricingModel.fixed_monthly
    assert deal.term.initial_term == Duration(36, "month")
    assert deal.clauses.pin == {} and deal.clauses.exclude == []


def test_samples_copy_of_reference_is_identical():
    assert (ROOT / "samples" / "deal-example.yaml").read_text() == REFERENCE.read_text()


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_sample_validates(path):
    deal = load_deal(path).deal
    assert compute_derived(deal).term_end > deal.contract.effective_date


def test_samples_cover_the_pricing_models_and_regimes():
    deals = {p.stem: load_deal(p).deal for p in SAMPLES}
    assert {d.commercials.pricing_model.value for d in deals.values()} == {
        "fixed monthly",
        "time and materials",
        "per unit",
    }
    assert {d.sourcing.model.value for d in deals.values() if d.sourcing} == {"onshore", "nearshore", "offshore"}
    assert compute_derived(deals["onshore-us-hipaa"]).hipaa and not compute_derived(deals["onshore-us-hipaa"]).gdpr
    assert (
        compute_derived(deals["nearshore-eur"]).gdpr and deals["nearshore-eur"].service_levels.service_credits is None
    )


def test_minimal_deal_has_defaults_and_absent_sections():
    deal = load_deal(FIXTURES / "good" / "minimal.yaml").deal
    assert deal.contract.locale == "en_GB" and deal.contract.draft is False
    assert deal.parties.client.short_name == "Client" and deal.parties.supplier.short_name == "Supplier"
    for section in ("sourcing", "service_levels", "governance", "liability"):
        assert getattr(deal, section) is None
    # a deal silent on personal data is drafted with the client's privacy law (the client's users' data at least)
    assert deal.data_protection is not None and deal.data_protection.personal_data
    assert "UK GDPR" in deal.data_protection.regulations
    # security is the one section a short deal gets by default (baseline terms; `security: false` for none)
    assert deal.security is not None and deal.security.certifications == [] and not deal.security.background_checks
    assert deal.deliverables == []
    derived = compute_derived(deal)
    assert derived.annual_charges is None and derived.general_cap_amount is None
    assert derived.overlap_hours is None and derived.overlaps == [] and derived.availability == []
    assert derived.term_end == date(2029, 3, 31)


def test_deal_is_frozen():
    deal = load_deal(REFERENCE).deal
    with pytest.raises(ValidationError):
        deal.template = "other"  # type: ignore[misc]
    with pytest.raises(ValidationError):
        deal.contract.title = "Other"  # type: ignore[misc]


def test_round_trip_through_json_dump():
    deal = load_deal(REFERENCE).deal
    dumped = json.loads(deal.model_dump_json())
    assert dumped["term"]["initial_term"] == "36 months"
    assert dumped["parties"]["client"]["business_hours"] == "08:00-18:00"
    assert Deal.model_validate(dumped) == deal


# ---------------------------------------------------------------- derived figures


def test_derived_figures_of_the_reference():
    d = compute_derived(load_deal(REFERENCE).deal)
    assert d.annual_charges == Decimal("2220000")
    assert d.general_cap_amount == Decimal("3330000")
    assert d.data_protection_cap_amount == Decimal("6660000")
    assert d.overlap_hours == pytest.approx(4.5)
    pune, krakow = d.overlaps
    assert (pune.city, pune.country, pune.country_name, pune.timezone) == ("Pune", "IN", "India", "Asia/Kolkata")
    assert (pune.winter_hours, pune.summer_hours, pune.worst_hours) == (4.5, 5.5, 4.5)
    assert str(pune.business_hours) == "09:00-18:00"
    assert (krakow.country_name, krakow.worst_hours) == ("Poland", 7.0)
    inf, ams = d.availability
    assert (inf.service, inf.service_name, inf.target) == ("INF", "Infrastructure Management", Decimal("99.95"))
    assert inf.maintenance_window == "Sunday 01:00-05:00" and ams.maintenance_window is None
    assert inf.allowed_downtime_minutes == pytest.approx(21.6)
    assert str(inf.allowed_downtime) == "21 minutes 36 seconds"
    assert str(ams.allowed_downtime) == "3 hours 36 minutes"
    assert list(d.services_by_id) == ["SD", "INF", "AMS"] and d.services_by_id["SD"].name == "Service Desk"
    assert d.gdpr is True and d.hipaa is False
    assert d.delivery_countries == ["India", "Poland"]
    assert d.term_end == date(2030, 1, 31)


def test_derived_annual_charges_per_pricing_model():
    data = reference_data()
    data["commercials"] = {
        "currency": "USD", "pricing_model": "per unit", "unit_name": "user", "unit_price": "42.50",
        "estimated_monthly_units": "6800",
    }  # fmt: skip
    assert compute_derived(validate_data(data)).annual_charges == Decimal("3468000")
    data["commercials"] = {
        "currency": "EUR",
        "pricing_model": "time and materials",
        "rate_card": [{"role": "Dev", "day_rate": "500"}],
    }
    deal = validate_data(data)
    assert compute_derived(deal).annual_charges is None and compute_derived(deal).general_cap_amount is None
    data["commercials"]["estimated_monthly_charges"] = "10000"
    assert compute_derived(validate_data(data)).data_protection_cap_amount == Decimal("360000")


def test_quarterly_measurement_period_allows_more_downtime():
    data = reference_data()
    data["service_levels"]["measurement_period"] = "calendar quarter"
    data["service_levels"]["chronic_failure"]["breaches"] = "2"
    inf = compute_derived(validate_data(data)).availability[0]
    assert inf.allowed_downtime_minutes == pytest.approx(64.8)


def test_delivery_countries_are_unique_and_ordered():
    data = reference_data()
    data["sourcing"]["delivery_centres"].append(
        {"city": "Chennai", "country": "IN", "timezone": "Asia/Kolkata", "business_hours": "09:00-18:00"}
    )
    assert compute_derived(validate_data(data)).delivery_countries == ["India", "Poland"]


# ---------------------------------------------------------------- field checks


@pytest.mark.parametrize(
    "path, parent",
    [
        (("template",), ()),
        (("contract", "title"), ("contract",)),
        (("contract", "effective_date"), ("contract",)),
        (("contract", "governing_law"), ("contract",)),
        (("parties", "client", "name"), ("parties", "client")),
        (("parties", "supplier", "address"), ("parties", "supplier")),
        (("commercials", "currency"), ("commercials",)),
        (("commercials", "pricing_model"), ("commercials",)),
        (("term", "initial_term"), ("term",)),
    ],
)
def test_required_fields(path, parent):
    data = reference_data()
    target = data
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    lines = {k: v for k, v in _REF_LINES.items() if k[: len(path)] != path}
    problem = only_problem(data, lines)
    assert problem.path == ".".join(path) and problem.message == "is required"
    assert problem.line == _REF_LINES[parent] and problem.file == "deal.yaml"


def test_at_least_one_service():
    data = reference_data()
    data["scope"]["services"] = []
    data["service_levels"] = None
    problem = only_problem(data)
    assert (problem.path, problem.message) == ("scope.services", "needs at least 1 entry")


def test_unknown_field_suggests_the_nearest():
    data = reference_data()
    data["parties"]["client"]["adress"] = data["parties"]["client"].pop("address")
    found = {p.path: p.message for p in problems(data)}
    assert found["parties.client.adress"] == "unknown field 'adress' (did you mean 'address'?)"
    assert found["parties.client.address"] == "is required"


def test_unknown_top_level_section_lists_known_fields_when_nothing_is_close():
    data = reference_data()
    data["zzz"] = "x"
    problem = only_problem(data)
    assert problem.path == "zzz" and problem.message.startswith("unknown field 'zzz'; known fields: template, contract")


@pytest.mark.parametrize(
    "where, value, expected",
    [
        (("commercials", "currency"), "GBX", "'GBX' is not an ISO 4217 currency code"),
        (("sourcing", "delivery_centres", 0, "country"), "UK", "did you mean 'GB'?"),
        (("parties", "client", "timezone"), "Europe/Londn", "did you mean 'Europe/London'?"),
        (("parties", "client", "timezone"), "GMT+1", "is not an IANA time zone"),
        (("contract", "locale"), "xx_QQ", "is not a known locale"),
        (("contract", "effective_date"), "2027-02-30", "must be a real date written YYYY-MM-DD (got '2027-02-30')"),
        (("contract", "draft"), "maybe", "must be true or false"),
        (("commercials", "monthly_charges"), "185 thousand pounds", "is not an amount of money; write e.g. 185000"),
        (("commercials", "monthly_charges"), "$185,000", "is in USD/CAD/AUD/NZD/SGD/HKD/MXN, but the deal's currency"),
        (
            ("commercials", "pricing_model"),
            "cost plus",
            "is not a pricing model; accepted: 'fixed monthly', 'per unit', 'time and materials'",
        ),
        (("sourcing", "model"), "inshore", "is not a sourcing model; accepted: 'nearshore', 'offshore', 'onshore'"),
        (("service_levels", "incident_priorities", 0, "priority"), "", "must not be empty"),
        (("service_levels", "incident_priorities", 0, "resolution"), "4 hourz", "is not a resolution time"),
        (("service_levels", "incident_priorities", 0, "response"), "soon", "'soon' is not a duration"),
        (("governance", "contract_review"), "now and then", "is not a frequency"),
        (("parties", "client", "business_hours"), "18:00-08:00", "the start must be earlier than the end"),
        (("parties", "client", "notices_email"), "legal at northwind", "is not an email address"),
        (("template",), "../../etc", "is not a template name"),
        (("scope", "services", 0, "id"), "S D", "is not a valid id"),
        (("liability", "general_cap"), "0", "must be more than 0"),
        (("service_levels", "availability", 1, "target"), "100.5", "must be at most 100"),
        (("service_levels", "availability", 1, "target"), "0", "must be more than 0"),
        (("parties", "client", "name"), "", "must not be empty"),
        (("parties", "client", "name"), "x" * 201, "is too long (at most 200 characters, got 201)"),
        (("parties", "client", "name"), "Northwind\nBank", "must fit on one line"),
        (("parties", "client", "name"), "North\x1bwind", "contains a control character (U+001B) at position 6"),
        (("parties", "client", "name"), "North\ud800wind", "lone surrogate"),
        (("parties", "client", "address"), "1 King St\u202e", "invisible text-direction control (U+202E)"),
        (("scope", "services", 0, "in_scope"), "Incidents", "must be a list"),
        (("contract",), ["a"], "must be a mapping of fields"),
        (("contract", "title"), ["a", "b"], "must be text, not a list or mapping"),
    ],
)
def test_field_checks_are_plain_english(where, value, expected):
    data = reference_data()
    target = data
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = value
    found = problems(data)
    assert any(expected in p.message for p in found), found
    problem = next(p for p in found if expected in p.message)
    assert problem.line == _REF_LINES[where]


def test_codes_are_normalised():
    data = reference_data()
    data["commercials"]["currency"] = "gbp"
    data["sourcing"]["delivery_centres"][0]["country"] = "in"
    data["contract"]["locale"] = "en-GB"
    deal = validate_data(data)
    assert (deal.commercials.currency, deal.sourcing.delivery_centres[0].country, deal.contract.locale) == (
        "GBP",
        "IN",
        "en_GB",
    )


def test_yaml_1_1_surprises_stay_text():
    text = (FIXTURES / "good" / "minimal.yaml").read_text()
    text = text.replace(
        "    name: Tay Valley Council\n",
        "    name: Tay Valley Council\n    company_number: 012345\n    short_name: NO\n",
    )
    text = text.replace("  governing_law: Scotland", "  governing_law: Scotland\n  reference: 12:30")
    data, lines = load_yaml(text, "x.yaml")
    deal = validate_data(data, "x.yaml", lines)
    assert deal.parties.client.company_number == "012345"
    assert deal.parties.client.short_name == "NO"
    assert deal.contract.reference == "12:30"


def test_empty_lists_may_be_written_as_empty_values():
    data = reference_data()
    data["scope"]["services"][2]["out_of_scope"] = None
    data["clauses"] = {"pin": None, "exclude": None}
    deal = validate_data(data)
    assert deal.scope.services[2].out_of_scope == [] and deal.clauses.pin == {}


def test_problems_are_sorted_by_line_and_formatted():
    with pytest.raises(DealError) as info:
        load_deal(FIXTURES / "bad" / "three-field-errors.yaml")
    found = info.value.problems
    assert [p.line for p in found] == sorted(p.line for p in found)
    assert len(found) == 3
    text = (FIXTURES / "bad" / "three-field-errors.yaml").read_text().splitlines()
    by_path = {p.path: p for p in found}
    assert "jurisdicton" in text[by_path["contract.jurisdicton"].line - 1]
    assert "GBX" in text[by_path["commercials.currency"].line - 1]
    assert "2027-02-30" in text[by_path["deliverables[0].due"].line - 1]
    assert str(by_path["commercials.currency"]).startswith(f"{FIXTURES / 'bad' / 'three-field-errors.yaml'}:")
    assert info.value.lines() == [str(p) for p in found]


@pytest.mark.parametrize("name, words", [("python-tag", "tag"), ("duplicate-key", "duplicate key 'address'")])
def test_unsafe_or_ambiguous_yaml_files_are_refused(name, words):
    with pytest.raises(DealError) as info:
        load_deal(FIXTURES / "bad" / f"{name}.yaml")
    assert words in info.value.problems[0].message and info.value.problems[0].line


def test_clause_choices_are_checked_with_readable_paths():
    data = reference_data()
    data["clauses"] = {"pin": {"Bad Id": "2", "service-credits": "zero"}, "exclude": ["ok-id", "NOT OK"]}
    found = {p.path: p.message for p in problems(data)}
    assert found["clauses.pin.Bad Id"].startswith("'Bad Id' is not a clause id")
    assert found["clauses.pin.service-credits"] == "must be at least 1 (got 'zero')"
    assert found["clauses.exclude[1]"].startswith("'NOT OK' is not a clause id")


def test_validate_data_refuses_a_non_mapping():
    with pytest.raises(DealError, match="mapping"):
        validate_data(["not", "a", "deal"])


# ---------------------------------------------------------------- JSON Schema


def test_json_schema_describes_the_spec():
    schema = deal_json_schema()
    json.dumps(schema)
    assert schema["title"] == "contractgen deal specification"
    assert set(schema["required"]) >= {"template", "contract", "parties", "scope", "commercials", "term"}
    assert schema["additionalProperties"] is False
    defs = schema["$defs"]
    assert defs["IncidentPriority"]["properties"]["response"]["type"] == "string"
    assert "pattern" in defs["IncidentPriority"]["properties"]["response"]
    assert set(defs["Contract"]["required"]) == {"title", "effective_date", "governing_law"}
