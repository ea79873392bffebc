"""Each law gets its own words: clause variants chosen in the outline
by the legal family of the governing law, stated per sample as a lawyer would check them."""

from __future__ import annotations

import re

import pytest

from contractgen.deal import load_deal
from contractgen.errors import DealError
from contractgen.pipeline import Workspace, build_document
from tests.helpers import FIXTURES, REFERENCE, SAMPLES
from tests.terms import contract_text, overlaid

OVERLAYS = FIXTURES / "deals" / "overlays"
ENGLISH_TERMS_OF_ART = (
    "full title guarantee",
    "wilful default",
    "indirect or consequential loss",
    "winding up",
    "administrator",
    "fraudulent misrepresentation",
    "Contracts (Rights of Third Parties) Act",
    "Bribery Act",
    "Transfer of Undertakings (Protection of Employment)",
)


@pytest.fixture(scope="module")
def english():
    return contract_text(REFERENCE)


@pytest.fixture(scope="module")
def us():
    return contract_text(SAMPLES / "onshore-us-hipaa.yaml")


@pytest.fixture(scope="module")
def irish():
    return contract_text(SAMPLES / "nearshore-eur.yaml")


@pytest.fixture(scope="module")
def german_path(tmp_path_factory):
    return overlaid(SAMPLES / "nearshore-eur.yaml", OVERLAYS / "german-law.yaml", tmp_path_factory.mktemp("de"))


@pytest.fixture(scope="module")
def german(german_path):
    return contract_text(german_path)


@pytest.fixture(scope="module")
def scots(tmp_path_factory):
    return contract_text(overlaid(REFERENCE, OVERLAYS / "scots-law.yaml", tmp_path_factory.mktemp("scot")))


def test_us_deal_uses_us_terms_and_none_of_the_english_ones(us):
    for phrase in (
        "Waiver of Jury Trial",
        "hereby assigns to the Health System, with effect as each item of Developed Material is created",
        "all right, title and interest in and to the Developed Material",
        "sales, use, excise and similar transaction taxes",
        "title 11 of the United States Code",
        "section 365(n)",
        "gross negligence, willful misconduct or fraud",
        "Foreign Corrupt Practices Act",
        "workers' compensation insurance as required by the law of each state",
        "as additional insureds",
        "waiver of subrogation",
        "Commercial general liability",
    ):
        assert phrase in us, phrase
    for phrase in ENGLISH_TERMS_OF_ART + ("wilful", "organisation", "value added tax"):
        assert phrase not in us, phrase


def test_german_deal_has_the_bgb_carve_outs_a_licence_and_good_cause(german):
    for phrase in (
        "intent (Vorsatz) or gross negligence (grobe Fahrlässigkeit)",
        "for injury to life, body or health",
        "German Product Liability Act (Produkthaftungsgesetz)",
        "damage that was typically foreseeable",
        "the exclusive, perpetual, irrevocable, transferable and sub-licensable right",
        "Termination for Good Cause",
        "section 613a of the German Civil Code",
        "sections 103 and 119 of the German Insolvency Code",
    ):
        assert phrase in german, phrase
    for phrase in ENGLISH_TERMS_OF_ART + ("tort", "injunct", "equitable", "cannot be remedied", "assigns them to"):
        assert phrase not in german, phrase


def test_scots_deal_uses_delict_interdict_and_scots_execution(scots):
    for phrase in (
        "whether in contract, delict (including negligence)",
        "interdict, specific implement",
        "absolute warrandice",
        "Requirements of Writing (Scotland) Act 1995",
        "Legal Writings (Counterparts and Delivery) (Scotland) Act 2015",
        "Contract (Third Party Rights) (Scotland) Act 2017",
        "Bribery Act 2010",
    ):
        assert phrase in scots, phrase
    for phrase in ("tort", "injunct", "full title guarantee", "Contracts (Rights of Third Parties) Act"):
        assert phrase not in scots, phrase


def test_english_deal_keeps_english_terms_and_coherent_caps(english):
    assert "with full title guarantee" in english
    # the supplier works from India and Poland: the 1969 Act binds employers carrying on business in Great Britain
    assert "Employers' Liability (Compulsory Insurance) Act 1969" not in english
    assert "including insurance against liability to its employees" in english
    assert (
        "for all events occurring in a Contract Year, will not exceed the greater of £3,330,000.00 and one and a half "
        "times the Charges paid and payable for that Contract Year"
    ) in english
    assert (
        "will not exceed the greater of £6,660,000.00 and three times the Charges paid and payable for that Contract Year, counted as in clause"
        in english
    )
    assert "twelve months immediately before the event" not in english
    assert "No Charges for a Service accrue before its Service Commencement Date" in english
    assert (
        "If the index falls, the Charges stay the same" in english
        and "the Charges are reduced by the same percentage" not in english
    )


def test_time_and_materials_never_says_the_charges_are_fixed(irish):
    assert "The day rates in the rate card are fixed for the Term" in irish
    assert "The day rates are fixed for the first Contract Year" in irish
    assert "The Charges are fixed" not in irish


def test_a_variant_answers_to_its_slot_in_cross_references(german_path):
    result = build_document(load_deal(german_path), Workspace())
    sources = {clause.id: clause.source for _, clause in result.document.iter_clauses()}
    assert re.search(r"/liability-civil/v\d+\.md$", sources["limitation-of-liability"])
    assert re.search(r"/ip-civil/v\d+\.md$", sources["intellectual-property"])
    assert re.search(r"/termination-for-good-cause/v\d+\.md$", sources["termination-for-cause"])


def test_a_data_protection_cap_below_the_general_cap_is_refused(tmp_path):
    deal = tmp_path / "deal.yaml"
    deal.write_text(
        REFERENCE.read_text(encoding="utf-8").replace("data_protection_cap: 3", "data_protection_cap: 1"),
        encoding="utf-8",
    )
    with pytest.raises(DealError, match="data_protection_cap .* is below general_cap"):
        load_deal(deal)


def test_processor_terms_name_only_the_laws_the_regime_allows_and_one_sub_processor_model(english, irish):
    assert (
        "If the law of the United Kingdom or of a part of it requires the Supplier to process Personal Data otherwise"
        in english
    )
    assert "unless the law of the United Kingdom or of a part of it requires the Supplier to keep them" in english
    assert "a law that applies to the Supplier" not in english
    # the deal's consent has an objection window: consent in writing or by silence after it, one model
    assert "without the Client's prior consent to that Sub-processor, given in writing or by not objecting" in english
    assert "general written authorisation" not in english
    assert "the law of the European Union or of a Member State to which the Supplier is subject" in irish
