"""Arbitration as practitioners write it in contract.jurisdiction, the institution records, and the rules."""

from __future__ import annotations

import copy

import pytest
import yaml

from contractgen.law import forum_words
from contractgen.law.forum_words import arbitration_words
from contractgen.law.forums import LANGUAGES
from contractgen.law.jurisdictions import forum_of, names_a_court
from contractgen.values.duration_words import fold
from contractgen.law.forums import (
    arbitration_fields,
    is_arbitration,
    load_institutions,
    parse_arbitration,
    view_arbitration,
)
from contractgen.law.library import active
from contractgen.deal.load import deal_findings, validate_data
from contractgen.errors import DealError
from tests.helpers import REFERENCE

WRITTEN = [
    (
        "arbitration administered by the HKIAC under its Administered Rules, seated in Hong Kong",
        "hkiac",
        "Hong Kong",
        {},
    ),
    ("ICC arbitration in Paris", "icc", "Paris", {}),
    (
        "arbitration under the Rules of Arbitration of the International Chamber of Commerce, seat: Geneva, "
        "three arbitrators, in English",
        "icc",
        "Geneva",
        {"arbitrators": 3, "language": "English"},
    ),
    ("SIAC arbitration seated in Singapore before a sole arbitrator", "siac", "Singapore", {"arbitrators": 1}),
    ("LCIA arbitration, seat of arbitration London, hearings in Dubai", "lcia", "London", {"venue": "Dubai"}),
    ("DIS arbitration seated in Frankfurt am Main", "dis", "Frankfurt am Main", {}),
    ("arbitration in Stockholm under the SCC Rules", "scc", "Stockholm", {}),
    ("arbitration under the Swiss Rules, seated in Zurich", "swiss-rules", "Zurich", {}),
    ("VIAC arbitration in Vienna", "viac", "Vienna", {}),
    ("NAI arbitration seated in Amsterdam", "nai", "Amsterdam", {}),
    ("CEPANI arbitration, seat Brussels", "cepani", "Brussels", {}),
    ("JCAA arbitration in Tokyo", "jcaa", "Tokyo", {}),
    ("arbitration administered by the KCAB, seated in Seoul", "kcab", "Seoul", {}),
    ("CIETAC arbitration in Beijing in the English language", "cietac", "Beijing", {"language": "English"}),
    ("arbitration under the SCCA Arbitration Rules, seated in Riyadh", "scca", "Riyadh", {}),
    ("BANI arbitration in Jakarta", "bani", "Jakarta", {}),
    ("MCIA arbitration seated in Mumbai", "mcia", "Mumbai", {}),
    ("arbitration administered by CRCICA, seat of arbitration Cairo", "crcica", "Cairo", {}),
    ("DIAC arbitration seated in Dubai", "diac", "Dubai", {}),
    ("DIFC-LCIA arbitration seated in Dubai", "diac", "Dubai", {}),
    ("arbitration under the rules of the Lagos Court of Arbitration, seated in Lagos", "lca", "Lagos", {}),
    ("arbitration administered by CANACO, seated in Mexico City", "canaco", "Mexico City", {}),
    ("arbitration administered by the AAA-ICDR, seated in New York", "icdr", "New York", {}),
    ("JAMS arbitration seated in New York", "jams", "New York", {}),
    ("arbitration administered by CAM-CCBC, seated in São Paulo", "cam-ccbc", "São Paulo", {}),
    ("ad hoc arbitration under the UNCITRAL Arbitration Rules seated in Singapore", "uncitral", "Singapore", {}),
]


@pytest.mark.parametrize("text, institution, seat, more", WRITTEN, ids=[w[1] + ":" + w[2] for w in WRITTEN])
def test_written_forms_are_read(text, institution, seat, more):
    assert is_arbitration(text)
    fields, problems = parse_arbitration(text)
    assert problems == []
    assert fields["institution"] == institution
    assert fields["seat"] == seat
    for key, value in more.items():
        assert fields[key] == value


def test_uncitral_rules_administered_by_an_institution_keep_both():
    fields, problems = parse_arbitration(
        "arbitration under the UNCITRAL Arbitration Rules administered by the HKIAC, seated in Hong Kong"
    )
    assert not problems and fields["institution"] == "hkiac" and fields["rules"] == "the UNCITRAL Arbitration Rules"


def test_court_phrases_are_not_arbitration():
    for text in (
        "the courts of England and Wales",
        "the Commercial Court in London",
        "the competent court in Amsterdam",
    ):
        assert not is_arbitration(text)


def test_every_institution_record_has_its_facts_and_sources():
    records = load_institutions()
    needed = {
        "icc",
        "lcia",
        "siac",
        "hkiac",
        "dis",
        "scc",
        "swiss-rules",
        "viac",
        "nai",
        "cepani",
        "jcaa",
        "kcab",
        "cietac",
        "scca",
        "bani",
        "mcia",
        "crcica",
        "diac",
        "lca",
        "canaco",
        "icdr",
        "aaa",
        "jams",
        "cam-ccbc",
        "uncitral",
    }
    assert needed <= set(records)
    for key, record in active().records("forums").items():
        data = record.data
        assert data["name"] and data["rules"]["name"], key
        assert data["sources"] and all("(https://" in s for s in data["sources"]), key
        assert data["as_of"], key
        assert data["rules"].get("emergency_arbitrator") in (True, False, None), key


def _deal(change) -> dict:
    data = yaml.safe_load(REFERENCE.read_text(encoding="utf-8"))
    data = copy.deepcopy(data)
    change(data)
    return data


def _drafted(data: dict):
    """The deal as validated and read, and its drafting notes (the deal printed as a draft)."""
    data["contract"]["draft"] = True
    deal, problems, notes = deal_findings(data, "deal.yaml", {})
    assert deal is not None and not problems, problems
    return deal, notes


def _problems(data: dict) -> str:
    with pytest.raises(DealError) as error:
        validate_data(data, "deal.yaml", {})
    return str(error.value)


def _final(data: dict) -> dict:
    data["contract"]["draft"] = False
    data.pop("status", None)
    return data


def test_a_final_arbitration_without_a_seat_is_refused_naming_the_field():
    message = _problems(_final(_deal(lambda d: d["contract"].update(jurisdiction="ICC arbitration"))))
    assert "contract.jurisdiction" in message and "seat" in message


def test_a_draft_arbitration_without_a_seat_prints_it_blank_with_a_note():
    deal, notes = _drafted(_deal(lambda d: d["contract"].update(jurisdiction="ICC arbitration, three arbitrators")))
    view = view_arbitration(arbitration_fields(deal), "English")
    assert view.seat == "[●]" and view.institution.key == "icc" and view.arbitrators == 3
    note = next(n for n in notes if n.id == "arbitration-seat:seat")
    assert note.path == "contract.jurisdiction" and "[●]" in note.drafted and "refused" in note.check


def test_an_institution_with_no_record_is_drafted_under_its_name_with_a_note():
    data = _deal(lambda d: d["contract"].update(jurisdiction="arbitration by the Narnia Board, seated in London"))
    deal, notes = _drafted(data)
    fields = arbitration_fields(deal)
    assert fields["institution"] == "Narnia Board" and fields["seat"] == "London"
    view = view_arbitration(fields, "English")
    assert view.institution.name == "the Narnia Board" and not view.institution.recorded
    assert view.rules == "its arbitration rules" and view.administered
    assert not view.emergency and view.institution.expedited is None
    note = next(n for n in notes if n.id.startswith("arbitral-institution:"))
    assert note.path == "contract.jurisdiction" and "no record" in note.unrecognised
    assert "emergency arbitrator" in note.check and "law/forums" in note.check


def test_an_institution_chosen_in_disputes_with_no_record_is_drafted_with_a_note():
    data = _deal(
        lambda d: d.update(disputes={"arbitration": {"institution": "Narnia Arbitration Centre", "seat": "London"}})
    )
    deal, notes = _drafted(data)
    assert view_arbitration(arbitration_fields(deal), "English").institution.name == "the Narnia Arbitration Centre"
    note = next(n for n in notes if n.id.startswith("arbitral-institution:"))
    assert note.path == "disputes.arbitration.institution"


def test_a_recorded_institution_gives_no_note():
    data = _deal(lambda d: d.update(disputes={"arbitration": {"institution": "SIAC", "seat": "Singapore"}}))
    _, notes = _drafted(data)
    assert not [n for n in notes if n.id.startswith("arbitral-institution:")]


def test_an_arbitration_naming_no_institution_at_all_is_refused_asking_for_it():
    message = _problems(_deal(lambda d: d["contract"].update(jurisdiction="arbitration seated in London")))
    assert "which institution" in message and "HKIAC" in message and "UNCITRAL" in message


def test_a_final_contract_with_an_unrecorded_institution_needs_the_note_acknowledged():
    message = _problems(
        _final(_deal(lambda d: d["contract"].update(jurisdiction="arbitration by the Narnia Board, seated in London")))
    )
    assert "arbitral-institution:narnia-board" in message


def test_court_choices_do_not_combine_with_arbitration():
    message = _problems(
        _deal(
            lambda d: d.update(
                disputes={"courts": "non-exclusive", "arbitration": {"institution": "LCIA", "seat": "London"}}
            )
        )
    )
    assert "disputes.courts" in message


def test_two_arbitrators_are_refused():
    message = _problems(
        _deal(lambda d: d.update(disputes={"arbitration": {"institution": "ICC", "seat": "Paris", "arbitrators": 2}}))
    )
    assert "disputes.arbitration.arbitrators" in message and "1" in message and "3" in message


@pytest.mark.parametrize(
    "written",
    [
        "arbitraje ante el Centro de Arbitraje y Conciliación de la Cámara de Comercio de Bogotá, sede Bogotá",
        "arbitragem CAM-CCBC, sede São Paulo",
        "arbitrage CCI, siège Paris",
        "arbitrato della Camera Arbitrale di Milano",
        "Schiedsverfahren nach der DIS-Schiedsgerichtsordnung, Sitz Frankfurt",
        "tres árbitros en Lima",
    ],
)
def test_arbitration_written_in_another_language_is_never_read_as_a_court(written):
    from contractgen.law.jurisdictions import is_arbitration

    assert is_arbitration(written)


@pytest.mark.parametrize("courts", ["the courts of Bogotá", "los jueces de Bogotá", "the Commercial Court, London"])
def test_courts_are_not_arbitration(courts):
    from contractgen.law.jurisdictions import is_arbitration

    assert not is_arbitration(courts)


# The word table (contractgen/law/data/forum_words.yaml): every phrase of every language is read.
WORDS = arbitration_words()
CITY_OF = {"en": "London", "es": "Bogotá", "pt": "São Paulo", "fr": "Paris", "it": "Milano", "de": "Frankfurt am Main",
           "nl": "Amsterdam", "sv": "Stockholm", "da": "København", "nb": "Oslo", "fi": "Helsinki", "pl": "Warszawa",
           "cs": "Praha", "tr": "İstanbul", "ru": "Москва", "ro": "București", "id": "Jakarta", "vi": "Hà Nội",
           "el": "Αθήνα", "hu": "Budapest", "zh": "北京", "ja": "東京", "ko": "서울", "ar": "Dubai", "th": "Bangkok"}  # fmt: skip
SEATS = [(code, phrase) for code, w in WORDS.items() for phrase in (w.seat or ("seated in",))]
SIZES = [
    (code, phrase, size) for code, w in WORDS.items() for size, kind in ((1, w.sole), (3, w.three)) for phrase in kind
]


def test_the_table_covers_seven_languages_each_with_every_kind_of_word():
    assert {"en", "es", "pt", "fr", "it", "de", "nl"} <= set(WORDS) and set(WORDS) == set(CITY_OF)
    for code, w in WORDS.items():
        assert w.arbitration and w.sole and w.three and w.without and w.language or code == "en", code
        if code in {"es", "pt", "fr", "it", "de", "nl"}:  # English is read by the English patterns
            assert w.emergency and w.expedited and w.seat and w.venue and w.fillers and w.in_, code
    named: dict[str, str] = {}
    for w in WORDS.values():  # a phrase two languages share names one language
        for phrase, english in w.language:
            assert english and named.setdefault(fold(phrase), english) == english, phrase


@pytest.mark.parametrize("code, seat", SEATS, ids=[f"{c}:{s}" for c, s in SEATS])
@pytest.mark.parametrize("size", [1, 3])
def test_every_seat_word_with_every_arbitrator_word_of_its_language_reads(code, seat, size):
    words = WORDS[code]
    city = CITY_OF[code]
    for tribunal in words.sole if size == 1 else words.three:
        text = f"{words.arbitration[0]} ICC, {seat} {city}, {tribunal}"
        fields, problems = parse_arbitration(text)
        assert problems == [], text
        assert (fields["institution"], fields["seat"], fields["arbitrators"]) == ("icc", city, size), text


@pytest.mark.parametrize("code, tribunal, size", SIZES, ids=[f"{c}:{t}" for c, t, _ in SIZES])
def test_every_arbitrator_word_reads_in_any_language_of_the_deal(code, tribunal, size):
    for other in WORDS.values():  # a tribunal written in one language beside a seat written in another
        seat = (other.seat or ("seated in",))[0]
        fields, problems = parse_arbitration(f"ICC arbitration, {seat} Paris, {tribunal}")
        assert not problems and fields["arbitrators"] == size and fields["seat"] == "Paris"


def test_a_sole_arbitrator_and_three_arbitrators_together_are_refused():
    _, problems = parse_arbitration("arbitraje CCI, sede Madrid, árbitro único, tres árbitros")
    assert problems and "sole arbitrator and three arbitrators" in problems[0]


LANGUAGE_PHRASES = [(code, phrase, english) for code, w in WORDS.items() for phrase, english in w.language]


@pytest.mark.parametrize("code, phrase, english", LANGUAGE_PHRASES, ids=[f"{c}:{p}" for c, p, _ in LANGUAGE_PHRASES])
def test_every_language_phrase_prints_the_language_in_english(code, phrase, english):
    seat = (WORDS[code].seat or ("seated in",))[0]
    fields, problems = parse_arbitration(f"{WORDS[code].arbitration[0]} ICC, {seat} {CITY_OF[code]}, {phrase}")
    assert not problems and fields["language"] == english
    assert english in LANGUAGES


VENUES = [(code, phrase) for code, w in WORDS.items() for phrase in w.venue]


@pytest.mark.parametrize("code, venue", VENUES, ids=[f"{c}:{v}" for c, v in VENUES])
def test_every_hearing_venue_phrase_is_not_the_seat(code, venue):
    seat = WORDS[code].seat[0]
    text = f"{WORDS[code].arbitration[0]} ICC, {seat} {CITY_OF[code]}, {venue} Miami"
    fields, problems = parse_arbitration(text)
    assert not problems and fields["seat"] == CITY_OF[code] and fields["venue"] == "Miami", text


IN_WORDS = [(code, word) for code, w in WORDS.items() for word in w.in_]


@pytest.mark.parametrize("code, word", IN_WORDS, ids=[f"{c}:{w}" for c, w in IN_WORDS])
def test_in_a_known_seat_names_the_seat(code, word):
    fields, problems = parse_arbitration(f"{WORDS[code].arbitration[0]} ICC {word} Singapore")
    assert not problems and fields["seat"] == "Singapore"


OPTIONS = [
    (code, kind, phrase)
    for code, w in WORDS.items()
    for kind in ("emergency", "expedited")
    for phrase in getattr(w, kind)
]


@pytest.mark.parametrize("code, kind, phrase", OPTIONS, ids=[f"{c}:{p}" for c, _, p in OPTIONS])
def test_emergency_and_expedited_are_kept_when_written_and_excluded_after_a_without_word(code, kind, phrase):
    name = {"emergency": "emergency_arbitrator", "expedited": "expedited"}[kind]
    base = f"ICC arbitration seated in Paris, {phrase}"
    assert parse_arbitration(base)[0][name] is True
    for without in WORDS[code].without:
        text = f"ICC arbitration seated in Paris, {without} {phrase}"
        assert parse_arbitration(text)[0][name] is False, text


ARBITRATION_WORDS = [(code, word) for code, w in WORDS.items() for word in w.arbitration]


@pytest.mark.parametrize("code, word", ARBITRATION_WORDS, ids=[f"{c}:{w}" for c, w in ARBITRATION_WORDS])
def test_every_arbitration_word_makes_the_forum_arbitration(code, word):
    written = word.replace("*", "gerichtsordnung")
    assert is_arbitration(f"{written} in Paris") and is_arbitration(written.upper())


INSTITUTION_WORDS = forum_words.table()["institutions"]["words"]


@pytest.mark.parametrize("word", INSTITUTION_WORDS)
def test_every_institution_word_names_an_institution_with_no_record(word):
    fields, problems = parse_arbitration(f"arbitration administered by the Narnia {word} of Trade, seated in London")
    assert not problems and fields["institution"] == f"Narnia {word} of Trade"


@pytest.mark.parametrize(
    "written, name",
    [
        ("Schiedsverfahren vor dem Schiedsgericht der Handelskammer Hamburg, Sitz Hamburg", "Schiedsgericht der Handelskammer Hamburg"),
        ("arbitrage administré par le Centre de médiation et d'arbitrage de Paris (CMAP), siège Paris", "Centre de médiation et d'arbitrage de Paris"),
        ("arbitraje ante el Centro de Arbitraje de la Cámara de Comercio de Narnia, sede Lima", "Centro de Arbitraje de la Cámara de Comercio de Narnia"),
        ("arbitration under the Rules of Arbitration of the Narnia Chamber of Commerce, seated in London", "Narnia Chamber of Commerce"),
        ("arbitrage volgens het reglement van de Kamer van Koophandel Narnia, zetel Amsterdam", "Kamer van Koophandel Narnia"),
    ],
)  # fmt: skip
def test_an_unrecorded_name_is_taken_as_written_in_each_language(written, name):
    fields, problems = parse_arbitration(written)
    assert not problems and fields["institution"] == name


def test_a_name_inside_the_seat_is_not_an_institution():
    fields, problems = parse_arbitration("arbitration seated in the Dubai International Financial Centre")
    assert "institution" not in fields and "which institution" in problems[0]


@pytest.mark.parametrize(
    "written, fields",
    [
        (
            "arbitraje ante el Centro de Arbitraje y Conciliación de la Cámara de Comercio de Bogotá, sede Bogotá, "
            "tres árbitros, en español",
            {"institution": "cac-ccb", "seat": "Bogotá", "arbitrators": 3, "language": "Spanish"},
        ),
        (
            "arbitragem administrada pelo Centro de Arbitragem e Mediação da Câmara de Comércio Brasil-Canadá "
            "(CAM-CCBC), sede da arbitragem São Paulo, três árbitros, em língua portuguesa",
            {"institution": "cam-ccbc", "seat": "São Paulo", "arbitrators": 3, "language": "Portuguese"},
        ),
        (
            "arbitrage selon le Règlement d'arbitrage de la Chambre de commerce internationale, siège de "
            "l'arbitrage : Paris, arbitre unique, en langue française",
            {"institution": "icc", "seat": "Paris", "arbitrators": 1, "language": "French"},
        ),
        (
            "Schiedsverfahren nach der DIS-Schiedsgerichtsordnung, Sitz des Schiedsverfahrens ist Frankfurt am "
            "Main, drei Schiedsrichter, in deutscher Sprache, ohne Eilschiedsrichter",
            {"institution": "dis", "seat": "Frankfurt am Main", "arbitrators": 3, "language": "German",
             "emergency_arbitrator": False},
        ),
        (
            "arbitraje administrado por el Centro de Arbitraje de la Cámara Nacional de Comercio de la Ciudad de "
            "México (CANACO), con sede en la Ciudad de México, árbitro único, en idioma español",
            {"institution": "canaco", "seat": "Ciudad de México", "arbitrators": 1, "language": "Spanish"},
        ),
        (
            "arbitrage volgens het Arbitragereglement van het Nederlands Arbitrage Instituut, plaats van arbitrage "
            "Amsterdam, drie arbiters, in de Engelse taal, versnelde procedure",
            {"institution": "nai", "seat": "Amsterdam", "arbitrators": 3, "language": "English", "expedited": True},
        ),
    ],
)  # fmt: skip
def test_practitioners_forms_in_their_own_language(written, fields):
    read, problems = parse_arbitration(written)
    assert problems == [] and read == fields


# Courts written in another language read as the courts of their city, or as the court they name.
COURT_WORDS = forum_words.table()["courts"]
GENERAL = [(code, phrase) for code, words in COURT_WORDS.items() for phrase in words["general"]]
NAMED = [(code, name) for code, words in COURT_WORDS.items() for name in words["named"]]


@pytest.mark.parametrize("code, phrase", GENERAL, ids=[f"{c}:{p}" for c, p in GENERAL])
def test_every_general_court_phrase_reads_as_the_courts_of_its_city(code, phrase):
    forum = forum_of(f"{phrase} Frankfurt am Main", "German law")
    assert forum.courts == "the courts of Frankfurt am Main" and forum.plural
    assert names_a_court(f"{phrase} Frankfurt am Main") and not is_arbitration(phrase)


@pytest.mark.parametrize("code, name", NAMED, ids=[f"{c}:{n}" for c, n in NAMED])
def test_every_named_court_prints_as_written_with_its_article(code, name):
    article = (COURT_WORDS[code]["articles"] or [""])[0]  # Indonesian and Vietnamese write none
    forum = forum_of(f"{article} {name} Lisboa".strip(), "Portuguese law")
    assert forum.courts == f"the {name} Lisboa"


@pytest.mark.parametrize(
    "written, courts, plural",
    [
        ("los juzgados y tribunales de Madrid", "the courts of Madrid", True),
        ("tribunales ordinarios de justicia de Santiago", "the courts of Santiago", True),
        ("foro da Comarca de São Paulo", "the courts of São Paulo", True),
        ("tribunaux de Paris", "the courts of Paris", True),
        ("Tribunal de commerce de Paris", "the Tribunal de commerce de Paris", False),
        ("ausschließlicher Gerichtsstand ist Frankfurt am Main", "the courts of Frankfurt am Main", True),
        ("Foro di Milano", "the courts of Milan", True),
        ("de bevoegde rechter te Amsterdam", "the courts of Amsterdam", True),
        ("los tribunales de la ciudad de Bogotá", "the courts of Bogotá", True),
        ("Landgericht Frankfurt am Main", "the Landgericht Frankfurt am Main", False),
    ],
)
def test_courts_written_by_practitioners_in_their_language(written, courts, plural):
    forum = forum_of(written, "English law")
    assert (forum.courts, forum.plural) == (courts, plural)
    assert "the courts of" not in courts[len("the courts of") :]


def test_a_city_the_library_knows_in_its_language_takes_its_record():
    assert forum_of("los juzgados y tribunales de Madrid", "Spanish law").key == "spain"
    assert forum_of("Foro di Milano", "Italian law").key == "italy"
