"""Currencies as written and printed: the signs people put beside an amount, and the markets of each currency.

The signs come from CLDR (through Babel: the symbol of a currency in each locale of the places
that use it) and from a short table of the prefixes and suffixes practitioners write that CLDR
does not list (``RMB``, ``NIS``, ``M.N.``, ``Fr.``, ``Rs``). A sign may name several currencies
(``$``, ``kr``, ``¥``); reading an amount accepts it when the deal's currency is one of them,
and printing always chooses a form that names one currency only (``printed_sign``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

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

# Signs people write for several currencies beside CLDR's shared ones ("R" read as a rand or a rupee, "Fr." as any
# franc): never printed (``printed_sign``).
SHARED_SIGNS = frozenset({"$", "kr", "kr.", "¥", "￥", "R", "Rs", "Rs.", "₨", "C$", "Fr."})

# A sign that names one currency in the contracts of every market, although CLDR also gives it to others in their own
# territories' locales: "£" is sterling in English usage (the Falkland Islands, Gibraltar and St Helena pounds, at par
# with sterling, and the South Sudanese pound are written "£" only in their own locales), so GBP keeps it.
OWN_SIGNS = {"GBP": "£"}

# CLDR's own shared signs: each symbol some locale prints for two or more currencies in use today (data file below).
SHARED_DATA = Path(__file__).with_name("data") / "shared_currency_signs.tsv"


def cldr_shared_signs() -> str:
    """The text of data/shared_currency_signs.tsv as CLDR (Babel) gives it: a line per symbol that the locales print
    for two or more currencies in use today ("£": GBP, FKP, GIP, SHP, SSP), with those currencies, tab-separated."""
    import babel
    from babel.core import get_global
    from babel.localedata import locale_identifiers

    current = {
        code for spans in get_global("territory_currencies").values() for code, _s, end, tender in spans
        if end is None and tender
    }  # fmt: skip
    found: dict[str, set[str]] = {}
    for name in locale_identifiers():
        for code, symbol in babel.Locale.parse(name).currency_symbols.items():
            if code in current:
                found.setdefault(plain(symbol), set()).add(code)
    lines = ["\t".join([sign, *sorted(codes)]) for sign, codes in sorted(found.items()) if len(codes) > 1]
    return "\n".join(lines) + "\n"


@lru_cache(maxsize=1)
def _cldr_shared() -> frozenset[str]:
    return frozenset(line.split("\t", 1)[0] for line in SHARED_DATA.read_text(encoding="utf-8").splitlines() if line)


def shared(sign: str) -> bool:
    """Whether a sign stands for several currencies: in CLDR's locales ("$", "£", "kr", "¥") or as people write it
    ("Rs", "R", "Fr.")."""
    sign = plain(sign)
    return sign in SHARED_SIGNS or sign in _cldr_shared() or len(SIGNS.get(sign, ())) > 1


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


WORDS_DATA = Path(__file__).with_name("data") / "currency_words.yaml"


@lru_cache(maxsize=1)
def _local_words() -> dict[str, tuple[str, ...]]:
    import yaml

    loaded = yaml.safe_load(WORDS_DATA.read_text(encoding="utf-8"))
    return {code: tuple(str(w) for w in words) for code, words in loaded["words"].items()}


def cldr_names(currency: str, name: str) -> set[str]:
    """The currency's symbol and display names (singular and every plural form) in one locale (CLDR)."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    try:
        data = Locale.parse(name)
    except (UnknownLocaleError, ValueError):
        return set()
    found = {data.currency_symbols.get(currency), data.currencies.get(currency)}
    found |= set(dict(data._data["currency_names_plural"].get(currency, {})).values())
    return {plain(str(s)) for s in found if s}


NAMES_DATA = Path(__file__).with_name("data") / "currency_names.tsv"


def _current() -> set[str]:
    from babel.core import get_global

    return {
        code for spans in get_global("territory_currencies").values() for code, _s, end, tender in spans
        if end is None and tender
    }  # fmt: skip


def cldr_currency_names() -> str:
    """The text of data/currency_names.tsv as CLDR (Babel) gives it: a line per currency in use today, its symbols
    and display names (singular and plural) in English and in its own markets' locales, tab-separated."""
    import babel

    lines = []
    for code in sorted(_current()):
        names: set[str] = set()
        for name in ("en", *markets(code)):
            names |= cldr_names(code, name)
        lines.append("\t".join([code, *sorted(names - {code})]))
    header = f"# CLDR currency signs and names (Babel {babel.__version__}); see contractgen/values/currencies.py\n"
    return header + "".join(line + "\n" for line in lines)


@lru_cache(maxsize=1)
def _market_names() -> dict[str, tuple[str, ...]]:
    found = {}
    for line in NAMES_DATA.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            code, *names = line.split("\t")
            found[code] = tuple(names)
    return found


@lru_cache(maxsize=None)
def signs_of(currency: str, locale: str) -> frozenset[str]:
    """Every sign that can stand for this currency: its code, its CLDR symbols and names in the deal's locale, in
    English and in its markets (data/currency_names.tsv), the table's, and the market's own abbreviations
    (data/currency_words.yaml)."""
    from babel.numbers import get_currency_symbol

    found = {currency, get_currency_symbol(currency, locale)} | cldr_names(currency, locale)
    found |= {sign for sign, codes in SIGNS.items() if currency in codes}
    found |= set(_local_words().get(currency, ()))
    if currency in _market_names():
        found |= set(_market_names()[currency])
    else:  # a currency no longer in use: its names where CLDR still has them
        for name in ("en", *markets(currency)):
            found.add(get_currency_symbol(currency, name))
            found |= cldr_names(currency, name)
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


def printed_sign(currency: str, locale: str) -> str:
    """The sign every amount in the deal's currency is printed with: one that names that currency alone.

    The locale's own sign (CLDR) where no other currency is written with it (€, ₹, CHF, zł); else the sign
    international English gives it (CLDR's en_001: US$, A$, NZ$, CA$, HK$, JP¥, CN¥) where that one names it alone;
    else its ISO code (GBP, SEK, SGD, ZAR), since "$", "£", "kr", "¥" and "R" each stand for several currencies.
    """
    if currency in OWN_SIGNS:
        return OWN_SIGNS[currency]
    sign = local_sign(currency, locale)
    if not shared(sign):
        return sign
    international = local_sign(currency, "en_001")
    return international if not shared(international) else currency
