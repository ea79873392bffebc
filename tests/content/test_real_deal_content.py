"""What the practitioners' samples say: their regimes and law named correctly, their parties by name,
no vocabulary of a regime they do not have, transfers on the right basis, US spelling in en_US."""

from __future__ import annotations

import re

import pytest

from contractgen.document.model import inline_text, iter_inline_runs
from tests.helpers import ROOT

SAMPLES = ROOT / "samples"


def _text(name: str) -> str:
    from contractgen.deal.load import load_deal
    from contractgen.pipeline import build_document

    result = build_document(load_deal(SAMPLES / f"{name}.yaml"))
    lines = [f"{c.title}" for _, c in result.document.iter_clauses()]
    for _, clause in result.document.iter_clauses():
        lines += [inline_text(run) for run in iter_inline_runs(clause.blocks)]
    return "\n".join(lines)


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {}


def text(texts: dict, name: str) -> str:
    if name not in texts:
        texts[name] = _text(name)
    return texts[name]


# sample: (phrases it must contain, phrases it must not contain)
EXPECTED = {
    "deal-example": (
        [
            "governed by the laws of England and Wales",
            "the UK GDPR, as supplemented by the Data Protection Act 2018",
            "Article 28(3) of the UK GDPR",
            "International Data Transfer Agreement",
            "adequacy: the UK adequacy regulations",
        ],
        ["Protected Health Information", "consumers", "Privacy Commissioner"],
    ),
    "de-manufacturer-poland": (
        [
            "the laws of the Federal Republic of Germany",
            "the courts of Frankfurt am Main",
            "as supplemented by the German Federal Data Protection Act (BDSG)",
            "Article 28(3) of the EU GDPR",
            "Odra",
        ],
        [
            "standard contractual clauses",
            "transfer risk assessment",
            "International Transfers",
            "the Supplier",
            "Information Commissioner",
        ],
    ),
    "nl-fintech-uk-soc": (
        [
            "the laws of the Netherlands",
            "the competent court in Amsterdam has exclusive jurisdiction",
            "as supplemented by the Dutch GDPR Implementation Act (UAVG)",
            "adequacy: the European Commission",
            "Grachtpay",
            "Pennine",
        ],
        # the transfer to the UK rests on adequacy; the SCCs appear only as the fallback agreed for its end
        ["of the UAVG", "Before the first transfer whose basis is a set of transfer clauses"],
    ),
    "ch-bank-portugal": (
        [
            "the substantive laws of Switzerland",
            "the Swiss Federal Act on Data Protection",
            "Article 9 of the FADP",
            "the Federal Data Protection and Information Commissioner",
            "the Bank",
            "Tejo",
            "CHF",
        ],
        ["Article 28", "Before the first transfer whose basis is a set of transfer clauses", "the GDPR"],
    ),
    "ca-insurer-us-cloud": (
        [
            "the laws of the Province of Ontario",
            "PIPEDA",
            "the Privacy Commissioner of Canada",
            "the Insurer",
            "the Provider",
        ],
        ["data subject", "supervisory authority", "Article 28", "Article 33"],
    ),
    "au-retailer-philippines": (
        [
            "the laws of New South Wales",
            "the Privacy Act 1988 (Cth)",
            "Australian Privacy Principles",
            "the Office of the Australian Information Commissioner",
            "the Retailer",
            "MBCS",
            "The amount required by law",
        ],
        ["data subject", "supervisory authority", "Article 28", "the MBCS will", "the MBCS's"],
    ),
    "us-saas-mexico": (
        [
            "the laws of the State of California",
            "CCPA Service Provider Terms",
            "sell or share Personal Information",
            "consumers",
            "PeoplePulse",
            "the Vendor",
            "organization",
            "PeoplePulse is a business for the Personal Information it collects for its own purposes",
        ],
        ["data subject", "supervisory authority", "Article 28", "organisation", "authorised", "licence"],
    ),
    "uk-charity-minimal": (
        ["the law of Scotland", "the Scottish courts", "the UK GDPR", "the Trust", "Kelvin"],
        ["the Kelvin will", "Protected Health Information"],
    ),
    "onshore-us-hipaa": (
        ["Business Associate", "Protected Health Information"],
        ["data subject", "supervisory authority", "Article 28"],
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_sample_says_what_its_deal_means(texts, name):
    body = text(texts, name)
    present, absent = EXPECTED[name]
    for phrase in present:
        assert phrase in body, f"{name}: missing {phrase!r}"
    for phrase in absent:  # as a whole phrase: 'Article 28' is not found in 'Article 286' of a labour code
        assert not re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", body), f"{name}: should not say {phrase!r}"


def test_samples_cover_every_regime_and_many_jurisdictions():
    from contractgen.deal.load import load_deal
    from contractgen.law.jurisdictions import find
    from contractgen.law.regimes import resolve_regulations

    regimes, laws = set(), set()
    for path in SAMPLES.glob("*.yaml"):
        deal = load_deal(path).deal
        laws.add(find(deal.contract.governing_law).key)
        if deal.data_protection:
            regimes |= {r.key for r in resolve_regulations(list(deal.data_protection.regulations))[0]}
    assert {"eu-gdpr", "uk-gdpr", "swiss-fadp", "hipaa", "ccpa", "pipeda", "au-privacy-act"} <= regimes
    assert len(laws) >= 8, laws
