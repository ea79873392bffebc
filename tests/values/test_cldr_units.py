"""Durations in every language CLDR names: figures and a unit ("24 μήνες", "36 tháng", "30일") read as the English
duration, the schema takes them, payment terms in days read as days; the data file is what CLDR gives."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from contractgen.deal import accepted
from contractgen.values.cldr_units import UNITS_FILE, cldr_duration_units, duration_units
from contractgen.values.duration_words import fold, table
from contractgen.values.durations import Duration
from contractgen.values.payment import PaymentTerm

ENGLISH = {"minute": "minutes", "hour": "hours", "day": "days", "week": "weeks", "month": "months", "year": "years"}
# every CLDR phrase the reader takes: not refused as ambiguous, not an abbreviation of one or two Latin letters,
# not a phrase the curated table reads as another unit
READ = sorted(
    {
        (code, unit, phrase)
        for code, units in duration_units().items()
        for unit, phrases in units.items()
        for phrase in phrases
        if fold(phrase) not in table()[1]
        and any(language.units.get(fold(phrase)) == (unit, False) for language in table()[0].values())
    }
)


def test_the_units_file_is_what_cldr_gives():
    """data/duration_units.tsv is CLDR's unit names as the installed Babel gives them (scripts/cldr-duration-units.py)."""
    assert UNITS_FILE.read_text(encoding="utf-8") == cldr_duration_units()


def test_a_cldr_unit_name_is_left_unread_only_as_an_abbreviation_or_a_disputed_name():
    left = {(c, u, p) for c, us in duration_units().items() for u, ps in us.items() for p in ps} - set(READ)
    unexplained = [
        (code, unit, phrase)
        for code, unit, phrase in left
        if not re.fullmatch(r"[A-Za-z]{1,2}\.?", phrase)  # "d", "hr", "j.": abbreviations, not words of a contract
        and fold(phrase) not in table()[1]  # two languages read it differently: refused as ambiguous
        and not any(fold(phrase) in language.units for language in table()[0].values() if language.every)
    ]
    assert not unexplained, unexplained[:20]
    assert len(READ) > 2000


def test_every_unit_name_read_reads_back_as_its_english_duration():
    wrong = []
    for code, unit, phrase in READ:
        for number in (1, 24, 365):
            text = f"{number} {phrase}"
            try:
                if Duration.parse(text) != Duration.parse(f"{number} {ENGLISH[unit]}"):
                    wrong.append((code, text))
            except ValueError as exc:
                wrong.append((code, text, str(exc)))
    assert not wrong, wrong[:20]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(READ), st.integers(1, 99_999), st.sampled_from(["", " "]))
def test_the_schema_takes_every_unit_name_the_reader_takes(entry, number, gap):
    code, unit, phrase = entry
    text = f"{number}{gap}{phrase}"
    assert re.search(accepted.duration_forms()["pattern"], text), (code, text)
    assert Duration.parse(text) == Duration.parse(f"{number} {ENGLISH[unit]}")


@pytest.mark.parametrize(
    "written, english",
    [("24 μήνες", "24 months"), ("12 μήνες", "12 months"), ("24 de luni", "24 months"), ("36 ay", "36 months"),
     ("72 saat", "72 hours"), ("36 tháng", "36 months"), ("24 měsíců", "24 months"), ("4 év", "4 years"),
     ("3 năm", "3 years"), ("24개월", "24 months"), ("3年", "3 years"), ("36 місяців", "36 months")],
)  # fmt: skip
def test_the_second_trials_durations_read_as_written(written, english):
    assert Duration.parse(written) == Duration.parse(english)


@pytest.mark.parametrize(
    "written", ["30 de zile", "30 ngày", "30 nap", "30 gün", "30日", "30일", "30 днів", "60 ημέρες", "30 dnů"]
)
def test_payment_terms_in_days_in_any_language_are_days_from_receipt(written):
    term = PaymentTerm.parse(written)
    assert term.kind == "days" and term.period == Duration.parse(f"{int(re.match(r'[0-9]+', written)[0])} days")


@pytest.mark.parametrize("written", ["72 години", "5 год"])
def test_a_unit_name_two_languages_read_differently_is_refused(written):
    with pytest.raises(ValueError, match="ambiguous"):
        Duration.parse(written)
