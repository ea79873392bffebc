"""The open-world review of round four, fixed for the class: data held in one country and reached from a Delivery
Centre in another, the purpose of processing naming the Services once, the client's termination for convenience
where a draft is silent, and an amount at risk kept when the deal gives no credit tiers."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

OPENWORLD = FIXTURES / "openworld" / "deals"
OVERLAYS = FIXTURES / "deals" / "overlays"


def test_data_stored_in_one_country_may_be_reached_from_the_delivery_centre_abroad():
    text = contract_text(OPENWORLD / "mx-remote-access-us.yaml")
    assert "may be stored and accessed only in these countries" not in text
    assert (
        "United States. Personal Information may be stored only in that country. It may also be accessed, but not "
        "stored or copied, from the Delivery Center in Mexico listed in clause" in text
    )
    assert "by the secure remote access that the Company provides or approves; from nowhere else" in text


def test_data_kept_where_every_centre_is_stays_stored_and_accessed_only_there():
    text = contract_text(SAMPLES / "nearshore-eur.yaml")  # its centres are all inside its data residency
    assert "may be stored and accessed only in these countries" in text
    assert "may also be accessed, but not stored or copied" not in text


def test_phi_held_in_the_us_may_be_reached_from_a_centre_abroad(tmp_path):
    text = contract_text(overlaid(SAMPLES / "onshore-us-hipaa.yaml", OVERLAYS / "hipaa-centre-abroad.yaml", tmp_path))
    assert "Protected Health Information may be stored only there. It may also be accessed, but not stored or " in text
    assert "from the Delivery Center in Mexico listed in clause" in text
    assert "No Protected Health Information may be stored or accessed in any other country" not in text


def test_the_purpose_of_processing_names_the_services_once():
    text = contract_text(OPENWORLD / "ch-insurer-conflicts.yaml")
    assert "Services services" not in text
    assert "Providing the Services (Workplace Services), including" in text


def _convenience(text: str) -> str:
    """Return the Termination for Convenience clause of the body (its heading's last occurrence, after the contents)."""
    return text.rsplit("Termination for Convenience", 1)[1][:600] if "Termination for Convenience" in text else ""


@pytest.mark.parametrize(
    ("deal", "client", "notice"),
    [
        ("nz-council.yaml", "the Council", "3 months"),  # a public body
        ("se-municipality.yaml", "the Municipality", "3 months"),
        ("ie-telecoms.yaml", "the Operator", "6 months"),
        ("mx-remote-access-us.yaml", "the Company", "6 months"),
    ],
)
def test_a_silent_draft_gives_the_client_termination_for_convenience_with_a_note(deal, client, notice):
    source = load_deal(OPENWORLD / deal)
    assert str(source.deal.term.termination_for_convenience.notice) == notice
    note = next(n for n in source.notes if n.id == "default-termination-for-convenience:termination-for-convenience")
    assert f"at least {notice}" in note.drafted and "termination_for_convenience: null" in note.check
    text = _convenience(contract_text(OPENWORLD / deal))
    assert (
        f"{client[4:]} may terminate this Agreement, in whole or in respect of one or more Services, at any time"
        in text
    )
    assert f"given at least {notice} before the date" in text


@pytest.mark.parametrize("deal", ["ch-insurer-conflicts.yaml", "nl-insurer-uavg.yaml", "it-public-hospital.yaml"])
def test_no_default_where_the_law_already_lets_the_client_end_the_contract(deal):
    """Art. 404 CO, Art. 7:408 BW, and an Italian public body's statutory withdrawal (art. 123)."""
    source = load_deal(OPENWORLD / deal)
    assert source.deal.term.termination_for_convenience is None
    assert not [n for n in source.notes if "termination-for-convenience" in n.id]


def test_termination_for_convenience_null_says_none(tmp_path):
    source = load_deal(overlaid(OPENWORLD / "ie-telecoms.yaml", OVERLAYS / "convenience-null.yaml", tmp_path))
    assert source.deal.term.termination_for_convenience is None
    assert not [n for n in source.notes if "termination-for-convenience" in n.id]


def test_a_final_deal_silent_on_it_gets_none():
    source = load_deal(SAMPLES / "uk-charity-minimal.yaml")  # final, no termination_for_convenience
    assert source.deal.term.termination_for_convenience is None


def test_an_amount_at_risk_without_tiers_is_shared_among_the_service_levels():
    source = load_deal(OPENWORLD / "nz-council.yaml")  # at_risk: 5, tiers: [], two incident priorities
    assert source.deal.service_levels.service_credits.at_risk == 5
    note = next(n for n in source.notes if n.id == "no-service-credits:tiers")
    assert "shares the amount at risk (5% of the monthly Charges) equally" in note.drafted
    text = contract_text(OPENWORLD / "nz-council.yaml")
    assert "The At-Risk Amount is shared equally among those Service Levels." in text
    assert (
        "Response and resolution times for P1 Incidents 2.5% Response and resolution times for P2 Incidents 2.5%"
        in text
    )
    assert "The At-Risk Amount is 5% of the Charges payable" in text


def test_a_swedish_public_body_binds_the_supplier_to_osl_secrecy_and_archives_under_the_archives_act():
    text = contract_text(OPENWORLD / "se-municipality.yaml")
    assert "records relating to the Services that the Archives Act (1990:782) requires the Municipality to keep" in text
    assert (
        "that the Public Access to Information and Secrecy Act (2009:400) requires the Municipality to keep" not in text
    )
    secrecy = text.split("Secrecy. Information that the Municipality holds", 1)[1][:1500]
    assert "may be covered by secrecy under the Public Access to Information and Secrecy Act (2009:400)" in secrecy
    assert "the Act (2020:914) on a duty of confidentiality in outsourced technical processing" in secrecy
    assert "undertake in writing to keep it secret" in secrecy
    assert "for as long as the information is covered by that secrecy, without the time limit in clause" in secrecy


def test_a_new_zealand_council_keeps_records_under_the_public_records_act():
    text = contract_text(OPENWORLD / "nz-council.yaml")
    assert "records relating to the Services that the Public Records Act 2005 requires the Council to keep" in text
    assert (
        "that the Local Government Official Information and Meetings Act 1987 requires the Council to keep" not in text
    )


def test_an_information_law_with_no_records_law_asks_only_for_the_records_requests_need():
    text = contract_text(OPENWORLD / "uk-central-government.yaml")
    assert "records relating to the Services that the Authority needs to answer requests under the Freedom of" in text
    assert "Secrecy. Information that" not in text


@pytest.mark.parametrize(
    ("deal", "subject"),
    [("se-municipality.yaml", "social-services-clients"), ("mx-remote-access-us.yaml", "customers-patients")],
)
def test_social_services_clients_and_patients_bring_health_information_with_a_note(deal, subject):
    source = load_deal(OPENWORLD / deal)
    assert source.deal.data_protection.special_categories == ["health information"]
    assert f"special-data-from-subjects:{subject}" in {n.id for n in source.notes}


def test_an_electronic_communications_provider_gets_the_supplier_notice_well_inside_its_24_hours():
    deal = OPENWORLD / "ie-telecoms.yaml"  # lists the ePrivacy Regulations among its privacy laws
    source = load_deal(deal)
    assert "ePrivacy Directive" in [str(r) for r in source.deal.regulatory]
    assert "moved-to-regulatory:eprivacy-regulations-2011-s-i-no-336-of-2011" in {n.id for n in source.notes}
    text = contract_text(deal)
    assert "as supplemented by the Irish Data Protection Act 2018 and ePrivacy" not in text
    assert (
        "and in any event within 6 hours, after the Supplier or any Sub-processor becomes aware of a Personal" in text
    )
    assert "report personal data breaches to the Data Protection Commission under Article 2 of Commission" in text
    assert "Where the Services involve traffic data or location data of the Operator's subscribers or users" in text
    assert "under regulations 6 and 9 of S.I. No. 336 of 2011" in text


def _eu() -> list[str]:
    from contractgen.law.sector import load_sector_regimes

    return list(load_sector_regimes()["ePrivacy Directive"].places)


@pytest.mark.parametrize("country", _eu())
def test_the_eprivacy_clock_applies_to_a_provider_in_every_member_state(country):
    from contractgen.law.sector import load_sector_regimes

    regime = load_sector_regimes()["ePrivacy Directive"].in_country(country)
    assert str(regime.report_within) == "24 hours" and str(regime.supplier_notice) == "6 hours"
    assert "electronic communications provider" in regime.sectors
    assert (regime.national_law.get("traffic_data") or regime.traffic_data).startswith(
        ("Articles 6 and 9", "regulations")
    )


def test_a_texas_deal_names_the_texas_breach_statute_and_asks_about_the_ccpa():
    deal = OPENWORLD / "mx-remote-access-us.yaml"
    text = contract_text(deal)
    assert (
        "The Vendor will in any case notify the Company immediately after discovering a breach of system security, "
        "as section 521.053 of the Texas Business and Commerce Code requires" in text
    )
    assert "the Texas Attorney General, not later than 30 days after the breach is determined" in text
    note = next(n for n in load_deal(deal).notes if n.id == "ccpa-outside-california:ccpa")
    assert "outside California (the State of Texas)" in note.unrecognised


def test_a_law_without_a_breach_statute_record_adds_no_sentence():
    assert "will in any case notify" not in contract_text(SAMPLES / "us-saas-mexico.yaml")  # California
