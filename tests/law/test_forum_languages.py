"""Arbitration written as the trial's practitioners wrote it: an institution named alone ("CIETAC Beijing") is
arbitration, and a seat the library knows written after it with no word for "seat" is the seat."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from contractgen.law.cross_border import award_notes
from contractgen.law.jurisdictions import forum_of
from contractgen.law.forums import is_arbitration, new_york_convention, parse_arbitration, view_arbitration

ALONE = [
    ("CIETAC Beijing", "cietac", "Beijing"),
    ("HKIAC, Hong Kong", "hkiac", "Hong Kong"),
    ("SCC Stockholm", "scc", "Stockholm"),
    ("SIAC Singapore", "siac", "Singapore"),
]


@pytest.mark.parametrize("written, institution, seat", ALONE, ids=[w for w, _, _ in ALONE])
def test_a_recorded_institution_named_alone_is_arbitration_with_the_city_after_it_as_seat(written, institution, seat):
    assert is_arbitration(written)
    fields, problems = parse_arbitration(written)
    assert problems == [] and (fields["institution"], fields["seat"]) == (institution, seat)


def test_a_city_inside_an_institution_name_is_not_taken_for_the_seat():
    _, problems = parse_arbitration("arbitraje ante el Centro de Arbitraje de la Cámara de Comercio de Bogotá")
    assert problems and "name the seat" in problems[-1]


@pytest.mark.parametrize("courts", ["the courts of England", "Commercial Court, London", "the courts of Beijing"])
def test_courts_naming_no_institution_stay_courts(courts):
    assert not is_arbitration(courts)


# The trial's forms and the class they stand for, as practitioners in each market write them: (written, the fields
# the reader must find).
TRIAL = [
    (
        "skiljeförfarande enligt Regler för Stockholms Handelskammares Skiljedomsinstitut, säte Stockholm, tre "
        "skiljemän, svenska språket",
        {"institution": "scc", "seat": "Stockholm", "arbitrators": 3, "language": "Swedish"},
    ),
    ("中国国际经济贸易仲裁委员会 北京", {"institution": "cietac", "seat": "北京"}),
    (
        "提交中国国际经济贸易仲裁委员会仲裁，仲裁地为北京，仲裁庭由三名仲裁员组成，仲裁语言为中文",
        {"institution": "cietac", "seat": "北京", "arbitrators": 3, "language": "Chinese"},
    ),
    (
        "一般社団法人日本商事仲裁協会の商事仲裁規則に従って仲裁により最終的に解決する。仲裁地：東京、3名の仲裁人",
        {"institution": "jcaa", "seat": "東京", "arbitrators": 3},
    ),
    ("KCAB 중재, 중재지: 서울, 3인의 중재인", {"institution": "kcab", "seat": "서울", "arbitrators": 3}),
    (
        "voldgift ved Voldgiftsinstituttet, sæde København, tre voldgiftsdommere, på dansk",
        {"institution": "Voldgiftsinstituttet", "seat": "København", "arbitrators": 3, "language": "Danish"},
    ),
    (
        "ICC-voldgift, sete Oslo, én voldgiftsdommer, på norsk",
        {"institution": "icc", "seat": "Oslo", "arbitrators": 1, "language": "Norwegian"},
    ),
    (
        "välimiesmenettely ICC:n sääntöjen mukaan, paikka Helsinki, kolme välimiestä, kieli: suomi",
        {"institution": "icc", "seat": "Helsinki", "arbitrators": 3, "language": "Finnish"},
    ),
    (
        "arbitraż przed Sądem Arbitrażowym przy Krajowej Izbie Gospodarczej w Warszawie, siedziba Warszawa, trzech "
        "arbitrów, w języku polskim",
        {"institution": "sakig", "seat": "Warszawa", "arbitrators": 3, "language": "Polish"},
    ),
    (
        "rozhodčí řízení ICC, místo rozhodčího řízení Praha, tři rozhodci, v českém jazyce",
        {"institution": "icc", "seat": "Praha", "arbitrators": 3, "language": "Czech"},
    ),
    (
        "ICC tahkimi, tahkim yeri İstanbul, üç hakem, tahkim dili Türkçe",
        {"institution": "icc", "seat": "İstanbul", "arbitrators": 3, "language": "Turkish"},
    ),
    (
        "арбитраж ICC, место арбитража — Москва, три арбитра, на русском языке",
        {"institution": "icc", "seat": "Москва", "arbitrators": 3, "language": "Russian"},
    ),
    (
        "arbitraj ICC, sediul arbitrajului București, trei arbitri, în limba română",
        {"institution": "icc", "seat": "București", "arbitrators": 3, "language": "Romanian"},
    ),
    (
        "arbitrase BANI, tempat arbitrase Jakarta, tiga arbiter, dalam bahasa Indonesia",
        {"institution": "bani", "seat": "Jakarta", "arbitrators": 3, "language": "Indonesian"},
    ),
    (
        "trọng tài SIAC, địa điểm trọng tài Singapore, ba trọng tài viên, bằng tiếng Anh",
        {"institution": "siac", "seat": "Singapore", "arbitrators": 3, "language": "English"},
    ),
    (
        "διαιτησία ICC, έδρα της διαιτησίας Αθήνα, τρεις διαιτητές, στην ελληνική γλώσσα",
        {"institution": "icc", "seat": "Αθήνα", "arbitrators": 3, "language": "Greek"},
    ),
    (
        "választottbírósági eljárás ICC szabályai szerint, eljárás helye Budapest, három választottbíró, magyar nyelven",
        {"institution": "icc", "seat": "Budapest", "arbitrators": 3, "language": "Hungarian"},
    ),
    (
        "التحكيم وفقا لقواعد ICC، مقر التحكيم دبي، ثلاثة محكمين، باللغة العربية",
        {"institution": "icc", "arbitrators": 3, "language": "Arabic"},
    ),
]


@pytest.mark.parametrize("written, expected", TRIAL, ids=[e.get("language", w[:12]) for w, e in TRIAL])
def test_arbitration_written_in_each_market_language_is_read(written, expected):
    assert is_arbitration(written)
    fields, _ = parse_arbitration(written)
    assert {k: fields.get(k) for k in expected} == expected


@pytest.mark.parametrize("written", ["تحكيم", "อนุญาโตตุลาการ", "third-party 仲裁", "중재를 통하여", "третейский суд"])
def test_the_arbitration_word_of_a_language_without_spaces_is_read_inside_a_word(written):
    assert is_arbitration(written)


def test_a_russian_state_commercial_court_is_not_arbitration():
    # "арбитражный суд" is the state commercial court: the adjective is no arbitration word
    assert not is_arbitration("Арбитражный суд города Москвы")


def test_two_languages_written_together_are_both_the_language_of_the_arbitration():
    fields, _ = parse_arbitration("CRCICA arbitration, seat Cairo, three arbitrators, language Arabic and English")
    assert fields["language"] == "Arabic and English"
    assert parse_arbitration("ICC arbitration seated in Paris, in English")[0]["language"] == "English"


def _parties(client: str, supplier: str) -> SimpleNamespace:
    party = lambda name, place: SimpleNamespace(name=name, incorporated_in=place, address="")  # noqa: E731
    return SimpleNamespace(
        parties=SimpleNamespace(client=party("Ministry of ICT", client), supplier=party("V", supplier))
    )


def test_a_seat_written_with_its_country_does_not_repeat_the_country_in_the_convention_note():
    states = new_york_convention()["states"]
    assert "TW" not in states  # a state the record does not list: the seat note names it
    arbitration = SimpleNamespace(seat="Taipei, Taiwan", seat_country="TW", institution=SimpleNamespace(key=""))
    notes = dict(award_notes(_parties("Taiwan", "Taiwan"), arbitration))
    assert "(Taipei, Taiwan)" in notes[""] and "Taiwan, Taiwan" not in notes[""]


def test_a_party_in_a_state_missing_from_the_convention_record_is_not_called_a_non_party():
    arbitration = SimpleNamespace(seat="London", seat_country="GB", institution=SimpleNamespace(key=""))
    note = dict(award_notes(_parties("Taiwan", "United Kingdom"), arbitration))["client"]
    assert "is not among the states the New York Convention record lists" in note
    assert "of the 172 parties" in note and "check the UNCITRAL status page" in note
    assert "is not recorded as a New York Convention state" not in note


@pytest.mark.parametrize(
    "written",
    ["VIAC Vietnam, seated in Hanoi, Vietnam", "trọng tài VIAC Việt Nam, tại Hà Nội", "VIAC Rules, seat Hanoi",
     "VIAC arbitration, Ho Chi Minh City, Vietnam",
     "Trung tâm Trọng tài Quốc tế Việt Nam bên cạnh Liên đoàn Thương mại và Công nghiệp Việt Nam (VIAC), địa điểm trọng "
     "tài Hà Nội, ba trọng tài viên"],
)  # fmt: skip
def test_the_vietnam_centre_is_read_as_its_own_record_not_viennas_viac(written):
    assert is_arbitration(written)
    assert parse_arbitration(written)[0]["institution"] == "viac-vietnam"


@pytest.mark.parametrize("written", ["VIAC arbitration seated in Vienna", "VIAC Rules, Sitz Wien", "VIAC, Österreich"])
def test_the_shared_acronym_with_an_austrian_place_or_none_is_viennas_viac(written):
    assert parse_arbitration(written)[0]["institution"] == "viac"


def test_every_acronym_two_records_share_is_resolved_by_the_country_each_record_names():
    from contractgen.law.institutions import _shared_aliases, institutions_in, load_institutions
    from contractgen.law.library import active
    from contractgen.values.countries import country_name

    records = load_institutions()
    for alias, keys in _shared_aliases(active()).items():
        for key in keys:
            place = country_name(records[key].country)
            assert [i.key for i in institutions_in(f"{alias} arbitration in {place}")] == [key], (alias, key)


@pytest.mark.parametrize(
    "city, country", [("Chennai", "IN"), ("Bangalore", "IN"), ("Shenzhen", "CN"), ("Nairobi", "KE")]
)
def test_a_large_city_of_a_recorded_country_is_a_seat_without_its_country(city, country):
    fields, _ = parse_arbitration(f"ICC arbitration seated in {city}")
    assert view_arbitration(fields, "English").seat_country == country


def test_seat_and_venue_written_together_name_the_seat():
    written = (
        "arbitration by a sole arbitrator under the Arbitration and Conciliation Act, 1996, seat and venue Chennai"
    )
    fields, _ = parse_arbitration(written)
    assert fields["seat"] == "Chennai" and "venue" not in fields and fields["arbitrators"] == 1


@pytest.mark.parametrize(
    "written, law, courts",
    [
        ("sądy powszechne w Warszawie", "Polish law", "the courts of Warsaw"),
        ("allmän domstol i Stockholm", "Swedish law", "the courts of Stockholm"),
        ("domstolene i Oslo", "Norwegian law", "the courts of Oslo"),
        ("instanțele din București", "Romanian law", "the courts of București"),
        ("Pengadilan Negeri Jakarta Selatan", "Indonesian law", "the Pengadilan Negeri Jakarta Selatan"),
    ],
)
def test_courts_written_in_the_added_languages_are_courts_of_their_city(written, law, courts):
    assert not is_arbitration(written) and forum_of(written, law).courts == courts
