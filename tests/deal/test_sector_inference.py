"""Sector regulation from what the client is and where (law/sector/*.yaml applies_to): inferred where the deal
is silent, asked about in drafting notes, DORA before NIS2, the incident clocks of DORA Art. 19 and OSFI."""

from __future__ import annotations

import pytest

from contractgen.deal import load_deal
from contractgen.deal.readings.sector import guessed_sector, inferred_regimes
from tests.helpers import FIXTURES, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAYS = FIXTURES / "deals" / "overlays"
OPENWORLD = FIXTURES / "openworld" / "deals"
BANK = FIXTURES / "deals" / "good" / "bank-without-regulatory.yaml"


@pytest.mark.parametrize(
    ("sector", "country", "expected"),
    [
        ("bank", "GB", {"PRA SS2/21", "FCA SYSC 8"}),
        ("insurer", "FR", {"DORA", "Solvency II Art. 274"}),
        ("payment institution", "NL", {"DORA", "EBA Outsourcing Guidelines"}),
        ("e-money institution", "IE", {"DORA", "EBA Outsourcing Guidelines"}),
        ("investment firm", "DE", {"DORA", "EBA Outsourcing Guidelines"}),
        ("bank", "CH", {"FINMA Circular 2018/3"}),
        ("insurer", "CA", {"OSFI B-10", "OSFI B-13"}),
        ("bank", "US", set()),
        ("other", "GB", set()),
    ],
)
def test_regimes_follow_the_clients_sector_and_place(sector, country, expected):
    assert {str(r) for r in inferred_regimes(sector, country)} == expected


def test_a_name_suggests_a_sector_only_as_a_guess():
    assert guessed_sector("Northwind Bank plc") == "bank"
    assert guessed_sector("Liffey Mutual Insurance DAC") == "insurer"
    assert guessed_sector("Odra Maschinenbau GmbH") is None


def test_the_briefs_bank_deal_gets_the_pra_and_fca_terms_and_notes_asking():
    source = load_deal(BANK)
    assert [str(r) for r in source.deal.regulatory] == ["FCA SYSC 8", "PRA SS2/21"]
    assert source.deal.critical_or_important is True
    # and the note asking for an agent in England for its Indian supplier
    assert {n.id for n in source.notes} == {
        "sector-from-name:bank-gb",
        "critical-or-important:pra-ss2-21",
        "process-agent:supplier-in-gb",
        "top-priority-target:p1",  # and that its P1 is measured on every Incident
    }
    text = contract_text(BANK)
    assert "SS2/21" in text and "SYSC 8" in text


def test_a_draft_adds_the_regime_its_clients_sector_brings_beside_those_listed(tmp_path):
    path = overlaid(SAMPLES / "nl-fintech-uk-soc.yaml", OVERLAYS / "payment-institution-draft.yaml", tmp_path)
    source = load_deal(path)
    note = next(n for n in source.notes if n.id == "regulatory-missing:eba-outsourcing-guidelines")
    assert "the draft adds EBA Outsourcing Guidelines to the regimes listed" in note.drafted
    assert "critical-or-important:dora" in {n.id for n in source.notes}
    assert [str(r) for r in source.deal.regulatory] == ["DORA", "EBA Outsourcing Guidelines"]


def test_an_eu_insurer_listing_only_pci_dss_gets_dora_and_solvency_ii_with_their_terms():
    """A regime the deal lists (PCI DSS, moved from the privacy laws) does not stop the sector's own regimes."""
    deal = OPENWORLD / "nl-insurer-uavg.yaml"
    source = load_deal(deal)
    assert {"PCI DSS", "DORA", "Solvency II Art. 274"} <= {str(r) for r in source.deal.regulatory}
    note = next(n for n in source.notes if n.id.startswith("regulatory-missing:"))
    assert "the client's name suggests an insurer" in note.unrecognised and "DORA" in note.drafted
    text = contract_text(deal)
    assert "Termination (point (h))" in text and "a competent authority can no longer effectively supervise" in text
    assert "unrestricted rights of access to, and of inspection and audit of" in text
    assert "The notice and frequency limits in clause" in text
    assert "Article 274 of Commission Delegated Regulation (EU) 2015/35" in text


def test_dora_displaces_nis2_and_brings_its_own_incident_clock(tmp_path):
    path = overlaid(SAMPLES / "nearshore-eur.yaml", OVERLAYS / "dora-and-nis2-draft.yaml", tmp_path)
    source = load_deal(path)
    # NIS2 is displaced; Solvency II comes with DORA for this insurer (its outsourcing rules stand beside DORA)
    assert [str(r) for r in source.deal.regulatory] == ["DORA", "Solvency II Art. 274"]
    assert "lex-specialis:dora-nis2" in {n.id for n in source.notes}
    text = contract_text(path)
    assert "Article 21(2)(d) of Directive (EU) 2022/2555" not in text
    assert (
        "major ICT-related incidents to the Central Bank of Ireland under Article 19 of DORA" in text  # an Irish client
    )
    assert "in any event within 4 hours after discovering it" in text


def test_a_final_document_gets_no_notes_but_the_fuller_terms_where_criticality_is_open():
    source = load_deal(SAMPLES / "ca-insurer-us-cloud.yaml")  # final, no critical_or_important stated
    assert not [n for n in source.notes if n.id.startswith(("critical-or-important", "regulatory", "sector"))]
    # no regime inferred; B-13 comes with the listed B-10 for a federal insurer (companion_regimes.yaml)
    assert [str(r) for r in source.deal.regulatory] == ["OSFI B-10", "OSFI B-13"]
    assert source.deal.critical_or_important is True  # OSFI B-10 asks; the deal is silent: the fuller terms


def test_the_osfi_supplier_notice_is_derived_like_10_nycrr():
    text = contract_text(SAMPLES / "ca-insurer-us-cloud.yaml")
    assert "Technology and Cyber Security Incident Reporting Advisory, within 24 hours" in text
    assert "in any event within 8 hours after discovering it" in text


@pytest.mark.parametrize(
    ("sector", "country", "jurisdiction", "expected"),
    [
        ("bank", "ZA", "SOUTH-AFRICA", {"PA Guidance Note G5/2014"}),
        ("bank", "NG", "NIGERIA", {"CBN outsourcing requirements", "CBN Risk-Based Cybersecurity Framework"}),
        ("bank", "NL", "NETHERLANDS", {"DORA", "EBA Outsourcing Guidelines", "Wft 3:18"}),
        ("insurer", "NL", "NETHERLANDS", {"DORA", "Solvency II Art. 274", "Wft 3:18"}),
        ("bank", "AE", "ADGM", {"FSRA GEN outsourcing rules"}),
        ("investment firm", "AE", "DIFC", {"DFSA GEN outsourcing rules"}),
        ("bank", "AE", "UAE", {"CBUAE Outsourcing Regulation for Banks"}),  # onshore: the CBUAE's, not the FSRA's
        ("insurer", "ZA", "SOUTH-AFRICA", set()),  # the Guidance Note is addressed to banks
    ],
)
def test_regulators_of_more_markets_follow_the_clients_sector_and_place(sector, country, jurisdiction, expected):
    assert {str(r) for r in inferred_regimes(sector, country, jurisdiction)} == expected


@pytest.mark.parametrize(
    ("overlay", "key", "authority"),
    [
        ("za-bank-inferred.yaml", "PA Guidance Note G5/2014", "the Prudential Authority"),
        ("ng-bank-inferred.yaml", "CBN outsourcing requirements", "the Central Bank of Nigeria"),
        ("nl-bank-inferred.yaml", "Wft 3:18", "De Nederlandsche Bank"),
        ("adgm-bank-inferred.yaml", "FSRA GEN outsourcing rules", "the Financial Services Regulatory Authority"),
    ],
)
def test_a_bank_there_gets_its_regulators_outsourcing_terms_in_the_contract(overlay, key, authority, tmp_path):
    """A draft for a bank of that market that lists no regulation follows its regulator's rule, said in a note."""
    from contractgen.law.sector import load_sector_regimes

    path = overlaid(FIXTURES / "world" / "base-deal.yaml", OVERLAYS / overlay, tmp_path)
    source = load_deal(path)
    assert key in [str(r) for r in source.deal.regulatory]
    note = next(n for n in source.notes if n.id.startswith("regulatory-inferred:"))
    assert ("bank in ADGM" in note.drafted) == (overlay == "adgm-bank-inferred.yaml")  # the free zone, not AE
    text = contract_text(path)
    title = load_sector_regimes()[key].title
    assert f"{title[0].upper()}{title[1:]}." in text
    assert f"co-operate fully with any inspection or request of {authority}" in text


def _eu_places() -> list[str]:
    from contractgen.law.sector import load_sector_regimes

    return list(load_sector_regimes()["DORA"].places)


@pytest.mark.parametrize("country", _eu_places())
def test_an_insurer_in_every_dora_country_listing_other_regimes_gets_dora_and_solvency_ii(country, tmp_path):
    """Generated from the DORA record's places: the client's country, not the library's jurisdictions, decides."""
    import yaml
    from babel import Locale

    data = yaml.safe_load((OPENWORLD / "nl-insurer-uavg.yaml").read_text("utf-8"))
    data["parties"]["client"]["incorporated_in"] = Locale("en").territories[country]
    path = tmp_path / "insurer.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    source = load_deal(path)
    regimes = [str(r) for r in source.deal.regulatory]
    assert regimes[0] == "PCI DSS" and {"DORA", "Solvency II Art. 274"} <= set(regimes)
    assert any(n.id.startswith("regulatory-missing:") for n in source.notes)


@pytest.mark.parametrize(
    "name, sector",
    [
        ("Aseguradora Castellana de Riesgos, S.A.", "insurer"),
        ("Seguradora Líder S.A.", "insurer"),
        ("Allianz Versicherungs-AG", "insurer"),
        ("Länsförsäkringar Sak Försäkringsaktiebolag", "insurer"),
        ("Powszechny Zakład Ubezpieczeń SA", "insurer"),
        ("Türkiye Sigorta A.Ş.", "insurer"),
        ("PT Asuransi Jiwa Nusantara", "insurer"),
        ("Tryg Forsikring A/S", "insurer"),
        ("Sparbanken Syd Sparbank", "bank"),
        ("Nube Ibérica Servicios Gestionados, S.L.", None),
    ],
)
def test_an_insurer_or_a_bank_is_recognised_by_its_name_in_its_own_language(name, sector):
    assert guessed_sector(name) == sector
