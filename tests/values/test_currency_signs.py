"""No amount in a contract leaves its currency open to another reading.

Every pair of a locale the deal model accepts (CLDR's, through Babel) and a currency in use today whose symbol in
that locale other currencies share ("$", "£", "kr", "¥" …): the amount prints with a sign that names its currency
alone, its figures are those the locale's own format gives (only the sign changes), and it reads back as the same
amount in that currency.
"""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import babel
import pytest
from babel.core import get_global
from babel.localedata import locale_identifiers

from contractgen.templating.numbers import money
from contractgen.values.amounts import read_money
from contractgen.values.currencies import (
    OWN_SIGNS,
    SHARED_DATA,
    cldr_shared_signs,
    currencies_of,
    local_sign,
    printed_sign,
    shared,
)

AMOUNT = Decimal("1250000")


@lru_cache(maxsize=1)
def pairs() -> dict[str, list[str]]:
    """Each currency in use today, with the locales that print it with a sign other currencies share."""
    current = {
        code for spans in get_global("territory_currencies").values() for code, _s, end, tender in spans
        if end is None and tender
    }  # fmt: skip
    found: dict[str, list[str]] = {}
    for name in locale_identifiers():
        for code, symbol in babel.Locale.parse(name).currency_symbols.items():
            if code in current and shared(symbol):
                found.setdefault(code, []).append(name)
    return found


def test_the_shared_signs_file_is_what_cldr_gives():
    """data/shared_currency_signs.tsv is CLDR's as the installed Babel gives it (scripts/cldr-shared-currency-signs.py)."""
    assert SHARED_DATA.read_text(encoding="utf-8") == cldr_shared_signs()


def test_dollar_pound_krona_yen_and_rupee_signs_are_shared_and_their_distinct_forms_are_not():
    for sign in ("$", "£", "kr", "¥", "Rs"):
        assert shared(sign), sign
    for sign in ("€", "₹", "NZ$", "A$", "US$", "CN¥", "JP¥", "CHF", "zł"):
        assert not shared(sign), sign


@pytest.mark.parametrize("currency", sorted(pairs()))
def test_every_amount_names_its_currency_alone_and_keeps_its_figures(currency: str):
    assert pairs()[currency]
    for locale in pairs()[currency]:
        sign = printed_sign(currency, locale)
        assert not shared(sign) or OWN_SIGNS.get(currency) == sign, (locale, sign)
        assert currencies_of(sign, currency, locale)[0] == currency, (locale, sign)
        own = money({"currency_": currency, "locale_": locale, "currency_sign_": None}, AMOUNT)
        printed = money({"currency_": currency, "locale_": locale, "currency_sign_": sign}, AMOUNT)
        assert sign in printed, (locale, printed)
        local = local_sign(currency, locale).replace("\uffe5", "¥")
        figures = printed.replace(sign, "").strip("\u00a0 ")
        assert figures == own.replace(local, "").strip("\u00a0 "), (locale, own, printed)
        assert read_money(printed, currency, locale) == AMOUNT, (locale, printed)


@pytest.mark.parametrize(
    ("currency", "locale", "expected"),
    [
        ("NZD", "en_NZ", "NZ$"),
        ("AUD", "en_AU", "A$"),
        ("USD", "en_US", "US$"),
        ("SGD", "en_SG", "SGD"),
        ("GBP", "en_GB", "£"),  # sterling's sign in every market's contracts (OWN_SIGNS)
        ("SEK", "sv_SE", "SEK"),
        ("JPY", "ja_JP", "JP¥"),
        ("CNY", "zh_CN", "CN¥"),
        ("EUR", "de_DE", "€"),
        ("INR", "en_IN", "₹"),
        ("CHF", "de_CH", "CHF"),
    ],
)
def test_the_sign_is_the_locale_s_then_international_english_s_then_the_code(currency, locale, expected):
    assert printed_sign(currency, locale) == expected
