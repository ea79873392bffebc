"""Every country and territory has a legal family (law/families), and each has one only."""

from __future__ import annotations

import re
from datetime import date

import pycountry

from contractgen.law.checks import check_law
from contractgen.law.library import library
from tests.helpers import FIXTURES

NO_LEGAL_SYSTEM = {"AQ"}  # Antarctica: the Antarctic Treaty system, no law of its own a contract could choose


def _families() -> dict[str, dict]:
    return {key: record.data for key, record in library().records("families").items()}


def test_every_iso_country_has_exactly_one_family():
    owners: dict[str, list[str]] = {}
    for key, data in _families().items():
        for code in data.get("countries") or ():
            owners.setdefault(code, []).append(key)
    codes = {c.alpha_2 for c in pycountry.countries}
    assert sorted(codes - set(owners) - NO_LEGAL_SYSTEM) == []
    assert {code: keys for code, keys in owners.items() if len(keys) > 1} == {}
    assert set(owners) <= codes


def test_markets_take_the_family_a_comparative_lawyer_expects():
    family = {code: key for key, data in _families().items() for code in data.get("countries") or ()}
    assert family["BR"] == family["MX"] == family["AR"] == "civil_romanist"
    assert family["JP"] == family["KR"] == "japanese_korean"
    assert family["CN"] == "chinese"
    assert family["ZA"] == "roman_dutch"
    assert family["SA"] == family["AE"] == "islamic_civil"
    assert family["MY"] == "common_law_asia" and family["NG"] == "common_law_africa"
    assert family["NO"] == family["SE"] == "nordic"
    assert family["NL"] == "dutch" and family["FR"] == "french" and family["GB"] == "english"


def test_difc_and_adgm_are_places_of_their_own_common_law_family():
    difc = _families()["difc_adgm"]
    assert difc["tradition"] == "common" and {"DIFC", "ADGM"} <= set(difc["names"])


def test_civil_families_must_not_use_common_law_words_and_only_german_law_uses_german_terms():
    for key, data in _families().items():
        words = {w.casefold() for w in data.get("must_not_use") or ()}
        if data.get("tradition") == "civil" or data.get("variants") == "civil":
            assert {"tort", "breach of statutory duty", "indirect or consequential loss"} <= words, key
        if data.get("tradition") == "civil":  # a mixed system may know it (Quebec: art. 3135 of its Civil Code)
            assert "inconvenient forum" in words, key
        assert ("kardinalpflichten" in words) == (key != "german"), key
    assert "vat" in {w.casefold() for w in _families()["australian"]["must_not_use"]}


def test_lint_refuses_a_country_in_two_families_and_a_code_that_is_not_iso():
    broken = FIXTURES / "law" / "broken"
    said = [
        f.message
        for f in check_law(library(broken), broken, today=date(2026, 12, 4))
        if f.rel == "law/families/francophone.yaml"
    ]
    assert any(re.search(r"'FR' is also in law/families/french\.yaml", m) for m in said), said
    assert "'XX' is not an ISO 3166-1 alpha-2 country code" in said
