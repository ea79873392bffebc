"""Currencies as written and printed: the signs people put beside an amount, and the markets of each currency.

The signs come from CLDR (through Babel: the symbol of a currency in each locale of the places
that use it) and from a short table of the prefixes and suffixes practitioners write that CLDR
does not list (``RMB``, ``NIS``, ``M.N.``, ``Fr.``, ``Rs``). A sign may name several currencies
(``$``, ``kr``, ``¥``); reading an amount accepts it when the deal's currency is one of them,
and printing chooses a form that names one currency only when the deal's places make the bare
sign ambiguous.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from contractgen.values.text import plain

# The dollars a bare "$" is most often read as; other dollars' "$" comes from their own markets (CLDR).
_DOLLARS = ("USD", "CAD", "AUD", "NZD", "SGD", "HKD", "MXN")

# Signs written beside amounts, with every currency each can mean (ISO codes are added on their own).
SIGNS: dict[str, tuple[str, ...]] = {
    "$": _DOLLARS, "US$": ("USD",), "U$S": ("USD",), "USD$": ("USD",), "C$": ("CAD", "NIO"), "CA$": ("CAD",),
    "Can$": ("CAD",), "A$": ("AUD",), "AU$": ("AUD",), "NZ$": ("NZD",), "S$": ("SGD",), "SG$": ("SGD",),
    "HK$": ("HKD",), "NT$": ("TWD",), "R$": ("BRL",), "MX$": ("MXN",), "Mex$": ("MXN",), "M.N.": ("MXN",),
    "£": ("GBP", "GIP", "FKP", "SHP"), "E£": ("EGP",), "LE": ("EGP",), "€": ("EUR",),
    "¥": ("JPY", "CNY"), "￥": ("JPY", "CNY"), "JP¥": ("JPY",), "円": ("JPY",), "CN¥": ("CNY",), "RMB": ("CNY",),
    "元": ("CNY",), "₹": ("INR",), "Rs": ("INR", "PKR", "LKR", "NPR", "MUR", "SCR"), "Rs.": ("INR", "PKR", "LKR", "NPR", "MUR"),
    "₨": ("INR", "PKR", "LKR", "NPR", "MUR"), "₦": ("NGN",), "₪": ("ILS",), "NIS": ("ILS",), "₺": ("TRY",),
    "TL": ("TRY",), "₩": ("KRW", "KPW"), "원": ("KRW",), "zł": ("PLN",), "kr": ("SEK", "NOK", "DKK", "ISK"),
    "kr.": ("DKK", "ISK"), ":-": ("SEK",), "Fr.": ("CHF",), "Fr": ("CHF",), "SFr.": ("CHF",), "R": ("ZAR",),
    "Rp": ("IDR",), "Rp.": ("IDR",), "SR": ("SAR", "SCR"), "﷼": ("SAR", "IRR", "OMR", "QAR", "YER"),
    "ر.س": ("SAR",), "AED": ("AED",), "Dhs": ("AED",), "Dh": ("AED", "MAD"),
    "د.إ": ("AED",), "QR": ("QAR",), "KD": ("KWD",), "BD": ("BHD",), "RO": ("OMR",),
    "₱": ("PHP", "CUP"), "₫": ("VND",), "฿": ("THB",), "RM": ("MYR",), "₴": ("UAH",), "₽": ("RUB",), "₸": ("KZT",),
    "₼": ("AZN",), "₾": ("GEL",), "₡": ("CRC",), "₲": ("PYG",), "₵": ("GHS",), "Kč": ("CZK",), "Ft": ("HUF",),
    "lei": ("RON",), "лв.": ("BGN",), "KSh": ("KES",), "Ksh": ("KES",), "USh": ("UGX",), "TSh": ("TZS",),
    "S/": ("PEN",), "S/.": ("PEN",), "Bs.": ("BOB", "VES"), "Q": ("GTQ",), "L": ("HNL",), "₭": ("LAK",), "៛": ("KHR",),
}  # fmt: skip

# Signs that several currencies are written with: printed only where every place of the deal uses the one meant.
SHARED_SIGNS = frozenset({"$", "kr", "kr.", "¥", "￥", "R", "Rs", "Rs.", "₨", "C$", "Fr."})

# The sign that names one currency where the bare one would not (else the ISO code is printed).
DISTINCT_SIGNS = {
    "USD": "US$",
    "SGD": "S$",
    "NZD": "NZ$",
    "AUD": "A$",
    "CAD": "CA$",
    "HKD": "HK$",
    "MXN": "MX$",
    "TWD": "NT$",
    "BRL": "R$",
    "JPY": "JP¥",
    "CNY": "CN¥",
    "INR": "₹",
}


@dataclass(frozen=True)
class Convention:
    """How a locale writes a number: its decimal symbol and its group symbol (spaces written as ' ')."""

    locale: str
    decimal: str
    group: str
    grouping: tuple[int, int] = (3, 3)  # digits in the last group and in those above it: (3, 2) in 1,00,00,000


def _group_symbol(symbol: str) -> str:
    if symbol in ("\u00a0", "\u202f", "\u2009", "\u2007", " "):
        return " "
    if symbol in ("'", "\u2019", "\u02bc"):
        return "'"
    return symbol


@lru_cache(maxsize=None)
def convention(locale: str) -> Convention:
    """Return the decimal and group symbols a locale writes with Latin digits (CLDR)."""
    from babel import Locale

    data = Locale.parse(locale)
    symbols = data.number_symbols.get("latn") or data.number_symbols[data.default_numbering_system]
    grouping = data.decimal_formats[None].grouping
    return Convention(str(data), symbols["decimal"], _group_symbol(symbols["group"]), (grouping[0], grouping[1]))


@lru_cache(maxsize=None)
def digits(currency: str) -> int:
    """How many decimals an amount in this currency has (CLDR): EUR 2, JPY 0, KWD 3."""
    from babel.numbers import get_currency_precision

    return get_currency_precision(currency)


@lru_cache(maxsize=None)
def markets(currency: str) -> tuple[str, ...]:
    """The locales of the places whose own currency this is, in their official languages.

    For a currency named after one country (TRY, CHF, INR) that country; for a shared one with no
    home country (EUR, XOF) every country that uses it today.
    """
    from babel.core import get_global
    from babel.localedata import locale_identifiers

    using = [
        territory
        for territory, spans in get_global("territory_currencies").items()
        if any(code == currency and end is None and tender for code, _start, end, tender in spans)
    ]
    languages = get_global("territory_languages")
    home = currency[:2]
    places = [home] if home in using and home in languages and home != "EU" else using
    known = set(locale_identifiers())
    found = []
    for place in sorted(places):
        for language, info in sorted(languages.get(place, {}).items()):
            name = f"{language}_{place}"
            if info.get("official_status") and name in known:
                found.append(name)
    return tuple(found)


@lru_cache(maxsize=None)
def iso_codes() -> frozenset[str]:
    """Every ISO 4217 code CLDR knows."""
    from babel import Locale

    return frozenset(Locale.parse("en").currency_symbols) | frozenset(Locale.parse("en").currencies)


@lru_cache(maxsize=None)
def signs_of(currency: str, locale: str) -> frozenset[str]:
    """Every sign that can stand for this currency: its code, its CLDR symbols where it is used, the table's."""
    from babel.numbers import get_currency_symbol

    found = {currency} | {sign for sign, codes in SIGNS.items() if currency in codes}
    for name in (locale, "en", *markets(currency)):
        found.add(get_currency_symbol(currency, name))
    return frozenset(plain(s) for s in found)


def currencies_of(sign: str, currency: str, locale: str) -> tuple[str, ...] | None:
    """The currencies a written sign can name (the deal's among them when it can), or None if unknown."""
    if sign in signs_of(currency, locale):
        return (currency,)
    if sign in SIGNS:
        return SIGNS[sign]
    if sign.upper() in iso_codes() and sign.isalpha() and len(sign) == 3:
        return (sign.upper(),)
    return None


def local_sign(currency: str, locale: str) -> str:
    """The sign the locale prints for a currency (CLDR): $ for USD in en_US, US$ in en_GB."""
    from babel.numbers import get_currency_symbol

    return get_currency_symbol(currency, locale)


def printed_sign(currency: str, locale: str, countries: tuple[str, ...] = ()) -> str:
    """The sign to print for a currency in a deal touching these countries: a shared sign only in a home deal.

    "$", "kr", "¥" and "R" each stand for several currencies. The locale's sign is kept when it
    names this currency alone, or when every country the deal touches uses this currency; else
    the form that names it alone is printed ("S$", "NZ$", "US$", or the ISO code), so that no
    party, delivery centre or sub-processor abroad can read another currency into it.
    """
    from babel.core import get_global

    sign = local_sign(currency, locale)
    if plain(sign) not in SHARED_SIGNS:
        return sign
    territories = get_global("territory_currencies")

    def uses(country: str) -> bool:
        return any(code == currency and end is None for code, _start, end, _tender in territories.get(country, ()))

    if countries and all(uses(country.upper()) for country in countries):
        return sign
    distinct = DISTINCT_SIGNS.get(currency)
    return distinct if distinct and distinct != sign else currency
