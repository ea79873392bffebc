"""Sector terms, stated per sample as a lawyer would check them: the DORA
Art. 30 terms in a DORA deal, PRA/FCA terms in the UK bank deal, books and records and prompt
incident co-operation for the New York hospital."""

from __future__ import annotations

import pytest

from tests.helpers import FIXTURES, REFERENCE, SAMPLES
from tests.terms import contract_text, coverage_status, overlaid

DORA_2 = [f"dora-30-2-{p}" for p in "abcdefghi"]
DORA_3 = [f"dora-30-3-{p}" for p in "abcdef"]
PRA_FCA = [
    "pra-access-audit",
    "pra-sub-outsourcing",
    "pra-continuity-testing",
    "pra-termination-direction",
    "pra-data-location",
    "pra-resolution",
    "fca-cooperation",
    "fca-material-developments",
]


def build(path):
    return {"text": contract_text(path), "coverage": coverage_status(path)}


@pytest.fixture(scope="module")
def uk_bank():
    return build(REFERENCE)


@pytest.fixture(scope="module")
def irish_insurer():
    return build(SAMPLES / "nearshore-eur.yaml")


@pytest.fixture(scope="module")
def ny_hospital():
    return build(SAMPLES / "onshore-us-hipaa.yaml")


@pytest.fixture(scope="module")
def dora_nis2_pci(tmp_path_factory):
    overlay = FIXTURES / "deals" / "overlays" / "dora-critical.yaml"
    return build(overlaid(SAMPLES / "nearshore-eur.yaml", overlay, tmp_path_factory.mktemp("dora")))


def test_uk_bank_has_the_pra_and_fca_outsourcing_terms(uk_bank):
    for item in PRA_FCA:
        assert uk_bank["coverage"][item] == "covered", item
    text = uk_bank["text"]
    assert "the Bank of England in its capacity as resolution authority" in text
    assert "only because the Client or a member of its group enters resolution" in text
    assert "if a Regulator directs or requests it" in text
    assert "DORA" not in text


def test_irish_insurer_has_every_dora_article_30_term(irish_insurer):
    for item in DORA_2 + DORA_3:
        assert irish_insurer["coverage"][item] == "covered", item
    text = irish_insurer["text"]
    assert "Services and subcontracting (point (a))" in text
    assert "Awareness and training (point (i))" in text
    assert "threat-led penetration testing under Articles 26 and 27 of DORA" in text
    assert "for a transition period of up to 3 months" in text
    assert "Prudential Regulation Authority" not in text


def test_dora_without_a_critical_function_needs_only_article_30_2(tmp_path):
    overlay = tmp_path / "dora-only.yaml"
    overlay.write_text("regulatory: [Regulation (EU) 2022/2554]\ncritical_or_important: false\n", encoding="utf-8")
    status = coverage_status(overlaid(SAMPLES / "nearshore-eur.yaml", overlay, tmp_path))
    assert all(status[item] == "covered" for item in DORA_2)
    assert all(status[item] == "not needed" for item in DORA_3)


def test_nis2_and_pci_dss_terms_with_their_articles(dora_nis2_pci):
    for item in ("nis2-21-2-d", "nis2-incident-cooperation", "pci-12-8-2", "pci-12-8-4", "pci-12-8-5"):
        assert dora_nis2_pci["coverage"][item] == "covered", item
    text = dora_nis2_pci["text"]
    assert "Security of the supply chain (Article 21(2)(d))" in text
    assert "Responsibility for Account Data (Requirements 12.8.2 and 12.9.1)" in text
    assert "At least once every 12 months" in text


def test_ny_hospital_has_books_and_records_and_prompt_incident_notice(ny_hospital):
    assert ny_hospital["coverage"]["us-books-records"] == "covered"
    assert ny_hospital["coverage"]["incident-reporting-cooperation"] == "covered"
    text = ny_hospital["text"]
    assert "42 U.S.C. § 1395x(v)(1)(I)" in text
    assert "to the New York State Department of Health within 72 hours" in text
    assert "in any event within 24 hours after discovering it" in text
    for item in DORA_2 + PRA_FCA:
        assert ny_hospital["coverage"][item] == "not needed"


def test_eba_and_osfi_terms_are_covered(tmp_path):
    path = overlaid(SAMPLES / "nearshore-eur.yaml", FIXTURES / "deals" / "overlays" / "eba-osfi.yaml", tmp_path)
    status = coverage_status(path)
    for item in (
        "eba-sub-outsourcing",
        "eba-data-security",
        "eba-access-audit",
        "eba-termination",
        "eba-continuity",
        "osfi-access-audit",
        "osfi-subcontracting",
        "osfi-security-location",
        "osfi-continuity",
        "osfi-termination",
    ):
        assert status[item] == "covered", item
    text = contract_text(path)
    assert (
        "section 13 of the European Banking Authority's Guidelines on outsourcing arrangements (EBA/GL/2019/02)" in text
    )
    assert "the Office of the Superintendent of Financial Institutions access to the records" in text
