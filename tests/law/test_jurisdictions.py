"""Jurisdictions as data: the usual phrasings of a law and a forum map to one record."""

from __future__ import annotations

import copy

import pytest

from contractgen.law import jurisdictions as j
from contractgen.law.library import active
from contractgen.deal import validate_data
from contractgen.deal.yamlsource import load_deal_file
from contractgen.errors import DealError
from tests.helpers import REFERENCE

_REF, _LINES = load_deal_file(REFERENCE)

PHRASINGS = {
    "England and Wales": "england-and-wales",
    "English law": "england-and-wales",
    "the laws of England and Wales": "england-and-wales",
    "the courts of England and Wales": "england-and-wales",
    "New York": "new-york",
    "the State of New York": "new-york",
    "the laws of the State of New York": "new-york",
    "Ontario": "ontario",
    "New South Wales": "new-south-wales",
    "Scotland": "scotland",
    "Scots law": "scotland",
    "Germany": "germany",
    "German law": "germany",
    "France": "france",
    "the Netherlands": "netherlands",
    "Dutch law": "netherlands",
    "Switzerland": "switzerland",
    "Swiss law": "switzerland",
    "Ireland": "ireland",
    "Delaware": "delaware",
    "California": "california",
    "the laws of Singapore": "singapore",
}


@pytest.mark.parametrize("phrase, key", sorted(PHRASINGS.items()))
def test_usual_phrasings_find_their_record(phrase, key):
    assert j.find(phrase).key == key


def test_every_record_is_complete_and_dated():
    for key, record in j.load_jurisdictions().items():
        data = active().records("jurisdictions")[key].data
        assert data["as_of"] and data["sources"], key
        assert record.family and record.tradition in {"common", "civil", "mixed"}, key
        assert record.law.startswith("the ") and record.courts.startswith("the "), key
        assert j.find(record.name).key == key


def test_a_place_names_its_courts_and_a_named_court_keeps_its_words():
    several = j.forum_of("England and Wales", "English law")
    assert (several.courts, several.have, several.those) == ("the courts of England and Wales", "have", "those courts")
    one = j.forum_of("the Commercial Court in London", "English law")
    assert (one.courts, one.have, one.those) == ("the Commercial Court in London", "has", "that court")
    assert j.forum_of(None, "Scots law").courts == "the Scottish courts"


def test_law_and_forum_in_different_jurisdictions_warn():
    assert j.law_forum_warning(j.law_of("New York"), j.forum_of("Delaware", "New York"))
    assert j.law_forum_warning(j.law_of("English law"), j.forum_of("the English courts", "English law")) is None


def _deal(**contract):
    data = copy.deepcopy(_REF)
    data["contract"].update(contract)
    return data


def test_an_unknown_law_is_drafted_with_a_note_not_refused():
    from contractgen.deal.load import deal_findings

    deal, problems, notes = deal_findings(_deal(governing_law="the law of Narnia"), "deal.yaml", _LINES)
    assert problems == [] and deal is not None
    assert [(n.id, n.path) for n in notes if n.id.startswith("governing-law")] == [
        ("governing-law:the-law-of-narnia", "contract.governing_law")
    ]
    note = next(n for n in notes if n.id.startswith("governing-law"))
    assert "no legal family" in note.unrecognised and "never" not in note.drafted
    assert "generic civil-law terms (no English common-law terms)" in note.drafted


def test_a_law_that_names_nothing_is_refused():
    with pytest.raises(DealError) as info:
        validate_data(_deal(governing_law="--"), "deal.yaml", _LINES)
    assert info.value.problems[0].path == "contract.governing_law"


@pytest.mark.parametrize(
    "written, key, wording",
    [
        (
            "the Federal Republic of Germany, excluding the UN Convention on Contracts for the International Sale of Goods (CISG)",
            "germany",
            "the laws of the Federal Republic of Germany, excluding the United Nations Convention on Contracts "
            "for the International Sale of Goods",
        ),
        (
            "Switzerland, excluding its conflict-of-laws rules",
            "switzerland",
            "the substantive laws of Switzerland, excluding its conflict-of-laws rules and the United Nations "
            "Convention on Contracts for the International Sale of Goods",
        ),
        (
            "England and Wales, without regard to its conflict of laws principles",
            "england-and-wales",
            "the laws of England and Wales, without regard to its conflict of laws principles",
        ),
    ],
)
def test_a_law_with_its_usual_qualifiers_is_its_record(written, key, wording):
    from contractgen.law.jurisdictions import law_of

    law = law_of(written)
    assert law.key == key
    if wording:
        assert law.wording == wording
    assert law.wording.count("excluding") <= 1


@pytest.mark.parametrize(
    "written, family, country",
    [
        ("the laws of Paraguay", "civil_romanist", "PY"),
        ("the laws of the Republic of Ghana", "common_law_africa", "GH"),
        ("the laws of the State of Qatar", "islamic_civil", "QA"),
        ("the laws of Botswana", "roman_dutch", "BW"),
        ("the laws of Malta", "mixed", "MT"),
    ],
)
def test_an_unknown_law_takes_the_family_of_its_country(written, family, country):
    from contractgen.law.jurisdictions import law_of

    law = law_of(written)
    assert (law.key, law.family, law.country, law.wording) == ("", family, country, written)
    assert law.tradition in ("civil", "common", "mixed")


def test_unknown_law_is_accepted_when_its_wording_is_spelt_out():
    deal = validate_data(
        _deal(
            governing_law="Alberta",
            law_wording="the laws of the Province of Alberta",
            jurisdiction=None,
            forum_wording="the Court of King's Bench of Alberta",
        )
    )
    assert deal.contract.law_wording == "the laws of the Province of Alberta"


def test_locale_defaults_to_the_laws_spelling():
    data = _deal(governing_law="the State of New York", jurisdiction="New York")
    del data["contract"]["locale"]
    assert validate_data(data).contract.locale == "en_US"
