"""Each company party is described, warrants and signs as the law of its place of incorporation describes
its form (law/jurisdictions, companies): a Delaware corporation or limited liability company with its
principal place of business, an Australian company registered under the Corporations Act with its ACN,
a Philippine corporation with its principal office, a Mexican sociedad acting through its legal
representative under powers granted by public deed; a company whose form no record knows keeps the
general wording. Checked on the rendered text of every sample and the practitioner deals that have such parties."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from types import SimpleNamespace

import pytest

from contractgen.deal import load_deal
from contractgen.law.companies import company_view
from tests.terms import contract_text

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
MEXICO_US = ROOT / "tests/fixtures/openworld/deals/mx-remote-access-us.yaml"


@lru_cache(maxsize=None)
def _text(path: Path) -> str:
    return contract_text(path)


def _parties(text: str) -> str:
    start = text.index("This Agreement is made between the following Parties.")
    return text[start : text.index("Each of them is a Party", start)]


def _party(**fields: object) -> SimpleNamespace:
    base = {"kind": "company", "company_number": None, "registered_number": None}
    return SimpleNamespace(**(base | fields))


def test_a_us_company_is_described_by_its_form_and_its_principal_place_of_business() -> None:
    corporation = company_view(_party(name="PeoplePulse, Inc.", incorporated_in="Delaware"))
    llc = company_view(_party(name="Prairie Cloud Services LLC", incorporated_in="Delaware", company_number="6620914"))
    assert (corporation.described, corporation.organised) == ("a Delaware corporation", "incorporated")
    assert (llc.described, llc.organised) == ("a Delaware limited liability company", "formed")
    assert corporation.office == llc.office == "principal place of business"
    assert llc.number == "Delaware file number 6620914"


def test_a_number_written_with_its_registers_name_is_kept_as_written() -> None:
    au = company_view(_party(name="Harbour Pty Ltd", incorporated_in="New South Wales, Australia",
                             company_number="ACN 612 345 678"))  # fmt: skip
    ph = company_view(_party(name="Bay Inc.", incorporated_in="the Philippines", company_number="SEC Reg. No. CS2015"))
    de = company_view(_party(name="Prairie LLC", incorporated_in="Delaware", company_number="DE 6620914"))
    assert (au.number, ph.number, de.number) == (
        "ACN 612 345 678",
        "SEC Reg. No. CS2015",
        "Delaware file number DE 6620914",
    )


def test_a_company_whose_form_no_record_knows_keeps_the_general_wording() -> None:
    assert company_view(_party(name="Delaware Widgets Partners", incorporated_in="Delaware")).described == ""
    assert company_view(_party(name="Apex Ltd", incorporated_in="England and Wales")).described == ""
    assert company_view(_party(name="Acme Inc.", incorporated_in="Atlantis")).described == ""
    assert company_view(_party(name="Acme Inc.", incorporated_in="Delaware", kind="llp")).described == ""


def test_a_mexican_sociedad_acts_through_a_legal_representative() -> None:
    view = company_view(_party(name="Jalisco Software Factory, S. de R.L. de C.V.", incorporated_in="Mexico"))
    assert "sociedad de responsabilidad limitada de capital variable" in view.described
    assert "public deed" in view.representative and view.signs_as == "legal_representative"
    assert (
        "sociedad anónima de capital variable"
        in company_view(_party(name="Sierra Madre Software, S.A. de C.V.", incorporated_in="Mexico")).described
    )


def test_california_saas_deal_describes_a_delaware_corporation_and_a_mexican_sociedad() -> None:
    text = _text(ROOT / "samples/us-saas-mexico.yaml")
    parties = _parties(text)
    assert (
        "PeoplePulse, Inc., a Delaware corporation, whose principal place of business is at 500 Howard Street"
        in parties
    )
    assert (
        "Jalisco Software Factory, S. de R.L. de C.V., a limited liability company with variable capital (sociedad de "
        "responsabilidad limitada de capital variable) incorporated under the laws of the United Mexican States"
    ) in parties
    assert "acting through its legal representative, whose powers are granted by a public deed" in parties
    assert "a company incorporated in" not in parties and "registered office" not in parties
    assert "it is duly incorporated and validly existing under the laws of the place where it is incorporated" in text
    assert (
        "the powers of the legal representative who signs this Agreement for the Vendor, granted by public deed" in text
    )
    block = text[text.index("Signed for and on behalf of Jalisco Software Factory") :]
    assert block.index("Signature of legal representative") < block.index("Alejandro Gutiérrez")
    assert "Powers granted by public deed number [●] dated [●] before Notary Public number [●] of [●]" in block[:400]
    peoplepulse = text[text.index("Signed for and on behalf of PeoplePulse, Inc.") :][:200]
    assert "legal representative" not in peoplepulse and "public deed" not in peoplepulse


def test_nsw_deal_describes_an_australian_company_and_a_philippine_corporation() -> None:
    parties = _parties(_text(ROOT / "samples/au-retailer-philippines.yaml"))
    assert (
        "Harbour & Bloom Retail Pty Ltd, a company registered in New South Wales under the Corporations Act 2001 (Cth) "
        "with ACN 612 345 678, whose registered office is at Level 12"
    ) in parties
    assert (
        "Manila Bay Contact Solutions Inc., a corporation organised under the laws of the Republic of the Philippines "
        "with SEC Reg. No. CS201512345, whose principal office is at 32nd Floor"
    ) in parties
    assert "company number" not in parties and "incorporated in" not in parties


def test_a_delaware_llc_is_formed_not_incorporated() -> None:
    text = _text(ROOT / "samples/onshore-us-hipaa.yaml")
    assert "Prairie Cloud Services LLC, a Delaware limited liability company with Delaware file number" in _parties(
        text
    )
    assert "duly incorporated or formed and validly existing" in text
    assert "it is validly incorporated and" not in text


def test_practitioner_deal_with_a_mexican_stock_corporation() -> None:
    text = _text(MEXICO_US)
    parties = _parties(text)
    assert "Lone Star Scheduling, Inc., a Delaware corporation with Delaware file number" in parties
    assert parties.count("whose principal place of business is at") == 1
    assert "Sierra Madre Software, S.A. de C.V., a stock corporation with variable capital" in parties
    assert "Powers granted by public deed number [●]" in text


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_every_sample_describes_each_company_as_its_record_says_or_as_before(sample: Path) -> None:
    deal = load_deal(sample).deal
    parties = _parties(_text(sample))
    for role in ("client", "supplier"):
        party = getattr(deal.parties, role)
        view = company_view(party)
        if view.described:
            assert f"{party.name}, {view.described}" in parties
            assert f"{party.name}, a company incorporated in" not in parties
        elif party.kind == "company" and party.incorporated_in and view.neutral:
            # a civil-law place without a company record, or one no record names: the neutral description
            assert f"{party.name}, a company organised under the laws of {view.place}" in parties
        elif party.kind == "company" and party.incorporated_in:
            assert f"{party.name}, a company incorporated in {party.incorporated_in}" in parties
