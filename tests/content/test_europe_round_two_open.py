"""The European samples' open round-two points: under a civil law the entire-agreement clause is a completeness clause
that leaves pre-contractual liability to the liability clause (no common-law exclusion of remedies)."""

from __future__ import annotations

from functools import lru_cache

import pytest

from tests.helpers import SAMPLES
from tests.terms import contract_text


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


def entire_agreement(text: str) -> str:
    """The Entire Agreement clause, from its first words to the variation sentence."""
    return text.split("This Agreement is the entire agreement between the Parties")[1].split("No variation of this")[0]


CIVIL_SAMPLES = ["de-manufacturer-poland", "ch-bank-portugal", "nl-fintech-uk-soc"]


@pytest.mark.parametrize("name", CIVIL_SAMPLES)
def test_civil_law_entire_agreement_is_a_completeness_clause(name):
    clause = entire_agreement(sample(name))
    assert "records completely what the Parties have agreed about its subject matter" in clause
    assert "is part of this Agreement only where this Agreement says so" in clause
    assert (
        "does not exclude or limit any liability for a breach of a duty owed before this Agreement was made" in clause
    )
    assert "Neither Party has any remedy for any such statement" not in clause
    assert "has not relied on any statement" not in clause


def test_english_entire_agreement_keeps_non_reliance_and_its_carve_out():
    clause = entire_agreement(sample("deal-example"))
    assert "Neither Party has any remedy for any such statement, other than for breach of contract" in clause
    assert "Nothing in this clause limits or excludes any liability for fraud or fraudulent misrepresentation" in clause
    assert "records completely" not in clause


def data_protection(text: str) -> str:
    """The Data Protection clause, from its first words to the records paragraph."""
    return text.split("Data Protection For the purposes of")[1].split("will keep a written record")[0]


def test_swiss_data_protection_names_the_ordinance_once_and_article_9_as_conditions():
    clause = data_protection(sample("ch-bank-portugal"))
    assert "(FADP), as supplemented by the Swiss Data Protection Ordinance, each as amended" in clause
    assert "and its Data Protection Ordinance" not in clause
    assert "the conditions on which Article 9 of the FADP allows the Bank to entrust the processing" in clause
    assert "Article 9 of the FADP requires a contract" not in clause
    assert "lawful basis" not in clause


def test_a_portuguese_processor_of_a_swiss_bank_is_also_under_the_eu_gdpr():
    clause = data_protection(sample("ch-bank-portugal"))
    assert (
        "Tejo is established in Portugal, so its processing of Personal Data in the context of the activities of that "
        "establishment is also subject to Regulation (EU) 2016/679"
    ) in clause
    assert "(Article 3(1) of the EU GDPR)" in clause
    assert (
        "If Swiss law or the law of the European Union or of a Member State to which Tejo is subject requires" in clause
    )
    assert "unless Swiss law or the law of the European Union or of a Member State to which Tejo is subject" in clause


def test_a_uk_processor_under_the_eu_gdpr_is_also_under_the_uk_gdpr():
    clause = data_protection(sample("nl-fintech-uk-soc"))
    assert "Pennine is established in the United Kingdom, so its processing" in clause
    assert "(Article 3(1) of the UK GDPR)" in clause
    assert (
        "If the law of the United Kingdom (or of a part of it) or the law of the European Union or of a Member State "
        "to which Pennine is subject requires"
    ) in clause
    assert "having a lawful basis for it" in clause  # the GDPR is listed: the controller's lawful basis stays


def test_a_processor_under_the_law_it_is_established_in_gets_no_extra_paragraph():
    for name in ("de-manufacturer-poland", "nearshore-eur", "deal-example"):
        assert "is established in" not in data_protection(sample(name)), name


def test_german_late_invoice_keeps_the_claim_and_other_laws_keep_the_cut_off():
    german = sample("de-manufacturer-poland")
    assert "A later invoice does not cause Odra to lose its claim to the amount invoiced" in german
    assert "not obliged to pay any amount invoiced later" not in german
    assert "The Bank is not obliged to pay any amount invoiced later than that." in sample("ch-bank-portugal")


def test_german_severance_does_not_cut_an_invalid_term_down_to_its_valid_core():
    german = sample("de-manufacturer-poland").split("Severance If any provision")[1][:700]
    assert "the rest of this Agreement remains valid" in german
    assert "its place is taken by the statutory rules, as section 306(2) of the German Civil Code provides" in german
    assert "modified to the minimum extent" not in german
    assert "modified to the minimum extent" in sample("ch-bank-portugal").split("Severance If any provision")[1][:300]


def test_a_german_nis2_client_has_the_bsig_duties_and_the_bsi():
    text = sample("de-manufacturer-poland")
    nis2 = text.split("Supply-Chain Security (NIS2) This paragraph")[1][:1400]
    assert "section 30(2) No. 4 of the BSIG requires of the Customer under the BSI Act" in nis2
    assert "(NIS2UmsuCG), which implements Directive (EU) 2022/2555" in nis2
    assert "the joint reporting office of the BSI and the Federal Office of Civil Protection" in nis2
    assert "Article 21(2)(d)" not in nis2
    assert "the Federal Office for Information Security (BSI)" in text  # the Regulator the contract names


def test_a_swiss_bank_gets_finma_2023_1_and_client_identifying_data_controls():
    finma = sample("ch-bank-portugal").split("Outsourcing Requirements of FINMA This paragraph")[1].split(" — ")[0]
    assert "FINMA Circular 2023/1 on operational risks and resilience at banks" in finma
    assert "Tejo will access client-identifying data from outside Switzerland only by the means" in finma
    assert "log every access" in finma


def test_support_hours_name_the_local_clock_not_a_winter_zone():
    german = sample("de-manufacturer-poland")
    assert "Monday-Friday 07:00-19:00 (local time in Germany, Europe/Berlin)" in german
    assert "Central European Time" not in german
    assert "Monday-Friday 08:00-17:00 (local time in Switzerland, Europe/Zurich)" in sample("ch-bank-portugal")
    assert "24x7 (local time in the Netherlands, Europe/Amsterdam)" in sample("nl-fintech-uk-soc")
    assert "Irish time" not in sample("nearshore-eur").split("Support hours.")[1][:300]


def test_releases_go_through_the_release_process_not_contract_change_control():
    for name in ("deal-example", "de-manufacturer-poland", "nearshore-eur"):
        text = sample(name)
        sentence = text.split("will not allow changes to reach the production environment")[1][:400]
        assert "release and change-management process, as approved by" in sentence, name
        assert "a change to this Agreement is made only under clause" in sentence, name


def test_escalation_hands_on_to_the_next_step_of_the_dispute_clause_instead_of_looping():
    text = sample("deal-example")
    assert "may refer it to the dispute resolution procedure in this Agreement" not in text
    assert "the escalation step of clause 52 is complete for it, and either Party may take it to the next step" in text
    assert "The Dispute will first be escalated through the escalation matrix in Schedule 4" in text


def test_a_kpi_does_not_extend_the_patch_deadline():
    text = sample("deal-example")
    kpis = text.split("Key Performance Indicators The Supplier will measure")[1][:600]
    assert "it does not relax any obligation of, or extend any deadline for, the Supplier" in kpis
    assert "98% of critical patches within 14 days" in kpis  # the deal's own KPI, unchanged


def test_a_threat_briefing_and_a_service_review_get_their_own_purposes():
    meetings = sample("nl-fintech-uk-soc").split("Meeting Frequency Attendees Purpose")[1][:700]
    briefing, review = meetings.split("Service Review Monthly")
    assert "detections and the tuning of detection rules" in briefing
    assert "Day-to-day delivery" not in briefing
    assert "Performance against the Service Levels" in review
    assert "Strategy and direction" not in review


def test_tisax_is_an_assessment_label_shared_through_enx():
    text = sample("de-manufacturer-poland")
    assert "certification or attestation to ISO/IEC 27001:2022, with a scope" in text
    assert "a valid TISAX assessment label at the level stated (TISAX AL2)" in text
    assert "through the ENX exchange platform" in text
    assert "TISAX" not in sample("deal-example")


def test_a_belgian_late_invoice_keeps_the_claim():
    from tests.helpers import FIXTURES

    belgian = contract_text(FIXTURES / "deals" / "public-contracts" / "be-fps-finance.yaml")
    assert "A later invoice does not cause" in belgian and "to lose its claim to the amount invoiced" in belgian
    assert "not obliged to pay any amount invoiced later" not in belgian
