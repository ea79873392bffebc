"""Findings of the independent review of the European samples, each held by its sample's rendered text."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from contractgen.law.employment import place_of
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

CIVIL = ["de-manufacturer-poland", "nl-fintech-uk-soc", "ch-bank-portugal"]
SUPPLIER = {"de-manufacturer-poland": "Odra", "nl-fintech-uk-soc": "Pennine", "ch-bank-portugal": "Tejo"}


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


# Good cause cannot be excluded or restricted: the supplier's non-payment ground is an example, not the only one


@pytest.mark.parametrize("name", CIVIL)
def test_the_suppliers_good_cause_is_not_restricted_to_non_payment(name):
    text = sample(name)
    supplier = SUPPLIER[name]
    assert f"Good cause for {supplier} to terminate this Agreement exists in particular where" in text
    assert "exists only where" not in text
    assert f"{supplier} has no other right to terminate" not in text


# A warranty is not a guarantee, so the unlimited liability "under any guarantee" does not empty the cap


@pytest.mark.parametrize(
    "name, words",
    [
        (
            "de-manufacturer-poland",
            "not guarantees (Garantien) within the meaning of section 276(1) of the German Civil Code",
        ),
        ("nl-fintech-uk-soc", "not guarantees (garanties)"),
        ("ch-bank-portugal", "not guarantees (Garantien)"),
    ],
)
def test_civil_law_warranties_are_not_guarantees(name, words):
    text = sample(name)
    assert (
        f"The warranties in this clause state contractual obligations and are {words}, "
        "unless this Agreement expressly describes a statement as a guarantee"
    ) in text
    assert "the unlimited liability under a guarantee in clause" in text
    assert "under any guarantee it has given" in text


def test_a_common_law_contract_has_no_guarantee_disclaimer():
    assert "are not guarantees" not in sample("deal-example")


# DORA: the client reports major ICT-related incidents under Article 19 (time limits under Article 20), and the
# supplier's short alert does not displace the agreed personal-data-breach notice


@pytest.mark.parametrize("name, clause", [("nearshore-eur", "clause 28"), ("nl-fintech-uk-soc", "clause 27")])
def test_dora_incident_reporting_cites_article_19_and_keeps_the_breach_period(name, clause):
    text = sample(name)
    authority = (
        "the Central Bank of Ireland" if name == "nearshore-eur" else "its competent authority (Article 46 of DORA)"
    )
    assert (
        f"must report major ICT-related incidents to {authority} under "
        "Article 19 of DORA, within the time limits set by the regulatory technical standards made under "
        "Article 20 of DORA."
    ) in text
    assert "under Article 46 of DORA within" not in text
    assert "This shorter period prevails" not in text
    assert "or any other ICT-Related Incident, without unreasonable delay and in any event within 4 hours" in text
    supplier = "the Supplier" if name == "nearshore-eur" else "Pennine"
    assert (
        f"where the incident is also a Personal Data Breach, {supplier} "
        f"will also notify it, with the content and within the period that {clause} requires"
    ) in text


def test_a_non_dora_regime_keeps_its_alert_and_loses_the_override():
    text = sample("ca-insurer-us-cloud")
    assert "or any other cybersecurity event that has or may have an effect on the Services" in text
    assert "This shorter period prevails" not in text
    assert "This notice is an early alert so that the Insurer can assess the incident and report it in time" in text


# An objector "stays employed" only where the law of the place of work says so (Germany, Portugal), never for Poland
# (Art. 23¹ § 4: the employee may only resign) or the United Kingdom (TUPE reg. 4(7)-(8): the employment ends)

OBJECTOR_STAYS = "An employee who objects to or refuses the transfer stays employed by"


@pytest.mark.parametrize(
    "name, supplier",
    [
        ("deal-example", "The Supplier"),
        ("nearshore-eur", "The Supplier"),
        ("de-manufacturer-poland", "Odra"),
        ("nl-fintech-uk-soc", "Pennine"),
    ],
)
def test_an_objector_does_not_stay_employed_in_poland_or_under_tupe(name, supplier):
    text = sample(name)
    assert OBJECTOR_STAYS not in text
    assert (
        f"{supplier} (or its Subcontractor) bears all Employee Liabilities that result from an employee "
        "objecting to "
        "the transfer, or ending their employment, as that rule allows"
    ) in text


def test_a_portuguese_objector_stays_with_the_supplier():
    text = sample("ch-bank-portugal")
    assert "and then stays with the transferor (Article 286-A)" in text
    assert f"{OBJECTOR_STAYS} Tejo or its Subcontractor" in text


# The governance clause points only to what the governance schedule describes: no escalation levels, no escalation
# "described there", and unresolved issues go to the dispute resolution clause


@pytest.mark.parametrize("name", CIVIL)
def test_governance_names_no_escalation_the_schedule_lacks(name):
    text = sample(name)
    assert "the escalation of issues described there" not in text
    assert "set out in Schedule 4, which include the reporting and the meetings described there." in text
    route = "An issue that cannot be resolved at operational level is dealt with under clause "
    clause = text.split(route)[1].split(".")[0]
    assert re.search(rf"\b{clause} ?Dispute Resolution\b", text)  # the table of contents names the clause


def test_governance_with_escalation_levels_still_points_to_them():
    text = sample("deal-example")
    assert "which include the reporting, the meetings and the escalation of issues described there." in text
    assert "will be escalated through the escalation levels set out in Schedule 4" in text


@pytest.mark.parametrize("country, stays", [("DE", True), ("PT", True), ("PL", False), ("GB", False), ("NL", False)])
def test_the_jurisdiction_records_say_where_an_objector_stays(country, stays):
    assert place_of(country).objector_stays is stays


def test_a_german_place_of_work_keeps_the_objector_with_the_supplier(tmp_path):
    overlay = FIXTURES / "deals" / "overlays" / "german-centre.yaml"
    text = contract_text(overlaid(SAMPLES / "de-manufacturer-poland.yaml", overlay, tmp_path))
    assert "and then stays with the previous employer (section 613a(6))" in text
    assert f"{OBJECTOR_STAYS} Odra or its Subcontractor" in text
    assert "bears all Employee Liabilities that result from an employee objecting to the transfer" not in text
