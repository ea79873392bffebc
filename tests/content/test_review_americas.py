"""Findings of the independent review of the Americas and Asia-Pacific samples, each held by a sample's text."""

from __future__ import annotations

from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAYS = FIXTURES / "deals" / "overlays"


def test_hipaa_termination_arises_on_violation_of_a_material_term():
    text = contract_text(SAMPLES / "onshore-us-hipaa.yaml")
    termination = text.split("Termination. If")[1].split("The Parties will interpret")[0]
    assert "has violated a material term of the Business Associate Agreement" in termination
    assert "may terminate this Agreement, or the affected Services" in termination


def test_overlap_seasons_follow_the_clients_hemisphere():
    from contractgen.deal.derived import southern_hemisphere

    assert southern_hemisphere("Australia/Sydney") and southern_hemisphere("Australia/NSW")
    assert not southern_hemisphere("Asia/Manila") and not southern_hemisphere("America/New_York")
    text = contract_text(SAMPLES / "au-retailer-philippines.yaml")
    # Manila (UTC+8) against Sydney: 10 hours in the Sydney winter (AEST), 9 in the Sydney summer (AEDT).
    assert "Overlap in winter Overlap in summer Makati (Philippines) 10 hours 9 hours" in text


def test_overlap_seasons_in_the_north_are_unchanged():
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")
    table = text.split("Overlap in winter Overlap in summer")[1][:80]
    assert "8 hours 9 hours" in table


def test_per_unit_volumes_point_to_the_counting_rule_that_exists():
    for sample, supplier, client in (
        ("onshore-us-hipaa", "The Provider", "the Health System"),
        ("ca-insurer-us-cloud", "The Provider", "the Insurer"),
        ("au-retailer-philippines", "MBCS", "the Retailer"),
    ):
        text = contract_text(SAMPLES / f"{sample}.yaml")
        assert "tools and methods described in" not in text, sample
        assert (
            f"{supplier} will count the volumes from records that {client} can verify, "
            "as paragraph 1 of Schedule 3 provides"
        ) in text, sample
        assert f"will count the units for each month from the system in which {client} records them" in text, sample


def test_osfi_24_hour_reporting_comes_from_the_incident_reporting_advisory():
    text = contract_text(SAMPLES / "ca-insurer-us-cloud.yaml")
    report = text.split("Incident Reporting to Regulators")[-1].split("will therefore notify")[0]
    assert (
        "under the Office of the Superintendent of Financial Institutions' Technology and "
        "Cyber Security Incident Reporting Advisory, within 24 hours"
    ) in report
    assert "Guideline B-10" not in report


def test_personnel_security_row_is_a_sentence_without_background_checks():
    text = contract_text(SAMPLES / "ca-insurer-us-cloud.yaml")
    assert "Personnel security Screening of all personnel before they have access" in text
    assert "repeated when their role changes; security awareness training on joining" in text
    assert "Personnel security security awareness" not in text
    text = contract_text(SAMPLES / "onshore-us-hipaa.yaml")
    assert "to the extent the law allows; security awareness training on joining" in text


def test_judicial_reference_deal_is_heard_only_in_the_california_superior_court():
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")
    courts = text.split("Governing Law and Jurisdiction")[-1].split("Judicial Reference")[0]
    assert "the Superior Court of California, County of San Francisco has exclusive jurisdiction" in courts
    assert "waives any right to bring a proceeding in, or to remove a proceeding to, a federal court" in courts
    assert "state and federal courts" not in courts
    assert "including Mexico" in courts


def _referral(text: str) -> str:
    """The forum the dispute clause sends an unresolved Dispute to, up to the end of its sentence."""
    for lead in ("either Party may refer the Dispute to ", "either Party may refer it to "):
        if lead in text:
            return text.split(lead)[1].split(". ")[0]
    raise AssertionError("no referral to a final forum")


def test_california_disputes_go_only_to_the_superior_court_the_governing_law_clause_names():
    text = contract_text(SAMPLES / "us-saas-mexico.yaml")
    assert "the Dispute to the Superior Court of California, County of San Francisco under clause" in text
    assert "state and federal courts" not in text
    assert "has exclusive jurisdiction" in text


def test_california_tiered_disputes_go_only_to_the_superior_court(tmp_path):
    text = contract_text(overlaid(SAMPLES / "us-saas-mexico.yaml", OVERLAYS / "expert-determination.yaml", tmp_path))
    assert "acts as an expert and not as an arbitrator" in text
    assert "the Superior Court of California, County of San Francisco under clause" in _referral(text)
    assert "state and federal courts" not in text


def test_disputes_outside_california_still_go_to_the_deals_courts():
    text = contract_text(SAMPLES / "onshore-us-hipaa.yaml")
    assert "Superior Court of California" not in text
    assert "courts" in _referral(text)


def test_data_protection_caps_grow_with_the_charges():
    for sample, fixed, multiple in (
        ("onshore-us-hipaa", "US$8,670,000.00", "two and a half times"),
        ("ca-insurer-us-cloud", "CA$5,608,800.00", "three times"),
    ):
        text = contract_text(SAMPLES / f"{sample}.yaml")
        assert (
            f"will not exceed the greater of {fixed} and {multiple} the Charges paid and payable for that "
            "Contract Year, counted as in clause"
        ) in text, sample
        assert "the amount of the limit in clause" not in text, sample


def test_osfi_subcontracting_is_three_sentences_with_a_defined_material_part():
    text = contract_text(SAMPLES / "ca-insurer-us-cloud.yaml")
    para = text.split("Subcontracting. The Provider will not subcontract")[1].split("Security and location of data.")[0]
    assert para.startswith(" a material part of the Services without the Insurer's prior written approval. ")
    assert "A material part of the Services is any part that involves hosting" in para
    assert "is a request for approval, and silence is not approval. The Provider will ensure that each" in para
    assert "silence is not approval, and will ensure" not in text


def test_an_offshore_supplier_is_the_overseas_recipient_under_app_8():
    text = contract_text(SAMPLES / "au-retailer-philippines.yaml")
    para = text.split("Privacy Act 1988 (Cth). ")[1].split("MBCS will appoint a named person")[0]
    assert para.startswith(
        "The Retailer's disclosure of Personal Information to MBCS for the Services delivered from outside "
        "Australia is a disclosure to an overseas recipient under APP 8 and section 16C"
    )
    assert "MBCS will not disclose Personal Information to a recipient in any country other than Australia" in para
    assert "MBCS will indemnify the Retailer against any Losses, including any civil penalty" in para
    assert "privacy policy under APP 1 and in its collection notices under APP 5" in para
    assert "will take the steps the Retailer reasonably requires so that no such recipient" not in para


def test_an_onshore_supplier_keeps_the_overseas_disclosure_limit(tmp_path):
    text = contract_text(overlaid(SAMPLES / "au-retailer-philippines.yaml", OVERLAYS / "onshore-sydney.yaml", tmp_path))
    assert "MBCS will not disclose Personal Information to a recipient outside Australia" in text
    assert "is a disclosure to an overseas recipient under APP 8" not in text


def test_anti_corruption_laws_are_the_federal_and_commonwealth_statutes():
    ontario = contract_text(SAMPLES / "ca-insurer-us-cloud.yaml")
    assert (
        "“Anti-Corruption Laws” means the Criminal Code (R.S.C. 1985, c. C-46) and the Corruption of Foreign "
        "Public Officials Act (S.C. 1998, c. 34)"
    ) in ontario
    nsw = contract_text(SAMPLES / "au-retailer-philippines.yaml")
    assert "“Anti-Corruption Laws” means the Criminal Code Act 1995 (Cth), including Division 70" in nsw
    for text in (ontario, nsw):
        assert "the laws on bribery and corruption of" not in text


def test_hipaa_relocation_points_to_the_location_rules():
    text = contract_text(SAMPLES / "onshore-us-hipaa.yaml")
    assert (
        "without the Health System's prior written consent and compliance with clause 12 and the permitted "
        "locations in Schedule 5."
    ) in text
    assert "Schedule 5 — Business Associate Details" in text
    assert "prior written consent and compliance with clause 29" not in text


def test_ontario_insolvency_events_use_the_canadian_proceedings():
    text = contract_text(SAMPLES / "ca-insurer-us-cloud.yaml")
    events = text.split("An Insolvency Event occurs in relation to")[1].split("anything equivalent")[0]
    assert "an order is made for its bankruptcy, receivership, winding-up or dissolution" in events
    assert (
        "it becomes subject to a proceeding under the Bankruptcy and Insolvency Act, the Companies' Creditors "
        "Arrangement Act or the Winding-up and Restructuring Act"
    ) in events
    assert "a trustee in bankruptcy, receiver, interim receiver, monitor or liquidator is appointed" in events
    assert "administration" not in events and "administrator" not in events


def test_insolvency_events_without_a_record_keep_the_general_words():
    text = contract_text(SAMPLES / "au-retailer-philippines.yaml")
    events = text.split("An Insolvency Event occurs in relation to")[1].split("anything equivalent")[0]
    assert "for its winding up, administration or dissolution" in events


def test_us_additional_insureds_only_on_policies_the_supplier_has():
    text = contract_text(SAMPLES / "onshore-us-hipaa.yaml")
    assert (
        "as additional insureds on its commercial general liability policy and on any umbrella or excess "
        "liability policy it maintains"
    ) in text
    assert "general liability and umbrella policies" not in text
