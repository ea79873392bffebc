"""Dates as markets write them, read by the deal's locale; a day/month order nothing settles is refused, never guessed."""

from __future__ import annotations

from datetime import date

import pytest
from babel.dates import format_date
from babel.localedata import locale_identifiers
from hypothesis import given
from hypothesis import strategies as st

from contractgen.values.amounts import Ambiguous
from contractgen.values.dates import read_date

LOCALES = sorted(locale_identifiers())


@pytest.mark.parametrize(
    "text, locale, expected",
    [
        ("01.04.2027", "de_DE", date(2027, 4, 1)),
        ("1. 3. 2027", "cs_CZ", date(2027, 3, 1)),
        ("01/04/2027", "en_GB", date(2027, 4, 1)),
        ("01/04/2027", "en_US", date(2027, 1, 4)),
        ("April 1, 2027", "en_GB", date(2027, 4, 1)),
        ("1 July 2027", "en_US", date(2027, 7, 1)),
        ("2027年4月1日", "ja_JP", date(2027, 4, 1)),
        ("2027年4月1日", "en_GB", date(2027, 4, 1)),
        ("2027-04-01", "en_US", date(2027, 4, 1)),
        ("1st July 2027", "en_GB", date(2027, 7, 1)),
        ("1er juillet 2027", "fr_FR", date(2027, 7, 1)),
        ("1 de abril de 2027", "es_ES", date(2027, 4, 1)),
        ("Thursday, 1 April 2027", "en_GB", date(2027, 4, 1)),
        ("2027/04/01", "en_GB", date(2027, 4, 1)),
        ("1 апреля 2027 г.", "ru_RU", date(2027, 4, 1)),
        ("2027. április 1.", "hu_HU", date(2027, 4, 1)),
    ],
)
def test_dates_as_markets_write_them(text, locale, expected):
    assert read_date(text, locale) == expected


def test_an_order_the_locale_does_not_settle_is_refused_naming_both_readings():
    with pytest.raises(Ambiguous) as info:
        read_date("01/04/2027", "zh_CN")
    assert "1 April 2027" in str(info.value) and "4 January 2027" in str(info.value)
    assert "2027-04-01" in str(info.value) and "2027-01-04" in str(info.value)


@pytest.mark.parametrize(
    "text, locale, message",
    [
        ("4/1/27", "en_US", "two-digit year"),
        ("13/04/2027", "en_US", "if you mean 13 April 2027, write 2027-04-13"),
        ("Friday, 1 April 2027", "en_GB", "is not a Friday"),
        ("not before 1 April 2027", "en_GB", "is not a date"),
        ("31/02/2027", "en_GB", "no day 31 in month 2"),
    ],
)
def test_what_is_not_one_date_is_refused(text, locale, message):
    with pytest.raises(ValueError, match=message):
        read_date(text, locale)


def check(day: date, locale: str, width: str) -> None:
    """A date the locale writes reads back as itself, or is refused as ambiguous (a two-digit year)."""
    text = format_date(day, width, locale=locale)
    try:
        found = read_date(text, locale)
    except Ambiguous:
        return
    except ValueError as exc:
        raise AssertionError(f"{locale} {width} {text!r}: refused but not as ambiguous: {exc}") from None
    assert found == day, f"{locale} {width} {text!r} read as {found}, not {day}"


def test_every_locale_writes_dates_we_read_back():
    for locale in LOCALES:
        for width in ("short", "medium", "long", "full"):
            check(date(2027, 4, 1), locale, width)


@given(
    locale=st.sampled_from(LOCALES),
    width=st.sampled_from(("short", "medium", "long", "full")),
    day=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)),
)
def test_any_date_in_any_locale_reads_back(locale, width, day):
    check(day, locale, width)
