"""The defined term for personal data follows the deal's privacy regimes: "Personal Information" where
every regime says personal information (PIPEDA, Privacy Act 1988, CCPA), "Personal Data" wherever a
GDPR-family regime applies, and HIPAA's "Protected Health Information" where HIPAA governs."""

from __future__ import annotations

import re

import pytest

from contractgen.document.model import inline_text, iter_inline_runs
from tests.helpers import ROOT, write_file

SAMPLES = ROOT / "samples"


def _document(path):
    from contractgen.deal.load import load_deal
    from contractgen.pipeline import build_document

    return build_document(load_deal(path)).document


def _text(document) -> str:
    lines = [c.title for _, c in document.iter_clauses()]
    for _, clause in document.iter_clauses():
        lines += [inline_text(run) for run in iter_inline_runs(clause.blocks)]
    return "\n".join(lines)


def _definition(document) -> str:
    """The definition of the personal-data term (it opens "any personal ...")."""
    text = _text(document)
    index = text.find("any personal ")
    assert index >= 0, "no definition of the personal-data term"
    return text[index : text.index("\n", index)]


@pytest.mark.parametrize("name", ["ca-insurer-us-cloud", "au-retailer-philippines", "us-saas-mexico"])
def test_personal_information_regimes_define_personal_information(name):
    document = _document(SAMPLES / f"{name}.yaml")
    body = _text(document)
    assert "Personal Information" in body
    assert "Personal Information Breach" in body
    assert "Personal Data" not in body
    assert _definition(document).startswith("any personal information (as the Data Protection Laws define that term)")


@pytest.mark.parametrize("name", ["deal-example", "de-manufacturer-poland", "ch-bank-portugal"])
def test_gdpr_family_regimes_keep_personal_data(name):
    body = _text(_document(SAMPLES / f"{name}.yaml"))
    assert "Personal Data Breach" in body
    assert len(re.findall(r"\bPersonal Data\b", body)) > 10
    assert "Personal Information" not in body


def test_hipaa_keeps_protected_health_information():
    body = _text(_document(SAMPLES / "onshore-us-hipaa.yaml"))
    assert "Protected Health Information" in body
    assert "Personal Information" not in body


def test_a_mixed_deal_keeps_personal_data_and_defines_it_to_include_personal_information(tmp_path):
    source = (SAMPLES / "deal-example.yaml").read_text(encoding="utf-8")
    mixed = source.replace(
        "regulations: [UK GDPR, Data Protection Act 2018]", "regulations: [UK GDPR, Data Protection Act 2018, PIPEDA]"
    )
    assert mixed != source
    document = _document(write_file(tmp_path / "mixed.yaml", mixed))
    body = _text(document)
    assert "Personal Data Breach" in body
    assert not re.search(r"Personal Information(?! Protection and Electronic Documents Act)", body)
    assert _definition(document).startswith(
        "any personal data or personal information (as the Data Protection Laws define those terms)"
    )


def test_the_term_is_read_from_the_regime_records():
    from contractgen.deal.load import load_deal
    from contractgen.law.privacy import privacy_of

    words = privacy_of(load_deal(SAMPLES / "us-saas-mexico.yaml").deal).words
    assert (words.term, words.personal_data_terms) == ("Personal Information", ["personal information"])
    assert privacy_of(load_deal(SAMPLES / "deal-example.yaml").deal).words.term == "Personal Data"
