"""Dispute clauses as practitioners write them, read for the class and not for one deal: an arbitration written in both
fields, an institution named only by its acronym or before its rules' name, a suggestion only for a name really close
to a record's, and the language of the arbitration in every language of the word table."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from contractgen.deal.parties import Arbitration
from contractgen.deal.readings.arbitration import _close
from contractgen.law.arbitration_text import parse_arbitration
from contractgen.law.forum_words import (
    acronym_named,
    arbitration_words,
    courts_written,
    exclusivity_written,
    institution_named,
    language_mentioned,
    language_written,
    table,
)
from contractgen.law.forums_agree import COMPARED, contradictions, merged
from contractgen.law.forums import domestic_rules, view_arbitration
from contractgen.law.institutions import former_name_in, load_institutions
from contractgen.law.jurisdictions import law_of, load_jurisdictions, read_governing_law

# --- an arbitration written in both fields -------------------------------------------------------------------------

BLOCK = {"institution": "LCIA", "seat": "London", "venue": "Singapore", "arbitrators": 3, "language": "English"}
WRITTEN = "LCIA arbitration, seat of arbitration London, hearings in Singapore, three arbitrators, language English"


def test_the_same_arbitration_written_in_both_fields_is_one_arbitration():
    fields, _ = parse_arbitration(WRITTEN)
    assert contradictions(Arbitration(**BLOCK), fields) == []


@pytest.mark.parametrize(
    "block, written",
    [
        (
            {"institution": "London Court of International Arbitration", "seat": "London"},
            "LCIA arbitration, seat London",
        ),
        ({"institution": "ICC", "seat": "Paris"}, "arbitrage CCI, siège Paris"),  # another language, same facts
        ({"institution": "SIAC", "seat": "Singapore"}, "SIAC arbitration seated in Singapore, sole arbitrator"),
        (
            {"institution": "Foo Arbitration Centre", "seat": "Kigali"},
            "arbitration at the Foo Arbitration Centre, seat Kigali",
        ),
    ],
)
def test_compatible_forms_are_agreement_and_each_fills_what_the_other_leaves_out(block, written):
    fields, _ = parse_arbitration(written)
    chosen = Arbitration(**block)
    assert contradictions(chosen, fields) == []
    together = merged(chosen, fields)
    assert {k: together[k] for k in block} == {k: getattr(chosen, k) for k in block}
    if "arbitrators" in fields:  # left to its default in the block, said in the text: the text's number holds
        assert together["arbitrators"] == fields["arbitrators"]


OTHER = {
    "institution": ("ICC arbitration, seat London", "icc"),
    "seat": ("LCIA arbitration, seated in Paris", "Paris"),
    "venue": ("LCIA arbitration, seat London, hearings in Dubai", "Dubai"),
    "arbitrators": ("LCIA arbitration, seat London, sole arbitrator", 1),
    "language": ("LCIA arbitration, seat London, language French", "French"),
    "emergency_arbitrator": ("LCIA arbitration, seat London, without the emergency arbitrator", False),
    "expedited": ("LCIA arbitration, seat London, expedited procedure", True),
    "by_law": ("LCIA arbitration, seat London, decided according to law", True),
}


def test_every_compared_field_has_a_contradiction_case():
    assert set(OTHER) == set(COMPARED)


@pytest.mark.parametrize("field", sorted(OTHER))
def test_a_real_contradiction_in_any_field_is_refused_and_named(field):
    written, value = OTHER[field]
    block = {**BLOCK, "emergency_arbitrator": True, "expedited": False, "by_law": False}
    fields, _ = parse_arbitration(written)
    assert fields.get(field) == value
    found = contradictions(Arbitration(**block), fields)
    assert len(found) == 1 and COMPARED[field] in found[0]


# --- an institution's name before its rules' name; an acronym alone ---------------------------------------------

NAMES = [
    "Nairobi Centre for International Arbitration",
    "Kigali International Arbitration Centre",
    "Foo Chamber of Commerce",
    "Lusaka Centre for Arbitration",
    "Accra Commercial Arbitration Centre",
]
RULES = ["Rules", "Arbitration Rules", "Arbitration Rules, 2015", "International Arbitration Rules",
         "International Commercial Arbitration Rules", "Expedited Arbitration Rules", "Mediation Rules"]  # fmt: skip


@pytest.mark.parametrize("rules", RULES)
@pytest.mark.parametrize("name", NAMES)
def test_a_name_written_before_its_rules_name_is_cut_before_the_rules(name, rules):
    text = f"arbitration under the {name} {rules}, seat Nairobi"
    assert institution_named(text, "Nairobi") == name
    assert parse_arbitration(text)[0]["institution"] == name


ACRONYMS = ["ACICA", "XQZA", "KLRCA", "NCIA", "CAM-ABC"]
ACRONYM_FORMS = ["arbitration under the {} Rules seated in Sydney", "arbitration under the {} Arbitration Rules, seat Sydney",
                 "arbitration under the Rules of Arbitration of the {}, seated in Sydney",
                 "arbitraje conforme al Reglamento de Arbitraje del {}, sede Sydney"]  # fmt: skip


@pytest.mark.parametrize("form", ACRONYM_FORMS)
@pytest.mark.parametrize("acronym", ACRONYMS)
def test_an_institution_named_by_an_acronym_and_its_rules_is_drafted_never_refused(acronym, form):
    fields, problems = parse_arbitration(form.format(acronym))
    assert problems == []
    recorded = {i.short: k for k, i in load_institutions().items()}
    assert fields["institution"] == recorded.get(acronym, acronym) and fields["seat"] == "Sydney"


def test_the_seat_or_a_word_in_capitals_with_no_rules_is_not_an_acronym_institution():
    assert acronym_named("arbitration, seat NYC, under English law", "NYC") == ""
    assert acronym_named("arbitration seated in SYDNEY", "SYDNEY") == ""


def test_acica_has_a_record_read_from_its_site():
    acica = load_institutions()["acica"]
    assert acica.name == "the Australian Centre for International Commercial Arbitration"
    assert acica.edition == "2021" and acica.expedited_by_agreement_only
    assert parse_arbitration("arbitration under the ACICA Rules seated in Sydney") == (
        {"seat": "Sydney", "institution": "acica"},
        [],
    )


# --- "did you mean" only for a close name ---------------------------------------------------------------------

NAMED = [i.name.removeprefix("the ") for i in load_institutions().values() if not i.ad_hoc]


@pytest.mark.parametrize("name", NAMED)
def test_a_name_sharing_only_the_common_words_of_a_record_is_not_suggested(name):
    generic = {w.casefold() for w in (*table()["institutions"]["words"], *table()["institutions"]["rule_words"])}
    words = name.split()
    other = " ".join("Zanzibarqa" if w.casefold() not in generic and w[:1].isupper() else w for w in words)
    if other != name:
        assert _close(other) == ""


@pytest.mark.parametrize("name", NAMED)
def test_a_name_misspelt_by_one_letter_is_suggested(name):
    generic = {w.casefold() for w in (*table()["institutions"]["words"], *table()["institutions"]["rule_words"])}
    words = name.split()
    distinct = [i for i, w in enumerate(words) if w.casefold() not in generic and len(w) > 5 and w.isalpha()]
    if distinct:
        i = distinct[0]
        words[i] = words[i][:-2] + words[i][-1]  # one letter dropped
        assert _close(" ".join(words)) != ""


# --- the language of the arbitration, in every language of the table -------------------------------------------

CASES = [
    (code, phrase, english)
    for code, words in table()["arbitration"].items()
    for phrase in words["language"]
    if "{}" in phrase and ":" in phrase
    for english, forms in (words.get("language_names") or {}).items()
    for form in forms[:1]
]


@pytest.mark.parametrize("code, phrase, english", CASES, ids=[f"{c}-{p}-{e}" for c, p, e in CASES])
def test_a_language_phrase_with_a_colon_is_read_without_it(code, phrase, english):
    bare = re.sub(r"\s*:\s*", " ", phrase)  # "ngôn ngữ: tiếng {}" as well as "Sprache: {}"
    form = table()["arbitration"][code]["language_names"][english][0]
    assert language_written("Foo, " + bare.replace("{}", form)) == english


PRACTICE = [
    ("Schiedsgericht DIS, Sitz Zürich, Sprache Deutsch", "German"),
    ("Schiedsgericht DIS, Sitz Zürich, Sprache: Deutsch", "German"),
    ("arbitrage CCI, siège Genève, langue française", "French"),
    ("arbitraje CCI, sede Madrid, idioma español", "Spanish"),
    ("arbitrato CAM, sede Milano, in lingua italiana", "Italian"),
    ("arbitragem CAM-CCBC, sede São Paulo, idioma português", "Portuguese"),
    ("arbitrage NAI, zetel Amsterdam, voertaal Nederlands", "Dutch"),
    ("VIAC, địa điểm trọng tài Hà Nội, ba trọng tài viên, ngôn ngữ tiếng Việt", "Vietnamese"),
]


@pytest.mark.parametrize("written, english", PRACTICE)
def test_the_language_forms_practitioners_use_are_read(written, english):
    assert parse_arbitration(written)[0]["language"] == english


LANGUAGE_WORDS = [(code, word) for code, w in arbitration_words().items() for word in w.language_words]


def test_every_language_of_the_table_has_its_words_for_language():
    assert {code for code, _ in LANGUAGE_WORDS} == set(arbitration_words())


@pytest.mark.parametrize("code, word", LANGUAGE_WORDS, ids=[f"{c}-{w}" for c, w in LANGUAGE_WORDS])
def test_a_language_written_in_words_not_read_is_found_for_a_note(code, word):
    text = f"ICC, Paris, {word} Klingonisch"
    assert language_written(text) == "" and language_mentioned(text).startswith(word)


# --- courts written in their own language, exclusivity read ------------------------------------------------------

GENERAL = [
    (code, phrase)
    for code, block in table()["courts"].items()
    for phrase in block["general"]
    if not phrase.endswith(("ist", "is", "est", ":"))  # those take the city after a verb or colon: tested below
]


@pytest.mark.parametrize("code, phrase", GENERAL, ids=[f"{c}-{p}" for c, p in GENERAL])
def test_every_court_phrase_reduces_to_the_courts_of_the_place(code, phrase):
    assert courts_written(f"{phrase} Zürich") == ("the courts of Zurich", True)


EXCLUSIVE = [(kind, word) for kind in ("exclusive", "non_exclusive") for word in table()["exclusivity"][kind]]


@pytest.mark.parametrize("kind, word", EXCLUSIVE, ids=[f"{k}-{w}" for k, w in EXCLUSIVE])
def test_exclusivity_is_read_wherever_it_stands_and_the_courts_are_still_the_place(kind, word):
    for text in (f"Foro competente {word} di Milano", f"los tribunales de Madrid, {word}"):
        assert courts_written(text)[0] in ("the courts of Milan", "the courts of Madrid")
        assert exclusivity_written(text) == kind.replace("_", "-")


@pytest.mark.parametrize(
    "written, courts, exclusivity",
    [
        ("Foro competente esclusivo di Milano", "the courts of Milan", "exclusive"),
        ("ausschließlicher Gerichtsstand ist Zürich", "the courts of Zurich", "exclusive"),
        ("Gerichtsstand: Zürich", "the courts of Zurich", ""),
        ("los juzgados y tribunales de la ciudad de Madrid", "the courts of Madrid", ""),
        ("tribunal compétent de Paris", "the courts of Paris", ""),
        ("o foro competente da comarca de São Paulo", "the courts of São Paulo", ""),
        ("foro non esclusivo di Roma", "the courts of Rome", "non-exclusive"),
        ("exclusive forum London", "the courts of London", "exclusive"),
    ],
)
def test_court_clauses_as_practitioners_write_them(written, courts, exclusivity):
    assert courts_written(written)[0] == courts and exclusivity_written(written) == exclusivity


def test_english_courts_keep_their_own_reading():
    assert courts_written("the courts of England") is None
    assert courts_written("the High Court of Justice for England") is None


# --- a state's law named with its federation's ----------------------------------------------------------------

RECORDS = sorted(load_jurisdictions().values(), key=lambda r: r.key)
JOINED = [r for r in RECORDS if read_governing_law(f"the laws of Ogun State and {r.name}")[2] == "Ogun State"]


def test_a_state_beside_a_country_is_read_for_most_records():
    assert len(JOINED) > len(RECORDS) / 2 and "nigeria" in {r.key for r in JOINED}


@pytest.mark.parametrize("record", JOINED, ids=[r.key for r in JOINED])
def test_the_state_named_beside_a_record_stays_in_the_governing_law_sentence(record):
    wording = law_of(f"the laws of Ogun State and {record.name}").wording
    assert wording.startswith("the laws of Ogun State and ") and record.law.split(" of ", 1)[-1] in wording


def test_lagos_state_and_the_federation():
    assert law_of("the laws of Lagos State and the Federal Republic of Nigeria").wording == (
        "the laws of Lagos State and of the Federal Republic of Nigeria"
    )
    assert law_of("English law").wording == "the laws of England and Wales"


# --- ad hoc under the seat's statute; decided by law; renamed centres; national rules --------------------------

STATUTES = [i for i in load_institutions().values() if i.statute]


def test_india_records_its_arbitration_statute():
    assert {i.country for i in STATUTES} >= {"IN"}


@pytest.mark.parametrize("statute", STATUTES, ids=[i.key for i in STATUTES])
def test_ad_hoc_under_a_seat_statute_is_read_and_its_court_appoints(statute):
    text = f"arbitration by a sole arbitrator appointed mutually, under {statute.rules}, seat and venue Chennai"
    fields, problems = parse_arbitration(text)
    assert problems == [] and fields["institution"] == statute.key and fields["seat"] == "Chennai"
    assert parse_arbitration(f"ad hoc arbitration under {statute.rules}, seated in Chennai")[0]["institution"] == (
        statute.key
    )
    view = view_arbitration(fields, "English")
    assert not view.administered and view.appointing_authority == statute.appointing_authority
    assert "Permanent Court of Arbitration" not in view.appointing_authority


def test_the_uncitral_rules_named_beside_the_statute_stay_the_uncitral_rules():
    text = (
        "ad hoc arbitration under the UNCITRAL Arbitration Rules, seat Chennai, Arbitration and Conciliation Act, 1996"
    )
    assert parse_arbitration(text)[0]["institution"] == "uncitral"


@pytest.mark.parametrize("phrase", table()["by_law"])
def test_an_arbitration_decided_by_law_is_read_in_every_form(phrase):
    fields, _ = parse_arbitration(f"arbitraje CCI, sede Madrid, {phrase}")
    assert fields.get("by_law") is True and view_arbitration(fields, "English").by_law


def test_an_arbitration_silent_on_law_or_equity_says_nothing():
    assert "by_law" not in parse_arbitration("arbitraje CCI, sede Madrid, tres árbitros")[0]


RENAMED = [(i, name) for i in load_institutions().values() for name in i.former_names]


@pytest.mark.parametrize("institution, name", RENAMED, ids=[f"{i.key}-{n}" for i, n in RENAMED])
def test_a_former_name_finds_the_record_and_is_kept_for_a_note(institution, name):
    text = f"arbitration administered by {name}, seat Madrid"
    assert parse_arbitration(text)[0]["institution"] == institution.key
    assert former_name_in(institution, text) != ""
    assert former_name_in(institution, f"arbitration administered by {institution.name}, seat Madrid") == ""


NATIONAL = [i for i in load_institutions().values() if i.domestic[0]]


def _deal(client: str, supplier: str) -> SimpleNamespace:
    party = lambda where: SimpleNamespace(incorporated_in=where)  # noqa: E731
    return SimpleNamespace(parties=SimpleNamespace(client=party(client), supplier=party(supplier)))


def test_the_bogota_centre_records_its_national_rules():
    assert "cac-ccb" in {i.key for i in NATIONAL}


@pytest.mark.parametrize("institution", NATIONAL, ids=[i.key for i in NATIONAL])
def test_a_national_dispute_takes_the_national_rules_and_an_international_one_does_not(institution):
    view = view_arbitration({"institution": institution.key, "seat": "[●]"}, "English")
    home = institution.country
    assert domestic_rules(_deal(home, home), view)
    assert not domestic_rules(_deal(home, "US" if home != "US" else "GB"), view)
