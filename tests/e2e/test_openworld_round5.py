"""The round-5 review of six open-world deals (docs/reviews, ow3: China, Indonesia, Israel, Nigeria, Poland, Türkiye):
each finding fixed for its class is checked on the deal's rendered text. The deals are the reviewers' files,
unedited (tests/fixtures/openworld/deals)."""

from __future__ import annotations

from functools import cache

import pytest

from contractgen import writers
from contractgen.deal import load_deal
from contractgen.pipeline import Workspace, build_document
from tests.e2e.test_world_families import _docx_text
from tests.helpers import FIXTURES

DEALS = FIXTURES / "openworld" / "deals"


@cache
def _text(name: str) -> str:
    workspace = Workspace()
    result = build_document(load_deal(DEALS / f"{name}.yaml"), workspace)
    template = workspace.template_dir(result.source.deal.template)
    return " ".join(_docx_text(writers.render(result.document, template, "docx")).split())


@cache
def _notes(name: str) -> set[str]:
    return {note.id for note in load_deal(DEALS / f"{name}.yaml").notes}


def test_indonesian_parties_contract_in_indonesian_and_english():
    text = _text("id-bank-pdp")
    assert "This Agreement is made in Indonesian and English, and each text is an original." in text
    assert "Article 31 of Law No. 24 of 2009" in text and "Presidential Regulation No. 63 of 2019" in text
    assert "the Indonesian text prevails" in text
    assert "the English text prevails" not in text


def test_indonesian_termination_waives_the_court():
    text = _text("id-bank-pdp")
    assert "without a court's decision. To that extent the Parties waive Articles 1266 and 1267" in text


def test_indonesian_account_data_is_specific_personal_data():
    assert "special-data-from-categories:account-data" in _notes("id-bank-pdp")
    assert "Where specific personal data is processed" in _text("id-bank-pdp")


def test_the_ojk_regulation_named_with_a_description_is_the_record():
    text = _text("id-bank-pdp")
    assert "Regulation No. 11/POJK.03/2022 on the Implementation of Information Technology by Commercial Banks" in text
    assert "disaster recovery centres that host them, in Indonesia" in text
    assert not any(n.startswith("sector-regulation:") for n in _notes("id-bank-pdp"))


@pytest.mark.parametrize(
    "name,law", [("id-bank-pdp", "Article 40 of Law No. 7 of 1992"), ("tr-bank-kvkk", "Article 73 of the Banking Law No. 5411"), ("pl-bank-dora", "Article 104 of the Banking Law")]
)  # fmt: skip
def test_a_bank_client_gets_its_countrys_bank_secrecy(name, law):
    assert f"is a bank bound by the statutory bank secrecy of {law}" in _text(name)


def test_turkish_companies_contract_in_turkish():
    text = _text("tr-bank-kvkk")
    assert "This Agreement is made in Turkish and English" in text
    assert "will be in Turkish, to comply with Article 1 of Law No. 805" in text


def test_a_participation_bank_pays_no_interest():
    text = _text("tr-bank-kvkk")
    assert "No interest accrues on any amount payable under this Agreement." in text
    assert "simple interest" not in text
    assert "no-interest:client" in _notes("tr-bank-kvkk")


def test_the_bddk_regulation_as_written_is_the_record():
    text = _text("tr-bank-kvkk")
    assert "Regulation on Banks' Procurement of Support Services (Bankaların Destek Hizmeti" in text
    assert not any(n.startswith("sector-regulation:") for n in _notes("tr-bank-kvkk"))


@pytest.mark.parametrize("name", ["pl-bank-dora", "tr-bank-kvkk"])
def test_copyright_transfer_lists_its_fields_of_exploitation(name):
    text = _text(name)
    assert "in each of the following fields of exploitation, listed under" in text
    assert "whether known or unknown" not in text


def test_polish_statutory_late_payment_interest():
    text = _text("pl-bank-dora")
    assert "until payment at the rate of statutory interest for delay in commercial transactions" in text
    assert "the fixed compensation for the costs of recovery under Article 10" in text
    assert "1% per month" not in text


@pytest.mark.parametrize(
    "name,court", [("cn-manufacturer-pipl", "where Party A is domiciled"), ("pl-bank-dora", "registered office of the Bank")]
)  # fmt: skip
def test_the_forum_wording_uses_the_parties_defined_terms(name, court):
    text = _text(name)
    assert court in text
    assert "the Client" not in text


def test_the_israeli_business_day_counts_sunday():
    assert "“Business Day” means a day other than a Friday, a Saturday or a public holiday" in _text("il-insurer")


def test_card_data_brings_pci_dss_and_the_cbn_framework_is_recorded():
    text = _text("ng-bank-ndpa")
    assert "The Service Provider will comply with PCI DSS in providing the Services." in text
    assert "Risk-Based Cybersecurity Framework and Guidelines for Deposit Money Banks and Payment Service Banks" in text
    notes = _notes("ng-bank-ndpa")
    assert "card-data:pci-dss" in notes
    assert not any(n.startswith("sector-regulation:") for n in notes)


def test_polish_counterparts_are_signed_by_qualified_electronic_signature():
    assert "sign this Agreement by qualified electronic signature, which Article 78¹ of the Polish Civil Code" in _text(
        "pl-bank-dora"
    )


def test_a_forum_of_limited_jurisdiction_is_raised_in_a_note():
    assert "limited-court:federal-high-court" in _notes("ng-bank-ndpa")


@pytest.mark.parametrize("name", ["id-bank-pdp", "tr-bank-kvkk"])
def test_stamp_duty_is_raised_where_the_law_charges_it(name):
    assert any(n.startswith("stamp-duty:") for n in _notes(name))


@pytest.mark.parametrize("name,language", [("id-bank-pdp", "indonesian"), ("tr-bank-kvkk", "turkish")])
def test_a_language_law_is_said_in_a_note(name, language):
    assert f"contract-language:{language}" in _notes(name)


def test_israeli_insolvency_names_its_trustee():
    text = _text("il-insurer")
    assert "a trustee is appointed over it" in text
    assert "receiver" not in text


def test_a_chinese_invoice_is_a_fapiao():
    text = _text("cn-manufacturer-pipl")
    assert "will issue each invoice as a special VAT invoice (fapiao)" in text
    assert "an invoice not issued in that form is not a valid invoice" in text


def test_israeli_warranties_add_to_the_terms_its_law_implies():
    text = _text("il-insurer")
    assert "in addition to the terms that the law governing this Agreement implies in the Company's favour" in text
    assert "implied by statute or common law" not in text
