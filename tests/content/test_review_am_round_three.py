"""Third-round review of the Americas and Asia-Pacific samples: the findings still open on main, each held
by rendered text across every sample it applies to."""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text

ALL = sorted(p.stem for p in SAMPLES.glob("*.yaml"))


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


# Interest Act (Canada), R.S.C. 1985, c. I-15, s. 4: interest stated for a period of less than a year is
# recoverable at no more than 5% a year unless the contract expressly states the equivalent yearly rate.


@pytest.mark.parametrize("name", ALL)
def test_a_monthly_interest_rate_states_its_yearly_equivalent(name):
    text = sample(name)
    for match in re.finditer(r"(\d+(?:\.\d+)?)% per month", text):
        yearly = Decimal(match.group(1)) * 12
        after = text[match.end() : match.end() + 40]
        assert after.startswith(f" (equivalent to {yearly.normalize():f}% per year)"), (name, after)


def test_the_ontario_contract_states_the_yearly_rate():
    text = sample("ca-insurer-us-cloud")
    assert (
        "may charge simple interest on it from the due date until payment at 1% per month "
        "(equivalent to 12% per year) or, if lower, the highest rate that Applicable Law permits." in text
    )


# Copyright in code written for the client passes by a present assignment, not as a work made for hire
# (Cal. Labor Code § 3351.5(c); code written in Mexico); moral rights are waived only where the law of the
# authors' place of work allows it (Mexican Federal Copyright Law, art. 19, makes them unwaivable).


@pytest.mark.parametrize("name", ALL)
def test_no_contract_relies_on_work_made_for_hire(name):
    text = sample(name)
    assert "made for hire" not in text
    assert "All other material" not in text


@pytest.mark.parametrize(
    "name, supplier, client",
    [("us-saas-mexico", "Vendor", "PeoplePulse"), ("onshore-us-hipaa", "Provider", "Health System")],
)
def test_us_developed_material_is_assigned_and_moral_rights_are_not_waived_where_the_law_forbids(
    name, supplier, client
):
    text = sample(name)
    assert (
        f"hereby assigns to {'the ' if client == 'Health System' else ''}{client}, with effect as each item of Developed Material is created"
        in text
    )
    assert "Where that law allows moral rights to be waived" in text
    assert "do not assert their moral rights against any of them" in text
    assert (
        f"waives, and will procure that {supplier} Personnel waive, any moral rights in the Developed Material to the extent permitted"
        not in text
    )


# California: a covenant not to solicit employees is void under Bus. & Prof. Code § 16600 except as far as it
# protects trade secrets and confidential information (AMN Healthcare v. Aya (2018) 28 Cal.App.5th 923); the
# rule is data on the jurisdiction record, the clause reads it.


def test_california_non_solicitation_reaches_only_solicitation_with_confidential_information():
    text = sample("us-saas-mexico")
    assert (
        "during the 12 months before the solicitation by using the other Party's Confidential Information "
        "(including any trade secret about its employees, their skills or their pay)." in text
    )
    assert (
        "it does not restrain any person from engaging in a lawful profession, trade or business, which section "
        "16600 of the California Business and Professions Code does not allow a contract to do." in text
    )
    assert "restriction in this clause is reasonable and no wider than is needed" not in text


@pytest.mark.parametrize("name", [n for n in ALL if n != "us-saas-mexico"])
def test_other_laws_keep_the_reasonable_non_solicitation(name):
    text = sample(name)
    assert "by using the other Party's Confidential Information (including any trade secret" not in text
    if "solicit or try to entice away" in text:
        assert "restriction in this clause is reasonable and no wider than is needed" in text


def test_the_california_record_carries_the_restraint_of_trade_rule():
    from contractgen.law.jurisdictions import load_jurisdictions

    rule = load_jurisdictions()["california"].commercial.restraint_of_trade
    assert rule.law == "section 16600 of the California Business and Professions Code"
    assert rule.employee_non_solicitation == "confidential_information_only"


# OSFI: a federally regulated insurer or bank under Guideline B-10 is also under Guideline B-13 (technology
# and cyber risk) for the technology its third party provides; the companion is data
# (contractgen/deal/data/companion_regimes.yaml).


def test_the_ontario_insurer_under_b10_gets_the_b13_terms():
    text = sample("ca-insurer-us-cloud")
    assert "Technology and Cyber Risk Management (OSFI Guideline B-13)" in text
    assert (
        "This paragraph gives effect to what the Insurer needs from the Provider to manage its technology and cyber "
        "risk under the Office of the Superintendent of Financial Institutions' Guideline B-13" in text
    )


@pytest.mark.parametrize("name", [n for n in ALL if n != "ca-insurer-us-cloud"])
def test_no_b13_terms_outside_canada(name):
    assert "OSFI Guideline B-13" not in sample(name)


# Time and materials: one definition of a day (the charges schedule), and no more than one day per person per
# calendar day without the client's prior approval.


@pytest.mark.parametrize("name", ALL)
def test_a_day_is_defined_once(name):
    text = sample(name)
    assert "A day means at least 8 hours worked" not in text
    assert text.count("A day is 8 hours of work") <= 1
    if "A day is 8 hours of work" in text:
        assert "a part day is charged pro rata in whole hours" in text
        assert "No person is charged for more than one day in a calendar day unless" in text
        assert "says how a day and a part day are counted." in text


def test_the_mexico_time_and_materials_contract_counts_days_once():
    text = sample("us-saas-mexico")
    assert "says how a day and a part day are counted." in text
    assert "No person is charged for more than one day in a calendar day unless PeoplePulse has approved" in text
