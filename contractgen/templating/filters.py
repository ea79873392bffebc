"""The filters clause templates use (FILTERS): dates, amounts, numbers, lists in words, countries,
durations; and the words a value prints as (party references, Markdown escaping).

The money and number filters live in numbers.py and are listed here with the rest; Jinja's own
`join`, `replace`, `batch` and `slice` are replaced by versions that refuse huge results.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any, Literal

import jinja2
from babel import Locale
from jinja2 import pass_context
from jinja2.sandbox import SecurityError

from contractgen.templating.numbers import _locale, money, money0, number
from contractgen.values.wording_locale import english_locale
from contractgen.values.payment import PaymentTerm
from contractgen.values.countries import country_in_sentence, in_english
from contractgen.values.phrases import in_words
from contractgen.values.text import with_indefinite_article

MAX_STRING_LENGTH = 200_000  # characters of one string (or items of one list) a template may build
MAX_BATCH = 10_000  # items of one batch or slices of a list
ROLE_WORDS = {
    "client",
    "customer",
    "supplier",
    "provider",
    "vendor",
    "contractor",
    "company",
    "purchaser",
    "buyer",
    "service provider",
    "consultant",
    "licensee",
    "licensor",
}
# Short names that are common nouns and so take "the" ("the Bank"); any other short name is
# read as a proper name ("Tulpay"). A deal overrides either way with `article: the | none`.
COMMON_NOUNS = ROLE_WORDS | {
    "bank",
    "insurer",
    "hospital",
    "health system",
    "clinic",
    "charity",
    "trust",
    "retailer",
    "manufacturer",
    "operator",
    "group",
    "authority",
    "council",
    "university",
    "school",
    "college",
    "society",
    "firm",
    "partnership",
    "fund",
    "lender",
    "agency",
    "institution",
    "employer",
    "recipient",
    "organisation",
    "organization",
    "business",
    "practice",
    "distributor",
    "merchant",
    "integrator",
    "outsourcer",
    "reseller",
    "carrier",
    "utility",
    "insurance company",
    "fintech",
    "foundation",
    "association",
    "department",
    "government",
    "ministry",
    "municipality",
    "city",
    "county",
    "state",
    "board",
    "bureau",
    "canton",
    "commission",
    "directorate",
    "office",
    "service recipient",
    "processor",
    "controller",
    "business associate",
    "covered entity",
    "plan",
    "health plan",
    "network",
    "platform",
    "agent",
    "principal",
    "customer group",
    "airline",
    "telco",
    "cooperative",
    "co-operative",
    "body",
    "consortium",
}
_MD_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
# Line breaks and runs of spaces become one space; a no-break space stays, so "R$ 385.000,00" never breaks.
_WHITESPACE = re.compile(r"[^\S\u00a0\u202f\u2007]+")


def contract_words(value: Any) -> str:
    """Print a value as the contract says it: business days as the defined term "Business Days"."""
    if isinstance(value, PaymentTerm):
        # A clause version that prints the payment terms as they are prints them as days; any other term is
        # printed by the newer versions, which read its kind, and this one refuses it rather than garble it.
        if value.kind != "days":
            raise ValueError(
                f"the payment terms '{value}' are not a number of days, which is all this clause "
                "version prints; use the newest version of the clause"
            )
        value = value.length
    text = str(value)
    if getattr(value, "business", False) and getattr(value, "unit", "") == "day":
        text = text.replace("business day", "Business Day")
    return text


def escape_markdown(value: Any) -> str:
    """Return a value as Markdown that reads back as exactly its text, on one line."""
    if value is None:
        return ""
    text = _WHITESPACE.sub(" ", contract_words(value))
    return _MD_SPECIAL.sub(r"\\\1", text)


def takes_article(short_name: str, article: str | None = None) -> bool:
    """Whether the text writes 'the' before a party's short name (common nouns do, names do not)."""
    if article is not None:
        return article == "the"
    return short_name.strip().lower() in COMMON_NOUNS


def party_reference(short_name: str, article: str | None = None) -> str:
    """Return how the text names a party: 'the Bank' for common nouns, 'Tulpay' for a name."""
    return f"the {short_name}" if takes_article(short_name, article) else short_name


def with_article(value: Any) -> str:
    """Return the text after the indefinite article it takes by its sound: 'an Insurer', 'a Bank', 'an FCA'."""
    return with_indefinite_article(contract_words(value))


# ---------------------------------------------------------------- size checks


def size_of(value: Any) -> int:
    """Characters (or items) a value contributes when joined or printed."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (list, tuple)):
        return sum(len(v) if isinstance(v, str) else 1 for v in value) or len(value)
    return 1


def check_length(size: int) -> None:
    """Refuse a string or list longer than MAX_STRING_LENGTH before it is built."""
    if size > MAX_STRING_LENGTH:
        raise SecurityError("the string or list would be too long")


def replaced_size(text: str, old: str, new: str) -> int:
    """Length of `text.replace(old, new)`, computed without building it."""
    count = text.count(old) if old else len(text) + 1
    return len(text) + count * max(len(new) - len(old), 0)


@pass_context
def _checked_join(ctx, value, d: str = "", attribute=None) -> str:
    """Jinja's join filter, refusing results longer than the string limit."""
    items = list(value)
    check_length(sum(size_of(i) for i in items) + len(str(d)) * max(len(items) - 1, 0))
    return jinja2.filters.sync_do_join(ctx.eval_ctx, items, d, attribute)


def _checked_replace(value, old, new, count=None) -> str:
    """Jinja's replace filter (plain text), refusing results longer than the string limit."""
    text, old, new = str(value), str(old), str(new)
    check_length(replaced_size(text, old, new))
    return text.replace(old, new, -1 if count is None else count)


def _checked_batch(value, linecount: int, fill_with=None):
    """Jinja's batch filter, refusing a batch size that would pad a list to millions of items."""
    if not isinstance(linecount, int) or not 0 < linecount <= MAX_BATCH:
        raise SecurityError(f"a batch must have 1 to {MAX_BATCH:,} items")
    return jinja2.filters.do_batch(value, linecount, fill_with)


@pass_context
def _checked_slice(ctx, value, slices: int, fill_with=None):
    """Jinja's slice filter, refusing more slices than a list could sensibly have."""
    if not isinstance(slices, int) or not 0 < slices <= MAX_BATCH:
        raise SecurityError(f"a list can be sliced into 1 to {MAX_BATCH:,} parts")
    return jinja2.filters.sync_do_slice(value, slices, fill_with)


# ---------------------------------------------------------------- filters


@pass_context
def date(ctx, value) -> str:
    """Format a date in the English of the deal's region: 1 February 2027 / February 1, 2027."""
    from babel.dates import format_date

    if isinstance(value, str):
        value = dt.date.fromisoformat(value)
    return format_date(value, format="long", locale=english_locale(_locale(ctx)))


@pass_context
def percent(ctx, value) -> str:
    """Format a number out of 100 as a percentage in the house style, '%' with no space: 99.95 → 99.95%."""
    from babel.numbers import format_percent

    if hasattr(value, "per"):  # an interest rate; a clause printing "per month" must not be given a yearly one
        if value.per == "year":
            raise ValueError(
                f"{value.percent}% is a yearly rate and this clause version prints a rate per month; "
                "use the newest version of the clause"
            )
        value = value.percent
    fraction = Decimal(str(value)) / 100
    text = format_percent(fraction, format="#,##0.###%", locale=_locale(ctx))
    return re.sub(r"[\s\u00a0\u202f]+%", "%", text)  # some locales put a (narrow) space before the sign


@pass_context
def hours(ctx, value) -> str:
    """Format a number of hours: 4.5 hours, 1 hour."""
    text = number(ctx, value)
    return f"{text} hour" if Decimal(str(value)) == 1 else f"{text} hours"


def _list(ctx, items, style: Literal["standard", "or"]) -> str:
    from babel.lists import format_list

    items = [str(i) for i in items]
    if not items:
        return ""
    return format_list(items, style=style, locale=english_locale(_locale(ctx)))


@pass_context
def words(ctx, items) -> str:
    """Join a list in words: a, b and c."""
    return _list(ctx, items, "standard")


@pass_context
def words_or(ctx, items) -> str:
    """Join a list with 'or': a, b or c."""
    return _list(ctx, items, "or")


@pass_context
def country(ctx, code) -> str:
    """Return a country's English short name from its ISO 3166-1 code."""
    territories = Locale.parse(english_locale(_locale(ctx))).territories
    name = territories.get(str(code).upper())
    if not name and str(code) in territories.values():
        return str(code)  # already a country name
    if not name:
        raise ValueError(f"'{code}' is not a known country code")
    return name


def place(value) -> str:
    """A place a deal writes, as it reads in a sentence: a country's own name in its running-text form ("United Arab
    Emirates" → "the United Arab Emirates"); anything else (a state, "England and Wales") as written."""
    import pycountry

    text = str(value or "").strip()
    try:
        code = pycountry.countries.lookup(text).alpha_2
    except LookupError:
        return in_english(text)  # "Deutschland" → "Germany"
    return country_in_sentence(code)


# A zone named in hours the deal writes ("07:00-19:00 CET", "08:00-17:30 Irish time") when the contract names the
# zone itself: "CET" is wrong in summer, and "Irish time (Irish Time, ...)" says it twice.
_ZONE_WORDS = re.compile(r"\s+(?:[A-Z][a-z]+ time|C?ES?T|[GB]ST|W?ES?T|EES?T|UTC|GMT)$")


def hours_only(text) -> str:
    """Drop a trailing zone word from support hours the contract labels with a zone: '07:00-19:00 CET' → '07:00-19:00'."""
    return _ZONE_WORDS.sub("", str(text))


@pass_context
def local_time(ctx, name) -> str:
    """Name a zone by the place whose clock it is: 'Europe/Berlin' → 'local time in Germany, Europe/Berlin'."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from babel.core import get_global
    from babel.dates import get_timezone_location

    zone = str(name)
    country = get_global("zone_territories").get(zone, "")
    siblings = [z for z, c in get_global("zone_territories").items() if c == country]

    def offsets(z: str) -> tuple:
        return tuple(datetime(2026, m, 15, 12, tzinfo=ZoneInfo(z)).utcoffset() for m in (1, 7))

    try:
        one_clock = bool(country) and len({offsets(z) for z in siblings}) == 1
    except (KeyError, ValueError, OSError):
        one_clock = False
    if one_clock:
        place = country_in_sentence(country, _locale(ctx))
    else:
        place = get_timezone_location(zone, locale=english_locale(_locale(ctx)), return_city=True)
    return f"local time in {place}, {zone}"


@pass_context
def timezone(ctx, name) -> str:
    """Name a time zone for the contract: 'Europe/London' → 'British Time, Europe/London'."""
    from babel.dates import get_timezone, get_timezone_name

    generic = get_timezone_name(
        get_timezone(str(name)), "long", locale=english_locale(_locale(ctx)), zone_variant="generic"
    )
    return f"{generic}, {name}"


def duration(value) -> str:
    """Print a duration or frequency in words."""
    return contract_words(value)


def cap(value) -> str:
    """Upper-case the first letter only: 'the Supplier' → 'The Supplier' (durations in contract words)."""
    text = contract_words(value)
    return text[:1].upper() + text[1:]


def count_words(value) -> str:
    """Write small whole numbers in words (up to twelve), larger ones in digits."""
    return in_words(int(value))


FILTERS = {
    "money": money,
    "money0": money0,
    "date": date,
    "number": number,
    "percent": percent,
    "hours": hours,
    "words": words,
    "words_or": words_or,
    "country": country,
    "place": place,
    "duration": duration,
    "cap": cap,
    "a": with_article,
    "count_words": count_words,
    "timezone": timezone,
    "local_time": local_time,
    "hours_only": hours_only,
    "join": _checked_join,
    "replace": _checked_replace,
    "batch": _checked_batch,
    "slice": _checked_slice,
}
# Jinja filters that pad or reflow text to a width the template chooses: clauses never need them,
# and a huge width would exhaust memory.
UNSAFE_FILTERS = ("center", "indent", "wordwrap", "format", "truncate", "filesizeformat", "xmlattr", "urlize")
