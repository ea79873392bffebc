"""Court clauses as each market writes them reduce to the court chosen, never to the phrase pasted into the clause."""

from __future__ import annotations

import pytest

from contractgen.law.forum_words import exclusivity_written, table
from contractgen.law.forums_courts import UNREAD, read_courts
from contractgen.law.jurisdictions import forum_of
from contractgen.law.seat_courts import party_city, party_seat_forum
from contractgen.values.duration_words import fold

WORDS = table()["court_reading"]
VERBS = [(code, verb) for code, verbs in WORDS["verbs"].items() for verb in verbs]
AREAS = [(code, phrase, english) for code, by in WORDS["areas"].items() for phrase, english in by.items()]
EXCLUSIVE = [w for w in table()["exclusivity"]["exclusive"] if " " not in w or w == "sole and exclusive"]


@pytest.mark.parametrize("code, phrase, english", AREAS, ids=[f"{c}-{p}" for c, p, _ in AREAS])
@pytest.mark.parametrize(
    "place, place_english", [("Zürich", "Zurich"), ("Liège", "Liège"), ("Travis County", "Travis County")]
)
def test_every_area_phrase_is_the_courts_of_its_place_in_english(code, phrase, english, place, place_english):
    read = read_courts(f"{phrase} {place}")
    assert read is not None and read.courts == f"{english} {place_english}" and read.plural


@pytest.mark.parametrize("code, verb", VERBS, ids=[f"{c}-{v}" for c, v in VERBS])
def test_no_sentence_verb_is_ever_printed(code, verb):
    unspaced = code in WORDS["unspaced"]
    for written, courts in (
        (
            (f"서울중앙지방법원{verb}", "the Seoul Central District Court")
            if unspaced
            else (f"les tribunaux de Paris {verb}", "the courts of Paris")
        ),
        (f"the competent courts in Tel Aviv-Jaffa {verb}", "the competent courts in Tel Aviv-Jaffa"),
    ):
        forum = forum_of(written, "Israeli law")
        assert forum.courts == courts, written
        assert fold(verb) not in fold(forum.courts)


@pytest.mark.parametrize("word", EXCLUSIVE)
@pytest.mark.parametrize(
    "written, courts",
    [
        (
            "les cours et tribunaux de l'arrondissement judiciaire de Liège {} ",
            "the courts of the judicial district of Liège",
        ),
        ("τα Δικαστήρια των Αθηνών {}", "the courts of Athens"),
        ("Tribunal Administrativo e Fiscal do Porto {}", "the Tribunal Administrativo e Fiscal do Porto"),
    ],
)
def test_exclusivity_words_choose_exclusive_courts_and_are_not_printed(word, written, courts):
    text = written.format(word)
    forum = forum_of(text, "Belgian law")
    assert forum.courts == courts and exclusivity_written(text) == "exclusive"
    assert fold(word) not in fold(forum.courts)


WAIVERS = [(code, w) for code, waivers in WORDS["waivers"].items() for w in waivers]


@pytest.mark.parametrize("code, waiver", WAIVERS, ids=[f"{c}-{w}" for c, w in WAIVERS])
def test_a_waiver_of_other_forums_is_read_as_a_waiver_not_printed_as_the_court(code, waiver):
    forum = forum_of(
        f"los tribunales competentes de la ciudad de Guadalajara, {waiver} que pudiera corresponderles", ""
    )
    assert forum.courts == "the courts of Guadalajara" and forum.waiver


SEATS = [(code, phrase, role) for code, by in WORDS["seats"].items() for phrase, role in by.items()]


@pytest.mark.parametrize("code, phrase, role", SEATS, ids=[f"{c}-{p}" for c, p, _ in SEATS])
def test_a_forum_at_a_partys_seat_is_that_partys_city(code, phrase, role):
    forum = forum_of(f"instanțele judecătorești competente {phrase}", "Romanian law")
    assert forum.seat_of == role and forum.plural
    assert party_seat_forum(forum, "Calea Dorobanților nr. 106, Cluj-Napoca, județul Cluj, România").courts == (
        "the courts of Cluj-Napoca"
    )


@pytest.mark.parametrize(
    "address, city",
    [
        ("Calea Dorobanților nr. 106, Cluj-Napoca, județul Cluj, România", "Cluj-Napoca"),
        ("Ovocný trh 560/5, 116 36 Praha 1, Česká republika", "Prague"),
        ("Main Street 1", ""),
    ],
)
def test_a_partys_city_is_read_from_its_address(address, city):
    assert party_city(address) == city


# The trial's phrases as written (second new-user trial), and what the clause must say.
TRIAL = [
    (
        "Tribunales Nacionales en lo Contencioso Administrativo Federal con asiento en la Ciudad Autónoma de Buenos "
        "Aires, con renuncia a cualquier otro fuero o jurisdicción",
        "leyes de la República Argentina",
        "the Tribunales Nacionales en lo Contencioso Administrativo Federal sitting in Buenos Aires",
        True,
        True,
    ),
    (
        "les cours et tribunaux de l'arrondissement judiciaire de Liège sont seuls compétents",
        "droit belge",
        "the courts of the judicial district of Liège",
        True,
        False,
    ),
    ("les tribunaux du district judiciaire de Québec", "les lois applicables au Québec",
     "the courts of the judicial district of Québec", True, False),
    ("αρμόδια τα Δικαστήρια των Αθηνών", "ελληνικό δίκαιο", "the courts of Athens", True, False),
    ("Господарський суд міста Києва", "законодавство України", "the Господарський суд міста Києва", False, False),
    ("서울중앙지방법원을 전속적 합의관할 법원으로 한다", "대한민국 법", "the Seoul Central District Court", False, False),
    ("以臺灣臺北地方法院為第一審管轄法院", "中華民國法律", "the Taiwan Taipei District Court", False, False),
    ("the competent courts in Tel Aviv-Jaffa shall have sole and exclusive jurisdiction",
     "the laws of the State of Israel", "the competent courts in Tel Aviv-Jaffa", True, False),
    ("exclusive venue in the state courts of Travis County, Texas", "the laws of the State of Texas",
     "the state courts of Travis County, Texas", True, False),
    ("tribunal administratif de Rabat", "droit marocain", "the Tribunal administratif de Rabat", False, False),
    ("Tribunal Administrativo e Fiscal do Porto, com expressa renúncia a qualquer outro", "lei portuguesa",
     "the Tribunal Administrativo e Fiscal do Porto", False, True),
    ("the Court of Session", "the law of Scotland", "the Court of Session", False, False),
    ("los tribunales competentes de la ciudad de Guadalajara, Jalisco, renunciando a cualquier otro fuero que pudiera "
     "corresponderles por razón de su domicilio presente o futuro", "las leyes del Estado de Jalisco",
     "the courts of Guadalajara", True, True),
]  # fmt: skip


@pytest.mark.parametrize("written, law, courts, plural, waiver", TRIAL, ids=[t[2] for t in TRIAL])
def test_the_trials_court_phrases_as_written(written, law, courts, plural, waiver):
    forum = forum_of(written, law)
    assert (forum.courts, forum.plural, forum.waiver) == (courts, plural, waiver)
    assert not forum.courts.startswith("the courts of ") or fold(written) not in fold(forum.courts)


@pytest.mark.parametrize(
    "written, role",
    [
        ("instanțele judecătorești competente de la sediul autorității contractante", "client"),
        ("obecné soudy České republiky, místně příslušný je soud podle sídla objednatele", "client"),
    ],
)
def test_the_trials_forums_at_the_clients_seat(written, role):
    assert forum_of(written, "legea română").seat_of == role


@pytest.mark.parametrize(
    "written",
    ["las partes se someten a lo que decidan de común acuerdo", "die Parteien einigen sich später darüber"],
)
def test_a_phrase_that_reduces_to_no_court_is_never_spliced(written):
    forum = forum_of(written, "Spanish law")
    assert forum.courts == UNREAD and forum.unread == written


@pytest.mark.parametrize(
    "written, law, courts",
    [
        ("the Seoul Central District Court", "Korean law", "the Seoul Central District Court"),
        ("Stockholm District Court", "Swedish law", "the Stockholm District Court"),
        (
            "the Federal High Court, Lagos Judicial Division",
            "Nigerian law",
            "the Federal High Court, Lagos Judicial Division",
        ),
        ("東京地方裁判所 (the Tokyo District Court)", "Japanese law", "東京地方裁判所 (the Tokyo District Court)"),
        (
            "the High Court of Justice of England and Wales",
            "English law",
            "the High Court of Justice of England and Wales",
        ),
        ("the Court of Session", "Scots law", "the Court of Session"),
        ("the English courts", "English law", "the courts of England and Wales"),
        ("the competent courts of Kigali", "the laws of the Republic of Rwanda", "the competent courts of Kigali"),
        ("Göteborgs tingsrätt", "svensk rätt", "the Göteborgs tingsrätt"),
    ],
)
def test_a_court_named_in_english_keeps_its_whole_name(written, law, courts):
    assert forum_of(written, law).courts == courts
