"""A governing law, a country or a place written in the market's own language finds its jurisdiction record."""

from __future__ import annotations

import babel
import pytest
from babel.languages import get_official_languages

from contractgen.law.jurisdictions import find, law_of, load_jurisdictions, national_key, read_governing_law
from contractgen.law.seats import country_code

CISG = "the United Nations Convention on Contracts for the International Sale of Goods"

# The governing laws a new user's trial wrote as lawyers of each market write them.
TRIAL = [
    ("deutsches Recht unter Ausschluss des UN-Kaufrechts", "germany", f"excluding {CISG}", ""),
    (
        "österreichisches Recht unter Ausschluss des UN-Kaufrechts und der Verweisungsnormen",
        "austria",
        f"excluding its conflict-of-laws rules and {CISG}",
        "",
    ),
    (
        "schweizerisches Recht unter Ausschluss des IPRG und des Wiener Kaufrechts",
        "switzerland",
        f"excluding its conflict-of-laws rules and {CISG}",
        "",
    ),
    ("svensk rätt", "sweden", "", ""),
    ("droit français", "france", "", ""),
    ("legge italiana", "italy", "", ""),
    ("Derecho común español", "spain", "", ""),
    ("ley chilena", "chile", "", ""),
    ("ley colombiana", "colombia", "", ""),
    ("leis da República Federativa do Brasil", "brazil", "", ""),
    ("日本法 (Japanese law)", "japan", "", ""),
    ("the laws of Lagos State and the Federal Republic of Nigeria", "nigeria", "", "Lagos State"),
    ("the laws of the Emirate of Dubai and the federal laws of the United Arab Emirates", "uae", "", ""),
    ("droit français, à l'exclusion de la Convention de Vienne", "france", f"excluding {CISG}", ""),
    ("ley peruana con exclusión de la Convención de Viena", "peru", f"excluding {CISG}", ""),
    ("Nederlands recht", "netherlands", "", ""),
    ("prawo polskie", "poland", "", ""),
    ("direito português", "portugal", "", ""),
    ("中华人民共和国法律", "china", "", ""),
    ("대한민국 법", "south-korea", "", ""),
    ("Recht der Schweiz", "switzerland", "", ""),
    ("il diritto italiano", "italy", "", ""),
    ("el derecho español", "spain", "", ""),
    ("das deutsche Recht", "germany", "", ""),
    ("o direito brasileiro", "brazil", "", ""),
    ("prawo polskie z wyłączeniem Konwencji wiedeńskiej", "poland", f"excluding {CISG}", ""),
    ("Deutsches Recht (unter Ausschluss des UN-Kaufrechts)", "germany", f"excluding {CISG}", ""),
    (
        "droit suisse à l'exclusion des règles de conflit de lois",
        "switzerland",
        "excluding its conflict-of-laws rules",
        "",
    ),
    ("leyes de los Estados Unidos Mexicanos", "mexico", "", ""),
]


@pytest.mark.parametrize("written, key, qualifier, beside", TRIAL)
def test_a_governing_law_as_the_market_writes_it_finds_its_record(written, key, qualifier, beside):
    record, english, also = read_governing_law(written)
    assert record is not None and record.key == key
    assert english == qualifier
    assert also == beside


def test_a_qualifier_in_another_language_is_printed_in_english_once():
    austria = law_of("österreichisches Recht unter Ausschluss des UN-Kaufrechts und der Verweisungsnormen").wording
    assert austria == (f"the laws of the Republic of Austria, excluding its conflict-of-laws rules and {CISG}")
    assert law_of("deutsches Recht unter Ausschluss des UN-Kaufrechts").wording.count("Sale of Goods") == 1
    assert "Ausschluss" not in law_of("deutsches Recht unter Ausschluss des UN-Kaufrechts").wording
    assert law_of("svensk rätt, med undantag för lagvalsregler").wording == (
        "the laws of Sweden, excluding its conflict-of-laws rules"
    )


def _local_cases():
    for key, record in sorted(load_jurisdictions().items()):
        for name in record.local_names:
            yield pytest.param(key, name, id=f"{key}:{name}")


@pytest.mark.parametrize("key, name", list(_local_cases()))
def test_every_local_name_of_every_record_finds_that_record(key, name):
    assert find(name).key == key
    assert read_governing_law(f"{name} unter Ausschluss des UN-Kaufrechts")[0].key == key


def test_every_record_of_a_country_whose_official_language_is_not_english_has_local_names():
    missing = [
        key
        for key, record in load_jurisdictions().items()
        if "en" not in get_official_languages(record.country, de_facto=True) and not record.local_names
    ]
    assert missing == []


def _national_records():
    codes = sorted({record.country for record in load_jurisdictions().values()})
    return [(code, national_key(code)) for code in codes if national_key(code)]


def test_countries_whose_law_is_by_state_have_no_national_record_and_the_others_do():
    nationals = dict(_national_records())
    assert {"US", "CA", "AU", "GB"}.isdisjoint(nationals)
    assert nationals["AE"] == "uae" and nationals["DE"] == "germany" and nationals["JP"] == "japan"


@pytest.mark.parametrize("code, key", _national_records())
def test_a_country_named_in_every_cldr_language_finds_its_record(code, key):
    """Property: the country's name in each CLDR language (where no other country shares it) finds the record, as
    a place (incorporated_in, an address) and as a governing law."""
    from contractgen.values.countries import country_by_name

    languages = [i for i in babel.localedata.locale_identifiers() if "_" not in i]
    checked = 0
    for language in languages:
        name = babel.Locale.parse(language).territories.get(code)
        if not name or country_by_name(name) != code:
            continue  # a name two countries share in some language names neither
        record = find(name)
        assert record is not None and record.key == key, (language, name)
        assert country_code(name) == code, (language, name)
        checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    "place, code",
    [("España", "ES"), ("Deutschland", "DE"), ("Schweiz", "CH"), ("Brasil", "BR"), ("日本", "JP"), ("Suisse", "CH"),
     ("Svizzera", "CH"), ("Österreich", "AT"), ("Sverige", "SE"), ("Perú", "PE"), ("Italia", "IT")],
)  # fmt: skip
def test_a_place_of_incorporation_in_its_own_language_is_its_country(place, code):
    assert country_code(place) == code
    assert find(place).country == code


def test_a_federal_country_named_in_another_language_keeps_its_family_without_a_record():
    law = law_of("the laws of Australien")
    assert law.key == "" and law.country == "AU" and law.family
    assert law_of("leyes de Uruguay").country == "UY"


@pytest.mark.parametrize("written", ["Wisconsin law", "the laws of Sint Maarten", "the laws of Bosnia and Herzegovina"])
def test_a_qualifier_word_inside_a_name_is_not_a_qualifier(written):
    from contractgen.law.families import split_qualifier

    assert split_qualifier(written) == (written, "")


def test_a_company_of_a_country_without_a_record_is_described_with_its_english_name():
    from types import SimpleNamespace

    from contractgen.law.companies import company_view

    party = SimpleNamespace(kind="company", incorporated_in="Paraguai", name="Asunción Datos S.A.")
    view = company_view(party)
    assert view.neutral and view.place == "Paraguay" and view.unknown == "the law of Paraguay"


def _notes(governing_law: str, arbitration: object = None) -> list:
    from types import SimpleNamespace as Deal

    from contractgen.deal.readings.law_notes import note_forum, note_governing_law

    deal = Deal(
        contract=Deal(governing_law=governing_law, jurisdiction=None, forum_wording=None),
        disputes=Deal(arbitration=arbitration),
    )
    return [*note_governing_law(deal, None), *note_forum(deal, None)]


def test_a_federal_country_named_in_its_own_language_is_noted_as_recorded_by_state():
    notes = {n.kind: n for n in _notes("leyes de Canadá")}
    law = notes["governing-law"]
    assert "Canada's law is recorded by state, province or law district" in law.unrecognised
    assert "the Province of Ontario" in law.check and "Canadian common law" in law.drafted


def test_a_sub_national_unit_beside_the_federal_law_is_noted():
    (note,) = _notes("the laws of Lagos State and the Federal Republic of Nigeria")
    assert note.kind == "law-beside" and note.about == "Lagos State"
    assert "follows the record of the Federal Republic of Nigeria" in note.drafted


def test_an_arbitration_deal_gets_no_note_about_a_default_court():
    assert [n.kind for n in _notes("the laws of Mongolia")] == ["governing-law", "forum"]  # a country with no record
    chosen = _notes("the laws of Mongolia", arbitration={"institution": "ICC", "seat": "Ulaanbaatar"})
    assert [n.kind for n in chosen] == ["governing-law"]


def test_the_country_names_file_is_what_cldr_gives():
    """data/country_names.tsv is CLDR's names as the installed Babel gives them (scripts/cldr-country-names.py)."""
    from contractgen.values.countries import NAMES, cldr_country_names

    assert NAMES.read_text(encoding="utf-8") == cldr_country_names()


@pytest.mark.parametrize(
    "written, key",
    [("les lois applicables au Québec", "quebec"), ("les lois en vigueur au Québec", "quebec"),
     ("the laws in force in Ontario", "ontario"), ("las leyes vigentes en Chile", "chile"),
     ("laws applicable in New South Wales", "new-south-wales"), ("le leggi vigenti in Italia", "italy")],
)  # fmt: skip
def test_a_law_written_as_the_laws_applicable_in_a_place_is_that_places_record(written, key):
    from contractgen.law.jurisdictions import find

    found = find(written)
    assert found is not None and found.key == key, written
