"""The European samples' open round-four points, on the rendered text: a deadline for every periodic report,
employers' liability insurance named only under the law that binds the supplier."""

from __future__ import annotations

import re
from functools import lru_cache

import pytest

from contractgen.deal import load_deal
from contractgen.deal.notes import final_warnings
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAYS = FIXTURES / "deals" / "overlays"

EUROPE = ["deal-example", "nearshore-eur", "de-manufacturer-poland", "nl-fintech-uk-soc", "ch-bank-portugal"]


@lru_cache(maxsize=None)
def sample(name: str) -> str:
    """The rendered text of a sample, built once per test run."""
    return contract_text(SAMPLES / f"{name}.yaml")


@pytest.mark.parametrize("name", EUROPE)
def test_every_periodic_report_has_a_deadline(name):
    text = sample(name)
    reports = re.findall(
        r"(?:performance|service) report (?:to [A-Z][\w ]*? |for each Measurement Period, )?\w+[^.]*\.", text
    )
    assert reports, "no periodic report found"
    for sentence in reports:
        if "monthly" in sentence or "quarterly" in sentence:
            assert re.search(r"within \d+ Business Days after the end of the period it covers", sentence), sentence


def test_a_monthly_report_without_a_deal_deadline_is_due_in_10_business_days():
    text = sample("ch-bank-portugal")
    assert (
        "a written performance report to the Bank monthly, within 10 Business Days after the end of the period" in text
    )
    assert "a written service report monthly, within 10 Business Days after the end of the period it covers" in text
    assert "for each Measurement Period, monthly, within 10 Business Days after the end of the period" in text


def test_a_deadline_the_deal_states_is_kept():
    text = sample("nl-fintech-uk-soc")
    assert "monthly, within 5 Business Days after the end of the period it covers" in text
    assert "within 10 Business Days after the end of the period" not in text


def insurance(text: str) -> str:
    """The Insurance clause, from its first sentence to the certificates of insurance."""
    return text.split("will take out and maintain, with reputable insurers")[1].split("certificates of insurance")[0]


@pytest.mark.parametrize("name", ["deal-example", "uk-charity-minimal"])
def test_no_northern_ireland_law_outside_northern_ireland(name):
    assert "Northern Ireland" not in insurance(sample(name))


def test_a_supplier_with_no_one_in_the_uk_is_not_put_under_the_1969_act():
    clause = insurance(sample("deal-example"))
    assert "Employers' Liability (Compulsory Insurance) Act 1969" not in clause
    assert "including insurance against liability to its employees" in clause


def test_a_scottish_supplier_insures_its_employees_in_great_britain_under_the_1969_act():
    clause = insurance(sample("uk-charity-minimal"))
    assert "under the Employers' Liability (Compulsory Insurance) Act 1969 for its employees in Great Britain" in clause


def services_schedule(text: str) -> str:
    """Schedule 1's service descriptions, from the first service's heading to the delivery locations."""
    return re.split(r"Delivery Locations| — ", text.split("Service Descriptions")[-1])[0]


def test_a_security_monitoring_service_without_listed_activities_gets_a_soc_scope():
    schedule = services_schedule(sample("nl-fintech-uk-soc"))
    soc = schedule.split("Incident Response (IR)")[0]
    assert "the log and telemetry sources recorded in the Detection Coverage Register" in soc
    assert "the containment actions that the Rules of Engagement authorise" in soc
    assert "beyond its containment (which the Incident Response service covers)" in soc
    assert (
        "Security Events are triaged, notified and contained within the times set out in paragraph 3 of Schedule 2"
        in soc
    )
    assert "Response and resolution times for Incidents affecting this service" not in soc


def test_an_incident_response_service_says_whether_recovery_is_included():
    ir = services_schedule(sample("nl-fintech-uk-soc")).split("Incident Response (IR)")[1]
    assert "collection and preservation of logs, disk and memory images and other evidence" in ir
    assert "recovery support: advising Grachtpay on restoring the affected systems and data from clean sources" in ir
    assert "restoring or rebuilding Grachtpay's systems and data itself, beyond the recovery support" in ir
    assert "the monitoring and triage that the Security Monitoring service covers" in ir


@pytest.mark.parametrize("name", ["nl-fintech-uk-soc", "ch-bank-portugal", "uk-charity-minimal"])
def test_no_service_is_left_with_an_empty_scope(name):
    schedule = services_schedule(sample(name))
    assert "The service includes the activities described above" not in schedule
    assert "No activities are specifically excluded" not in schedule
    assert schedule.count("In scope. The service includes the following activities") == schedule.count("Description.")


def test_development_and_third_line_support_get_their_usual_scope():
    schedule = services_schedule(sample("ch-bank-portugal"))
    dev, ops = schedule.split("Third-Line Support (OPS)")
    assert "refining the items of the backlog that the Bank prioritises" in dev
    assert "operating the applications in production, and first- and second-line support to their users" in dev
    assert "Incidents that the Bank's first- and second-line support pass to Tejo" in ops
    assert "or as part of the Application Development service" in ops


def test_a_helpdesk_without_service_levels_gets_response_and_fix_times():
    schedule = services_schedule(sample("uk-charity-minimal"))
    assert "Urgent a fault that stops several users from working" in schedule
    assert "1 hour 1 Business Day" in schedule and "4 hours 3 Business Days" in schedule
    assert "a material breach for the purposes of clause" in schedule
    assert "Incident" not in schedule  # no incident priorities: the term is not defined in this contract


@pytest.mark.parametrize("name", ["deal-example", "nearshore-eur", "de-manufacturer-poland"])
def test_activities_the_deal_lists_are_kept(name):
    schedule = services_schedule(sample(name))
    assert "as the Parties may refine them in writing" not in schedule


def test_a_draft_service_of_no_known_kind_prints_placeholders_and_a_note(tmp_path):
    path = overlaid(SAMPLES / "uk-charity-minimal.yaml", OVERLAYS / "service-of-no-known-kind-draft.yaml", tmp_path)
    schedule = services_schedule(contract_text(path))
    assert "In scope. The service includes: [●: the activities of the service]." in schedule
    assert "Out of scope. The service does not include: [●:" in schedule
    notes = {note.id: note for note in load_deal(path).notes}
    assert "default-scope:lab" in notes and "[●]" in notes["default-scope:lab"].drafted


def test_a_final_document_warns_of_each_scope_drafted():
    warnings = final_warnings(load_deal(SAMPLES / "nl-fintech-uk-soc.yaml").deal)
    scoped = [w for w in warnings if "the deal lists no activities for" in w]
    assert len(scoped) == 2 and "a service of its kind (incident response)" in scoped[1]


def insolvency(text: str) -> str:
    """The Insolvency clause, from its events to the notice of an Insolvency Event."""
    return text.split("An Insolvency Event occurs in relation to")[1].split(
        "immediately in writing if an Insolvency Event"
    )[0]


def test_an_english_supplier_under_dutch_law_has_the_english_procedures():
    clause = insolvency(sample("nl-fintech-uk-soc"))
    local = clause.split(
        "An Insolvency Event also occurs in relation to Pennine, which is incorporated in England and Wales, if:"
    )[1]
    for procedure in (
        "a moratorium under Part A1 of the Insolvency Act 1986",
        "a company voluntary arrangement under Part 1 of the Insolvency Act 1986",
        "an administrator is appointed over it by the court or out of court (Schedule B1 to the Insolvency Act 1986)",
        "Part 26 (a scheme of arrangement) or Part 26A (a restructuring plan) of the Companies Act 2006",
        "a petition for its winding up under Part 4 of the Insolvency Act 1986",
        "receivership or administrative receivership",
    ):
        assert procedure in local, procedure
    assert "in relation to Grachtpay, which is incorporated" not in clause  # no Dutch procedures recorded yet
    assert not re.search(r"\breceiver\b", clause)  # a word Dutch-law contracts must not use


def test_two_scottish_parties_share_one_list_of_procedures():
    clause = insolvency(sample("uk-charity-minimal"))
    assert clause.count("An Insolvency Event also occurs") == 1
    assert "in relation to a Party, each Party being incorporated in Scotland, if:" in clause
    assert "Part 26A (a restructuring plan) of the Companies Act 2006" in clause


def test_a_party_incorporated_in_england_has_the_procedures_under_english_law_too():
    clause = insolvency(sample("deal-example"))
    assert "in relation to the Client, which is incorporated in England and Wales, if:" in clause
    assert "which is incorporated in India" not in clause


def test_no_english_procedures_for_parties_incorporated_elsewhere():
    assert "Insolvency Act 1986" not in insolvency(sample("de-manufacturer-poland"))


def adequacy_paragraph(text: str) -> str:
    """The international-transfers paragraph on a transfer made on an adequacy decision."""
    return (
        text.split("Where the basis of a transfer is an adequacy decision or regulation")[1]
        .split("{#")[0]
        .split(" will not make any onward transfer")[0]
    )


def test_a_transfer_on_uk_adequacy_continues_on_sccs_agreed_in_advance():
    paragraph = adequacy_paragraph(sample("nl-fintech-uk-soc"))
    assert (
        "the Parties agree now the basis on which transfers to that destination will then continue: the standard "
        "contractual clauses adopted by the European Commission in Implementing Decision (EU) 2021/914, Module 2 "
        "(controller to processor)"
    ) in paragraph
    assert "The Parties enter into those clauses by this Agreement, with effect from the moment" in paragraph
    assert "transfer risk assessment those clauses require" in paragraph
    assert "Only if that basis cannot lawfully be used will no further transfer be made" in paragraph


def test_a_swiss_transfer_on_adequacy_falls_back_on_the_swiss_clauses():
    paragraph = adequacy_paragraph(sample("ch-bank-portugal"))
    assert "the EU standard contractual clauses as adapted for Switzerland under the FADP, Module 2" in paragraph


def test_a_small_contract_without_liability_terms_caps_data_protection_in_proportion():
    text = sample("uk-charity-minimal")
    unlimited = text.split("Nothing in this Agreement limits or excludes either Party's liability for:")[1].split(
        "Subject to"
    )[0]
    assert "(the Data Protection Obligations)" not in unlimited and "a deliberate breach of this Agreement" in unlimited
    assert (
        "(the Data Protection Obligations), for all events in a Contract Year, will not exceed the greater of £198,000.00"
        in text
    )
    assert "professional indemnity (errors and omissions) insurance of at least £19,800 for each claim" in text
    assert (
        "cyber liability insurance covering breaches of the security of data and systems of at least £198,000" in text
    )
    assert any(
        "the deal has no liability section" in w
        for w in final_warnings(load_deal(SAMPLES / "uk-charity-minimal.yaml").deal)
    )


def test_a_deal_that_states_its_liability_keeps_it():
    text = sample("nl-fintech-uk-soc")
    assert "of at least £198,000" not in text and "ten times the Charges" not in text


def test_a_patching_kpi_does_not_relax_the_remediation_periods():
    text = sample("deal-example")
    row = text.split("Patch compliance")[-1][:200]
    assert re.search(r"within 14 days, without prejudice to the remediation periods in clause \d+\.\d+", row)
    assert re.search(r"critical vulnerabilities: 7 days", text)
