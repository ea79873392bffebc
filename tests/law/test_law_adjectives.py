"""A governing law written with a country's adjective, as lawyers of that market write it ("ley uruguaya", "droit
belge", "prawo polskie", "direito português", "diritto svizzero"), is read back to the country's CLDR name by the
endings of contractgen/law/data/law_words.yaml: it finds the country's record, and a country with no record is printed
"the laws of <its English name>" with a note, never with the adjective as written."""

from __future__ import annotations

import pytest

from contractgen.law.jurisdictions import law_of, load_jurisdictions, national_key
from contractgen.law.law_names import adjective_country, table

# (as written, the record it names): adjectives no record lists among its local_names are read from the names
RECORDED = [
    ("ley uruguaya", "uruguay"),
    ("droit belge", "belgium"),
    ("prawo polskie", "poland"),
    ("polskie prawo", "poland"),
    ("direito português", "portugal"),
    ("diritto svizzero", "switzerland"),
    ("legge svizzera", "switzerland"),
    ("droit luxembourgeois", "luxembourg"),
    ("legea română", "romania"),
    ("magyar jog", "hungary"),
    ("české právo", "czechia"),
    ("belgisch recht", "belgium"),
    ("derecho colombiano", "colombia"),
    ("ley peruana", "peru"),
    ("ley mexicana", "mexico"),
    ("lei brasileira", "brazil"),
    ("ley argentina", "argentina"),
    ("droit marocain", "morocco"),
    ("diritto austriaco", "austria"),
    ("österreichisches Recht", "austria"),
    ("ley alemana", "germany"),
    ("droit allemand", "germany"),
    ("dansk ret", "denmark"),
    ("norsk rett", "norway"),
    ("suomen laki", "finland"),
    ("Uruguayan law", "uruguay"),
]


@pytest.mark.parametrize("written, key", RECORDED)
def test_a_law_written_with_its_countrys_adjective_finds_the_record(written, key):
    law = law_of(written)
    assert law.key == key and law.wording == law_of(load_jurisdictions()[key].name).wording


# (as written, the country, how the contract names it): no record, so the English name, never the adjective
UNRECORDED = [
    ("ley paraguaya", "PY", "the laws of Paraguay"),
    ("derecho boliviano", "BO", "the laws of Bolivia"),
    ("ley panameña", "PA", "the laws of Panama"),
    ("direito angolano", "AO", "the laws of Angola"),
    ("droit sénégalais", "SN", "the laws of Senegal"),
    ("droit tunisien", "TN", "the laws of Tunisia"),
    ("leyes ecuatorianas", "EC", "the laws of Ecuador"),  # irregular: from the words file's list
    ("derecho salvadoreño", "SV", "the laws of El Salvador"),
    ("ley dominicana", "DO", "the laws of the Dominican Republic"),
    ("ley paraguaya, con exclusión de la Convención de Viena", "PY",
     "the laws of Paraguay, excluding the United Nations Convention on Contracts for the International Sale of Goods"),
]  # fmt: skip


@pytest.mark.parametrize("written, country, wording", UNRECORDED)
def test_a_country_without_a_record_is_named_in_english_not_by_the_adjective(written, country, wording):
    law = law_of(written)
    assert (law.key, law.country, law.wording) == ("", country, wording)
    assert law.family  # drafted by its legal family


def test_the_note_for_a_country_without_a_record_says_what_the_draft_names_it():
    from types import SimpleNamespace as NS

    from contractgen.deal.readings.law_notes import note_governing_law

    deal = NS(contract=NS(governing_law="ley paraguaya"))
    notes = list(note_governing_law(deal, None))
    assert len(notes) == 1 and "'ley paraguaya' has no jurisdiction record" in notes[0].unrecognised
    assert "the words 'the laws of Paraguay' for it" in notes[0].drafted


@pytest.mark.parametrize(
    "written", ["Roma", "Lima", "Milano", "ley aplicable", "derecho vigente", "the laws of the Republic of Ghana"]
)
def test_a_place_or_a_law_word_is_not_read_as_an_adjective(written):
    law = law_of(written)
    assert law.wording == written


def test_every_national_record_is_found_by_a_regular_adjective_of_its_name():
    """For each record that is its country's law as a whole and has a one-word name, an adjective made by the table's
    endings from the country's name in the table's languages (Babel/CLDR) is read back to that record alone."""
    from babel import Locale

    languages = [lang for lang in table()["adjectives"]["rules"]]
    missing = []
    for key, record in load_jurisdictions().items():
        if national_key(record.country) != key:
            continue
        names = {Locale.parse(lang).territories.get(record.country, "") for lang in languages}
        if all(" " in name for name in names if name):
            continue  # a name of two words ("Hong Kong", "Sri Lanka") makes no regular adjective: aliases keep it
        forms = {
            name.casefold()[: len(name) - len(drop)] + add
            for name in names
            if name and " " not in name
            for rules in table()["adjectives"]["rules"].values()
            for rule in rules
            for drop in rule["drop"]
            if name.casefold().endswith(drop)
            for add in rule["add"][:1]
        }
        if not any(adjective_country(form) == record.country for form in forms):
            missing.append(key)
    assert missing == [], "no regular adjective reads back to these records (add local_names)"
