"""Durations and frequencies in other languages: each reads as its English form, the schema takes the same."""

from __future__ import annotations

import re
import unicodedata

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from contractgen.deal import accepted
from contractgen.values import duration_words
from contractgen.values.durations import Duration, Frequency

WORDS = yaml.safe_load(duration_words.WORDS.read_text(encoding="utf-8"))
LANGUAGES = WORDS["languages"]
# What each unit key of the table is in English, as the English reader takes it.
ENGLISH = {
    "minute": "minutes", "hour": "hours", "business hour": "business hours", "day": "days",
    "business day": "business days", "week": "weeks", "month": "months", "year": "years",
}  # fmt: skip
UNIT_PHRASES = sorted(
    {(code, key, phrase) for code, w in LANGUAGES.items() for key, ps in w["units"].items() for phrase in ps}
)
FREQUENCY_PHRASES = sorted(
    {(code, key, phrase) for code, w in LANGUAGES.items() for key, ps in w["frequencies"].items() for phrase in ps}
)
AMBIGUOUS = sorted({word for entry in WORDS["ambiguous"] for word in entry["words"]})


def _plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def _schema(forms: dict, text: str) -> bool:
    return re.search(forms["pattern"], text) is not None


def _reads(parse, text: str) -> bool:
    try:
        parse(text)
    except ValueError:
        return False
    return True


def test_the_practitioners_forms_read_as_their_english_durations():
    for text, english in (
        ("24 horas", "24 hours"), ("72 Stunden", "72 hours"), ("30 jours", "30 days"), ("48 ore", "48 hours"),
        ("5 dias úteis", "5 business days"), ("3 werkdagen", "3 business days"), ("14 dni", "14 days"),
        ("72h", "72 hours"), ("dos días hábiles", "2 business days"), ("30 días corridos", "30 days"),
        ("ein Jahr", "1 year"), ("12 meses", "12 months"), ("2 tygodnie", "2 weeks"), ("24 hs.", "24 hours"),
    ):  # fmt: skip
        assert Duration.parse(text) == Duration.parse(english), text
        assert str(Duration.parse(text)) == english
        assert _schema(accepted.duration_forms(), text), text


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(UNIT_PHRASES), st.integers(1, 100_000), st.sampled_from(["", " ", "  "]), st.booleans())
def test_every_unit_of_every_language_round_trips_to_the_english_duration(entry, number, gap, shout):
    code, key, phrase = entry
    english = Duration.parse(f"{number} {ENGLISH[key]}")
    for written in {phrase, _plain(phrase)}:
        written = written.upper() if shout else written
        text = f"{number}{gap}{written}"
        assert Duration.parse(text) == english, (code, text)
        assert _schema(accepted.duration_forms(), text), (code, text)
        assert Duration.parse(str(Duration.parse(text))) == english


@pytest.mark.parametrize("code", sorted(LANGUAGES))
def test_number_words_are_read_with_a_unit_of_their_own_language_only(code):
    words = LANGUAGES[code]
    day = words["units"]["day"][-1]
    for value, spelled in words["numbers"].items():
        for word in spelled:
            assert Duration.parse(f"{word} {day}") == Duration(int(value), "day"), word
            assert _schema(accepted.duration_forms(), f"{word} {day}")
    for text in ("dos Tage", "zwei días", "deux dagen", "twee jours"):  # a number word of another language
        assert not _reads(Duration.parse, text) and not _schema(accepted.duration_forms(), text), text


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(FREQUENCY_PHRASES))
def test_every_frequency_word_reads_as_its_english_frequency(entry):
    code, key, phrase = entry
    every, unit = key.split()
    expected = Frequency.parse(f"every {every} {unit}s")
    for written in {phrase, _plain(phrase), phrase.upper()}:
        assert Frequency.parse(written) == expected, (code, written)
        assert _schema(accepted.frequency_forms(), written), (code, written)


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(sorted(LANGUAGES)), st.sampled_from(["day", "week", "month", "year"]), st.integers(1, 1000))
def test_every_n_units_in_every_language(code, unit, number):
    words = LANGUAGES[code]
    for every in words["every"]:
        for phrase in words["units"][unit]:
            text = f"{every} {number} {phrase}"
            assert Frequency.parse(text) == Frequency(number, unit), text
            assert _schema(accepted.frequency_forms(), text), text


@pytest.mark.parametrize("word", AMBIGUOUS)
def test_an_ambiguous_word_is_refused_saying_why_and_the_schema_refuses_it(word):
    as_frequency = word.lower().startswith(("bi", "quin", "twee"))
    text, parse, forms = (
        (word, Frequency.parse, accepted.frequency_forms())
        if as_frequency
        else (f"3 {word}", Duration.parse, accepted.duration_forms())
    )
    with pytest.raises(ValueError, match="ambiguous"):
        parse(text)
    assert not _schema(forms, text), text


def test_saturday_counting_days_are_refused_naming_the_law_and_the_word_to_write():
    with pytest.raises(ValueError, match=r"Saturdays.*jours ouvrés"):
        Duration.parse("3 jours ouvrables")
    with pytest.raises(ValueError, match=r"§ 3\(2\) BUrlG.*Arbeitstage"):
        Duration.parse("5 Werktage")
    with pytest.raises(ValueError, match="minutes or months"):
        Duration.parse("3 m")


_LETTERS = sorted({c for _, _, p in UNIT_PHRASES + FREQUENCY_PHRASES for c in p} | set("0123456789 .xq"))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_LETTERS, max_size=24))
def test_the_schema_takes_a_duration_or_frequency_exactly_when_the_reader_does(text):
    assert _schema(accepted.duration_forms(), text) == _reads(Duration.parse, text), text
    assert _schema(accepted.frequency_forms(), text) == _reads(Frequency.parse, text), text


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(UNIT_PHRASES), st.integers(1, 999))
def test_the_schema_and_the_reader_agree_on_phrases_cut_or_joined(entry, number):
    code, key, phrase = entry
    for text in (f"{number} {phrase[:-1]}", f"{number} {phrase}x", f"{number}{phrase} {phrase}", f"{phrase} {number}"):
        assert _schema(accepted.duration_forms(), text) == _reads(Duration.parse, text), text
