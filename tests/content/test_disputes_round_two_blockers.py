"""The round-2 review of the arbitration deals: its two "do not send" findings, held by rendered text.

A Swiss bank's core-banking deal and a German pharmacovigilance deal are final documents that write neither
`regulatory` nor `data_protection`. What their facts bring (a bank in Switzerland: Article 47 of the Banking Act and
FINMA Circular 2018/3; a bank's or a safety database's personal data: the client's privacy law, with transfer terms
where the supplier is abroad) is drafted, and said as build warnings since a final document prints no notes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest

from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, render_deal
from tests.helpers import FIXTURES
from tests.terms import contract_text, overlaid

DISPUTES = FIXTURES / "deals" / "disputes"
OVERLAYS = FIXTURES / "deals" / "overlays"
SWISS = DISPUTES / "ch-swiss-rules.yaml"
GERMAN = DISPUTES / "de-dis-india.yaml"


@lru_cache(maxsize=None)
def text_of(path: Path) -> str:
    """The rendered text of a deal, built once per test run."""
    return contract_text(path)


def test_a_swiss_bank_has_banking_secrecy_finma_and_fadp_processor_terms_without_listing_them():
    text = text_of(SWISS)
    assert "The Bank is bound by banking secrecy under Article 47 of the Banking Act" in text
    assert "only through Swiss administrative or judicial assistance" in text
    assert "requirements for outsourcing contracts in FINMA Circular 2018/3" in text
    assert "the Bank acts as controller and Alpine acts as processor of the Personal Data" in text
    assert "Federal Act on Data Protection of 25 September 2020 (FADP)" in text
    assert "Customers and employees of the Bank." in text


def test_a_german_pharmacovigilance_deal_has_gdpr_processor_health_data_and_scc_terms():
    text = text_of(GERMAN)
    assert "Article 28(3) of the EU GDPR requires a contract with a processor to contain" in text
    assert "Rheinpharm acts as controller and Ganges acts as processor of the Personal Data" in text
    assert "[Health data]. The entry in square brackets is proposed" in text  # the draft assumed its data terms
    assert (
        "India the supplier's premises (the only Delivery Centre) the EU GDPR the standard contractual clauses "
        "adopted by the European Commission in Implementing Decision (EU) 2021/914, Module 2 (controller to processor)"
    ) in text


def test_a_final_document_says_what_it_read_into_the_deal_as_warnings(tmp_path):
    _, warnings = render_deal(SWISS, tmp_path, ("docx",), Workspace())
    assert any(w.startswith("regulatory: ") and "FINMA Circular 2018/3" in w for w in warnings), warnings
    assert any(w.startswith("data_protection: ") and "the client is a bank" in w for w in warnings), warnings
    assert load_deal(SWISS).notes == ()  # a final document prints no notes, and none blocks it


def test_a_draft_says_the_same_as_drafting_notes(tmp_path):
    notes = {n.id for n in load_deal(overlaid(GERMAN, OVERLAYS / "draft.yaml", tmp_path)).notes}
    assert "personal-data-assumed:eu-gdpr" in notes


def test_the_lawyer_can_say_there_is_no_personal_data_or_sector_regulation(tmp_path):
    no_data = contract_text(overlaid(GERMAN, OVERLAYS / "no-personal-data.yaml", tmp_path))
    assert "Article 28(3) of the EU GDPR" not in no_data and "Health data" not in no_data
    unregulated = contract_text(overlaid(SWISS, OVERLAYS / "no-regulation.yaml", tmp_path))
    assert "FINMA Circular 2018/3" not in unregulated
    # banking secrecy is statutory: it binds a bank in Switzerland whatever the deal lists
    assert "bound by banking secrecy under Article 47 of the Banking Act" in unregulated


def test_banking_secrecy_is_for_banks_not_for_a_swiss_insurer_under_finma():
    text = contract_text(FIXTURES / "openworld" / "deals" / "ch-insurer-conflicts.yaml")
    assert "FINMA Circular 2018/3" in text
    assert "Article 47 of the Banking Act" not in text


# The mediation tier names the body the law records give for the institution or the seat (round-2 finding X1)


def mediation_sentence(text: str) -> str:
    """The tiered clause's sentence on how the mediator is chosen, up to the fees sentence."""
    start = text.index("The mediation will be conducted by a single mediator")
    return text[start : text.index("The Parties will share the mediator's fees", start)]


@pytest.mark.parametrize(
    "deal, body",
    [
        ("hk-hkiac-written", "the Hong Kong International Arbitration Centre under the HKIAC Mediation Rules"),
        ("de-dis-india", "the German Arbitration Institute (DIS) under the DIS Mediation Rules"),
        ("ny-icdr", "the International Centre for Dispute Resolution under the ICDR International Mediation Rules"),
        ("ch-swiss-rules", "the Swiss Arbitration Centre under the Swiss Rules of Mediation"),
        ("sg-siac-tiered", "the Singapore International Mediation Centre"),  # as the deal writes it
    ],
)
def test_the_mediator_is_appointed_by_the_body_the_records_name(deal, body):
    sentence = mediation_sentence(text_of(DISPUTES / f"{deal}.yaml"))
    assert f"if they cannot agree within 10 Business Days, appointed by {body}" in sentence
    assert "recognised standing" not in sentence


@pytest.mark.parametrize(
    "deal, nominator",
    [
        ("in-mcia-written", "the Mumbai Centre for International Arbitration"),  # no mediation rules recorded
        ("nz-uncitral", "the President of the Arbitrators' and Mediators' Institute of New Zealand"),  # ad hoc
    ],
)
def test_without_a_recorded_body_the_parties_agree_the_mediator_and_the_mediation_can_end(deal, nominator):
    sentence = mediation_sentence(text_of(DISPUTES / f"{deal}.yaml"))
    assert sentence.startswith("The mediation will be conducted by a single mediator agreed by the Parties. ")
    assert f"either Party may ask {nominator} to nominate a mediator" in sentence
    assert "If no mediator has been appointed within 20 Business Days after the notice proposing mediation" in sentence
    assert "appointed by" not in sentence.split("nominate")[0] and "recognised standing" not in sentence


def test_the_institution_records_carry_their_mediation_service_with_sources():
    from contractgen.law.forums import load_institutions
    from contractgen.law.seats import seats

    institutions = load_institutions()
    assert institutions["hkiac"].mediation == (
        "the Hong Kong International Arbitration Centre",
        "the HKIAC Mediation Rules",
    )
    assert institutions["mcia"].mediation == ("", "")
    assert seats()["singapore"]["mediation_body"] == "the Singapore International Mediation Centre"


def test_institution_facts_are_filled_from_official_texts_or_left_null_with_a_note():
    from contractgen.law.forums import load_institutions
    from contractgen.law.library import active

    institutions = load_institutions()
    cam = institutions["cam-ccbc"]
    assert (cam.emergency_arbitrator, cam.emergency_provision, cam.edition) == (True, "Article 21", "2022")
    assert cam.expedited is True and "46/2021" in cam.expedited_provision
    assert institutions["kcab"].expedited is True and institutions["kcab"].expedited_provision == "Chapter 6"
    records = active().records("forums")
    for key in ("bani", "lca", "canaco", "kcab"):
        rules = records[key].data["rules"]
        unknown = [name for name in ("emergency_arbitrator", "expedited") if rules.get(name) is None]
        assert unknown, key
        assert any(words in rules["note"] for words in ("not confirmed", "unchecked")), key


# Amounts name their currency alone where a party is incorporated where the sign means another currency


def test_a_new_zealand_dollar_deal_with_an_australian_supplier_prints_nz_dollars():
    text = text_of(DISPUTES / "nz-uncitral.yaml")
    assert "NZ$48,000.00 for each month" in text
    assert " $48,000" not in text and " $576,000" not in text


def test_a_us_dollar_deal_with_an_ontario_supplier_prints_us_dollars():
    text = text_of(DISPUTES / "ny-icdr.yaml")
    assert "US$120,000.00" in text and " $120,000" not in text


# An Indian co-operative bank is a co-operative society, not a company (round-2 finding IN 1)


def test_an_indian_cooperative_bank_is_described_as_a_cooperative_society(tmp_path):
    text = text_of(DISPUTES / "in-mcia-written.yaml")
    assert (
        "Konkan Cooperative Bank Limited, a co-operative society registered in India, whose registered office" in text
    )
    assert "Konkan Cooperative Bank Limited, a company" not in text
    _, warnings = render_deal(DISPUTES / "in-mcia-written.yaml", tmp_path, ("docx",), Workspace())
    assert any(w.startswith("parties.client.name: ") and "co-operative society" in w for w in warnings)
    draft = load_deal(overlaid(DISPUTES / "in-mcia-written.yaml", OVERLAYS / "draft.yaml", tmp_path))
    assert "cooperative-from-name:konkan-cooperative-bank-limited" in {n.id for n in draft.notes}


def test_a_cooperative_elsewhere_with_a_company_form_stays_a_company():
    from contractgen.deal.readings.public_bodies import apply_cooperatives

    deal = load_deal(DISPUTES / "en-lcia-venue.yaml").deal
    renamed = deal.parties.model_copy(
        update={"client": deal.parties.client.model_copy(update={"name": "The Co-operative Bank p.l.c."})}
    )
    changed, notes = apply_cooperatives(deal.model_copy(update={"parties": renamed}))
    assert changed.parties.client.kind == "company" and notes == []


# A company with no company number: a draft asks for it (round-2 finding HK 1)


def test_a_draft_prints_a_placeholder_for_a_missing_company_number_and_asks(tmp_path):
    path = overlaid(DISPUTES / "hk-hkiac-written.yaml", OVERLAYS / "draft.yaml", tmp_path)
    text = contract_text(path)
    # China has no company record: the description is neutral, with the placeholder for its registration number
    assert (
        "Pearl Delta Technology Services Limited, a company organised under the laws of the People's Republic of "
        "China with registration number [●]"
    ) in text
    assert "default-company-number:supplier" in {n.id for n in load_deal(path).notes}
    assert "with company number [●]" not in text_of(DISPUTES / "hk-hkiac-written.yaml")  # a final document: as written
