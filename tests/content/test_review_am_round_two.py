"""Second-round review of the Americas and Asia-Pacific samples: the findings still open on main, each held
by rendered text across every sample it applies to."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text

ALL = sorted(p.stem for p in SAMPLES.glob("*.yaml"))


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


# CCPA: an HR platform holding its customers' employees' data is their service provider; its vendor is a
# sub-service provider bound by the flow-down (Cal. Civ. Code § 1798.140(ag)(2)), while the platform stays
# the business for its own job applicants' data.


def test_a_vendor_handling_the_clients_customers_people_is_a_sub_service_provider():
    text = sample("us-saas-mexico")
    terms = text.split("CCPA Service Provider Terms", 2)[-1]
    assert "PeoplePulse is a business for the Personal Information of job applicants" in terms
    assert (
        "For the Personal Information of employees of PeoplePulse's customers, PeoplePulse is not the business: "
        "it processes that Personal Information as a service provider to each of its customers" in terms
    )
    assert "the Vendor is bound by it as PeoplePulse's sub-service provider for each of those customers" in terms
    assert "the Business Purposes are limited to the purposes for which the customer concerned discloses it" in terms
    assert "will follow any instruction about Personal Information that any of those customers gives" in terms
    assert "PeoplePulse is a business and the Vendor is its service provider" not in text
    assert "its sub-service provider for the second, and clause" in text  # the role sentence agrees


@pytest.mark.parametrize("name", [n for n in ALL if n != "us-saas-mexico"])
def test_no_other_sample_reads_its_clients_customers_as_someone_elses(name):
    assert "sub-service provider" not in sample(name)


# Mexico: a supplier whose own workers serve the client must be entered in the register of specialised-services
# providers (Ley Federal del Trabajo arts. 12–15 after the 2021 reform); the client is jointly liable to its workers.


def test_a_mexican_delivery_centre_brings_the_labour_registration_and_joint_liability_terms():
    text = sample("us-saas-mexico")
    assert "Workers and Labor Registration" in text
    assert "Articles 12 to 15 of the Federal Labour Law (Ley Federal del Trabajo)" in text
    assert "it warrants that it is entered in that register" in text and "(REPSE)" in text
    assert "Mexican Social Security Institute (IMSS)" in text and "(INFONAVIT)" in text
    assert "Every 3 months, and within 10 Business Days after PeoplePulse asks" in text
    assert "is jointly liable to the workers used for those services (Article 14)" in text
    assert "The Vendor will indemnify PeoplePulse against all Employee Liabilities and other Losses" in text


@pytest.mark.parametrize("name", [n for n in ALL if n != "us-saas-mexico"])
def test_no_labour_registration_without_a_delivery_centre_where_the_law_requires_it(name):
    assert "REPSE" not in sample(name)


# New South Wales: Part 4 of the Civil Liability Act 2002 would cut a claim down to the other Party's share of
# responsibility; section 3A(2) lets a contract exclude it, and the draft does.


def test_a_new_south_wales_contract_excludes_proportionate_liability():
    text = sample("au-retailer-philippines")
    assert "Part 4 of the Civil Liability Act 2002 (NSW), and, so far as their own law allows, the equivalent" in text
    assert "the Parties make this express provision as section 3A(2) of that Act permits" in text


@pytest.mark.parametrize("name", [n for n in ALL if n != "au-retailer-philippines"])
def test_no_proportionate_liability_exclusion_where_the_law_has_none_recorded(name):
    assert "Civil Liability Act" not in sample(name)


# PCI DSS: a contact centre taking card payments by telephone gets the controls the standard requires of it, and
# the split of requirements is agreed before card data is handled.


def test_card_data_in_scope_brings_the_pci_dss_controls():
    text = sample("au-retailer-philippines")
    assert "Before MBCS first stores, processes or transmits Account Data, the Parties will agree" in text
    assert "Within 30 days after the Effective Date, the Parties will agree and record" not in text
    assert "are part of the Retailer's cardholder data environment" in text
    assert "not keep sensitive authentication data (such as a card security code) after a payment is authorised" in text
    assert "including in call or screen recordings, chat or email transcripts" in text
    assert "keep the card number unreadable wherever it is stored" in text
    assert "within one month after their release" in text
    assert "at least once every 3 months and after any significant change" in text
    assert "at least once every 12 months and after any significant change, fix what the tests find" in text
    assert "will pause every recording while card details are given" in text


@pytest.mark.parametrize("name", [n for n in ALL if n != "au-retailer-philippines"])
def test_no_pci_dss_controls_without_card_data(name):
    assert "sensitive authentication data" not in sample(name)


# A final contract priced per unit whose unit no field defines: the build warns (a final document prints no notes).


@pytest.mark.parametrize(
    ("name", "unit"), [("ca-insurer-us-cloud", "claim processed"), ("au-retailer-philippines", "handled contact")]
)
def test_a_final_per_unit_contract_warns_that_its_unit_is_undefined(name, unit):
    from contractgen.deal.notes import final_warnings
    from contractgen.deal.load import load_deal

    warnings = [
        w for w in final_warnings(load_deal(SAMPLES / f"{name}.yaml").deal) if w.startswith("commercials.unit_name")
    ]
    assert len(warnings) == 1
    assert f"does not define one {unit};" in warnings[0]
    assert f"prints a definition of one {unit} in square brackets for the Parties to complete" in warnings[0]


@pytest.mark.parametrize("name", ["onshore-us-hipaa", "us-saas-mexico", "uk-charity-minimal"])
def test_no_unit_warning_for_a_draft_or_a_deal_not_priced_per_unit(name):
    from contractgen.deal.notes import final_warnings
    from contractgen.deal.load import load_deal

    assert not [w for w in final_warnings(load_deal(SAMPLES / f"{name}.yaml").deal) if "unit_name" in w]


# Support hours against the Delivery Centres' hours, in the time zones and seasons of the first contract year.


def _gaps(name: str) -> dict[str, str]:
    from contractgen.deal.readings.support_hours import hours_findings
    from contractgen.deal.load import load_deal

    return {str(f.about): f.unrecognised for f in hours_findings(load_deal(SAMPLES / f"{name}.yaml").deal)}


def test_support_hours_outside_every_delivery_centre_are_found_by_season():
    mexico = _gaps("us-saas-mexico")
    # Platform Engineering has no support hours of its own: it is checked against the client's business hours
    assert list(mexico) == ["ENG", "T2"] and "16:00-17:00 in winter" in mexico["ENG"]
    assert "06:00-07:00, 16:00-18:00 in winter; 06:00-08:00, 17:00-18:00 in summer" in mexico["T2"]
    sydney = _gaps("au-retailer-philippines")
    assert any("07:00-08:00 in winter; 07:00-09:00 in summer" in text for text in sydney.values())
    assert any(text.startswith("E-commerce Support") and "08:00-09:00 in summer" in text for text in sydney.values())
    assert "00:00-08:00, 18:00-24:00 in winter" in " ".join(_gaps("ca-insurer-us-cloud").values())  # 24x7 hosting


def test_the_gaps_reach_the_build_warnings(tmp_path):
    from contractgen.deal.readings.support_hours import support_hours_warnings
    from contractgen.deal.load import load_deal

    warnings = support_hours_warnings(load_deal(SAMPLES / "us-saas-mexico.yaml").deal)
    assert len(warnings) == 2 and warnings[1].startswith("scope.services.1.support_hours: Tier-2 Support")
    assert warnings[0].startswith("scope.services.0.name: Platform Engineering is supported in the client's business")
    assert "a shift or on-call model, or remote working the client approves" in warnings[1]


def test_support_hours_within_a_delivery_centre_are_not_a_gap():
    from contractgen.values.clock import uncovered as gaps
    from datetime import datetime, timezone

    day = datetime(2027, 1, 13, tzinfo=timezone.utc)
    window = (day.replace(hour=9), day.replace(hour=17))
    assert gaps(window, [(day.replace(hour=8), day.replace(hour=18))]) == []
    assert gaps(window, [(day.replace(hour=10), day.replace(hour=12))]) == [
        (day.replace(hour=9), day.replace(hour=10)),
        (day.replace(hour=12), day.replace(hour=17)),
    ]


# Sensitive data: a category that a regime's own definition makes sensitive is not printed as "None"; in a final
# contract the reading is a build warning (a final contract prints no notes).


def test_ccpa_identifiers_bring_the_sensitive_identification_numbers_not_the_whole_category():
    text = sample("us-saas-mexico")  # Cal. Civ. Code § 1798.140(v)(1)(A) and (ae)(1)(A)
    assert "Sensitive personal information Social security, driver's license, state identification card" in text
    assert "Sensitive personal information None." not in text
    assert "Sensitive personal information Identifiers." not in text


def test_pipeda_banking_details_are_recorded_as_sensitive_personal_information():
    text = sample("ca-insurer-us-cloud")  # financial information is generally sensitive under PIPEDA
    assert (
        "Sensitive personal information Banking details for claim payments and health, injury and disability information in claim records."
        in text
    )
    assert "the additional safeguards that the Insurer reasonably requires" in text


def test_the_regime_words_read_only_under_their_regime():
    from contractgen.deal.readings.personal_data import _special_words

    assert _special_words(("ccpa",)).search("social security numbers")
    assert not _special_words(("eu-gdpr",)).search("social security numbers")
    assert _special_words(("pipeda",)).search("banking details") and not _special_words().search("banking details")


def test_a_final_contract_warns_of_the_sensitive_reading():
    from contractgen.deal import load_deal
    from contractgen.deal.notes import final_warnings

    source = load_deal(SAMPLES / "ca-insurer-us-cloud.yaml")
    assert any("'banking details for claim payments' reads as" in w for w in final_warnings(source.deal))
    assert not any(n.id.startswith("special-data-from-categories") for n in source.notes)
