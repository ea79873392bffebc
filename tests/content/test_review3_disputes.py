"""Round-3 review findings on the arbitration deals: definitions that point to what the contract really sets,
held by the rendered text of the disputes deals and samples."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest

from contractgen.deal import load_deal
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text

DISPUTES = FIXTURES / "deals" / "disputes"


@lru_cache(maxsize=None)
def text_of(path: Path) -> str:
    """The rendered text of a deal, built once per test run."""
    return contract_text(path)


def definition(text: str, term: str) -> str:
    """The sentence that defines a term."""
    match = re.search(rf"“{term}” means [^\n]*?\.(?= “|\n|$)", text)
    assert match, f"{term} is not defined"
    return match.group(0)


def clause_number(text: str, title: str) -> str:
    """The number of the clause with this title, read from the table of contents."""
    match = re.search(rf"\b(\d+) ?{title} \d+", text)
    assert match, f"no clause titled {title}"
    return match.group(1)


SL_DEALS = [
    DISPUTES / "sg-siac-tiered.yaml",
    SAMPLES / "ch-bank-portugal.yaml",
    SAMPLES / "au-retailer-philippines.yaml",
]


@pytest.mark.parametrize("path", SL_DEALS, ids=[p.stem for p in SL_DEALS])
def test_service_levels_speak_of_incident_times_only_where_the_schedule_sets_them(path):
    deal = load_deal(path).deal
    text = text_of(path)
    sets_times = bool(deal.service_levels.incident_priorities)
    meaning = definition(text, "Service Levels")
    assert ("Incident response and resolution times" in meaning) is sets_times
    assert ("“Incident” means" in text) is sets_times
    if "such as application support" in text:
        assert ("work on Incidents and requests" in text) is sets_times
        assert ("work on incidents and requests" in text) is not sets_times


def test_singapore_availability_schedule_sets_no_incident_times_and_none_are_promised():
    text = text_of(DISPUTES / "sg-siac-tiered.yaml")
    assert definition(text, "Service Levels") == (
        "“Service Levels” means the availability targets and other performance standards set out in Schedule 2."
    )
    assert "Incidents" not in text.replace("Security Incidents", "")


def test_swiss_data_protection_obligations_are_the_clauses_that_set_them():
    text = text_of(DISPUTES / "ch-swiss-rules.yaml")
    meaning = definition(text, "Data Protection Obligations")
    liability = clause_number(text, "Limitation of Liability")
    assert f"clause {liability}" not in meaning
    for title in ("Data Protection", "Personal Data Breaches", "Information Security"):
        assert f"clause {clause_number(text, title)}" in meaning
    assert "even where the breach is also a breach of the Data Protection Obligations" in text


def test_an_indian_seat_sends_every_court_application_to_its_courts_and_only_enforcement_elsewhere():
    text = text_of(DISPUTES / "in-mcia-written.yaml")
    assert (
        "Every application to a court under the arbitration law of the seat, including an application for interim "
        "measures before, during or after the arbitration and an application to set aside an award, will be made "
        "only to the courts at Mumbai, which alone will hear it."
    ) in text
    assert (
        "Nothing in this clause prevents a Party from starting proceedings in any court to recognise or enforce" in text
    )
    assert "any court of competent jurisdiction" not in text


@pytest.mark.parametrize("stem", ["hk-hkiac-written", "sg-siac-tiered", "de-dis-india"])
def test_other_seats_keep_interim_relief_from_any_competent_court(stem):
    text = text_of(DISPUTES / f"{stem}.yaml")
    assert "applying to any court of competent jurisdiction for urgent interim or conservatory relief" in text
    assert "which alone will hear it" not in text


def test_a_new_york_insurer_and_an_ontario_supplier_have_the_insolvency_terms_of_their_own_laws():
    text = text_of(DISPUTES / "ny-icdr.yaml")
    assert (
        "in the case of the Company, which as an insurance company cannot be a debtor under the Bankruptcy Code, a "
        "proceeding for its rehabilitation, liquidation, conservation or dissolution is commenced under the insurance "
        "law of the state in which it is domiciled (Article 74 of the New York Insurance Law)"
    ) in text
    assert "to the extent that the law governing the insolvency proceeding permits termination" in text
    assert "Bankruptcy Code and other Applicable Law permit" not in text
    assert (
        "If Maple becomes subject to an insolvency, restructuring or liquidation proceeding outside the United States, "
        "the licenses granted to the Company under this Agreement continue"
    ) in text


def test_a_us_supplier_keeps_the_bankruptcy_code_terms_and_no_foreign_proceeding_sentence():
    text = text_of(SAMPLES / "onshore-us-hipaa.yaml")
    assert (
        "to the extent that the law governing the insolvency proceeding, including the Bankruptcy Code, permits" in text
    )
    assert "proceeding outside the United States" not in text
    assert "cannot be a debtor under the Bankruptcy Code, a proceeding for its rehabilitation" not in text


def test_an_ontario_supplier_under_new_york_law_is_insured_where_it_works_and_carries_the_cgl_policy_named():
    text = text_of(DISPUTES / "ny-icdr.yaml")
    assert (
        "authorized to do business in each state where the Services are performed (or, for Services performed "
        "outside the United States, licensed where they are performed)"
    ) in text
    assert "commercial general liability insurance (including products and completed operations)" in text
    assert "public and products liability insurance" not in text
    assert "additional insureds on its commercial general liability policy" in text
    assert "as required by the law of each state, province or country where its personnel work" in text


def test_a_us_supplier_keeps_the_state_insurance_wording():
    text = text_of(SAMPLES / "onshore-us-hipaa.yaml")
    assert "as required by the law of each state where its personnel work" in text
    assert "outside the United States, licensed where they are performed" not in text


def test_a_final_contract_warns_of_a_company_party_it_cannot_identify_and_a_numbered_one_gets_none():
    from contractgen.deal.notes import final_warnings

    hk = final_warnings(load_deal(DISPUTES / "hk-hkiac-written.yaml").deal)
    assert [w for w in hk if w.startswith("parties.supplier.company_number: the deal gives no company number")]
    assert not [w for w in hk if w.startswith("parties.client.company_number")]  # the Bank has its number
    ch = final_warnings(load_deal(DISPUTES / "ch-swiss-rules.yaml").deal)
    assert not [w for w in ch if "company_number" in w]


def test_an_ad_hoc_arbitration_designates_the_named_appointing_authority_for_every_function():
    text = text_of(DISPUTES / "nz-uncitral.yaml")
    president = "the President of the Arbitrators' and Mediators' Institute of New Zealand"
    assert f"The appointing authority under the rules, for every function they give it, is {president}." in text
    assert "a presiding arbitrator whom the two arbitrators have not nominated within 30 days after the second" in text
    assert "after a Party asks for the nomination" not in text


def test_an_administered_arbitration_names_no_appointing_authority():
    text = text_of(DISPUTES / "hk-hkiac-written.yaml")
    assert "The appointing authority under the rules" not in text
